package io.cordee.core.billing;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordPaymentCommandTest {

    private static final InvoiceId INVOICE = new InvoiceId(new UUID(0, 9));
    private static final LocalDate ON = LocalDate.of(2026, 12, 3);

    @Test
    void aValidCommandKeepsItsFields() {
        RecordPaymentCommand c = new RecordPaymentCommand(INVOICE, 3L, Money.of(50_000, "EUR"), ON);
        assertThat(c.expectedVersion()).isEqualTo(3L);
        assertThat(c.amount().minorUnits()).isEqualTo(50_000);
        // no version: the invoice's version is not checked
        assertThat(new RecordPaymentCommand(INVOICE, null, Money.of(1, "EUR"), ON).expectedVersion()).isNull();
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new RecordPaymentCommand(null, null, Money.of(1, "EUR"), ON), "invoiceId", ErrorCode.REQUIRED);
        refused(() -> new RecordPaymentCommand(INVOICE, null, null, ON), "amount", ErrorCode.REQUIRED);
        assertThat(refused(() -> new RecordPaymentCommand(INVOICE, null, Money.of(0, "EUR"), ON), "amount",
                ErrorCode.OUT_OF_RANGE)).isEqualTo("must be more than 0");
        refused(() -> new RecordPaymentCommand(INVOICE, null, Money.of(-1, "EUR"), ON), "amount",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> new RecordPaymentCommand(INVOICE, null, Money.of(1, "EUR"), null), "receivedOn",
                ErrorCode.REQUIRED);
        refused(() -> new RecordPaymentCommand(INVOICE, null, Money.of(1, "EUR"), LocalDate.of(2101, 1, 1)),
                "receivedOn", ErrorCode.OUT_OF_RANGE);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new RecordPaymentCommand(INVOICE, null, Money.of(0, "EUR"), null),
                "amount OUT_OF_RANGE", "receivedOn REQUIRED");
    }
}
