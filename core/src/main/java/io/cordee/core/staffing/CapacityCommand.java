package io.cordee.core.staffing;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Validator;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The agency's capacity month by month (use case {@link StaffingService#capacity(io.cordee.core.identity.Caller,
 * CapacityCommand)}). Valid on its own (ADR 79): a first month and 1 to {@value StaffingService#MAX_MONTHS} months.
 * Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming every broken field. Who may see
 * capacity stays with the service. The query gives the first month as text: {@link #of(String, int)} reads it.
 */
public record CapacityCommand(YearMonth first, int months) {

    public CapacityCommand {
        new Validator().required("from", first).range("months", months, 1, StaffingService.MAX_MONTHS)
                .throwIfInvalid();
    }

    /**
     * The command from the query's arguments: {@code from} as YYYY-MM, a malformed one told alone (before the
     * months), as {@link #firstMonth} tells it.
     */
    public static CapacityCommand of(String from, int months) {
        return new CapacityCommand(firstMonth(from, "2026-11"), months);
    }

    /**
     * The first month {@code from} as YYYY-MM, else {@code from} {@link ErrorCode#INVALID_FORMAT} "must be a month
     * such as {@code example}" ({@code example} is the asking query's own, which its clients have always been shown);
     * null is {@code from} {@link ErrorCode#REQUIRED}. Also the first month of the pipeline's capacity.
     */
    public static YearMonth firstMonth(String from, String example) {
        return month("from", from, "must be a month such as " + example);
    }

    /** {@code text} as YYYY-MM on {@code field}, else {@code message}; the rule of every month given as text. */
    static YearMonth month(String field, String text, String message) {
        new Validator().required(field, text).throwIfInvalid();
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, message, ErrorCode.INVALID_FORMAT);
        }
    }

    /** The last month shown. */
    public YearMonth last() {
        return first.plusMonths(months - 1);
    }
}
