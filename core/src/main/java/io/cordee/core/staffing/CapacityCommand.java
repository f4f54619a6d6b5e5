package io.cordee.core.staffing;

import io.cordee.core.common.Validator;
import java.time.YearMonth;

/**
 * The agency's capacity month by month (use case {@link StaffingService#capacity(io.cordee.core.identity.Caller,
 * CapacityCommand)}). Valid on its own (ADR 79): a first month and 1 to {@value StaffingService#MAX_MONTHS} months.
 * Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming every broken field. Who may see
 * capacity stays with the service.
 */
public record CapacityCommand(YearMonth first, int months) {

    public CapacityCommand {
        new Validator().required("from", first).range("months", months, 1, StaffingService.MAX_MONTHS)
                .throwIfInvalid();
    }

    /** The last month shown. */
    public YearMonth last() {
        return first.plusMonths(months - 1);
    }
}
