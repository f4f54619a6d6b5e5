package io.cordee.core.staffing;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.time.LocalDate;

/**
 * The weeks in which someone is allocated more than 100 % (use case {@link StaffingService#overAllocated(
 * io.cordee.core.identity.Caller, OverAllocationsCommand)}). Valid on its own (ADR 79): a start and an end not
 * before it, at most {@value #MAX_DAYS} days apart (two years). Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. Who may see staffing stays with the service.
 */
public record OverAllocationsCommand(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 2 * 366;

    public OverAllocationsCommand {
        Validator v = PublicHolidaysCommand.window(from, to);
        if (from != null && to != null) {
            v.check(to.toEpochDay() - from.toEpochDay() <= MAX_DAYS, "to", "at most two years after from",
                    ErrorCode.OUT_OF_RANGE);
        }
        v.throwIfInvalid();
    }
}
