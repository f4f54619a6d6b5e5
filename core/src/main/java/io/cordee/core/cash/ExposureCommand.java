package io.cordee.core.cash;

import io.cordee.core.common.Validator;
import java.time.LocalDate;

/**
 * A client's exposure as a caller asks for it (the {@code exposure} query and the clients list's exposure: use
 * cases {@link CashService#exposure}, {@link CashService#exposuresOf} and {@link CashService#exposures}). Valid on
 * its own (ADR 79): 1 to {@value ForecastInput#MAX_HORIZON_WEEKS} weeks from the as-of day (null: the agency's
 * today). Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming {@code weeks}. Who may
 * see cash, and that the client is the agency's, stay with the service.
 */
public record ExposureCommand(LocalDate asOf, int weeks) {

    public ExposureCommand {
        new Validator().range("weeks", weeks, 1, ForecastInput.MAX_HORIZON_WEEKS).throwIfInvalid();
    }
}
