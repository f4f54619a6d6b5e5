package io.cordee.core.alert;

import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code OVERDUE_INVOICE}: an issued invoice with a balance due is unpaid {@code overdueDays} or more
 * past its due date (15 days late fires, 14 does not): a warning; {@code overdueCriticalDays} or more
 * (30 by default): critical. The design gives one threshold; the second level exists because the days
 * late grow with the calendar, not with the facts, so they cannot be the magnitude: without it an
 * acknowledged overdue invoice would never come back.
 *
 * <p>Magnitude: the balance due in minor units (it only grows if the invoice is corrected upwards).
 * Evidence: dueDate, daysOverdue, balanceDue, amount.
 */
public final class OverdueInvoices implements AlertRule {

    /** The rule, for {@link EarlyWarnings#RULES}. */
    public OverdueInvoices() {
    }

    @Override
    public List<Finding> evaluate(AlertContext context) {
        return findings(context.overdueInvoices(), context.asOf(), context.thresholds());
    }

    public static List<Finding> findings(List<Invoice> invoices, LocalDate asOf, AlertThresholds thresholds) {
        List<Finding> findings = new ArrayList<>();
        for (Invoice invoice : invoices) {
            if (invoice.status() != InvoiceStatus.ISSUED || invoice.balanceDue().minorUnits() <= 0) {
                continue;
            }
            long late = ChronoUnit.DAYS.between(invoice.dueDate(), asOf);
            if (late < thresholds.overdueDays()) {
                continue;
            }
            Severity severity = late >= thresholds.overdueCriticalDays() ? Severity.CRITICAL : Severity.WARNING;
            Evidence evidence = Evidence.empty()
                    .with("dueDate", invoice.dueDate())
                    .with("daysOverdue", late)
                    .with("balanceDue", invoice.balanceDue())
                    .with("amount", invoice.amount());
            findings.add(Finding.of(AlertKind.OVERDUE_INVOICE, severity,
                    AlertSubject.invoice(invoice.id(), invoice.clientId()), evidence,
                    BigDecimal.valueOf(invoice.balanceDue().minorUnits()),
                    "Invoice " + (invoice.label() == null ? "" : "\"" + invoice.label() + "\" ") + "is " + late
                            + " days overdue (" + invoice.balanceDue() + "): call the client; if it keeps happening, "
                            + "propose shorter terms or a deposit."));
        }
        return findings;
    }
}
