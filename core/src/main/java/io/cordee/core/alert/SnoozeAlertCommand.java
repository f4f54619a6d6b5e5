package io.cordee.core.alert;

import io.cordee.core.common.Validator;
import java.time.LocalDate;

/**
 * Quiet an alert until a date (use case {@link AlertService#snooze(io.cordee.core.identity.Caller,
 * SnoozeAlertCommand)}). Valid on its own (ADR 79): an alert, the version read, and a date to snooze it until within
 * 2000-01-01 … 2100-12-31. Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming every
 * broken field. That the date is after the agency's today needs its time zone: the service checks it.
 */
public record SnoozeAlertCommand(AlertId alertId, long expectedVersion, LocalDate until) {

    public SnoozeAlertCommand {
        new Validator().required("id", alertId).required("until", until).date("until", until).throwIfInvalid();
    }
}
