package io.cordee.core.cash;

import io.cordee.core.agency.Agency;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.billing.Receivable;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Computations;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.CapacityShare;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.WorkingCalendar;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One agency's cash picture as of a date (DESIGN.md, "One agency cash picture"): every fact the money
 * derivations read, loaded together in a fixed number of statements whatever the agency's size
 * ({@link CashPictureRepository}), and the pure derivations over it — the forecast under any scenario, each
 * client's exposure and peak, capacity shares, time to first cash. The cash service, the alert rules, the
 * proposal and the clients list all derive from it, so a number means the same thing everywhere.
 *
 * <p>Immutable facts; derivations are remembered per argument (a picture is shared by the requests that
 * read the same agency, data version and as-of date: see {@code CashPictureCache}).
 */
public final class AgencyCashPicture {

    /** Far bounds for "every row": the picture holds the whole history and the whole future. */
    public static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    public static final LocalDate END = LocalDate.of(9999, 12, 31);

    private final Agency agency;
    private final LocalDate asOf;
    private final BankBalance latestBalance;
    private final List<Payment> payments;
    private final List<Receivable> receivables;
    private final List<TeamMember> team;
    private final List<Overhead> overheads;
    private final List<OneOffExpense> oneOffs;
    private final List<Client> clients;
    private final List<PaidDates> paidHistory;
    private final List<Project> projects;
    private final List<Allocation> allocations;
    private final Set<LocalDate> holidays;
    private final Map<ProjectId, LocalDate> firstPayments;
    /** False for a forecast picture: no projects, allocations, first payments, and only the receipts after the balance. */
    private final boolean complete;

    private final Map<TeamMemberId, TeamMember> teamById;
    private final Map<ClientId, List<Project>> projectsOfClient;
    private final Map<ProjectId, ClientId> clientOfProject;
    private final Map<ClientId, List<Allocation>> allocationsOfClient;
    private final Map<ClientId, List<CashMovement>> paymentsOfClient;
    private final Map<ClientId, ForecastInput.ClientProfile> profiles;
    private final WorkingCalendar calendar;

    private final Map<List<Object>, ForecastInput> inputs = new ConcurrentHashMap<>();
    private final Map<List<Object>, CashForecast> forecasts = new ConcurrentHashMap<>();
    private final Map<List<Object>, Map<ClientId, Exposure.Series>> exposures = new ConcurrentHashMap<>();

    /**
     * @param latestBalance the opening position on {@code asOf} (null: none recorded yet, so no forecast)
     * @param payments      every payment received, whatever its date
     * @param receivables   what clients still owed on {@code asOf} (ADR 38)
     * @param oneOffs       every one-off expense
     * @param paidHistory   each client's last paid invoices, newest first (at least {@link PaymentDelayModel#HISTORY})
     * @param allocations   every allocation
     * @param holidays      every public holiday
     * @param firstPayments each project's first payment received, whatever its date
     */
    public AgencyCashPicture(Agency agency, LocalDate asOf, BankBalance latestBalance, List<Payment> payments,
                             List<Receivable> receivables, List<TeamMember> team, List<Overhead> overheads,
                             List<OneOffExpense> oneOffs, List<Client> clients, List<PaidDates> paidHistory,
                             List<Project> projects, List<Allocation> allocations, Collection<LocalDate> holidays,
                             Map<ProjectId, LocalDate> firstPayments) {
        this(agency, asOf, latestBalance, payments, receivables, team, overheads, oneOffs, clients, paidHistory,
                projects, allocations, holidays, firstPayments, true);
    }

    /**
     * A forecast picture (ADR 47, "the forecast's own picture"): the facts the base forecast reads and no
     * more — no projects, allocations or first payments, and only the payments received after the opening
     * balance's date up to as-of. It derives {@link #input} and {@link #forecast} for any scenario that
     * re-plans no billing, exactly as the complete picture does; everything else is refused
     * ({@link IllegalStateException}), so a caller cannot read an empty list as "none".
     */
    public static AgencyCashPicture forForecast(Agency agency, LocalDate asOf, BankBalance latestBalance,
                                                List<Payment> receiptsAfterBalance, List<Receivable> receivables,
                                                List<TeamMember> team, List<Overhead> overheads,
                                                List<OneOffExpense> oneOffs, List<Client> clients,
                                                List<PaidDates> paidHistory, Collection<LocalDate> holidays) {
        return new AgencyCashPicture(agency, asOf, latestBalance, receiptsAfterBalance, receivables, team, overheads,
                oneOffs, clients, paidHistory, List.of(), List.of(), holidays, Map.of(), false);
    }

