package io.cordee.core.billing;

import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * How late a client pays (DESIGN.md, Computations). A delay is paid date − due date, in days
 * (negative when early). Over the client's last 12 paid invoices:
 * <ul>
 *   <li>expected delay = the median; with an even count, the mean of the two middle delays rounded
 *       up (a forecast should not be optimistic by half a day);</li>
 *   <li>90th percentile = the nearest-rank P90: the ⌈0.9 × n⌉-th smallest delay;</li>
 *   <li>with fewer than 3 paid invoices, both are the agency's default for the client's segment.</li>
 * </ul>
 */
public final class PaymentDelayModel {

    public static final int HISTORY = 12;
    public static final int MINIMUM_HISTORY = 3;

    private PaymentDelayModel() {
    }

    /** One paid invoice: when it was due and when it was paid in full. */
    public record PaidInvoice(LocalDate dueDate, LocalDate paidDate) {
        long delayDays() {
            return ChronoUnit.DAYS.between(dueDate, paidDate);
        }
    }

    public record Delays(int expectedDays, int p90Days, int basedOnInvoices) {
    }

    public static Delays of(List<PaidInvoice> paid, Segment segment, AgencySettings settings) {
        List<Long> delays = paid.stream()
                .sorted(Comparator.comparing(PaidInvoice::paidDate).reversed())
                .limit(HISTORY)
                .map(PaidInvoice::delayDays)
                .sorted()
                .toList();
        if (delays.size() < MINIMUM_HISTORY) {
            int fallback = settings.defaultPaymentDelayDays().get(segment);
            return new Delays(fallback, fallback, delays.size());
        }
        int n = delays.size();
        long median = n % 2 == 1 ? delays.get(n / 2)
                : Math.floorDiv(delays.get(n / 2 - 1) + delays.get(n / 2) + 1, 2);
        long p90 = delays.get((int) Math.ceil(0.9 * n) - 1);
        return new Delays(Math.toIntExact(median), Math.toIntExact(p90), n);
    }
}
