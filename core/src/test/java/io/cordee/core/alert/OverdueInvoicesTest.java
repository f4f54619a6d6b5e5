package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** As of 23 November 2026; defaults: 15 days past due warns, 30 is critical. */
class OverdueInvoicesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final ClientId CLIENT = new ClientId(UUID.randomUUID());

    @ParameterizedTest(name = "due {0} ({1} days ago) → {2}")
    @CsvSource(nullValues = "-", value = {
            "2026-11-23, 0,  -",
            "2026-11-09, 14, -",
            // 23 − 15 = 8 November: 15 days past due
            "2026-11-08, 15, WARNING",
            "2026-10-25, 29, WARNING",
            // 24 October: 7 days to 31 October, + 23 in November = 30
            "2026-10-24, 30, CRITICAL"})
    void aroundFifteenAndThirtyDays(LocalDate due, long daysLate, Severity expected) {
        List<Finding> findings = OverdueInvoices.findings(List.of(invoice(InvoiceStatus.ISSUED, due, 1_200_000, 0)),
                AS_OF, AlertThresholds.defaults());
        if (expected == null) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(expected);
            assertThat(f.evidence().figure("daysOverdue")).isEqualByComparingTo(String.valueOf(daysLate));
        });
    }

    @Test
    void aPartlyPaidInvoiceShowsItsBalance() {
        // 12 000.00 issued, 2 000.00 received → 10 000.00 due, 20 days late
        Invoice invoice = invoice(InvoiceStatus.ISSUED, LocalDate.of(2026, 11, 3), 1_200_000, 200_000);
        Finding f = OverdueInvoices.findings(List.of(invoice), AS_OF, AlertThresholds.defaults()).get(0);

        assertThat(f.kind()).isEqualTo(AlertKind.OVERDUE_INVOICE);
        assertThat(f.subject()).isEqualTo(AlertSubject.invoice(invoice.id(), CLIENT));
        assertThat(f.evidence().names()).containsExactly("dueDate", "daysOverdue", "balanceDue", "amount");
        assertThat(f.evidence().amount("balanceDue")).isEqualTo(Money.of(1_000_000, "EUR"));
        assertThat(f.magnitude()).isEqualByComparingTo("1000000");
        assertThat(f.suggestedAction()).contains("20 days overdue").contains("10000.00 EUR");
        assertThat(f.linksToRenegotiation()).isTrue();
    }

    @Test
    void onlyIssuedInvoicesCanBeOverdue() {
        LocalDate longAgo = LocalDate.of(2026, 6, 1);
        assertThat(OverdueInvoices.findings(List.of(
                invoice(InvoiceStatus.PLANNED, longAgo, 100, 0),
                invoice(InvoiceStatus.PAID, longAgo, 100, 100),
                invoice(InvoiceStatus.CANCELLED, longAgo, 100, 0)), AS_OF, AlertThresholds.defaults())).isEmpty();
    }

    private static Invoice invoice(InvoiceStatus status, LocalDate due, long amount, long paid) {
        return new Invoice(new InvoiceId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), CLIENT,
                new ProjectId(UUID.randomUUID()), null, null, "Milestone 2", status, due.minusDays(30), due,
                Money.of(amount, "EUR"), Money.of(paid, "EUR"), null, 0);
    }
}
