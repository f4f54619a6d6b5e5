package io.cordee.core.cash;

import io.cordee.core.common.Validator;
import java.time.LocalDate;

/**
 * The probabilistic forecast as a caller asks for it (the {@code cashRisk} query: use cases
 * {@link CashRiskService#risk(io.cordee.core.identity.Caller, CashRiskCommand, Scenario)} and
 * {@link CashRiskService#risks(io.cordee.core.identity.Caller, CashRiskCommand, java.util.List)}). Valid on its own
 * (ADR 79): 1 to {@value ForecastInput#MAX_HORIZON_WEEKS} weeks, 1 to {@value MonteCarlo#MAX_PATHS} paths and an
 * as-of day (null: the agency's today) within 2000-01-01 … 2100-12-31. Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. Who may see cash stays with the service.
 */
public record CashRiskCommand(LocalDate asOf, int horizonWeeks, int paths, long seed) {

    public CashRiskCommand {
        new Validator().range("horizonWeeks", horizonWeeks, 1, ForecastInput.MAX_HORIZON_WEEKS)
                .range("paths", paths, 1, MonteCarlo.MAX_PATHS).date("asOf", asOf).throwIfInvalid();
    }

    /** The command with the defaults of what is not given: {@value MonteCarlo#DEFAULT_PATHS} paths, the fixed seed. */
    public static CashRiskCommand of(LocalDate asOf, int horizonWeeks, Integer paths, Long seed) {
        return new CashRiskCommand(asOf, horizonWeeks, paths == null ? MonteCarlo.DEFAULT_PATHS : paths,
                seed == null ? CashRiskService.DEFAULT_SEED : seed);
    }
}
