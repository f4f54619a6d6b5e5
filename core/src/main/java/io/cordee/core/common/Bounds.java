package io.cordee.core.common;

import io.cordee.core.money.Money;
import java.time.LocalDate;

/**
 * The documented range of every date and amount Cordée accepts (ADR 38): far enough for any real
 * agency, close enough that no sum, product or date the computations derive from them can overflow.
 *
 * <ul>
 *   <li>dates from {@link #MIN_DATE} 2000-01-01 to {@link #MAX_DATE} 2100-12-31, both included;</li>
 *   <li>amounts of at most {@link #MAX_MINOR_UNITS} = 10^13 minor units (100 billion in a currency with
 *       cents) either way. 50,000 invoices at the maximum sum to 5 × 10^17, under {@link Long#MAX_VALUE}
 *       (about 9.2 × 10^18) with room to spare, and {@link Money} adds with exact methods anyway.</li>
 * </ul>
 */
public final class Bounds {

    public static final LocalDate MIN_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);
    public static final long MAX_MINOR_UNITS = 10_000_000_000_000L;

    private Bounds() {
    }

    public static boolean dateInRange(LocalDate date) {
        return date == null || (!date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE));
    }

    public static boolean amountInRange(long minorUnits) {
        return minorUnits >= -MAX_MINOR_UNITS && minorUnits <= MAX_MINOR_UNITS;
    }

    public static String dateMessage(LocalDate date) {
        return "must be between " + MIN_DATE + " and " + MAX_DATE + " (got " + date + ")";
    }

    public static String amountMessage(long minorUnits) {
        return "must be at most " + MAX_MINOR_UNITS + " minor units either way (got " + minorUnits + ")";
    }
}
