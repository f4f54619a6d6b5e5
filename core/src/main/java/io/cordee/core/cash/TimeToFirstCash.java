package io.cordee.core.cash;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

/** Days from a project's start to the first cash it brings: its first actual or expected receipt. */
public final class TimeToFirstCash {

    private TimeToFirstCash() {
    }

    /** Empty when the project is expected to bring no cash at all. */
    public static Optional<Long> days(LocalDate projectStart, Collection<LocalDate> receiptDates) {
        return receiptDates.stream().min(LocalDate::compareTo)
                .map(first -> ChronoUnit.DAYS.between(projectStart, first));
    }
}