    private AgencyCashPicture(Agency agency, LocalDate asOf, BankBalance latestBalance, List<Payment> payments,
                              List<Receivable> receivables, List<TeamMember> team, List<Overhead> overheads,
                              List<OneOffExpense> oneOffs, List<Client> clients, List<PaidDates> paidHistory,
                              List<Project> projects, List<Allocation> allocations, Collection<LocalDate> holidays,
                              Map<ProjectId, LocalDate> firstPayments, boolean complete) {
        this.complete = complete;
        this.agency = agency;
        this.asOf = asOf;
        this.latestBalance = latestBalance;
        this.payments = List.copyOf(payments);
        this.receivables = List.copyOf(receivables);
        this.team = List.copyOf(team);
        this.overheads = List.copyOf(overheads);
        this.oneOffs = List.copyOf(oneOffs);
        this.clients = List.copyOf(clients);
        this.paidHistory = List.copyOf(paidHistory);
        this.projects = List.copyOf(projects);
        this.allocations = List.copyOf(allocations);
        this.holidays = Set.copyOf(holidays);
        this.firstPayments = Map.copyOf(firstPayments);
        this.teamById = this.team.stream().collect(Collectors.toMap(TeamMember::id, Function.identity()));
        this.clientOfProject = Collections.unmodifiableMap(this.projects.stream()
                .collect(Collectors.toMap(Project::id, Project::clientId)));
        Map<ClientId, List<Project>> projectsByClient = new HashMap<>();
        for (Project p : this.projects) {
            projectsByClient.computeIfAbsent(p.clientId(), k -> new ArrayList<>()).add(p);
        }
        this.projectsOfClient = projectsByClient;
        Map<ClientId, List<Allocation>> byClient = new HashMap<>();
        for (Allocation a : this.allocations) {
            ClientId client = clientOfProject.get(a.projectId());
            if (client != null) {
                byClient.computeIfAbsent(client, k -> new ArrayList<>()).add(a);
            }
        }
        this.allocationsOfClient = byClient;
        Map<ClientId, List<CashMovement>> paid = new HashMap<>();
        for (Payment p : this.payments) {
            paid.computeIfAbsent(p.clientId(), k -> new ArrayList<>())
                    .add(new CashMovement(p.receivedOn(), p.amount(), p.clientId(), "Payment"));
        }
        this.paymentsOfClient = paid;
        Map<ClientId, PaymentDelayModel.Delays> delays = BillingService.delays(agency.settings(), this.clients,
                this.paidHistory);
        Map<ClientId, ForecastInput.ClientProfile> byId = new HashMap<>();
        for (Client c : this.clients) {
            byId.put(c.id(), new ForecastInput.ClientProfile(c, delays.get(c.id())));
        }
        this.profiles = Collections.unmodifiableMap(byId);
        this.calendar = new WorkingCalendar(new HashSet<>(this.holidays));
    }

    // ---- facts ---------------------------------------------------------------------------------

