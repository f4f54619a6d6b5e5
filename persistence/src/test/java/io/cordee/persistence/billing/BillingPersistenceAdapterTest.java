package io.cordee.persistence.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.Receivable;
import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The two reads a forecast makes by the thousands: open receivables and each client's last paid invoices; and the
 * versioned save of a project's billing plan.
 */
class BillingPersistenceAdapterTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    private final DatabaseClient db = TestDatabase.client();
    private final BillingPersistenceAdapter adapter = new BillingPersistenceAdapter(db, new BillingRowMapperImpl(),
            new MilestonesJson());
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();
    /** Two agencies of their own for each test (a new instance per test): one to use, one that must see none of it. */
    private final AgencyId agency = TestDatabase.newAgency();
    private final AgencyId otherAgency = TestDatabase.newAgency();

    @Test
    void readsEachClientsLastTwelvePaidInvoicesNewestFirst() {
        // Alpha paid 14 invoices: invoice k (k = 1..14) due on 1 Jan + 10k days, paid 5k days after that.
        // The last 12 by paid date are k = 3..14, so their delays are 15, 20, ..., 70 days.
        ClientId alpha = TestDatabase.newClient(agency);
        UUID alphaProject = insertProject(agency, alpha);
        for (int k = 1; k <= 14; k++) {
            LocalDate due = JAN_1.plusDays(10L * k);
            insertInvoice(agency, alpha, alphaProject, "PAID", due, 100_00, 100_00, due.plusDays(5L * k));
        }
        // Bravo paid 2; Charlie none (only an issued one); another agency's client paid 3.
        ClientId bravo = TestDatabase.newClient(agency);
        UUID bravoProject = insertProject(agency, bravo);
        insertInvoice(agency, bravo, bravoProject, "PAID", JAN_1, 50_00, 50_00, JAN_1.plusDays(1));
        insertInvoice(agency, bravo, bravoProject, "PAID", JAN_1.plusDays(30), 50_00, 50_00, JAN_1.plusDays(31));
        ClientId charlie = TestDatabase.newClient(agency);
        insertInvoice(agency, charlie, insertProject(agency, charlie), "ISSUED", JAN_1, 70_00, 0, null);
        ClientId stranger = TestDatabase.newClient(otherAgency);
        UUID strangerProject = insertProject(otherAgency, stranger);
        for (int k = 0; k < 3; k++) {
            insertInvoice(otherAgency, stranger, strangerProject, "PAID", JAN_1, 10_00, 10_00, JAN_1);
        }

        List<PaidDates> all = adapter.findLastPaidDates(agency, 12).collectList().block();
        assertThat(all).filteredOn(p -> p.clientId().equals(alpha))
                .extracting(p -> p.paidDate().toEpochDay() - p.dueDate().toEpochDay())
                .containsExactlyInAnyOrder(15L, 20L, 25L, 30L, 35L, 40L, 45L, 50L, 55L, 60L, 65L, 70L);
        assertThat(all).filteredOn(p -> p.clientId().equals(bravo)).hasSize(2);
        assertThat(all).extracting(PaidDates::clientId).containsOnly(alpha, bravo);

        assertThat(adapter.findLastPaidDates(agency, List.of(bravo, charlie), 12).collectList().block())
                .extracting(PaidDates::clientId).containsExactly(bravo, bravo);
        assertThat(adapter.findLastPaidDates(agency, List.of(stranger), 12).collectList().block()).isEmpty();
        assertThat(adapter.findLastPaidDates(TestDatabase.newAgency(), 12).collectList().block()).isEmpty();
    }

    @Test
    void readsWhatIsStillOwedOnPlannedAndIssuedInvoices() {
        ClientId client = TestDatabase.newClient(agency);
        UUID project = insertProject(agency, client);
        UUID planned = insertInvoice(agency, client, project, "PLANNED", JAN_1.plusDays(60), 300_00, 0, null);
        // 1,000.00 issued, 400.00 received: 600.00 still owed
        UUID partPaid = insertInvoice(agency, client, project, "ISSUED", JAN_1.plusDays(30), 1_000_00, 400_00, null);
        insertInvoice(agency, client, project, "PAID", JAN_1, 200_00, 200_00, JAN_1);
        insertInvoice(agency, client, project, "CANCELLED", JAN_1, 900_00, 0, null);
        ClientId stranger = TestDatabase.newClient(otherAgency);
        insertInvoice(otherAgency, stranger, insertProject(otherAgency, stranger), "ISSUED", JAN_1, 50_00, 0, null);

        List<Receivable> open = adapter.findReceivables(agency).collectList().block();
        assertThat(open).extracting(r -> r.invoiceId().value(), Receivable::status, Receivable::balance,
                        Receivable::dueDate)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(planned, InvoiceStatus.PLANNED, Money.of(300_00, "EUR"),
                                JAN_1.plusDays(60)),
                        org.assertj.core.groups.Tuple.tuple(partPaid, InvoiceStatus.ISSUED, Money.of(600_00, "EUR"),
                                JAN_1.plusDays(30)));
        assertThat(open.get(0).projectId().value()).isEqualTo(project);
        assertThat(adapter.findReceivables(TestDatabase.newAgency()).collectList().block()).isEmpty();
    }

    /**
     * Issue 17, point 1: a forecast as of a past date treats later payments as not yet received.
     * <pre>
     * A 1,000.00 ISSUED, 300.00 paid 10 Jan and 200.00 paid 20 Jan (paid 500.00)
     *   as of 15 Jan: 1,000 − 300 = 700.00 owed      as of 20 Jan: 500.00      as of 31 Jan: 500.00
     * B 400.00 PAID on 25 Jan in one payment
     *   as of 15 Jan: 400.00 owed, read as ISSUED     as of 25 Jan: nothing (a payment on asOf is received)
     * </pre>
     */
    @Test
    void readsWhatWasOwedAsOfAPastDate() {
        ClientId client = TestDatabase.newClient(agency);
        UUID project = insertProject(agency, client);
        UUID a = insertInvoice(agency, client, project, "ISSUED", JAN_1.plusDays(30), 1_000_00, 500_00, null);
        UUID b = insertInvoice(agency, client, project, "PAID", JAN_1.plusDays(20), 400_00, 400_00,
                LocalDate.of(2026, 1, 25));
        insertPayment(agency, client, a, LocalDate.of(2026, 1, 10), 300_00);
        insertPayment(agency, client, a, LocalDate.of(2026, 1, 20), 200_00);
        insertPayment(agency, client, b, LocalDate.of(2026, 1, 25), 400_00);
        // another agency's later payment changes nothing here
        ClientId stranger = TestDatabase.newClient(otherAgency);
        UUID theirs = insertInvoice(otherAgency, stranger, insertProject(otherAgency, stranger), "PAID", JAN_1,
                50_00, 50_00, JAN_1.plusDays(40));
        insertPayment(otherAgency, stranger, theirs, JAN_1.plusDays(40), 50_00);

        assertThat(adapter.findReceivables(agency, LocalDate.of(2026, 1, 15)).collectList().block())
                .extracting(r -> r.invoiceId().value(), Receivable::status, Receivable::balance)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(a, InvoiceStatus.ISSUED, Money.of(700_00, "EUR")),
                        org.assertj.core.groups.Tuple.tuple(b, InvoiceStatus.ISSUED, Money.of(400_00, "EUR")));
        assertThat(adapter.findReceivables(agency, LocalDate.of(2026, 1, 20)).collectList().block())
                .extracting(r -> r.invoiceId().value(), Receivable::balance)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a, Money.of(500_00, "EUR")),
                        org.assertj.core.groups.Tuple.tuple(b, Money.of(400_00, "EUR")));
        assertThat(adapter.findReceivables(agency, LocalDate.of(2026, 1, 25)).collectList().block())
                .extracting(r -> r.invoiceId().value(), Receivable::balance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, Money.of(500_00, "EUR")));
        assertThat(adapter.findReceivables(otherAgency, JAN_1).collectList().block())
                .extracting(Receivable::balance).containsExactly(Money.of(50_00, "EUR"));
    }

    private void insertPayment(AgencyId agencyId, ClientId client, UUID invoice, LocalDate on, long amount) {
        adapter.insertPayment(new io.cordee.core.billing.Payment(new io.cordee.core.billing.PaymentId(ids.newId()),
                agencyId, new io.cordee.core.billing.InvoiceId(invoice), client, on, Money.of(amount, "EUR"))).block();
    }

    private UUID insertInvoice(AgencyId agencyId, ClientId client, UUID project, String status, LocalDate due,
                               long amount, long paid, LocalDate paidDate) {
        UUID id = ids.newId();
        var spec = db.sql("INSERT INTO invoice (agency_id, id, client_id, project_id, label, status, issue_date,"
                        + " due_date, currency, amount_minor, paid_minor, paid_date)"
                        + " VALUES (:agency, :id, :client, :project, 'Invoice', :status, :issued, :due, 'EUR',"
                        + " :amount, :paid, :paidDate)")
                .bind("agency", agencyId.value()).bind("id", id).bind("client", client.value())
                .bind("project", project).bind("status", status).bind("due", due)
                .bind("amount", amount).bind("paid", paid);
        spec = status.equals("PLANNED") ? spec.bindNull("issued", LocalDate.class)
                : spec.bind("issued", due.minusDays(30));
        spec = paidDate == null ? spec.bindNull("paidDate", LocalDate.class) : spec.bind("paidDate", paidDate);
        spec.then().block();
        return id;
    }

    /**
     * A plan of 30 % deposit then monthly in arrears is created at version 0 (a second creation does nothing); moved
     * to 50 % at version 0 it is at version 1; the same move at the stale version 0 writes nothing.
     */
    @Test
    void aPlanIsCreatedOnceAndUpdatedAtItsVersionOnly() {
        ProjectId project = new ProjectId(insertProject(agency, TestDatabase.newClient(agency)));
        BillingPlan monthly = new BillingPlan(30, List.of(), true);
        BillingPlan halfUpFront = new BillingPlan(50, List.of(), true);

        assertThat(adapter.savePlan(agency, project, monthly, -1).block()).extracting(p -> p.version()).isEqualTo(0L);
        assertThat(adapter.savePlan(agency, project, halfUpFront, -1).block()).isNull();
        assertThat(adapter.savePlan(agency, project, halfUpFront, 0).block()).extracting(p -> p.version())
                .isEqualTo(1L);
        assertThat(adapter.savePlan(agency, project, monthly, 0).block()).isNull();

        assertThat(adapter.findPlan(agency, project).block()).satisfies(saved -> {
            assertThat(saved.plan().depositPercent()).isEqualTo(50);
            assertThat(saved.version()).isEqualTo(1L);
        });
    }

    private UUID insertProject(AgencyId agencyId, ClientId client) {
        UUID id = ids.newId();
        db.sql("INSERT INTO project (agency_id, id, client_id, name, status, start_date, currency,"
                        + " fee_budget_minor, payment_terms_days)"
                        + " VALUES (:agency, :id, :client, 'Project', 'ACTIVE', :start, 'EUR', 0, 30)")
                .bind("agency", agencyId.value()).bind("id", id).bind("client", client.value())
                .bind("start", JAN_1).then().block();
        return id;
    }
}
