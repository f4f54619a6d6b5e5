package io.cordee.core.alert;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Validator;

/**
 * The thresholds of the early warnings, per agency (DESIGN.md, Early warnings). {@link #defaults()}
 * gives the design's values; the constructor refuses edited values out of range, or a critical level
 * milder than its warning level, with one {@link InvalidInput} naming every bad field.
 *
 * @param capacityWarningPercent  a client's capacity share in a coming month above this % warns
 * @param capacityCriticalPercent … and above this % is critical
 * @param cashCriticalWeeks       the base forecast going below the safety threshold within this many weeks
 *                                (the as-of week is week 1) is critical
 * @param cashWarningWeeks        … within this many weeks warns (later in the horizon: information)
 * @param timeToFirstCashDays     a project's days from start to first cash above this warns
 * @param exposurePercentOfOpening a client's peak exposure above this % of the opening balance warns
 * @param overdueDays             an issued invoice unpaid this many days past its due date warns
 * @param overdueCriticalDays     … this many days is critical (not in the design's table: an invoice long
 *                                ignored comes back once, see {@link OverdueInvoices})
 * @param paymentDriftDays        a client's last 3 delays averaging this many days worse than before warns
 * @param engagementDropPoints    relationship health falling by this many points …
 * @param engagementWindowDays    … within this many days warns
 * @param commitmentSlipDays      a commitment that became late within this many days counts as a slip
 */
public record AlertThresholds(int capacityWarningPercent, int capacityCriticalPercent, int cashCriticalWeeks,
                              int cashWarningWeeks, int timeToFirstCashDays, int exposurePercentOfOpening,
                              int overdueDays, int overdueCriticalDays, int paymentDriftDays,
                              int engagementDropPoints, int engagementWindowDays, int commitmentSlipDays) {

    /** The forecast's longest horizon (DESIGN.md, Cash forecast). */
    public static final int MAX_WEEKS = 104;

    public AlertThresholds {
        Validator v = new Validator()
                .range("capacityWarningPercent", capacityWarningPercent, 1, 100)
                .range("capacityCriticalPercent", capacityCriticalPercent, 1, 100)
                .range("cashCriticalWeeks", cashCriticalWeeks, 1, MAX_WEEKS)
                .range("cashWarningWeeks", cashWarningWeeks, 1, MAX_WEEKS)
                .range("timeToFirstCashDays", timeToFirstCashDays, 1, 730)
                .range("exposurePercentOfOpening", exposurePercentOfOpening, 1, 1000)
                .range("overdueDays", overdueDays, 1, 365)
                .range("overdueCriticalDays", overdueCriticalDays, 1, 730)
                .range("paymentDriftDays", paymentDriftDays, 1, 365)
                .range("engagementDropPoints", engagementDropPoints, 1, 100)
                .range("engagementWindowDays", engagementWindowDays, 7, 365)
                .range("commitmentSlipDays", commitmentSlipDays, 1, 90);
        v.check(capacityCriticalPercent > capacityWarningPercent, "capacityCriticalPercent",
                "must be above capacityWarningPercent (" + capacityWarningPercent + ")", ErrorCode.OUT_OF_RANGE);
        v.check(cashCriticalWeeks < cashWarningWeeks, "cashCriticalWeeks",
                "must be fewer than cashWarningWeeks (" + cashWarningWeeks + ")", ErrorCode.OUT_OF_RANGE);
        v.check(overdueCriticalDays > overdueDays, "overdueCriticalDays",
                "must be more than overdueDays (" + overdueDays + ")", ErrorCode.OUT_OF_RANGE);
        v.throwIfInvalid();
    }

    public static AlertThresholds defaults() {
        return new AlertThresholds(30, 50, 13, 26, 90, 50, 15, 30, 15, 15, 60, 14);
    }
}