    public Agency agency() {
        return agency;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** False for a {@linkplain #forForecast forecast picture}, which holds only what the base forecast reads. */
    public boolean complete() {
        return complete;
    }

    private void requireComplete() {
        if (!complete) {
            throw new IllegalStateException("a forecast picture holds no projects, allocations or payment history");
        }
    }

    /** Whether a bank balance opens a forecast on as-of; without one, only exposure from payments exists. */
    public boolean hasForecast() {
        return latestBalance != null;
    }

    public List<Client> clients() {
        return clients;
    }

    public List<Project> projects() {
        requireComplete();
        return projects;
    }

    public List<Allocation> allocations() {
        requireComplete();
        return allocations;
    }

    public List<Payment> payments() {
        requireComplete();
        return payments;
    }

    public List<Receivable> receivables() {
        return receivables;
    }

    public List<TeamMember> team() {
        return team;
    }

    public Map<TeamMemberId, TeamMember> teamById() {
        return teamById;
    }

    /** Each client's last paid invoices, newest first. */
    public List<PaidDates> paidHistory() {
        return paidHistory;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public Map<ProjectId, LocalDate> firstPayments() {
        requireComplete();
        return firstPayments;
    }

    /** The client of each project. */
    public Map<ProjectId, ClientId> clientOfProject() {
        requireComplete();
        return clientOfProject;
    }

    /** The client's projects, in the order loaded. */
    public List<Project> projectsOf(ClientId clientId) {
        requireComplete();
        return projectsOfClient.getOrDefault(clientId, List.of());
    }

    public List<Allocation> allocationsOf(ClientId clientId) {
        requireComplete();
        return allocationsOfClient.getOrDefault(clientId, List.of());
    }

    /** The client's payments (every date) as cash movements. */
    public List<CashMovement> paymentsOf(ClientId clientId) {
        requireComplete();
        return paymentsOfClient.getOrDefault(clientId, List.of());
    }

    // ---- derivations ---------------------------------------------------------------------------

    /**
     * The forecast's input over {@code horizonWeeks} under {@code scenario}: an {@link InvalidInput} on
     * {@code asOf} when no bank balance is recorded on or before it; one naming the scenario's adjustment
     * when it cannot be applied (ScenarioCheck).
     */
    public ForecastInput input(int horizonWeeks, Scenario scenario) {
        if (latestBalance == null) {
            throw InvalidInput.of("asOf", "record a bank balance on or before " + asOf + " first", ErrorCode.REQUIRED);
        }
        // a custom scenario is the caller's own: computed each time, so what a picture remembers stays bounded
        return scenario.adjustments().isEmpty()
                ? inputs.computeIfAbsent(List.of(horizonWeeks, scenario), k -> computeInput(horizonWeeks, scenario))
                : computeInput(horizonWeeks, scenario);
    }

    private ForecastInput computeInput(int horizonWeeks, Scenario scenario) {
        LocalDate end = monday().plusWeeks(horizonWeeks);
        LocalDate after = latestBalance.date();
        List<CashMovement> receipts = new ArrayList<>();
        for (Payment p : payments) {
            if (p.receivedOn().isAfter(after) && !p.receivedOn().isAfter(asOf)) {
                receipts.add(new CashMovement(p.receivedOn(), p.amount(), p.clientId(), "Payment"));
            }
        }
        List<CashMovement> expenses = oneOffs.stream()
                .filter(e -> e.date().isAfter(after) && !e.date().isAfter(end))
                .map(OneOffExpense::asMovement).toList();
        Set<ClientId> replanned = scenario.adjustments().entrySet().stream()
                .filter(e -> e.getValue().changesBilling()).map(Map.Entry::getKey).collect(Collectors.toSet());
        if (!replanned.isEmpty()) {
            requireComplete(); // re-planning reads the clients' projects and allocations
        }
        Map<ProjectId, Project> projectsOfReplanned = new HashMap<>();
        for (Project p : projects) {
            if (replanned.contains(p.clientId())) {
                projectsOfReplanned.put(p.id(), p);
            }
        }
        // monthly billing bills up to the launch, or else the last allocation's end (ScenarioCheck)
        boolean monthly = scenario.adjustments().values().stream()
                .anyMatch(Scenario.ClientAdjustment::monthlyInArrears);
        Map<ProjectId, LocalDate> allocationEnds = new HashMap<>();
        if (monthly && !projectsOfReplanned.isEmpty()) {
            for (Allocation a : allocations) {
                if (a.to() != null && projectsOfReplanned.containsKey(a.projectId())) {
                    allocationEnds.merge(a.projectId(), a.to(), (x, y) -> x.isAfter(y) ? x : y);
                }
            }
        }
        return new ForecastInput(asOf, horizonWeeks, agency.settings().safetyCashThreshold(),
                agency.settings().payday(), latestBalance, receipts, receivables, team, overheads, expenses, profiles,
                ScenarioCheck.projectsToReplan(scenario, profiles.keySet(), receivables, projectsOfReplanned,
                        allocationEnds));
    }

    /** The weekly forecast over {@code horizonWeeks} under {@code scenario} ({@link #input} says when there is none). */
    public CashForecast forecast(int horizonWeeks, Scenario scenario) {
        ForecastInput in = input(horizonWeeks, scenario);
        return scenario.adjustments().isEmpty()
                ? forecasts.computeIfAbsent(List.of(horizonWeeks, scenario), k -> CashForecaster.forecast(in, scenario))
                : CashForecaster.forecast(in, scenario);
    }

    /**
     * The client's exposure week by week over {@code weeks} from as-of, with the cash it is expected to pay
     * under {@code scenario} (payments only when there is no forecast).
     */
    public Exposure.Series exposure(ClientId clientId, int weeks, Scenario scenario) {
        requireComplete();
        ForecastInput in = latestBalance == null ? null : input(weeks, scenario);
        return Exposure.ofClient(clientId, asOf, in, scenario, allocationsOf(clientId), teamById, paymentsOf(clientId),
                weeks, calendar, agency.settings().currency());
    }

    /** As {@link #exposure}, with the client's expected receipts already derived (one pass for every client). */
    private Exposure.Series exposure(ClientId clientId, int weeks, List<CashMovement> expected) {
        return Exposure.ofClient(clientId, asOf, expected, allocationsOf(clientId), teamById, paymentsOf(clientId),
                weeks, calendar, agency.settings().currency());
    }

    /** Every client's exposure under the base scenario, for the clients that have staff allocated. */
    public Map<ClientId, Exposure.Series> exposures(int weeks) {
        requireComplete();
        return exposures.computeIfAbsent(List.of(weeks), k -> {
            Map<ClientId, Exposure.Series> result = new HashMap<>();
            // every client's expected receipts in one pass over the receivables, not one pass per client
            Map<ClientId, List<CashMovement>> expected = latestBalance == null ? Map.of()
                    : CashForecaster.expectedReceiptsByClient(input(weeks, Scenario.BASE), Scenario.BASE);
            for (Client c : clients) {
                Computations.checkpoint();
                if (allocationsOfClient.containsKey(c.id())) {
                    result.put(c.id(), exposure(c.id(), weeks, expected.getOrDefault(c.id(), List.of())));
                }
            }
            return Collections.unmodifiableMap(result);
        });
    }

    /** Each client's share of the agency's capacity in {@code month}, 0–1 (DESIGN.md, Computations). */
    public Map<ClientId, BigDecimal> capacityShares(YearMonth month) {
        requireComplete();
        return CapacityShare.shares(allocations, teamById, clientOfProject, month, calendar);
    }

    /**
     * When each unpaid receivable is expected under the base scenario, as the delay model gives it (not
     * moved to as-of when late); empty when there is no forecast.
     */
    public List<ExpectedReceipt> expectedReceipts() {
        if (latestBalance == null) {
            return List.of();
        }
        ForecastInput in = input(ForecastInput.MAX_HORIZON_WEEKS, Scenario.BASE);
        List<ExpectedReceipt> result = new ArrayList<>();
        for (Receivable r : receivables) {
            Computations.checkpoint();
            LocalDate expected = CashForecaster.expectedPayment(r, in, Scenario.BASE);
            if (expected != null) {
                result.add(new ExpectedReceipt(r, expected));
            }
        }
        return result;
    }

    /** A receivable and the day it is expected under the base scenario. */
    public record ExpectedReceipt(Receivable receivable, LocalDate expected) {
    }

    /**
     * Days from each project's start to its first receipt: the first payment received, or else the first
     * expected under the base scenario (not before as-of). Absent for a project expected to bring no cash.
     */
    public Map<ProjectId, Long> timeToFirstCash(Collection<Project> of) {
        requireComplete();
        Set<ProjectId> wanted = of.stream().map(Project::id).collect(Collectors.toSet());
        Map<ProjectId, List<LocalDate>> dates = new HashMap<>();
        for (ExpectedReceipt e : expectedReceipts()) {
            if (wanted.contains(e.receivable().projectId())) {
                dates.computeIfAbsent(e.receivable().projectId(), k -> new ArrayList<>())
                        .add(e.expected().isBefore(asOf) ? asOf : e.expected());
            }
        }
        Map<ProjectId, Long> result = new HashMap<>();
        for (Project project : of) {
            List<LocalDate> receipts = new ArrayList<>(dates.getOrDefault(project.id(), List.of()));
            LocalDate paid = firstPayments.get(project.id());
            if (paid != null) {
                receipts.add(paid);
            }
            TimeToFirstCash.days(project.startDate(), receipts).ifPresent(days -> result.put(project.id(), days));
        }
        return result;
    }

    private LocalDate monday() {
        return asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The currency every amount of the picture is in. */
    public java.util.Currency currency() {
        return agency.settings().currency();
    }

    /** A zero in the agency's currency. */
    public Money zero() {
        return Money.zero(currency());
    }
}
