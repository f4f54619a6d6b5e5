package io.cordee.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.PageRequest;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BillingRepository} promises about invoices and payments (ADR 0080): the money the agency
 * is owed and has received. Core has no in-memory twin of this port; the R2DBC adapter runs it on the real
 * PostgreSQL.
 */
public abstract class BillingRepositoryContract extends PortContract {

    private static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);

    protected abstract BillingRepository billing();

    private BillingRepository billing;
    private AgencyId agency;
    private AgencyId otherAgency;
    private ClientId client;
    private ProjectId project;

    protected BillingRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyWithOneProjectAndAnother() {
        billing = billing();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        client = world().newClient(agency, "Nuvola");
        project = world().newProject(agency, client, "Site");
    }

    @Test
    void aSavedInvoiceIsFoundAsItWasSavedToTheCent() {
        Invoice invoice = billing.insertInvoice(invoice("F-001", InvoiceStatus.ISSUED, 1_234_56, 0)).block();
        assertThat(billing.findInvoice(agency, invoice.id()).block()).isEqualTo(invoice);
        assertThat(billing.findInvoice(agency, invoice.id()).block().amount()).isEqualTo(Money.of(1_234_56, "EUR"));
        assertThat(billing.findInvoicesOfProject(agency, project).collectList().block()).containsExactly(invoice);
        assertThat(billing.findInvoice(agency, new InvoiceId(UUID.randomUUID())).block()).isNull();
    }

    @Test
    void aNumberIsUsedOnceInTheAgency() {
        billing.insertInvoice(invoice("F-007", InvoiceStatus.ISSUED, 100_00, 0)).block();
        assertThatThrownBy(() -> billing.insertInvoice(invoice("F-007", InvoiceStatus.ISSUED, 200_00, 0)).block())
                .isInstanceOf(InvalidInput.class);
        assertThat(billing.findInvoicesOfProject(agency, project).collectList().block()).hasSize(1);
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Invoice invoice = billing.insertInvoice(invoice("F-010", InvoiceStatus.PLANNED, 500_00, 0)).block();
        Invoice issued = billing.updateInvoice(invoice.issue("F-010", MARCH_1, 30)).block();
        // version 0 -> 1; issued on 1 March with 30 days' terms: due 31 March
        assertThat(issued.version()).isEqualTo(1);
        assertThat(issued.dueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        // a second writer still holding version 0 cancels: refused, the invoice stays issued
        assertThat(billing.updateInvoice(invoice.cancel()).block()).isNull();
        assertThat(billing.findInvoice(agency, invoice.id()).block().status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void receivablesAreWhatIsStillOwedOnPlannedAndIssuedInvoices() {
        // issued 1,000.00 with 400.00 received: 600.00 owed; planned 300.00: 300.00 owed;
        // paid 250.00 in full and cancelled 900.00: nothing owed
        Invoice partPaid = billing.insertInvoice(invoice("F-1", InvoiceStatus.ISSUED, 1_000_00, 400_00)).block();
        Invoice planned = billing.insertInvoice(invoice(null, InvoiceStatus.PLANNED, 300_00, 0)).block();
        billing.insertInvoice(invoice("F-2", InvoiceStatus.PAID, 250_00, 250_00)).block();
        billing.insertInvoice(invoice("F-3", InvoiceStatus.CANCELLED, 900_00, 0)).block();

        assertThat(billing.findReceivables(agency).collectList().block())
                .extracting(Receivable::invoiceId, Receivable::balance)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(partPaid.id(), Money.of(600_00, "EUR")),
                        org.assertj.core.groups.Tuple.tuple(planned.id(), Money.of(300_00, "EUR")));
        // 600.00 + 300.00 = 900.00 expected in all
        assertThat(billing.findReceivables(agency).map(r -> r.balance().minorUnits()).reduce(0L, Long::sum).block())
                .isEqualTo(900_00L);
    }

    @Test
    void paymentsAreReadByDateReceivedBothEndsIncluded() {
        Invoice invoice = billing.insertInvoice(invoice("F-20", InvoiceStatus.ISSUED, 3_000_00, 0)).block();
        Payment tenth = payment(invoice, MARCH_1.plusDays(9), 1_000_00);
        Payment first = payment(invoice, MARCH_1, 500_00);
        payment(invoice, MARCH_1.plusDays(19), 1_500_00);

        assertThat(billing.findPaymentsOfInvoices(agency, List.of(invoice.id())).collectList().block())
                .extracting(Payment::receivedOn)
                .containsExactly(MARCH_1, MARCH_1.plusDays(9), MARCH_1.plusDays(19));
        // 1 to 10 March, both days included: the 500.00 and the 1,000.00, not the 1,500.00 of the 20th
        assertThat(billing.findPayments(agency, MARCH_1, MARCH_1.plusDays(9)).collectList().block())
                .extracting(Payment::id).containsExactlyInAnyOrder(first.id(), tenth.id());
        assertThat(billing.findPaymentsOfClient(agency, client).collectList().block()).hasSize(3);
    }

    @Test
    void anotherAgencyNeverSeesNorChangesTheInvoicesAndPayments() {
        Invoice invoice = billing.insertInvoice(invoice("F-30", InvoiceStatus.ISSUED, 800_00, 0)).block();
        payment(invoice, MARCH_1, 200_00);

        assertThat(billing.findInvoice(otherAgency, invoice.id()).block()).isNull();
        assertThat(billing.findInvoicesOfProject(otherAgency, project).collectList().block()).isEmpty();
        assertThat(billing.findInvoicesOfProjects(otherAgency, List.of(project)).block().invoices()).isEmpty();
        assertThat(billing.findPaymentsOfInvoices(otherAgency, List.of(invoice.id())).collectList().block()).isEmpty();
        assertThat(billing.findPaymentsOfClient(otherAgency, client).collectList().block()).isEmpty();
        assertThat(billing.findPayments(otherAgency, MARCH_1, MARCH_1).collectList().block()).isEmpty();
        assertThat(billing.findReceivables(otherAgency).collectList().block()).isEmpty();
        assertThat(billing.findAllInvoices(otherAgency).collectList().block()).isEmpty();
        // every status (null): the agency reads its one invoice, the other agency none
        assertThat(billing.findInvoicePage(agency, new InvoiceFilter(null, null, null),
                new PageRequest(10, null)).block().items()).containsExactly(invoice);
        assertThat(billing.findInvoicePage(otherAgency, new InvoiceFilter(null, null, null),
                new PageRequest(10, null)).block().items()).isEmpty();
        // the same id and version claimed by the other agency: not its invoice, nothing written
        Invoice hijack = new Invoice(invoice.id(), otherAgency, client, project, null, "F-30", null,
                InvoiceStatus.CANCELLED, MARCH_1, MARCH_1, Money.of(1, "EUR"), Money.of(0, "EUR"), null, 0);
        assertThat(billing.updateInvoice(hijack).block()).isNull();
        assertThat(billing.findInvoice(agency, invoice.id()).block()).isEqualTo(invoice);
    }

    private Invoice invoice(String number, InvoiceStatus status, long amountMinor, long paidMinor) {
        LocalDate issued = status == InvoiceStatus.PLANNED ? null : MARCH_1;
        return new Invoice(new InvoiceId(UUID.randomUUID()), agency, client, project, null, number, "Deposit", status,
                issued, MARCH_1.plusDays(30), Money.of(amountMinor, "EUR"), Money.of(paidMinor, "EUR"),
                status == InvoiceStatus.PAID ? MARCH_1.plusDays(20) : null, 0);
    }

    private Payment payment(Invoice invoice, LocalDate on, long minor) {
        return billing.insertPayment(new Payment(new PaymentId(UUID.randomUUID()), agency, invoice.id(), client, on,
                Money.of(minor, "EUR"))).block();
    }
}
