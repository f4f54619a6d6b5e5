package io.cordee.core.staffing;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * Add public holidays to the agency's calendar (use case {@link StaffingService#addHolidays(
 * io.cordee.core.identity.Caller, AddPublicHolidaysCommand)}). Valid on its own (ADR 79): a label of 1 to 200
 * characters (stripped) and 1 to {@value #MAX_DAYS} days, each within 2000-01-01 … 2100-12-31. Otherwise the
 * constructor throws {@link io.cordee.core.common.InvalidInput} naming every broken field ({@code days[3]}). The
 * days are kept in order, each once. Who may change the calendar stays with the service.
 */
public record AddPublicHolidaysCommand(List<LocalDate> days, String label) {

    public static final int MAX_DAYS = 400;

    public AddPublicHolidaysCommand {
        Validator v = new Validator().requiredText("label", label, Validator.NAME_MAX_LENGTH)
                .check(days != null && !days.isEmpty() && days.size() <= MAX_DAYS, "days",
                        "give 1 to " + MAX_DAYS + " days", ErrorCode.OUT_OF_RANGE);
        if (days != null) {
            for (int i = 0; i < days.size() && i < MAX_DAYS; i++) {
                v.required("days[" + i + "]", days.get(i)).date("days[" + i + "]", days.get(i));
            }
        }
        v.throwIfInvalid();
        days = List.copyOf(new TreeSet<>(days));
        label = label.strip();
    }
}
