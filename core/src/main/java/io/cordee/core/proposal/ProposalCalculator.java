package io.cordee.core.proposal;

import io.cordee.core.common.Computations;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.cash.CashForecaster;
import io.cordee.core.cash.CashMovement;
import io.cordee.core.cash.Exposure;
import io.cordee.core.cash.ForecastInput;
import io.cordee.core.cash.Scenario;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectStatus;
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
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes a renegotiation proposal from facts already read (DESIGN.md, Early warnings). Pure: every
 * option is a custom scenario run through the same {@link CashForecaster} and {@link Exposure} the
 * forecast and the exposure queries use, so a proposal's numbers are the numbers of
 * {@code cashForecast(scenario: CUSTOM …)} with the same adjustments. Nothing is written.
 */
public final class ProposalCalculator {

    /** The coming months whose capacity share the facts show, the as-of month first. */
    public static final int CAPACITY_MONTHS = 6;

    private ProposalCalculator() {
    }

    /**
     * Everything a proposal reads.
     *
     * @param forecast         the forecast's input from the as-of date; its projects are replaced by the client's
     * @param projects         the client's projects
     * @param allocations      the allocations to the client's projects
     * @param payments         the payments the client has made (all of them; those on or after as-of are ignored)
     * @param timeToFirstCash  days from start to first cash per project, as {@code CashService.timeToFirstCash} gives
     */
    public record Inputs(Client client, ForecastInput forecast, List<Project> projects, List<Allocation> allocations,
                         List<TeamMember> team, List<CashMovement> payments, WorkingCalendar calendar,
                         Map<ProjectId, Long> timeToFirstCash, int capacityWarningPercent) {
    }

    public static RenegotiationProposal compute(Inputs in, List<ProposalOption> options) {
        ProposalOption.validate(options);
        ClientId clientId = in.client().id();
        ForecastInput forecast = withProjects(in.forecast(), in.projects());
        Currency currency = forecast.latestBalance().amount().currency();
        Map<TeamMemberId, TeamMember> team = in.team().stream()
                .collect(Collectors.toMap(TeamMember::id, Function.identity()));
        Map<ProjectId, ClientId> clientOfProject = in.projects().stream()
                .collect(Collectors.toMap(Project::id, Project::clientId));

        List<ProposalFacts.MonthShare> capacity = new ArrayList<>();
        List<YearMonth> heavy = new ArrayList<>();
        BigDecimal threshold = BigDecimal.valueOf(in.capacityWarningPercent()).movePointLeft(2);
        YearMonth first = YearMonth.from(forecast.asOf());
        for (int m = 0; m < CAPACITY_MONTHS; m++) {
            YearMonth month = first.plusMonths(m);
            BigDecimal share = CapacityShare.shares(in.allocations(), team, clientOfProject, month, in.calendar())
                    .getOrDefault(clientId, BigDecimal.ZERO);
            capacity.add(new ProposalFacts.MonthShare(month, share));
            if (share.compareTo(threshold) > 0) {
                heavy.add(month);
            }
        }

        Exposure.Series baseExposure = exposure(in, forecast, team, Scenario.BASE, currency);
        Money baseLowest = CashForecaster.forecast(forecast, Scenario.BASE).lowestBalance();
        List<OptionEffect> effects = new ArrayList<>();
        for (ProposalOption option : options) {
            Computations.checkpoint();
            Scenario scenario = Scenario.custom(Map.of(clientId, option.adjustment()));
            effects.add(new OptionEffect(option, baseExposure.peak(),
                    exposure(in, forecast, team, scenario, currency).peak(), baseLowest,
                    CashForecaster.forecast(forecast, scenario).lowestBalance()));
        }

        List<ProposalFacts.ProjectCash> firstCash = in.projects().stream()
                .filter(p -> p.clientId().equals(clientId) && p.status() == ProjectStatus.ACTIVE)
                .sorted(Comparator.comparing(Project::startDate).thenComparing(Project::name))
                .map(p -> new ProposalFacts.ProjectCash(p.id(), p.name(), p.startDate(),
                        in.timeToFirstCash().get(p.id())))
                .toList();
        ForecastInput.ClientProfile profile = forecast.clients().get(clientId);
        PaymentDelayModel.Delays delays = profile == null ? new PaymentDelayModel.Delays(0, 0, 0) : profile.delays();

        ProposalFacts facts = new ProposalFacts(clientId, in.client().name(), forecast.asOf(),
                forecast.horizonWeeks(), in.client().paymentTermsDays(), capacity, in.capacityWarningPercent(),
                heavy, baseExposure.peak(), baseExposure.peakWeek(), baseExposure.weeksAboveZero(), firstCash,
                delays.expectedDays(), delays.p90Days(), delays.basedOnInvoices());
        return new RenegotiationProposal(facts, effects);
    }

    /** The client's exposure over the forecast's horizon, with the cash it is expected to pay under {@code scenario}. */
    private static Exposure.Series exposure(Inputs in, ForecastInput forecast, Map<TeamMemberId, TeamMember> team,
                                            Scenario scenario, Currency currency) {
        return Exposure.ofClient(in.client().id(), forecast.asOf(), forecast, scenario, in.allocations(), team,
                in.payments(), forecast.horizonWeeks(), in.calendar(), currency);
    }

    private static ForecastInput withProjects(ForecastInput in, List<Project> projects) {
        return new ForecastInput(in.asOf(), in.horizonWeeks(), in.safetyThreshold(), in.payday(), in.latestBalance(),
                in.receipts(), in.receivables(), in.team(), in.overheads(), in.oneOffExpenses(), in.clients(),
                projects.stream().collect(Collectors.toMap(Project::id, Function.identity())));
    }
}
