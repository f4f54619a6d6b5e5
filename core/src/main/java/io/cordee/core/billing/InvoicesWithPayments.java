package io.cordee.core.billing;

import java.util.List;
import java.util.Map;

/**
 * Invoices read together with the payments received against them, in one statement (ADR 0046): {@code payments}
 * holds an entry for every invoice of {@code invoices}, empty when nothing was received.
 */
public record InvoicesWithPayments(List<Invoice> invoices, Map<InvoiceId, List<Payment>> payments) {

    public InvoicesWithPayments {
        invoices = List.copyOf(invoices);
        payments = Map.copyOf(payments);
    }
}
