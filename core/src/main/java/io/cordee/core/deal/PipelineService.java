package io.cordee.core.deal;

import io.cordee.core.agency.AgencyService;
import io.cordee.core.cash.CashForecast;
import io.cordee.core.cash.CashForecaster;
import io.cordee.core.cash.CashService;
import io.cordee.core.cash.ForecastInput;
import io.cordee.core.cash.Scenario;
import io.cordee.core.common.Computations;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Caller;
import java.time.LocalDate;
import reactor.core.publisher.Mono;

/**
 * The forecast with the pipeline (ADR 53): the base (or stress) forecast's own input plus the open deals'
 * probability-weighted billing. Its own use case, so that {@code cash} does not depend on {@code deal}.
 */
public final class PipelineService {

    private final DealRepository deals;
    private final CashService cash;
    private final AgencyService agencies;
    private final Computations computations;

    public PipelineService(DealRepository deals, CashService cash, AgencyService agencies, Computations computations) {
        this.deals = deals;
        this.cash = cash;
        this.agencies = agencies;
        this.computations = computations;
    }

    public Mono<CashForecast> forecast(Caller caller, LocalDate asOf, int horizonWeeks, Scenario scenario) {
        return Mono.fromCallable(() -> {
                    caller.require(Caller.MONEY_ROLES, "see the forecast");
                    new Validator().range("horizonWeeks", horizonWeeks, 1, ForecastInput.MAX_HORIZON_WEEKS)
                            .date("asOf", asOf)
                            .check(scenario.kind() != Scenario.Kind.CUSTOM, "withPipeline",
                                    "the pipeline is weighed into the BASE and STRESS forecasts, not a custom scenario",
                                    ErrorCode.OUT_OF_RANGE)
                            .throwIfInvalid();
                    return caller;
                })
                .then(agencies.current(caller))
                .flatMap(agency -> {
                    LocalDate day = asOf == null ? cash.today(agency) : asOf;
                    return Mono.zip(cash.input(caller, agency, day, horizonWeeks),
                                    deals.findOpen(caller.agencyId()).collectList())
                            .flatMap(t -> computations.run(() -> CashForecaster.forecast(
                                    Pipeline.withPipeline(t.getT1(), t.getT2(), agency.settings()), scenario)));
                });
    }
}
