package io.cordee.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientFilter;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.Actor;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectService;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link ImportService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04): a
 * dry run writes nothing; a sheet is written whole or, with any issue, not at all (each issue with its row and
 * column); the same file again creates nothing; clients, invoices with the projects they name and payments worked
 * out by hand; money roles only; another agency's rows and mappings are not this one's. The clock stands on
 * Thursday 15 April 2027 in Paris.
 */
@ApiTest
class ImportServiceTest extends TenantServiceTest {

    private static final Map<String, String> CLIENT_COLUMNS = Map.of("Name", "name", "Segment", "segment",
            "Terms", "paymentTermsDays");
    private static final Map<String, String> INVOICE_COLUMNS = Map.of("Number", "number", "Client", "client",
            "Project", "project", "Issue date", "issueDate", "Due date", "dueDate", "Amount", "amount");
    private static final Map<String, String> PAYMENT_COLUMNS = Map.of("Invoice", "invoiceNumber", "Date",
            "receivedOn", "Amount", "amount");

    @Autowired
    ImportService imports;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    BillingService billing;

    Caller finance;

    @Override
    protected String tenantName() {
        return "Import Studio";
    }

    @BeforeEach
    void aTenant() {
        finance = as(Role.FINANCE);
    }

    @SafeVarargs
    private static Sheet sheet(List<String> headers, List<String>... rows) {
        return new Sheet(headers, List.of(rows));
    }

    private ImportReport apply(Caller caller, ImportKind kind, Sheet sheet, Map<String, String> mapping) {
        return block(imports.apply(caller, new Actor(caller.agencyId(), caller.userId(), null, null, "importSheet"),
                kind, sheet, mapping, ImportProgress.NONE));
    }

    private List<Client> clientsOf(Caller caller) {
        return block(clients.list(caller, ClientFilter.all(), new PageRequest(50, null))).items();
    }

    private List<Invoice> invoices() {
        return block(billing.allInvoices(owner).collectList()).stream()
                .sorted(Comparator.comparing(Invoice::number)).toList();
    }

    private static Sheet clientSheet(String novaTerms) {
        return sheet(List.of("Name", "Segment", "Terms"), List.of("Nova", "STARTUP", novaTerms),
                List.of("own client", "PME", "30"), List.of("Lumen", "", ""));
    }

    @Test
    void clientsAreCreatedUpdatedOrSkippedByNameAndTheSameFileTwiceCreatesNothing() {
        // Nova is new; "own client" is the tenant's Own Client (SME, 30 days), unchanged; Lumen is new, SME, 30 days
        ImportReport dry = block(imports.dryRun(finance, ImportKind.CLIENTS, clientSheet("45"), CLIENT_COLUMNS));
        assertThat(dry.valid()).isTrue();
        assertThat(dry.applied()).isFalse();
        assertThat(dry.counts()).containsEntry("clients", new ImportReport.Counts(2, 0, 1));
        assertThat(clientsOf(owner)).extracting(Client::name).containsExactly("Own Client");

        ImportReport applied = apply(finance, ImportKind.CLIENTS, clientSheet("45"), CLIENT_COLUMNS);
        assertThat(applied.applied()).isTrue();
        assertThat(clientsOf(owner)).extracting(Client::name, Client::segment, Client::paymentTermsDays)
                .containsExactly(tuple("Lumen", Segment.SME, 30), tuple("Nova", Segment.STARTUP, 45),
                        tuple("Own Client", Segment.SME, 30));

        assertThat(apply(finance, ImportKind.CLIENTS, clientSheet("45"), CLIENT_COLUMNS).counts())
                .containsEntry("clients", new ImportReport.Counts(0, 0, 3));
        // Nova's terms changed in the file: updated, the others skipped
        assertThat(apply(finance, ImportKind.CLIENTS, clientSheet("60"), CLIENT_COLUMNS).counts())
                .containsEntry("clients", new ImportReport.Counts(0, 1, 2));
        assertThat(clientsOf(owner)).filteredOn(c -> c.name().equals("Nova")).singleElement()
                .extracting(Client::paymentTermsDays).isEqualTo(60);
    }

    @Test
    void aSheetWithAnyIssueWritesNothingAndEachIssueNamesItsRowAndColumn() {
        Sheet broken = sheet(List.of("Number", "Client", "Project", "Issue date", "Due date", "Amount"),
                List.of("F-1", "Nova", "Site", "2027-03-01", "2027-03-31", "1200.50"),
                List.of("F-2", "Nova", "Site", "2027-03-15", "2027-03-10", "800"),
                List.of("F-1", "Lumen", "", "2027-03-20", "", "300"),
                List.of("F-3", "Lumen", "", "2027-03-20", "", "-5"));

        ImportReport refused = apply(finance, ImportKind.INVOICES, broken, INVOICE_COLUMNS);
        // row 3: due before issue; row 4: F-1 again; row 5: not more than 0 (rows counted from the header, row 1)
        assertThat(refused.valid()).isFalse();
        assertThat(refused.applied()).isFalse();
        assertThat(refused.issues()).extracting(ImportIssue::row, ImportIssue::column, ImportIssue::code)
                .containsExactly(tuple(3, "Due date", ErrorCode.OUT_OF_RANGE),
                        tuple(4, "Number", ErrorCode.INVALID_FORMAT), tuple(5, "Amount", ErrorCode.OUT_OF_RANGE));
        // not even row 2's client, project or invoice
        assertThat(clientsOf(owner)).extracting(Client::name).containsExactly("Own Client");
        assertThat(invoices()).isEmpty();
    }

