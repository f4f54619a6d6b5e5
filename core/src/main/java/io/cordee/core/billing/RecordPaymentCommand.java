package io.cordee.core.billing;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import java.time.LocalDate;

/**
 * Record a payment received on an invoice (use case {@link BillingService#recordPayment(
 * io.cordee.core.identity.Caller, RecordPaymentCommand)}). Valid on its own (ADR 79): an invoice, an amount
 * above 0 within ±10^13 minor units and a day received within 2000-01-01 … 2100-12-31; {@code expectedVersion}
 * is the invoice's version read, or null not to check it. What needs the agency or the invoice (not after
 * today, not more than the balance due, not on a planned or cancelled invoice) stays with the service.
 */
public record RecordPaymentCommand(InvoiceId invoiceId, Long expectedVersion, Money amount, LocalDate receivedOn) {

    public RecordPaymentCommand {
        new Validator()
                .required("invoiceId", invoiceId)
                .required("amount", amount)
                .check(amount == null || amount.minorUnits() > 0, "amount", "must be more than 0",
                        ErrorCode.OUT_OF_RANGE)
                .money("amount", amount)
                .required("receivedOn", receivedOn)
                .date("receivedOn", receivedOn)
                .throwIfInvalid();
    }
}
