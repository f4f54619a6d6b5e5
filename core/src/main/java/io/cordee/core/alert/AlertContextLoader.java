package io.cordee.core.alert;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.Invoice;
import io.cordee.core.brief.Brief;
import io.cordee.core.brief.BriefFeasibility;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.BriefRepository;
import io.cordee.core.brief.BriefService;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.cash.AgencyCashPicture;
import io.cordee.core.cash.CashRiskService;
import io.cordee.core.cash.CashService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.relationship.Commitment;
import io.cordee.core.relationship.RelationshipHealth;
import io.cordee.core.relationship.RelationshipRepository;
import io.cordee.core.relationship.RelationshipService;
import io.cordee.core.staffing.MonthCapacity;
import io.cordee.core.staffing.StaffingService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Reads what an evaluation's {@link AlertContext} holds (ADR 54): the agency cash picture (remembered by
 * data version, ADR 47), the capacity of the coming months, the overdue invoices, relationship health and
 * commitments, the feasibility of each brief's latest version and, when a cash risk service is wired, the
 * Monte Carlo run (after the picture, so it reuses it). A fixed number of statements whatever the size of
 * the agency. It acts with an owner's view of the agency: it is the system, not a user.
 */
public final class AlertContextLoader {

    private static final UserId SYSTEM = new UserId(new UUID(0, 0));

    private final CashService cash;
    private final StaffingService staffing;
    private final BillingRepository billing;
    private final RelationshipService relationshipService;
    private final RelationshipRepository relationships;
    private final BriefRepository briefs;
    private final BriefService briefService;
    private final CashRiskService cashRisk;

    /** {@code cashRisk} may be null: then no context has a Monte Carlo run and {@code CASH_RISK} never fires. */
    public AlertContextLoader(CashService cash, StaffingService staffing, BillingRepository billing,
                              RelationshipService relationshipService, RelationshipRepository relationships,
                              BriefRepository briefs, BriefService briefService, CashRiskService cashRisk) {
        this.cash = cash;
        this.staffing = staffing;
        this.billing = billing;
        this.relationshipService = relationshipService;
        this.relationships = relationships;
        this.briefs = briefs;
        this.briefService = briefService;
        this.cashRisk = cashRisk;
    }

    /** The context of {@code agency} as of {@code today} under {@code thresholds}. */
    public Mono<AlertContext> load(Agency agency, LocalDate today, AlertThresholds thresholds) {
        AgencyId agencyId = agency.id();
        Caller system = new Caller(SYSTEM, agencyId, Role.OWNER, null);
        return Mono.defer(() -> {
            int weeks = Math.max(AlertService.HORIZON_WEEKS, thresholds.cashWarningWeeks());
            Mono<List<MonthCapacity>> months = staffing.capacity(system, YearMonth.from(today),
                    AlertService.CAPACITY_MONTHS);
            Mono<List<Invoice>> overdue = billing.findIssuedDueBefore(agencyId,
                    today.minusDays(thresholds.overdueDays() - 1L)).collectList();
            return Mono.zip(cash.picture(agency, today), months, overdue).flatMap(z -> {
                AgencyCashPicture picture = z.getT1();
                List<ClientId> clientIds = picture.clients().stream().map(Client::id).toList();
                Mono<Map<ClientId, RelationshipHealth>> health = relationshipService.health(system, clientIds);
                Mono<List<Commitment>> commitments = clientIds.isEmpty() ? Mono.just(List.of())
                        : relationships.findCommitments(agencyId, clientIds).collectList();
                return Mono.zip(health, commitments, briefFacts(system, agencyId, picture.projects()))
                        .flatMap(u -> monteCarlo(picture).map(risk -> AlertContext.of(picture, thresholds,
                                weeks, z.getT2(), z.getT3(), u.getT1(), u.getT2(), u.getT3(),
                                risk.map(CashRiskService.AlertRun::risk).orElse(null),
                                risk.map(CashRiskService.AlertRun::settings).orElse(null))));
            });
        });
    }

    /**
     * The Monte Carlo run of the base forecast over the picture already read (its input and paid histories: only
     * the settings and the pipeline are read); none without a cash risk service or a bank balance.
     */
    private Mono<Optional<CashRiskService.AlertRun>> monteCarlo(AgencyCashPicture picture) {
        if (cashRisk == null) {
            return Mono.just(Optional.empty());
        }
        return cashRisk.forAlerts(picture).map(Optional::of)
                // no bank balance yet: no forecast, no risk
                .onErrorResume(InvalidInput.class, e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty());
    }

    /** The latest version of every brief of the agency, with its feasibility. */
    private Mono<List<UnrealisticBrief.CurrentVersion>> briefFacts(Caller system, AgencyId agencyId,
                                                                  List<Project> allProjects) {
        if (allProjects.isEmpty()) {
            return Mono.just(List.of());
        }
        Map<ProjectId, ClientId> clientOf = allProjects.stream().collect(Collectors.toMap(Project::id, Project::clientId));
        return briefs.findByProjects(agencyId, clientOf.keySet()).collectList().flatMap(bs -> {
            if (bs.isEmpty()) {
                return Mono.just(List.<UnrealisticBrief.CurrentVersion>of());
            }
            Map<BriefId, Brief> byId = bs.stream().collect(Collectors.toMap(Brief::id, Function.identity()));
            return briefs.findVersions(agencyId, byId.keySet()).collectList().flatMap(versions -> {
                Map<BriefId, BriefVersion> latest = new HashMap<>();
                versions.forEach(v -> latest.merge(v.briefId(), v, (a, b) -> b.number() > a.number() ? b : a));
                return briefService.feasibility(system, latest.values()).map(feasibility -> {
                    List<UnrealisticBrief.CurrentVersion> result = new ArrayList<>();
                    latest.values().stream().sorted(Comparator.comparing(v -> v.briefId().value())).forEach(v -> {
                        BriefFeasibility f = feasibility.get(v.id());
                        Brief brief = byId.get(v.briefId());
                        if (f != null && brief != null) {
                            result.add(new UnrealisticBrief.CurrentVersion(brief.id(), clientOf.get(brief.projectId()), f));
                        }
                    });
                    return result;
                });
            });
        });
    }
}
