package io.cordee.core.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgedReceivablesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 3);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final ClientId A = new ClientId(new UUID(0, 1));
    private static final ClientId B = new ClientId(new UUID(0, 2));
    private static final ClientId C = new ClientId(new UUID(0, 3));

    /** One issued invoice of 1.00 € due on {@code due}: into which bucket does it fall on 3 December 2026? */
    record Boundary(LocalDate due, String bucket, String why) {
    }

    @Test
    void eachBoundaryFallsInTheRightBucket() {
        List<Boundary> table = List.of(
                new Boundary(LocalDate.of(2026, 12, 10), "notDue", "due in 7 days"),
                new Boundary(LocalDate.of(2026, 12, 3), "notDue", "due today: 0 days overdue"),
                new Boundary(LocalDate.of(2026, 12, 2), "1-30", "1 day overdue"),
                new Boundary(LocalDate.of(2026, 11, 3), "1-30", "30 days: November has 30 days"),
                new Boundary(LocalDate.of(2026, 11, 2), "31-60", "31 days"),
                new Boundary(LocalDate.of(2026, 10, 4), "31-60", "60 days: 4 Oct→4 Nov 31, →3 Dec 29"),
                new Boundary(LocalDate.of(2026, 10, 3), "61-90", "61 days"),
                new Boundary(LocalDate.of(2026, 9, 4), "61-90", "90 days: 4 Sep→4 Oct 30, →3 Dec 60"),
                new Boundary(LocalDate.of(2026, 9, 3), ">90", "91 days"));
        for (Boundary row : table) {
            AgedReceivables.Buckets b = AgedReceivables.of(List.of(issued(A, row.due(), 100)), AS_OF, EUR).total();
            String bucket = b.notDue().minorUnits() == 100 ? "notDue" : b.days1To30().minorUnits() == 100 ? "1-30"
                    : b.days31To60().minorUnits() == 100 ? "31-60" : b.days61To90().minorUnits() == 100 ? "61-90"
                    : b.over90().minorUnits() == 100 ? ">90" : "none";
            assertThat(bucket).as(row.why()).isEqualTo(row.bucket());
            assertThat(b.total()).as(row.why()).isEqualTo(eur(100));
        }
    }

    @Test
    void clientsAndTotalsWorkedByHand() {
        List<Receivable> rs = new ArrayList<>(List.of(
                // A: not due 1,000.00 + 500.00 (due today) = 1,500.00; 1–30: 200.00 (1 day) + 300.00 (30 days)
                // = 500.00; 31–60: 400.00 (31 days). A owes 2,400.00 on 5 invoices.
                issued(A, LocalDate.of(2026, 12, 10), 100_000),
                issued(A, LocalDate.of(2026, 12, 3), 50_000),
                issued(A, LocalDate.of(2026, 12, 2), 20_000),
                issued(A, LocalDate.of(2026, 11, 3), 30_000),
                issued(A, LocalDate.of(2026, 11, 2), 40_000),
                // B: 31–60: 600.00 (60 days); 61–90: 700.00 (61) + 800.00 (90) = 1,500.00; > 90: 900.00 (91).
                // B owes 3,000.00 on 4 invoices, more than A: listed first.
                issued(B, LocalDate.of(2026, 10, 4), 60_000),
                issued(B, LocalDate.of(2026, 10, 3), 70_000),
                issued(B, LocalDate.of(2026, 9, 4), 80_000),
                issued(B, LocalDate.of(2026, 9, 3), 90_000),
                // not receivables: a planned invoice long "overdue", a paid one, an issued one with nothing left
                new Receivable(id(), B, project(), InvoiceStatus.PLANNED, null, LocalDate.of(2026, 1, 1), eur(500_000)),
                new Receivable(id(), C, project(), InvoiceStatus.PAID, null, LocalDate.of(2026, 1, 1), eur(10_000)),
                issued(C, LocalDate.of(2026, 1, 1), 0)));

        AgedReceivables report = AgedReceivables.of(rs, AS_OF, EUR);

        assertThat(report.clients()).extracting(AgedReceivables.ClientAging::clientId).containsExactly(B, A);
        AgedReceivables.ClientAging b = report.clients().get(0);
        assertThat(b.buckets()).isEqualTo(new AgedReceivables.Buckets(eur(0), eur(0), eur(60_000), eur(150_000),
                eur(90_000)));
        assertThat(b.buckets().total()).isEqualTo(eur(300_000));
        assertThat(b.invoices()).isEqualTo(4);
        AgedReceivables.ClientAging a = report.clients().get(1);
        assertThat(a.buckets()).isEqualTo(new AgedReceivables.Buckets(eur(150_000), eur(50_000), eur(40_000), eur(0),
                eur(0)));
        assertThat(a.invoices()).isEqualTo(5);
        // totals: not due 1,500.00; 1–30 500.00; 31–60 400.00 + 600.00 = 1,000.00; 61–90 1,500.00; > 90 900.00;
        // all 5,400.00 = 2,400.00 + 3,000.00
        assertThat(report.total()).isEqualTo(new AgedReceivables.Buckets(eur(150_000), eur(50_000), eur(100_000),
                eur(150_000), eur(90_000)));
        assertThat(report.total().total()).isEqualTo(eur(540_000));
    }

    @Test
    void nothingOwedIsAnEmptyReportWithZeroTotals() {
        AgedReceivables report = AgedReceivables.of(List.of(), AS_OF, EUR);
        assertThat(report.clients()).isEmpty();
        assertThat(report.total().total()).isEqualTo(eur(0));
    }

    private static Receivable issued(ClientId client, LocalDate due, long balanceMinor) {
        return new Receivable(id(), client, project(), InvoiceStatus.ISSUED, due.minusDays(30), due, eur(balanceMinor));
    }

    private static InvoiceId id() {
        return new InvoiceId(UUID.randomUUID());
    }

    private static ProjectId project() {
        return new ProjectId(UUID.randomUUID());
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
