package io.cordee.core.cash;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.time.LocalDate;

/**
 * The deterministic forecast as a caller asks for it (the {@code cashForecast} query: use cases
 * {@link CashService#forecast(io.cordee.core.identity.Caller, CashForecastCommand)} and, with the pipeline,
 * {@code PipelineService.forecast}). Valid on its own (ADR 79): 1 to {@value ForecastInput#MAX_HORIZON_WEEKS} weeks,
 * an as-of day (null: the agency's today) within 2000-01-01 … 2100-12-31, and the pipeline weighed only into the
 * {@code BASE} and {@code STRESS} scenarios. Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. Who may see cash, and that the scenario's
 * clients are the agency's, stay with the service.
 */
public record CashForecastCommand(LocalDate asOf, int horizonWeeks, Scenario scenario, boolean withPipeline) {

    public CashForecastCommand {
        new Validator().range("horizonWeeks", horizonWeeks, 1, ForecastInput.MAX_HORIZON_WEEKS).date("asOf", asOf)
                .check(!withPipeline || scenario == null || scenario.kind() != Scenario.Kind.CUSTOM, "withPipeline",
                        "the pipeline is weighed into the BASE and STRESS forecasts, not a custom scenario",
                        ErrorCode.OUT_OF_RANGE)
                .throwIfInvalid();
    }
}
