package io.cordee.core.alert;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.Segment;
import io.cordee.core.alert.EngagementDrop.Relationship;
import io.cordee.core.alert.ExposureLimit.ClientExposure;
import io.cordee.core.alert.FundingRisk.Startup;
import io.cordee.core.alert.LongTimeToCash.ProjectCash;
import io.cordee.core.alert.PaymentDrift.ClientPayments;
import io.cordee.core.alert.UnrealisticBrief.CurrentVersion;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.billing.Receivable;
import io.cordee.core.brief.Brief;
import io.cordee.core.brief.BriefFeasibility;
import io.cordee.core.brief.BriefService;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.brief.BriefVersionId;
import io.cordee.core.cash.AgencyCashPicture;
import io.cordee.core.cash.CashForecast;
import io.cordee.core.cash.CashRisk;
import io.cordee.core.cash.CashRiskSettings;
import io.cordee.core.cash.Exposure;
import io.cordee.core.cash.Scenario;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Computations;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.relationship.Commitment;
import io.cordee.core.relationship.RelationshipHealth;
import io.cordee.core.relationship.RelationshipService;
import io.cordee.core.staffing.MonthCapacity;
import io.cordee.core.staffing.StaffingService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the alert rules read about one agency as of a date (ADR 54): the agency cash picture, the thresholds,
 * the few facts the picture does not hold ({@link EvaluationFacts}: overdue invoices, commitments, the rest of the
 * relationship health's facts, the latest version of each brief) and the Monte Carlo run. The facts each rule reads
 * — the base forecast, each project's cash, each client's exposure, the start-ups' last expected payments, the
 * paid histories, and (ADR 96) the capacity of the coming months, each client's relationship health and each
 * brief's feasibility, by the computations their services run — are derived on first use, as of the picture's
 * date, and remembered, so a rule pays only for what it reads and two rules reading the same fact derive it once.
 * Not thread-safe: one evaluation reads it.
 *
 * <p>{@link #of(EarlyWarnings.Facts, AlertThresholds)} builds one from facts already derived (the rules'
 * table tests).
 */
public final class AlertContext {

    private final LocalDate asOf;
    private final AlertThresholds thresholds;
    private final AgencyCashPicture picture;
    private final Memo<List<MonthCapacity>> comingMonths;
    private final List<Invoice> overdueInvoices;
    private final Memo<List<CurrentVersion>> briefs;
    private final CashRisk cashRisk;
    private final CashRiskSettings cashRiskSettings;
    private final Memo<CashForecast> baseForecast;
    private final Memo<List<ProjectCash>> projects;
    private final Memo<List<ClientExposure>> exposures;
    private final Memo<List<Startup>> startups;
    private final Memo<List<ClientPayments>> payments;
    private final Memo<List<Relationship>> relationships;
    private final Memo<ExpectedDates> expectedDates;

    private AlertContext(LocalDate asOf, AlertThresholds thresholds, AgencyCashPicture picture,
                         Supplier<List<MonthCapacity>> comingMonths, List<Invoice> overdueInvoices,
                         Supplier<List<CurrentVersion>> briefs, CashRisk cashRisk, CashRiskSettings cashRiskSettings,
                         Supplier<CashForecast> baseForecast, Supplier<List<ProjectCash>> projects,
                         Supplier<List<ClientExposure>> exposures, Supplier<List<Startup>> startups,
                         Supplier<List<ClientPayments>> payments, Supplier<List<Relationship>> relationships) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.picture = picture;
        this.comingMonths = new Memo<>(() -> List.copyOf(comingMonths.get()));
        this.overdueInvoices = List.copyOf(overdueInvoices);
        this.briefs = new Memo<>(() -> List.copyOf(briefs.get()));
        this.cashRisk = cashRisk;
        this.cashRiskSettings = cashRiskSettings;
        this.baseForecast = new Memo<>(baseForecast);
        this.projects = new Memo<>(projects);
        this.exposures = new Memo<>(exposures);
        this.startups = new Memo<>(startups);
        this.payments = new Memo<>(payments);
        this.relationships = new Memo<>(relationships);
        this.expectedDates = new Memo<>(this::deriveExpectedDates);
    }

    /**
     * The context of an evaluation: the rules' facts derived from {@code picture} (a complete one) and
     * {@code facts} as of the picture's date, over {@code weeks} of forecast and exposure. {@code cashRisk} is
     * null when there is no Monte Carlo run (no bank balance yet, or no cash risk rule wired).
     */
    public static AlertContext of(AgencyCashPicture picture, AlertThresholds thresholds, int weeks,
                                  EvaluationFacts facts, CashRisk cashRisk, CashRiskSettings cashRiskSettings) {
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(facts, "facts");
        AlertContext[] self = new AlertContext[1];
        self[0] = new AlertContext(picture.asOf(), thresholds, picture, () -> comingMonths(picture),
                facts.overdueInvoices(), () -> currentVersions(picture, facts), cashRisk, cashRiskSettings,
                () -> baseForecast(picture, weeks),
                () -> self[0].projectCash(),
                () -> self[0].clientExposures(weeks),
                () -> self[0].startupFacts(),
                () -> paidHistories(picture),
                () -> relationshipFacts(picture, facts));
        return self[0];
    }

    /** A context over facts already derived, without a picture nor a Monte Carlo run. */
    public static AlertContext of(EarlyWarnings.Facts facts, AlertThresholds thresholds) {
        return new AlertContext(facts.asOf(), thresholds, null, facts::comingMonths, facts.invoices(),
                facts::briefs, null, null, facts::baseForecast, facts::projects, facts::exposures, facts::startups,
                facts::payments, facts::relationships);
    }

    public LocalDate asOf() {
        return asOf;
    }

    public AlertThresholds thresholds() {
        return thresholds;
    }

    /** The agency cash picture the facts derive from; null in a context built from derived facts. */
    public AgencyCashPicture picture() {
        return picture;
    }

    /** Capacity of the coming months, the as-of month first. */
    public List<MonthCapacity> comingMonths() {
        return comingMonths.get();
    }

    /**
     * The base forecast over the evaluation's weeks; with no bank balance yet, an empty forecast (no weeks,
     * opening 0), so the cash, exposure, time-to-cash and funding rules find nothing.
     */
    public CashForecast baseForecast() {
        return baseForecast.get();
    }

    public List<ProjectCash> projects() {
        return projects.get();
    }

    /** Each client's exposure, for the clients that have one (staff allocated to their projects). */
    public List<ClientExposure> exposures() {
        return exposures.get();
    }

    public List<Startup> startups() {
        return startups.get();
    }

    /** The issued invoices due long enough ago to be overdue by the thresholds. */
    public List<Invoice> overdueInvoices() {
        return overdueInvoices;
    }

    public List<ClientPayments> payments() {
        return payments.get();
    }

    public List<Relationship> relationships() {
        return relationships.get();
    }

    public List<CurrentVersion> briefs() {
        return briefs.get();
    }

    /** The Monte Carlo run of the base forecast, null when there is none. */
    public CashRisk cashRisk() {
        return cashRisk;
    }

    public CashRiskSettings cashRiskSettings() {
        return cashRiskSettings;
    }

    // ---- derivations from the picture ---------------------------------------------------------

    private static CashForecast baseForecast(AgencyCashPicture picture, int weeks) {
        if (!picture.hasForecast()) {
            Agency agency = picture.agency();
            Money zero = picture.zero();
            return new CashForecast(picture.asOf(), agency.settings().safetyCashThreshold(), zero, List.of(), zero,
                    null, null, Map.of());
        }
        return picture.forecast(weeks, Scenario.BASE);
    }

    /** Expected dates as the delay model gives them, not moved to today when late (see the rules). */
    private record ExpectedDates(Map<ProjectId, LocalDate> firstOfProject, Map<ClientId, LocalDate> lastOfClient) {
    }

    private ExpectedDates deriveExpectedDates() {
        Map<ProjectId, LocalDate> firstExpected = new HashMap<>();
        Map<ClientId, LocalDate> lastExpected = new HashMap<>();
        for (AgencyCashPicture.ExpectedReceipt e : picture.expectedReceipts()) {
            Receivable r = e.receivable();
            if (r.projectId() != null) {
                firstExpected.merge(r.projectId(), e.expected(), (a, b) -> a.isBefore(b) ? a : b);
            }
            lastExpected.merge(r.clientId(), e.expected(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return new ExpectedDates(firstExpected, lastExpected);
    }

    private List<ProjectCash> projectCash() {
        if (!picture.hasForecast()) {
            return List.of();
        }
        Map<ProjectId, LocalDate> firstExpected = expectedDates.get().firstOfProject();
        List<ProjectCash> result = new ArrayList<>();
        for (Project p : picture.projects()) {
            LocalDate received = picture.firstPayments().get(p.id());
            LocalDate expected = firstExpected.get(p.id());
            LocalDate first = received != null && (expected == null || !expected.isBefore(received)) ? received
                    : expected;
            if (p.startDate() != null) {
                result.add(new ProjectCash(p.id(), p.clientId(), p.startDate(), first, received != null));
            }
        }
        return result;
    }

    private List<ClientExposure> clientExposures(int weeks) {
        if (!picture.hasForecast()) {
            return List.of();
        }
        Map<ClientId, Exposure.Series> exposureOf = picture.exposures(weeks);
        List<ClientExposure> result = new ArrayList<>();
        for (Client c : picture.clients()) {
            Computations.checkpoint();
            Exposure.Series series = exposureOf.get(c.id());
            if (series != null) {
                result.add(new ClientExposure(c.id(), series));
            }
        }
        return result;
    }

    private List<Startup> startupFacts() {
        if (!picture.hasForecast()) {
            return List.of();
        }
        Map<ClientId, LocalDate> lastExpected = expectedDates.get().lastOfClient();
        return picture.clients().stream().filter(c -> c.segment() == Segment.STARTUP)
                .map(c -> new Startup(c, lastExpected.get(c.id()))).toList();
    }

    private static List<ClientPayments> paidHistories(AgencyCashPicture picture) {
        Map<ClientId, List<PaymentDelayModel.PaidInvoice>> paidOf = picture.paidHistory().stream()
                .collect(Collectors.groupingBy(PaidDates::clientId,
                        Collectors.mapping(PaidDates::asPaidInvoice, Collectors.toList())));
        return picture.clients().stream().filter(c -> paidOf.containsKey(c.id()))
                .map(c -> new ClientPayments(c.id(), paidOf.get(c.id()))).toList();
    }

    /** The capacity of the coming months, the as-of month first, as {@code StaffingService#capacity} gives it. */
    private static List<MonthCapacity> comingMonths(AgencyCashPicture picture) {
        return StaffingService.monthlyCapacity(picture.team(), picture.allocations(), picture.clientOfProject(),
                picture.calendar(), YearMonth.from(picture.asOf()), AlertService.CAPACITY_MONTHS);
    }

    /** The feasibility of each brief's latest version as of the picture's date, ordered by brief. */
    private static List<CurrentVersion> currentVersions(AgencyCashPicture picture, EvaluationFacts facts) {
        if (facts.latestVersions().isEmpty()) {
            return List.of();
        }
        Set<ProjectId> ofBriefs = new HashSet<>();
        facts.briefs().values().forEach(b -> ofBriefs.add(b.projectId()));
        Map<ProjectId, Project> projects = new HashMap<>();
        for (Project p : picture.projects()) {
            if (ofBriefs.contains(p.id())) {
                projects.put(p.id(), p);
            }
        }
        // the system acts with an owner's view: the budget is priced
        Map<BriefVersionId, BriefFeasibility> feasibility = BriefService.feasibility(facts.latestVersions(),
                new BriefService.FeasibilityFacts(facts.briefs(), facts.requirements(), projects,
                        picture.allocations(), picture.teamById(), picture.calendar()), picture.asOf(), true);
        List<CurrentVersion> result = new ArrayList<>();
        for (BriefVersion v : facts.latestVersions()) {
            BriefFeasibility f = feasibility.get(v.id());
            Brief brief = facts.briefs().get(v.briefId());
            if (f != null && brief != null) {
                result.add(new CurrentVersion(brief.id(), picture.clientOfProject().get(brief.projectId()), f));
            }
        }
        return result;
    }

    /** Each client's health as of the picture's date, as {@code RelationshipService#health} gives it. */
    private static List<Relationship> relationshipFacts(AgencyCashPicture picture, EvaluationFacts facts) {
        List<Client> clients = picture.clients();
        List<Commitment> commitments = facts.commitments();
        Map<ClientId, RelationshipHealth> health = clients.isEmpty() ? Map.of()
                : RelationshipService.health(picture.agency().settings(), clients, commitments, facts.health(),
                        picture.asOf());
        Map<ClientId, List<Commitment>> commitmentsOf = commitments.stream()
                .collect(Collectors.groupingBy(Commitment::clientId));
        List<Relationship> result = new ArrayList<>();
        for (Client c : clients) {
            RelationshipHealth h = health.get(c.id());
            if (h != null) {
                result.add(new Relationship(c.id(), h, commitmentsOf.getOrDefault(c.id(), List.of())));
            }
        }
        return result;
    }

    /** A value derived on first use and remembered. */
    private static final class Memo<T> implements Supplier<T> {
        private final Supplier<T> derive;
        private T value;

        Memo(Supplier<T> derive) {
            this.derive = derive;
        }

        @Override
        public T get() {
            if (value == null) {
                value = Objects.requireNonNull(derive.get());
            }
            return value;
        }
    }
}
