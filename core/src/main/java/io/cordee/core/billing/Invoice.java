package io.cordee.core.billing;

import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a client owes for a project: its amount, what was paid so far, and when it is (or will be)
 * issued and due. The forecast only needs this view; the invoice life cycle comes with billing.
 */
public record Invoice(ClientId clientId, ProjectId projectId, InvoiceStatus status, LocalDate issueDate,
                      LocalDate dueDate, Money amount, Money paid) {

    public Invoice {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paid, "paid");
    }

    public Money balanceDue() {
        return amount.minus(paid);
    }

    /** Planned and issued invoices with something left to pay will bring cash. */
    public boolean isExpectedToPay() {
        return (status == InvoiceStatus.PLANNED || status == InvoiceStatus.ISSUED) && balanceDue().minorUnits() > 0;
    }
}
