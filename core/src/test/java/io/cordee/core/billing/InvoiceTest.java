package io.cordee.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private final Invoice planned = new Invoice(new InvoiceId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()),
            new ClientId(UUID.randomUUID()), new ProjectId(UUID.randomUUID()), "deposit", null, "Deposit 30 %",
            InvoiceStatus.PLANNED, LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 14), Money.of(1_000_000, "EUR"),
            Money.of(0, "EUR"), null, 0);

    @Test
    void issuedThenPaidInTwoParts() {
        // issued 2 March on 60-day terms: due 1 May (March has 31 days: 2 Mar + 60 = 1 May)
        Invoice issued = planned.issue(" F-2026-014 ", LocalDate.of(2026, 3, 2), 60);
        assertThat(issued.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(issued.dueDate()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(issued.number()).isEqualTo("F-2026-014");

        // 10,000.00 = 4,000.00 on 10 May + 6,000.00 on 20 May: PAID on 20 May
        Invoice part = issued.pay(Money.of(400_000, "EUR"), LocalDate.of(2026, 5, 10));
        assertThat(part.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(part.balanceDue()).isEqualTo(Money.of(600_000, "EUR"));
        Invoice settled = part.pay(Money.of(600_000, "EUR"), LocalDate.of(2026, 5, 20));
        assertThat(settled.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(settled.paidDate()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(settled.isExpectedToPay()).isFalse();
    }

    @Test
    void refusedPayments() {
        Invoice issued = planned.issue(null, LocalDate.of(2026, 3, 2), 30);
        // 10,000.01 on a 10,000.00 invoice
        assertThatThrownBy(() -> issued.pay(Money.of(1_000_001, "EUR"), LocalDate.of(2026, 4, 1)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("more than the balance due (10000.00 EUR)");
        assertThatThrownBy(() -> issued.pay(Money.of(0, "EUR"), LocalDate.of(2026, 4, 1)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> issued.cancel().pay(Money.of(100, "EUR"), LocalDate.of(2026, 4, 1)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("cancelled");
        assertThatThrownBy(() -> planned.pay(Money.of(100, "EUR"), LocalDate.of(2026, 4, 1)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("issue it before");
        assertThatThrownBy(() -> issued.pay(Money.of(100, "EUR"), LocalDate.of(2026, 4, 1)).cancel())
                .isInstanceOf(InvalidInput.class).hasMessageContaining("payments were received");
        assertThatThrownBy(() -> issued.issue("F-2", LocalDate.of(2026, 4, 1), 30))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("only a planned invoice");
    }
}
