package io.cordee.core.alert;

import io.cordee.core.common.Computations;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.agency.Segment;
import io.cordee.core.alert.EarlyWarnings.Facts;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.billing.Receivable;
import io.cordee.core.brief.BriefFeasibility;
import io.cordee.core.brief.BriefRepository;
import io.cordee.core.brief.BriefService;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.brief.Brief;
import io.cordee.core.cash.AgencyCashPicture;
import io.cordee.core.cash.CashForecast;
import io.cordee.core.cash.CashForecaster;
import io.cordee.core.cash.CashMovement;
import io.cordee.core.cash.CashService;
import io.cordee.core.cash.Exposure;
import io.cordee.core.cash.ForecastInput;
import io.cordee.core.cash.Scenario;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.relationship.Commitment;
import io.cordee.core.relationship.RelationshipHealth;
import io.cordee.core.relationship.RelationshipRepository;
import io.cordee.core.relationship.RelationshipService;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.MonthCapacity;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.WorkingCalendar;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Use cases of the early warnings: evaluate an agency's rules and store what changed, list alerts,
 * acknowledge and snooze them, read and change the thresholds.
 *
 * <p>Who sees what (ADR 10): OWNER and FINANCE every alert; LEAD the kinds about people and briefs
 * ({@link #LEAD_KINDS}: capacity concentration — the same shares the capacity view shows a lead —
 * unrealistic brief and engagement drop), never the money ones; CLIENT none ({@link Forbidden} on lists,
 * "not found" by id). Thresholds: staff read them, OWNER changes them.
 */
public final class AlertService {

    public static final Set<AlertKind> LEAD_KINDS = Collections.unmodifiableSet(EnumSet.of(
            AlertKind.CAPACITY_CONCENTRATION, AlertKind.UNREALISTIC_BRIEF, AlertKind.ENGAGEMENT_DROP));
    /** Months of capacity the concentration rule looks ahead, the as-of month included. */
    public static final int CAPACITY_MONTHS = 12;
    /** Weeks of forecast and exposure the rules read (longer when the cash warning level is further). */
    public static final int HORIZON_WEEKS = 52;
    public static final int COMMENT_MAX_LENGTH = 1_000;
    private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    /** The evaluation acts with an owner's view of its agency: it is the system, not a user. */
    private static final UserId SYSTEM = new UserId(new UUID(0, 0));

    private final AlertRepository alerts;
    private final AgencyRepository agencies;
    private final ClientRepository clients;
    private final ProjectRepository projects;
    private final BillingRepository billing;
    private final AllocationRepository allocations;
    private final RelationshipRepository relationships;
    private final BriefRepository briefs;
    private final CashService cash;
    private final StaffingService staffing;
    private final RelationshipService relationshipService;
    private final BriefService briefService;
    private final TransactionRunner tx;
    private final IdGenerator ids;
    private final Clock clock;

    private final Computations computations;
    private final List<SeparateRule> separateRules;

    /**
     * A rule whose facts are too costly to be part of {@link EarlyWarnings.Facts} and are computed apart
     * ({@code CASH_RISK}'s Monte Carlo run, {@link CashRiskRule}); its findings join the others'.
     */
    public interface SeparateRule {
        Mono<List<Finding>> findings(AgencyId agencyId, LocalDate today);
    }

    public AlertService(AlertRepository alerts, AgencyRepository agencies, ClientRepository clients,
                        ProjectRepository projects, BillingRepository billing, AllocationRepository allocations,
                        RelationshipRepository relationships, BriefRepository briefs, CashService cash,
                        StaffingService staffing, RelationshipService relationshipService, BriefService briefService,
                        TransactionRunner tx, IdGenerator ids, Clock clock, Computations computations) {
        this(alerts, agencies, clients, projects, billing, allocations, relationships, briefs, cash, staffing,
                relationshipService, briefService, tx, ids, clock, computations, List.of());
    }

    public AlertService(AlertRepository alerts, AgencyRepository agencies, ClientRepository clients,
                        ProjectRepository projects, BillingRepository billing, AllocationRepository allocations,
                        RelationshipRepository relationships, BriefRepository briefs, CashService cash,
                        StaffingService staffing, RelationshipService relationshipService, BriefService briefService,
                        TransactionRunner tx, IdGenerator ids, Clock clock, Computations computations,
                        List<SeparateRule> separateRules) {
        this.separateRules = List.copyOf(separateRules);
        this.computations = computations;
        this.alerts = alerts;
        this.agencies = agencies;
        this.clients = clients;
        this.projects = projects;
        this.billing = billing;
        this.allocations = allocations;
        this.relationships = relationships;
        this.briefs = briefs;
        this.cash = cash;
        this.staffing = staffing;
        this.relationshipService = relationshipService;
        this.briefService = briefService;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
    }

    // ---- evaluation ----------------------------------------------------------------------------

    /**
     * Runs every rule over the agency's facts as of {@code today}, reconciles the findings with the
     * unresolved alerts and stores the changes in one transaction; returns them. The facts are read in a
     * fixed number of statements whatever the size of the agency. A concurrent change of the same alerts
     * (an acknowledgement, another instance's evaluation) makes the transaction fail and the evaluation
     * run again, up to three times.
     */
    public Flux<AlertChange> evaluate(AgencyId agencyId, LocalDate today) {
        return agency(agencyId).flatMapMany(agency -> alerts.findThresholds(agencyId)
                .defaultIfEmpty(AgencyThresholds.defaults())
                .flatMap(th -> facts(agency, today, th.thresholds())
                        .flatMap(facts -> computations.run(() -> EarlyWarnings.findings(facts, th.thresholds()))))
                .flatMap(findings -> Flux.fromIterable(separateRules).concatMap(rule -> rule.findings(agencyId, today))
                        .reduce(findings, (all, more) -> java.util.stream.Stream.concat(all.stream(), more.stream()).toList()))
                .flatMap(findings -> tx.inTransaction(alerts.findUnresolved(agencyId).collectList().flatMap(stored -> {
                    Map<AlertId, Long> versions = stored.stream()
                            .collect(Collectors.toMap(StoredAlert::id, StoredAlert::version));
                    List<AlertChange> changes = AlertLifecycle.reconcile(
                            stored.stream().map(StoredAlert::alert).toList(), findings,
                            clockOn(agency, today), ids::newId);
                    return alerts.apply(agencyId, changes, versions).thenReturn(changes);
                })))
                .retryWhen(Retry.max(3).filter(Conflict.class::isInstance))
                .flatMapIterable(changes -> changes));
    }

    /** The service's clock in the agency's time zone, moved by whole days to {@code day} (snoozes end by it). */
    private Clock clockOn(Agency agency, LocalDate day) {
        Clock zoned = clock.withZone(agency.settings().timeZone());
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(zoned), day);
        return days == 0 ? zoned : Clock.offset(zoned, java.time.Duration.ofDays(days));
    }

    /** Every agency, for the daily evaluation. */
    public Flux<AgencyId> agencyIds() {
        return alerts.agencyIds();
    }

    /** Today in the agency's time zone, by the service's clock. */
    public Mono<LocalDate> today(AgencyId agencyId) {
        return agency(agencyId).map(a -> LocalDate.now(clock.withZone(a.settings().timeZone())));
    }

    /**
     * The rules' facts: capacity, the base forecast and its input, exposures, time to first cash,
     * start-ups' last payments, overdue invoices, paid history, relationship health and commitments,
     * the feasibility of each brief's latest version.
     */
    Mono<Facts> facts(Agency agency, LocalDate today, AlertThresholds t) {
        AgencyId agencyId = agency.id();
        Caller system = new Caller(SYSTEM, agencyId, Role.OWNER, null);
        return Mono.defer(() -> {
            int weeks = Math.max(HORIZON_WEEKS, t.cashWarningWeeks());
            Mono<List<MonthCapacity>> months = staffing.capacity(system, YearMonth.from(today), CAPACITY_MONTHS);
            Mono<List<Invoice>> overdue = billing.findIssuedDueBefore(agencyId, today.minusDays(t.overdueDays() - 1L))
                    .collectList();
            return Mono.zip(cash.picture(agency, today), months, overdue)
                    .flatMap(z -> {
                        AgencyCashPicture picture = z.getT1();
                        List<ClientId> clientIds = picture.clients().stream().map(Client::id).toList();
                        Mono<Map<ClientId, RelationshipHealth>> health = relationshipService.health(system, clientIds);
                        Mono<List<Commitment>> commitments = clientIds.isEmpty() ? Mono.just(List.of())
                                : relationships.findCommitments(agencyId, clientIds).collectList();
                        return Mono.zip(health, commitments, briefFacts(system, agencyId, picture.projects()))
                                .flatMap(u -> computations.run(() -> assemble(picture, weeks, z.getT2(), z.getT3(),
                                        u.getT1(), u.getT2(), u.getT3())));
                    });
        });
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
            Map<io.cordee.core.brief.BriefId, Brief> byId = bs.stream()
                    .collect(Collectors.toMap(Brief::id, Function.identity()));
            return briefs.findVersions(agencyId, byId.keySet()).collectList().flatMap(versions -> {
                Map<io.cordee.core.brief.BriefId, BriefVersion> latest = new HashMap<>();
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

    private static Facts assemble(AgencyCashPicture picture, int weeks, List<MonthCapacity> months,
                                  List<Invoice> overdue, Map<ClientId, RelationshipHealth> health,
                                  List<Commitment> commitments, List<UnrealisticBrief.CurrentVersion> briefVersions) {
        Agency agency = picture.agency();
        LocalDate today = picture.asOf();
        List<Client> clients = picture.clients();
        CashForecast forecast;
        List<LongTimeToCash.ProjectCash> projectCash = new ArrayList<>();
        List<ExposureLimit.ClientExposure> exposures = new ArrayList<>();
        List<FundingRisk.Startup> startups = new ArrayList<>();
        if (!picture.hasForecast()) {
            // no bank balance yet: no forecast, so no cash, exposure, time-to-cash or funding facts
            Money zero = picture.zero();
            forecast = new CashForecast(today, agency.settings().safetyCashThreshold(), zero, List.of(), zero, null,
                    null, Map.of());
        } else {
            forecast = picture.forecast(weeks, Scenario.BASE);
            // expected dates as the delay model gives them, not moved to today when late (see the rules)
            Map<ProjectId, LocalDate> firstExpected = new HashMap<>();
            Map<ClientId, LocalDate> lastExpected = new HashMap<>();
            for (AgencyCashPicture.ExpectedReceipt e : picture.expectedReceipts()) {
                Receivable r = e.receivable();
                if (r.projectId() != null) {
                    firstExpected.merge(r.projectId(), e.expected(), (a, b) -> a.isBefore(b) ? a : b);
                }
                lastExpected.merge(r.clientId(), e.expected(), (a, b) -> a.isAfter(b) ? a : b);
            }
            for (Project p : picture.projects()) {
                LocalDate received = picture.firstPayments().get(p.id());
                LocalDate expected = firstExpected.get(p.id());
                LocalDate first = received != null && (expected == null || !expected.isBefore(received)) ? received
                        : expected;
                if (p.startDate() != null) {
                    projectCash.add(new LongTimeToCash.ProjectCash(p.id(), p.clientId(), p.startDate(), first,
                            received != null));
                }
            }
            Map<ClientId, Exposure.Series> exposureOf = picture.exposures(weeks);
            for (Client c : clients) {
                Computations.checkpoint();
                Exposure.Series series = exposureOf.get(c.id());
                if (series != null) {
                    exposures.add(new ExposureLimit.ClientExposure(c.id(), series));
                }
                if (c.segment() == Segment.STARTUP) {
                    startups.add(new FundingRisk.Startup(c, lastExpected.get(c.id())));
                }
            }
        }
        Map<ClientId, List<Commitment>> commitmentsOf = commitments.stream()
                .collect(Collectors.groupingBy(Commitment::clientId));
        List<EngagementDrop.Relationship> relationshipFacts = new ArrayList<>();
        for (Client c : clients) {
            RelationshipHealth h = health.get(c.id());
            if (h != null) {
                relationshipFacts.add(new EngagementDrop.Relationship(c.id(), h,
                        commitmentsOf.getOrDefault(c.id(), List.of())));
            }
        }
        Map<ClientId, List<PaymentDelayModel.PaidInvoice>> paidOf = picture.paidHistory().stream()
                .collect(Collectors.groupingBy(PaidDates::clientId,
                        Collectors.mapping(PaidDates::asPaidInvoice, Collectors.toList())));
        List<PaymentDrift.ClientPayments> clientPayments = clients.stream().filter(c -> paidOf.containsKey(c.id()))
                .map(c -> new PaymentDrift.ClientPayments(c.id(), paidOf.get(c.id()))).toList();
        return new Facts(today, months, forecast, projectCash, exposures, startups, overdue, clientPayments,
                relationshipFacts, briefVersions);
    }

    // ---- use cases -----------------------------------------------------------------------------

    /** The alerts the caller may see, newest first; CLIENT users may not list alerts. */
    public Mono<Page<StoredAlert>> alerts(Caller caller, AlertFilter filter, PageRequest page) {
        return Mono.fromCallable(() -> visibleKinds(caller, "see alerts"))
                .flatMap(kinds -> today(caller.agencyId()).flatMap(today -> alerts.findPage(caller.agencyId(),
                        (filter == null ? AlertFilter.all() : filter).within(kinds), today, page)));
    }

    /** One alert, if it exists in the caller's agency and the caller may see its kind; empty otherwise. */
    public Mono<StoredAlert> find(Caller caller, AlertId id) {
        if (caller.isClientUser()) {
            return Mono.empty();
        }
        Set<AlertKind> kinds = visibleKinds(caller, "see alerts");
        return alerts.findById(caller.agencyId(), id).filter(a -> kinds.contains(a.alert().kind()));
    }

    /**
     * The stored alerts of {@code agencyId} with these ids, in that order (those that no longer exist, or
     * belong to another agency, are left out), read in one statement: what live subscribers are told after
     * an evaluation. No caller: the subscriptions filter by role ({@link #visibleKinds}).
     */
    public Flux<StoredAlert> stored(AgencyId agencyId, List<AlertId> ids) {
        return alerts.findAllById(agencyId, ids).collectMap(StoredAlert::id)
                .flatMapIterable(byId -> ids.stream().map(byId::get).filter(Objects::nonNull).toList());
    }

    /** Marks an open alert as seen, with an optional comment: it leaves the open list until it gets worse. */
    public Mono<StoredAlert> acknowledge(Caller caller, AlertId id, long expectedVersion, String comment) {
        return Mono.fromCallable(() -> {
                    visibleKinds(caller, "acknowledge alerts");
                    new Validator().maxLength("comment", comment, COMMENT_MAX_LENGTH).throwIfInvalid();
                    return caller;
                })
                .then(existing(caller, id, expectedVersion))
                .flatMap(stored -> write(caller, new StoredAlert(stored.alert().acknowledge(clock.instant()),
                        caller.userId(), blankToNull(comment), expectedVersion)));
    }

    /** Quiets an alert until a date after today (the agency's time zone), unless it gets worse first. */
    public Mono<StoredAlert> snooze(Caller caller, AlertId id, long expectedVersion, LocalDate until) {
        return Mono.fromCallable(() -> visibleKinds(caller, "snooze alerts"))
                .then(today(caller.agencyId()))
                .flatMap(today -> {
                    new Validator().required("until", until)
                            .check(until == null || until.isAfter(today), "until", "must be after today (" + today + ")",
                                    ErrorCode.OUT_OF_RANGE)
                            .throwIfInvalid();
                    return existing(caller, id, expectedVersion);
                })
                .flatMap(stored -> write(caller, new StoredAlert(stored.alert().snooze(until), stored.acknowledgedBy(),
                        stored.comment(), expectedVersion)));
    }

    /** The agency's thresholds (the defaults until the owner changes them). Agency staff only. */
    public Mono<AgencyThresholds> thresholds(Caller caller) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see the alert thresholds"))
                .then(alerts.findThresholds(caller.agencyId()).defaultIfEmpty(AgencyThresholds.defaults()));
    }

    /**
     * Changes the thresholds (OWNER only): unset fields keep their value; {@code expectedVersion} is the
     * version read, null while the defaults were never saved. A stale version is a {@link Conflict}.
     */
    public Mono<AgencyThresholds> updateThresholds(Caller caller, Long expectedVersion,
                                                   Function<AlertThresholds, AlertThresholds> changes) {
        return Mono.fromCallable(() -> caller.require(EnumSet.of(Role.OWNER, Role.FINANCE), "change the alert thresholds"))
                .then(alerts.findThresholds(caller.agencyId()).defaultIfEmpty(AgencyThresholds.defaults()))
                .flatMap(current -> {
                    long stored = current.version() == null ? -1 : current.version();
                    long expected = expectedVersion == null ? -1 : expectedVersion;
                    if (stored != expected) {
                        return Mono.error(new Conflict("AlertThresholds", expected));
                    }
                    AlertThresholds next = changes.apply(current.thresholds());
                    return alerts.saveThresholds(caller.agencyId(), next, expected)
                            .switchIfEmpty(Mono.error(() -> new Conflict("AlertThresholds", expected)));
                });
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Mono<StoredAlert> existing(Caller caller, AlertId id, long expectedVersion) {
        return find(caller, id).switchIfEmpty(Mono.error(() -> new NotFound("Alert", id.value())))
                .flatMap(stored -> stored.version() == expectedVersion ? Mono.just(stored)
                        : Mono.error(new Conflict("Alert", expectedVersion)));
    }

    private Mono<StoredAlert> write(Caller caller, StoredAlert next) {
        return alerts.update(caller.agencyId(), next)
                .switchIfEmpty(Mono.error(() -> new Conflict("Alert", next.version())));
    }

    /** The kinds the caller's role sees; {@link Forbidden} for a CLIENT user. */
    public static Set<AlertKind> visibleKinds(Caller caller, String action) {
        caller.require(Caller.STAFF_ROLES, action);
        return caller.seesMoney() ? EnumSet.allOf(AlertKind.class) : LEAD_KINDS;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Mono<Agency> agency(AgencyId agencyId) {
        return agencies.findById(agencyId).switchIfEmpty(Mono.error(() -> new NotFound("Agency", agencyId.value())));
    }
}
