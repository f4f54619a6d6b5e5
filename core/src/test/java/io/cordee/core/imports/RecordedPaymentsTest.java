package io.cordee.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.Payment;
import io.cordee.core.billing.PaymentId;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The payments an import skips as already recorded: a multiset by invoice, date and amount. */
class RecordedPaymentsTest {

    private static final AgencyId AGENCY = new AgencyId(new UUID(1, 1));
    private static final ClientId CLIENT = new ClientId(new UUID(2, 2));
    private static final InvoiceId INVOICE = new InvoiceId(new UUID(3, 3));
    private static final InvoiceId OTHER = new InvoiceId(new UUID(3, 4));
    private static final LocalDate ON = LocalDate.of(2026, 3, 10);

    private static Payment paid(InvoiceId invoice, LocalDate on, long cents) {
        return new Payment(new PaymentId(UUID.randomUUID()), AGENCY, invoice, CLIENT, on, Money.of(cents, "EUR"));
    }

    @Test
    void eachRecordedPaymentSkipsOneLineOfTheSameInvoiceDateAndAmount() {
        // two payments of 1,200.00 € on 10 March recorded: the file's first two such lines are already there, the
        // third is new
        RecordedPayments recorded = new RecordedPayments(List.of(paid(INVOICE, ON, 120_000),
                paid(INVOICE, ON, 120_000)));

        assertThat(recorded.take(INVOICE, ON, 120_000)).isTrue();
        assertThat(recorded.take(INVOICE, ON, 120_000)).isTrue();
        assertThat(recorded.take(INVOICE, ON, 120_000)).isFalse();
    }

    @Test
    void anotherInvoiceDayOrAmountIsNotRecorded() {
        RecordedPayments recorded = new RecordedPayments(List.of(paid(INVOICE, ON, 120_000)));

        assertThat(recorded.take(OTHER, ON, 120_000)).isFalse();
        assertThat(recorded.take(INVOICE, ON.plusDays(1), 120_000)).isFalse();
        assertThat(recorded.take(INVOICE, ON, 120_001)).isFalse();
        // none of those took the recorded one
        assertThat(recorded.take(INVOICE, ON, 120_000)).isTrue();
    }
}
