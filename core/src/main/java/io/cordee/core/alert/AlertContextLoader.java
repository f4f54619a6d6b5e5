package io.cordee.core.alert;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.Invoice;
import io.cordee.core.brief.Brief;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.BriefRepository;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.brief.BriefVersionId;
import io.cordee.core.brief.Requirement;
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
import io.cordee.core.relationship.RelationshipRepository;
import io.cordee.core.relationship.RelationshipService;
import java.time.LocalDate;
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
 * Reads what an evaluation's {@link AlertContext} holds (ADR 54), each fact once (ADR 96): the agency cash picture
 * (remembered by data version, ADR 47) with the overdue invoices beside it; then the facts the picture does not hold
 * ({@link EvaluationFacts}): the clients' commitments and the rest of their relationship health's facts, the latest
 * version of each brief with its requirements; and, when a cash risk service is wired, the Monte Carlo run over the
 * picture. The capacity of the coming months, the relationship health and the briefs' feasibility are computed from
 * these by the context, with their services' computations, as of the evaluation's date: none of the team, absences,
 * allocations, projects, clients, holidays or agency is read twice. A fixed number of statements whatever the size of
 * the agency. It acts with an owner's view of the agency: it is the system, not a user.
 */
public final class AlertContextLoader {

    private static final UserId SYSTEM = new UserId(new UUID(0, 0));

    private final CashService cash;
    private final BillingRepository billing;
    private final RelationshipService relationshipService;
    private final RelationshipRepository relationships;
    private final BriefRepository briefs;
    private final CashRiskService cashRisk;

    /** {@code cashRisk} may be null: then no context has a Monte Carlo run and {@code CASH_RISK} never fires. */
    public AlertContextLoader(CashService cash, BillingRepository billing, RelationshipService relationshipService,
                              RelationshipRepository relationships, BriefRepository briefs, CashRiskService cashRisk) {
        this.cash = cash;
        this.billing = billing;
        this.relationshipService = relationshipService;
        this.relationships = relationships;
        this.briefs = briefs;
        this.cashRisk = cashRisk;
    }

    /** The context of {@code agency} as of {@code today} under {@code thresholds}. */
    public Mono<AlertContext> load(Agency agency, LocalDate today, AlertThresholds thresholds) {
        AgencyId agencyId = agency.id();
        Caller system = new Caller(SYSTEM, agencyId, Role.OWNER, null);
        return Mono.defer(() -> {
            int weeks = Math.max(AlertService.HORIZON_WEEKS, thresholds.cashWarningWeeks());
            Mono<List<Invoice>> overdue = billing.findIssuedDueBefore(agencyId,
                    today.minusDays(thresholds.overdueDays() - 1L)).collectList();
            return Mono.zip(cash.picture(agency, today), overdue).flatMap(z -> {
                AgencyCashPicture picture = z.getT1();
                List<ClientId> clientIds = picture.clients().stream().map(Client::id).toList();
                Mono<List<Commitment>> commitments = clientIds.isEmpty() ? Mono.just(List.of())
                        : relationships.findCommitments(agencyId, clientIds).collectList();
                return Mono.zip(commitments, relationshipService.healthFacts(system, clientIds, today),
                                latestBriefs(agencyId, picture.projects()))
                        .map(u -> new EvaluationFacts(z.getT2(), u.getT1(), u.getT2(), u.getT3().versions(),
                                u.getT3().briefs(), u.getT3().requirements()))
                        .flatMap(facts -> monteCarlo(picture).map(risk -> AlertContext.of(picture, thresholds,
                                weeks, facts, risk.map(CashRiskService.AlertRun::risk).orElse(null),
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

    /** The latest version of each brief, ordered by brief, with the briefs and those versions' requirements. */
    private record LatestBriefs(List<BriefVersion> versions, Map<BriefId, Brief> briefs,
                                Map<BriefVersionId, List<Requirement>> requirements) {
        static final LatestBriefs NONE = new LatestBriefs(List.of(), Map.of(), Map.of());
    }

    /** The briefs of the agency's projects, their latest versions and those versions' requirements: three reads. */
    private Mono<LatestBriefs> latestBriefs(AgencyId agencyId, List<Project> allProjects) {
        if (allProjects.isEmpty()) {
            return Mono.just(LatestBriefs.NONE);
        }
        List<ProjectId> projectIds = allProjects.stream().map(Project::id).toList();
        return briefs.findByProjects(agencyId, projectIds).collectList().flatMap(bs -> {
            if (bs.isEmpty()) {
                return Mono.just(LatestBriefs.NONE);
            }
            Map<BriefId, Brief> byId = bs.stream().collect(Collectors.toMap(Brief::id, Function.identity()));
            return briefs.findVersions(agencyId, byId.keySet()).collectList().flatMap(versions -> {
                Map<BriefId, BriefVersion> latest = new HashMap<>();
                versions.forEach(v -> latest.merge(v.briefId(), v, (a, b) -> b.number() > a.number() ? b : a));
                if (latest.isEmpty()) {
                    return Mono.just(LatestBriefs.NONE);
                }
                List<BriefVersion> ordered = latest.values().stream()
                        .sorted(Comparator.comparing(v -> v.briefId().value())).toList();
                return briefs.findRequirements(agencyId, ordered.stream().map(BriefVersion::id).toList())
                        .map(requirements -> new LatestBriefs(ordered, byId, requirements));
            });
        });
    }
}
