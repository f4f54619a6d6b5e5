package io.cordee.core.billing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import java.time.LocalDate;

/** Cash received from a client against one invoice. */
public record Payment(PaymentId id, AgencyId agencyId, InvoiceId invoiceId, ClientId clientId, LocalDate receivedOn,
                      Money amount) {
}
