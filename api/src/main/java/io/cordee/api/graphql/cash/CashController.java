package io.cordee.api.graphql.cash;

import io.cordee.core.cash.CreateOneOffExpenseCommand;
import io.cordee.core.cash.CreateOverheadCommand;
import io.cordee.core.cash.RecordBankBalanceCommand;
import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.graphql.bank.BankController;
import io.cordee.api.graphql.client.ClientController;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.MoneyInput;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.cash.BankBalance;
import io.cordee.core.cash.CashForecast;
import io.cordee.core.cash.CashForecastCommand;
import io.cordee.core.cash.CashService;
import io.cordee.core.cash.Exposure;
import io.cordee.core.cash.OneOffExpense;
import io.cordee.core.cash.Overhead;
import io.cordee.core.cash.OverheadId;
import io.cordee.core.cash.Scenario;
import io.cordee.core.cash.ScenarioCommand;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
public class CashController {

    public record ClientAdjustmentInput(String clientId, Integer extraDelayDays, LocalDate defaultFrom,
                                        Integer paymentTermsDays, Integer depositPercent, Boolean monthlyInArrears) {
    }

    public record ScenarioInput(Scenario.Kind kind, List<ClientAdjustmentInput> adjustments) {
    }

    public record ClientInflow(Client client, Money amount) {
    }

    public record ForecastWeek(LocalDate weekStart, String isoWeek, Money inflow, Money outflow, Money closing,
                               List<ClientInflow> inflowByClient) {
    }

    public record CashForecastView(LocalDate asOf, Scenario.Kind scenario, Money opening, Money safetyThreshold,
                                   List<ForecastWeek> weeks, Money lowestBalance, LocalDate lowestWeek,
                                   LocalDate firstWeekBelowThreshold) {
    }

    public record ExposureWeek(LocalDate weekStart, Money exposure) {
    }

    public record ClientExposure(Client client, List<ExposureWeek> weeks, Money peak, LocalDate peakWeek,
                                 int weeksAboveZero) {
    }

    public record BankBalanceConnection(List<io.cordee.core.common.Page.Edge<BankBalance>> edges, List<BankBalance> nodes,
                                        Connection.PageInfo pageInfo, long totalCount) {
    }

    public record RecordBankBalanceInput(LocalDate date, MoneyInput amount, String accountId) {
    }

    public record BankBalancePayload(BankBalance bankBalance, List<UserError> userErrors) {
    }

    public record CreateOverheadInput(String label, MoneyInput monthlyAmount, Integer dayOfMonth, LocalDate startDate,
                                      LocalDate endDate) {
    }

    public record UpdateOverheadInput(String id, Long version, String label, MoneyInput monthlyAmount,
                                      Integer dayOfMonth, LocalDate startDate, LocalDate endDate, Boolean clearEndDate) {
    }

    public record DeleteOverheadInput(String id, Long version) {
    }

    public record OverheadPayload(Overhead overhead, List<UserError> userErrors) {
    }

    public record CreateOneOffExpenseInput(String label, LocalDate date, MoneyInput amount) {
    }

    public record DeleteOneOffExpenseInput(String id) {
    }

    public record OneOffExpensePayload(OneOffExpense oneOffExpense, List<UserError> userErrors) {
    }

    public record DeletePayload(String deletedId, List<UserError> userErrors) {
    }

    private final CashService cash;
    private final AgencyService agencies;
    private final ClientService clients;
    private final io.cordee.core.deal.PipelineService pipeline;

    public CashController(CashService cash, AgencyService agencies, ClientService clients,
                          io.cordee.core.deal.PipelineService pipeline) {
        this.pipeline = pipeline;
        this.cash = cash;
        this.agencies = agencies;
        this.clients = clients;
    }

    @QueryMapping
    public Mono<CashForecastView> cashForecast(@Argument LocalDate asOf, @Argument Integer horizonWeeks,
                                               @Argument ScenarioInput scenario,
                                               @Argument Boolean withPipeline) {
        return Callers.current().flatMap(caller -> {
            Scenario s = scenario(scenario);
            CashForecastCommand command = new CashForecastCommand(asOf, horizonWeeks == null ? 26 : horizonWeeks, s,
                    Boolean.TRUE.equals(withPipeline));
            return (command.withPipeline() ? pipeline.forecast(caller, command) : cash.forecast(caller, command))
                    .map(f -> view(s.kind(), f));
        });
    }

    @QueryMapping
    public Mono<BankBalanceConnection> bankBalances(@Argument Integer first, @Argument String after,
                                                    @Argument String accountId,
                                                    DataFetchingFieldSelectionSet selection) {
        return Connection.read(first, after, selection, (caller, page) -> cash.balances(caller,
                        accountId == null ? null : BankController.accountId(accountId, "accountId"), page))
                .map(c -> new BankBalanceConnection(c.edges(), c.nodes(), c.pageInfo(), c.totalCount()));
    }

    @QueryMapping
    public Mono<List<Overhead>> overheads() {
        return Callers.current().flatMap(cash::overheads);
    }

    @QueryMapping
    public Mono<List<OneOffExpense>> oneOffExpenses(@Argument LocalDate from, @Argument LocalDate to) {
        return Callers.current().flatMap(caller -> cash.oneOffs(caller, from, to));
    }

    @QueryMapping
    public Mono<ClientExposure> exposure(@Argument String clientId, @Argument LocalDate asOf, @Argument Integer weeks) {
        ClientId id = new ClientId(GlobalId.decode(clientId, ClientController.TYPE, "clientId"));
        return Callers.current().flatMap(caller -> agencies.current(caller).flatMap(agency -> {
            LocalDate date = asOf == null ? cash.today(agency) : asOf;
            return cash.exposure(caller, id, date, weeks == null ? 26 : weeks)
                    .zipWith(clients.get(caller, id), (series, client) -> view(client, series));
        }));
    }

