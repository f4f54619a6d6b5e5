package io.cordee.core.staffing;

import io.cordee.core.common.Validator;
import java.time.LocalDate;

/**
 * The agency's public holidays between two dates (use case {@link StaffingService#holidays(
 * io.cordee.core.identity.Caller, PublicHolidaysCommand)}). Valid on its own (ADR 79): a start and an end not before
 * it. Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming every broken field. Who may
 * see the calendar stays with the service.
 */
public record PublicHolidaysCommand(LocalDate from, LocalDate to) {

    public PublicHolidaysCommand {
        window(from, to).throwIfInvalid();
    }

    /** The rules of a window of days, {@code from} and {@code to} both given, the end not before the start. */
    static Validator window(LocalDate from, LocalDate to) {
        return new Validator().required("from", from).required("to", to).notBefore("to", to, "from", from);
    }
}