    @Test
    void invoicesBringTheirClientsAndProjectsAndPaymentsPayThem() {
        Sheet invoiceSheet = sheet(List.of("Number", "Client", "Project", "Issue date", "Due date", "Amount"),
                List.of("F-1", "Nova", "Site", "2027-03-01", "2027-03-31", "1200.50"),
                List.of("F-2", "Nova", "Site", "2027-03-15", "2027-04-14", "800"),
                List.of("F-3", "Lumen", "", "20/03/2027", "", "300"));
        ImportReport done = apply(finance, ImportKind.INVOICES, invoiceSheet, INVOICE_COLUMNS);
        assertThat(done.counts()).containsEntry("clients", new ImportReport.Counts(2, 0, 0))
                .containsEntry("projects", new ImportReport.Counts(2, 0, 0))
                .containsEntry("invoices", new ImportReport.Counts(3, 0, 0));
        // F-3 has no due date: its project's terms, the default 30 days, from 20 March → 19 April; no project
        // named: "Imported invoices"
        assertThat(invoices()).extracting(Invoice::number, Invoice::status, Invoice::dueDate, Invoice::amount)
                .containsExactly(
                        tuple("F-1", InvoiceStatus.ISSUED, LocalDate.of(2027, 3, 31), Money.of(120_050, "EUR")),
                        tuple("F-2", InvoiceStatus.ISSUED, LocalDate.of(2027, 4, 14), Money.of(80_000, "EUR")),
                        tuple("F-3", InvoiceStatus.ISSUED, LocalDate.of(2027, 4, 19), Money.of(30_000, "EUR")));
        assertThat(block(projects.list(owner, null, new PageRequest(50, null))).items()).extracting(Project::name)
                .containsExactlyInAnyOrder("Site", ImportService.DEFAULT_PROJECT);

        // a payment received tomorrow is not received yet: the whole sheet is refused
        Sheet early = sheet(List.of("Invoice", "Date", "Amount"), List.of("F-1", "2027-04-10", "1200.50"),
                List.of("F-2", "2027-04-16", "400"));
        assertThat(apply(finance, ImportKind.PAYMENTS, early, PAYMENT_COLUMNS).issues())
                .extracting(ImportIssue::row, ImportIssue::column, ImportIssue::code)
                .containsExactly(tuple(3, "Date", ErrorCode.OUT_OF_RANGE));
        assertThat(invoices()).extracting(Invoice::paid).containsOnly(Money.of(0, "EUR"));

        // F-1 in full, 400.00 of F-2's 800.00; the same file again: both skipped
        Sheet paid = sheet(List.of("Invoice", "Date", "Amount"), List.of("F-1", "2027-04-10", "1200.50"),
                List.of("F-2", "2027-04-14", "400"));
        assertThat(apply(finance, ImportKind.PAYMENTS, paid, PAYMENT_COLUMNS).counts())
                .containsEntry("payments", new ImportReport.Counts(2, 0, 0));
        assertThat(invoices()).extracting(Invoice::number, Invoice::status, Invoice::paid)
                .containsExactly(tuple("F-1", InvoiceStatus.PAID, Money.of(120_050, "EUR")),
                        tuple("F-2", InvoiceStatus.ISSUED, Money.of(40_000, "EUR")),
                        tuple("F-3", InvoiceStatus.ISSUED, Money.of(0, "EUR")));
        assertThat(apply(finance, ImportKind.PAYMENTS, paid, PAYMENT_COLUMNS).counts())
                .containsEntry("payments", new ImportReport.Counts(0, 0, 2));
    }

    @Test
    void onlyMoneyRolesImportAndAnotherAgencysClientsAndMappingsAreNotThisOnes() {
        for (Role role : new Role[] {Role.LEAD, Role.CLIENT}) {
            Caller caller = as(role);
            assertThat(catchThrowable(() -> block(imports.dryRun(caller, ImportKind.CLIENTS, clientSheet("45"),
                    CLIENT_COLUMNS)))).isInstanceOf(Forbidden.class);
            assertThat(catchThrowable(() -> block(imports.mapping(caller, ImportKind.CLIENTS, clientSheet("45"),
                    null)))).isInstanceOf(Forbidden.class);
        }

        // a header the agency mapped once is mapped so next time, in this agency only
        Sheet raison = sheet(List.of("Raison"), List.of("Nova"));
        block(imports.remember(owner, ImportKind.CLIENTS, Map.of("Raison", "name")));
        assertThat(block(imports.mapping(owner, ImportKind.CLIENTS, raison, null))).containsEntry("Raison", "name");
        Caller stranger = tenants.create("Import Stranger").owner();
        assertThat(block(imports.mapping(stranger, ImportKind.CLIENTS, raison, null))).doesNotContainKey("Raison");

        // this agency's Nova is not the other's: there it is created, not skipped
        apply(owner, ImportKind.CLIENTS, clientSheet("45"), CLIENT_COLUMNS);
        assertThat(block(imports.dryRun(stranger, ImportKind.CLIENTS, clientSheet("45"), CLIENT_COLUMNS)).counts())
                .containsEntry("clients", new ImportReport.Counts(2, 0, 1));
        assertThat(clientsOf(stranger)).extracting(Client::name).containsExactly("Own Client");
    }
}
