package io.cordee.core.billing;

import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * What a client still owes on one planned or issued invoice: the forecast's view of an invoice, read
 * by the tens of thousands, so it carries only what the forecast needs.
 */
public record Receivable(InvoiceId invoiceId, ClientId clientId, ProjectId projectId, InvoiceStatus status,
                         LocalDate issueDate, LocalDate dueDate, Money balance) {

    /**
     * By due date, then invoice (one without an id first): one order for the same facts whatever order they were read
     * in — the database hands receivables over as their rows lie, which an import or an update changes.
     */
    public static final Comparator<Receivable> BY_DUE_DATE = Comparator.comparing(Receivable::dueDate)
            .thenComparing(r -> r.invoiceId() == null ? null : r.invoiceId().value(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));

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
