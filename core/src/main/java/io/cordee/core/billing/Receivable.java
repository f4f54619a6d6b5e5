package io.cordee.core.billing;

import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a client still owes on one planned or issued invoice: the forecast's view of an invoice, read
 * by the tens of thousands, so it carries only what the forecast needs.
 */
public record Receivable(InvoiceId invoiceId, ClientId clientId, ProjectId projectId, InvoiceStatus status,
                         LocalDate issueDate, LocalDate dueDate, Money balance) {

    public Receivable {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(balance, "balance");
    }

    public static Receivable of(Invoice invoice) {
        return new Receivable(invoice.id(), invoice.clientId(), invoice.projectId(), invoice.status(),
                invoice.issueDate(), invoice.dueDate(), invoice.balanceDue());
    }

    public boolean isPlanned() {
        return status == InvoiceStatus.PLANNED;
    }
}