    @SchemaMapping(typeName = "Overhead")
    public LocalDate startDate(Overhead overhead) {
        return overhead.from();
    }

    @SchemaMapping(typeName = "Overhead")
    public LocalDate endDate(Overhead overhead) {
        return overhead.to();
    }

    @MutationMapping
    public Mono<BankBalancePayload> recordBankBalance(@Argument RecordBankBalanceInput input) {
        return Mutations.payload(withAgency((caller, agency) -> cash.recordBalance(caller,
                        new RecordBankBalanceCommand(
                                input.accountId() == null ? null : BankController.accountId(input.accountId(), "accountId"),
                                input.date(),
                                input.amount().toMoney(agency.settings().currency(), "amount")))),
                BankBalancePayload::new);
    }

    @MutationMapping
    public Mono<OverheadPayload> createOverhead(@Argument CreateOverheadInput input) {
        return Mutations.payload(withAgency((caller, agency) -> cash.addOverhead(caller,
                        new CreateOverheadCommand(input.label(),
                                input.monthlyAmount().toMoney(agency.settings().currency(), "monthlyAmount"),
                                input.dayOfMonth(), input.startDate(), input.endDate()))),
                OverheadPayload::new);
    }

    @MutationMapping
    public Mono<OverheadPayload> updateOverhead(@Argument UpdateOverheadInput input) {
        return Mutations.payload(withAgency((caller, agency) -> cash.updateOverhead(caller,
                        new OverheadId(GlobalId.decode(input.id(), "Overhead", "id")), input.version(), input.label(),
                        MoneyInput.toMoney(input.monthlyAmount(), agency.settings().currency(), "monthlyAmount"),
                        input.dayOfMonth(), input.startDate(), input.endDate(),
                        Boolean.TRUE.equals(input.clearEndDate()))),
                OverheadPayload::new);
    }

    @MutationMapping
    public Mono<DeletePayload> deleteOverhead(@Argument DeleteOverheadInput input) {
        return Mutations.asCaller(caller -> cash.deleteOverhead(caller,
                        new OverheadId(GlobalId.decode(input.id(), "Overhead", "id")), input.version()),
                deleted -> new DeletePayload(input.id(), List.of()), errors -> new DeletePayload(null, errors));
    }

    @MutationMapping
    public Mono<OneOffExpensePayload> createOneOffExpense(@Argument CreateOneOffExpenseInput input) {
        return Mutations.payload(withAgency((caller, agency) -> cash.addOneOff(caller,
                        new CreateOneOffExpenseCommand(input.label(), input.date(),
                                input.amount().toMoney(agency.settings().currency(), "amount")))),
                OneOffExpensePayload::new);
    }

    @MutationMapping
    public Mono<DeletePayload> deleteOneOffExpense(@Argument DeleteOneOffExpenseInput input) {
        return Mutations.asCaller(caller -> cash.deleteOneOff(caller,
                        GlobalId.decode(input.id(), "OneOffExpense", "id")),
                deleted -> new DeletePayload(input.id(), List.of()), errors -> new DeletePayload(null, errors));
    }

    private <T> Mono<T> withAgency(java.util.function.BiFunction<Caller, Agency, Mono<T>> work) {
        return Callers.current().flatMap(caller -> agencies.current(caller).flatMap(agency -> work.apply(caller, agency)));
    }

    /** The scenario asked for, its rules checked by {@link ScenarioCommand} when it is built (ADR 79). */
    static Scenario scenario(ScenarioInput input) {
        if (input == null) {
            return Scenario.BASE;
        }
        List<ScenarioCommand.Adjustment> adjustments = new ArrayList<>();
        if (input.kind() != Scenario.Kind.STRESS && input.adjustments() != null) {
            for (int i = 0; i < input.adjustments().size(); i++) {
                ClientAdjustmentInput a = input.adjustments().get(i);
                adjustments.add(new ScenarioCommand.Adjustment(new ClientId(GlobalId.decode(a.clientId(),
                        ClientController.TYPE, "scenario.adjustments[" + i + "].clientId")), a.extraDelayDays(),
                        a.defaultFrom(), a.paymentTermsDays(), a.depositPercent(),
                        Boolean.TRUE.equals(a.monthlyInArrears())));
            }
        }
        return new ScenarioCommand(input.kind(), adjustments).scenario();
    }

    /** The forecast carries the clients its inflows come from: naming them costs no statement. */
    private static CashForecastView view(Scenario.Kind kind, CashForecast f) {
        List<ForecastWeek> weeks = f.weeks().stream().map(w -> new ForecastWeek(w.monday(),
                        String.format("%d-W%02d", w.monday().get(IsoFields.WEEK_BASED_YEAR),
                                w.monday().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                        w.inflow(), w.outflow(), w.closing(),
                        w.inflowByClient().entrySet().stream()
                                .map(e -> new ClientInflow(f.clients().get(e.getKey()), e.getValue()))
                                .sorted((a, b) -> b.amount().compareTo(a.amount())).toList()))
                .toList();
        return new CashForecastView(f.asOf(), kind, f.opening(), f.safetyThreshold(), weeks,
                f.lowestBalance(), f.lowestWeek(), f.firstWeekBelowThreshold());
    }

    static ClientExposure view(Client client, Exposure.Series series) {
        return new ClientExposure(client, series.weeks().stream()
                .map(p -> new ExposureWeek(p.monday(), p.exposure())).toList(),
                series.peak(), series.peakWeek(), series.weeksAboveZero());
    }
}
