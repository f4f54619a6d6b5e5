package io.cordee.core.billing;

import io.cordee.core.client.ClientId;
import java.time.LocalDate;

/** When one of a client's invoices was due and when it was paid in full: the payment delay model's input. */
public record PaidDates(ClientId clientId, LocalDate dueDate, LocalDate paidDate) {

    public PaymentDelayModel.PaidInvoice asPaidInvoice() {
        return new PaymentDelayModel.PaidInvoice(dueDate, paidDate);
    }
}
