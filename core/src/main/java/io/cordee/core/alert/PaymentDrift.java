package io.cordee.core.alert;

import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.billing.PaymentDelayModel.PaidInvoice;
import io.cordee.core.client.ClientId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code PAYMENT_DRIFT}: a client starts paying later than it used to. Its paid invoices, in the order
 * they were paid: the <em>recent</em> delays are the last {@value #RECENT}; the <em>earlier</em> ones are
 * up to {@value PaymentDelayModel#HISTORY} before them (the delay model's window), and at least
 * {@value #MINIMUM_EARLIER} are needed (so at least 6 paid invoices). A delay is paid date − due date, in
 * days. It fires when average(recent) − average(earlier) ≥ {@code paymentDriftDays}, compared exactly
 * (Σ recent × n − Σ earlier × 3 ≥ days × 3 × n), so exactly 15 days worse fires.
 *
 * <p>Severity: a warning. Magnitude: the drift in days (2 decimals). Evidence: recentAverageDelay,
 * earlierAverageDelay, driftDays (2 decimals, half up), earlierInvoices, lastPaid.
 */
public final class PaymentDrift implements AlertRule {

    public static final int RECENT = 3;
    public static final int MINIMUM_EARLIER = 3;

    public record ClientPayments(ClientId client, List<PaidInvoice> paid) {
        public ClientPayments {
            Objects.requireNonNull(client, "client");
            paid = List.copyOf(paid);
        }
    }

    /** The rule, for {@link EarlyWarnings#RULES}. */
    public PaymentDrift() {
    }

    @Override
    public List<Finding> evaluate(AlertContext context) {
        return findings(context.payments(), context.thresholds());
    }

    public static List<Finding> findings(List<ClientPayments> clients, AlertThresholds thresholds) {
        List<Finding> findings = new ArrayList<>();
        for (ClientPayments c : clients) {
            List<PaidInvoice> ordered = c.paid().stream().sorted(Comparator.comparing(PaidInvoice::paidDate)).toList();
            int n = ordered.size();
            if (n < RECENT + MINIMUM_EARLIER) {
                continue;
            }
            List<PaidInvoice> recent = ordered.subList(n - RECENT, n);
            List<PaidInvoice> earlier = ordered.subList(Math.max(0, n - RECENT - PaymentDelayModel.HISTORY), n - RECENT);
            long recentSum = sum(recent);
            long earlierSum = sum(earlier);
            int e = earlier.size();
            if (recentSum * e - earlierSum * RECENT < (long) thresholds.paymentDriftDays() * RECENT * e) {
                continue;
            }
            BigDecimal recentAverage = average(recentSum, RECENT);
            BigDecimal earlierAverage = average(earlierSum, e);
            BigDecimal drift = BigDecimal.valueOf(recentSum * e - earlierSum * RECENT)
                    .divide(BigDecimal.valueOf((long) RECENT * e), 2, RoundingMode.HALF_UP);
            Evidence evidence = Evidence.empty()
                    .with("recentAverageDelay", recentAverage)
                    .with("earlierAverageDelay", earlierAverage)
                    .with("driftDays", drift)
                    .with("earlierInvoices", e)
                    .with("lastPaid", ordered.get(n - 1).paidDate());
            findings.add(Finding.of(AlertKind.PAYMENT_DRIFT, Severity.WARNING, AlertSubject.client(c.client()), evidence,
                    drift, "This client now pays " + drift.toPlainString() + " days later than it used to: ask "
                            + "what changed, and adapt the terms of its projects."));
        }
        return findings;
    }

    private static long sum(List<PaidInvoice> paid) {
        return paid.stream().mapToLong(p -> ChronoUnit.DAYS.between(p.dueDate(), p.paidDate())).sum();
    }

    private static BigDecimal average(long sum, int count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
