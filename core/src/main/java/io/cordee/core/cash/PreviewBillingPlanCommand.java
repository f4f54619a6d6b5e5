package io.cordee.core.cash;

import io.cordee.core.billing.SetBillingPlanCommand;
import io.cordee.core.common.Validator;
import java.util.Objects;

/**
 * Preview a billing plan before it is saved (use case {@link BillingPlanPreviewService#preview(
 * io.cordee.core.identity.Caller, PreviewBillingPlanCommand)}). Valid on its own (ADR 79): a plan that
 * {@code setBillingPlan} would take (a {@link SetBillingPlanCommand}, valid already: its errors are told before this
 * command exists) and a horizon of 1 to {@value ForecastInput#MAX_HORIZON_WEEKS} weeks. Otherwise the constructor
 * throws {@link io.cordee.core.common.InvalidInput} on {@code horizonWeeks}. The service builds it once the caller's
 * role is checked, so a LEAD is told FORBIDDEN before the horizon. What needs the project (its dates, its agency)
 * stays with the service.
 */
public record PreviewBillingPlanCommand(SetBillingPlanCommand plan, int horizonWeeks) {

    public PreviewBillingPlanCommand {
        Objects.requireNonNull(plan, "plan");
        new Validator().range("horizonWeeks", horizonWeeks, 1, ForecastInput.MAX_HORIZON_WEEKS).throwIfInvalid();
    }
}
