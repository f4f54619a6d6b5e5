package io.cordee.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.project.ProjectStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link BillingService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04):
 * a plan's invoices worked out by hand, what a new plan leaves alone, payments against the agency's today and the
 * balance, roles, stale versions and another agency's rows. The clock stands on Thursday 15 April 2027 in Paris.
 */
@ApiTest
class BillingServiceTest extends TenantServiceTest {

    @Autowired
    BillingService billing;
    @Autowired
    ProjectService projects;

    Caller finance;
    Project project;

    @Override
    protected String tenantName() {
        return "Billing Service Studio";
    }

    @BeforeEach
    void aProjectOf30000Euros() {
        finance = as(Role.FINANCE);
        // 30,000.00 EUR from 1 March to 30 June 2027, paid 30 days after issue
        project = block(projects.create(owner, tenant.ownClient().id(), new ProjectDraft("Site", ProjectStatus.ACTIVE,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 30), null, Money.of(3_000_000, "EUR"), 30)));
    }

    /** A deposit of 30 % and milestones of 40 % (1 April) and 30 % (the launch). */
    private static BillingPlan depositDesignLaunch() {
        return new BillingPlan(30, List.of(new Milestone("Design", LocalDate.of(2027, 4, 1), 40),
                new Milestone("Launch", LocalDate.of(2027, 6, 30), 30)), false);
    }

    private List<Invoice> invoicesOfProject(Caller caller) {
        return block(billing.invoicesOfProjects(caller, List.of(project.id()))).invoices();
    }

    private Invoice byKey(String planKey) {
        return invoicesOfProject(owner).stream().filter(i -> planKey.equals(i.planKey())).findFirst().orElseThrow();
    }

    @Test
    void aPlanGeneratesItsInvoicesToTheCentDueAfterTheProjectsTerms() {
        ProjectBilling saved = block(billing.setPlan(finance, project.id(), null, depositDesignLaunch()));
        assertThat(saved.version()).isZero();

        // deposit 30 % of 30,000.00 = 9,000.00 on the start (1 March), due 30 days later (31 March);
        // Design 40 % = 12,000.00 on 1 April, due 1 May; Launch takes the rest: 30,000 − 9,000 − 12,000 = 9,000.00
        // on 30 June, due 30 July. By due date.
        assertThat(invoicesOfProject(owner))
                .extracting(Invoice::planKey, Invoice::status, Invoice::issueDate, Invoice::dueDate, Invoice::amount)
                .containsExactly(
                        tuple("deposit", InvoiceStatus.PLANNED, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31),
                                Money.of(900_000, "EUR")),
                        tuple("milestone:1", InvoiceStatus.PLANNED, LocalDate.of(2027, 4, 1),
                                LocalDate.of(2027, 5, 1), Money.of(1_200_000, "EUR")),
                        tuple("milestone:2", InvoiceStatus.PLANNED, LocalDate.of(2027, 6, 30),
                                LocalDate.of(2027, 7, 30), Money.of(900_000, "EUR")));
        assertThat(block(billing.plan(owner, project.id())).plan()).isEqualTo(depositDesignLaunch());
    }

    @Test
    void aNewPlanLeavesTheIssuedDepositAloneAndRegeneratesOnlyThePlannedParts() {
        block(billing.setPlan(finance, project.id(), null, depositDesignLaunch()));
        Invoice deposit = byKey("deposit");
        Invoice issued = block(billing.issue(finance, deposit.id(), deposit.version(), " F-2027-001 ",
                LocalDate.of(2027, 3, 1)));
        assertThat(issued).extracting(Invoice::status, Invoice::number, Invoice::dueDate)
                .containsExactly(InvoiceStatus.ISSUED, "F-2027-001", LocalDate.of(2027, 3, 31));

        // the same deposit (30 %), then Design 35 % on 1 April and Build 35 % on 15 May
        BillingPlan replanned = new BillingPlan(30, List.of(new Milestone("Design", LocalDate.of(2027, 4, 1), 35),
                new Milestone("Build", LocalDate.of(2027, 5, 15), 35)), false);
        assertThat(block(billing.setPlan(finance, project.id(), 0L, replanned)).version()).isEqualTo(1);

        // the issued deposit (9,000.00) is kept, not generated again; 35 % = 10,500.00 and the rest,
        // 30,000 − 9,000 − 10,500 = 10,500.00, planned in place of the two old milestones: 30,000.00 in all
        assertThat(invoicesOfProject(owner))
                .extracting(Invoice::planKey, Invoice::status, Invoice::amount)
                .containsExactly(
                        tuple("deposit", InvoiceStatus.ISSUED, Money.of(900_000, "EUR")),
                        tuple("milestone:1", InvoiceStatus.PLANNED, Money.of(1_050_000, "EUR")),
                        tuple("milestone:2", InvoiceStatus.PLANNED, Money.of(1_050_000, "EUR")));
        assertThat(byKey("deposit").id()).isEqualTo(deposit.id());
    }

    @Test
    void aStalePlanOrInvoiceVersionIsAConflictAndChangesNothing() {
        block(billing.setPlan(finance, project.id(), null, depositDesignLaunch()));
        // "no plan yet" when there is one, then a version the plan has moved on from
        assertThat(catchThrowable(() -> block(billing.setPlan(finance, project.id(), null,
                new BillingPlan(100, List.of(), false))))).isInstanceOf(Conflict.class);
        assertThat(catchThrowable(() -> block(billing.setPlan(finance, project.id(), 3L,
                new BillingPlan(100, List.of(), false))))).isInstanceOf(Conflict.class);
        assertThat(block(billing.plan(owner, project.id()))).extracting(ProjectBilling::plan, ProjectBilling::version)
                .containsExactly(depositDesignLaunch(), 0L);
        assertThat(invoicesOfProject(owner)).hasSize(3);

        Invoice deposit = byKey("deposit");
        block(billing.issue(finance, deposit.id(), deposit.version(), null, LocalDate.of(2027, 3, 1)));
        // someone issued it meanwhile: the edit from the version read first is a conflict, not "only planned…"
        assertThat(catchThrowable(() -> block(billing.issue(finance, deposit.id(), deposit.version(), "F-1",
                LocalDate.of(2027, 3, 2))))).isInstanceOf(Conflict.class);
        assertThat(byKey("deposit")).extracting(Invoice::number, Invoice::issueDate)
                .containsExactly(null, LocalDate.of(2027, 3, 1));
    }

    @Test
    void paymentsArePartOfTheBalanceUpToTodayAndAgeByDaysOverdue() {
        block(billing.setPlan(finance, project.id(), null, depositDesignLaunch()));
        Invoice deposit = byKey("deposit");
        Invoice issued = block(billing.issue(finance, deposit.id(), deposit.version(), "F-2027-001",
                LocalDate.of(2027, 3, 1)));

        // 4,000.00 received on 10 April: still ISSUED, 5,000.00 left to pay
        Invoice part = block(billing.recordPayment(finance, issued.id(), issued.version(), Money.of(400_000, "EUR"),
                LocalDate.of(2027, 4, 10)));
        assertThat(part).extracting(Invoice::status, Invoice::paid, Invoice::balanceDue)
                .containsExactly(InvoiceStatus.ISSUED, Money.of(400_000, "EUR"), Money.of(500_000, "EUR"));

        // tomorrow is not received yet; 5,000.01 is more than the balance; a planned invoice is not paid:
        // each refused with its field, and nothing written
        assertThat(refusal(catchThrowable(() -> block(billing.recordPayment(finance, issued.id(), null,
                Money.of(100, "EUR"), TODAY.plusDays(1)))))).containsExactly("receivedOn OUT_OF_RANGE");
        assertThat(refusal(catchThrowable(() -> block(billing.recordPayment(finance, issued.id(), null,
                Money.of(500_001, "EUR"), TODAY))))).containsExactly("amount OUT_OF_RANGE");
        Invoice design = byKey("milestone:1");
        assertThat(refusal(catchThrowable(() -> block(billing.recordPayment(finance, design.id(), null,
                Money.of(100, "EUR"), TODAY))))).containsExactly("invoiceId INVALID_FORMAT");
        assertThat(byKey("deposit").paid()).isEqualTo(Money.of(400_000, "EUR"));
        assertThat(block(billing.paymentsOfInvoices(owner, List.of(byKey("deposit")))).get(issued.id()))
                .extracting(Payment::receivedOn, Payment::amount)
                .containsExactly(tuple(LocalDate.of(2027, 4, 10), Money.of(400_000, "EUR")));

        // on 15 April the deposit, due 31 March, is 15 days overdue: 5,000.00 in 1–30 days; planned ones not aged
        AgedReceivables aged = block(billing.agedReceivables(finance, null));
        assertThat(aged.asOf()).isEqualTo(TODAY);
        assertThat(aged.clients()).singleElement().satisfies(c -> {
            assertThat(c.clientId()).isEqualTo(tenant.ownClient().id());
            assertThat(c.invoices()).isEqualTo(1);
            assertThat(c.buckets().days1To30()).isEqualTo(Money.of(500_000, "EUR"));
            assertThat(c.buckets().total()).isEqualTo(Money.of(500_000, "EUR"));
        });

        // the rest, 5,000.00, settles it: PAID on the day it was received
        Invoice paid = block(billing.recordPayment(finance, issued.id(), null, Money.of(500_000, "EUR"), TODAY));
        assertThat(paid).extracting(Invoice::status, Invoice::paidDate).containsExactly(InvoiceStatus.PAID, TODAY);
        assertThat(block(billing.agedReceivables(finance, null)).clients()).isEmpty();
    }

    @Test
    void aPlanThatDoesNotFitTheProjectIsRefusedWholeAndWritesNothing() {
        // a milestone before the start (1 March), and shares that add up to 30 + 50 = 80 %
        Throwable shares = catchThrowable(() -> block(billing.setPlan(finance, project.id(), null,
                new BillingPlan(30, List.of(new Milestone("Kick-off", LocalDate.of(2027, 2, 1), 50)), false))));
        assertThat(refusal(shares)).containsExactly("milestones OUT_OF_RANGE");
        Throwable early = catchThrowable(() -> block(billing.setPlan(finance, project.id(), null,
                new BillingPlan(30, List.of(new Milestone("Kick-off", LocalDate.of(2027, 2, 1), 70)), false))));
        assertThat(((InvalidInput) early).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("milestones[0].date", ErrorCode.INVALID_DATE_ORDER));
        assertThat(block(billing.plan(owner, project.id()))).isNull();
        assertThat(invoicesOfProject(owner)).isEmpty();
    }

    @Test
    void aLeadChangesAndSeesNoMoneyAndAClientUserSeesOnlyItsIssuedInvoices() {
        block(billing.setPlan(finance, project.id(), null, depositDesignLaunch()));
        Invoice deposit = byKey("deposit");
        Caller lead = as(Role.LEAD);
        Caller client = as(Role.CLIENT);

        assertThat(catchThrowable(() -> block(billing.setPlan(lead, project.id(), 0L, new BillingPlan(100,
                List.of(), false))))).isInstanceOf(Forbidden.class);
        assertThat(catchThrowable(() -> block(billing.issue(lead, deposit.id(), 0, null, TODAY))))
                .isInstanceOf(Forbidden.class);
        assertThat(catchThrowable(() -> block(billing.invoices(lead, new InvoiceFilter(null, null, null),
                new PageRequest(10, null))))).isInstanceOf(Forbidden.class);
        assertThat(invoicesOfProject(lead)).isEmpty();
        assertThat(block(billing.plans(lead, List.of(project.id())))).isEmpty();
        // nothing the lead tried was written: the plan at version 0, the deposit still planned
        assertThat(block(billing.plan(owner, project.id())).version()).isZero();
        assertThat(byKey("deposit").status()).isEqualTo(InvoiceStatus.PLANNED);

        // the client user sees no planned invoice; once the deposit is issued, that one only
        assertThat(invoicesOfProject(client)).isEmpty();
        block(billing.issue(finance, deposit.id(), deposit.version(), "F-1", LocalDate.of(2027, 3, 1)));
        assertThat(invoicesOfProject(client)).extracting(Invoice::planKey).containsExactly("deposit");
        assertThat(block(billing.invoices(client, new InvoiceFilter(null, null, Set.of(InvoiceStatus.PLANNED)),
                new PageRequest(10, null))).items()).isEmpty();
        assertThat(block(billing.find(client, byKey("milestone:1").id()))).isNull();
        assertThat(block(billing.find(client, deposit.id())).status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void anotherAgencyNeitherSeesNorChangesThisOnesBilling() {
        block(billing.setPlan(finance, project.id(), null, depositDesignLaunch()));
        Invoice deposit = byKey("deposit");
        Caller stranger = tenants.create("Billing Service Stranger").owner();

        assertThat(block(billing.plan(stranger, project.id()))).isNull();
        assertThat(block(billing.find(stranger, deposit.id()))).isNull();
        assertThat(block(billing.invoices(stranger, new InvoiceFilter(null, project.id(), null),
                new PageRequest(10, null))).items()).isEmpty();
        assertThat(block(billing.invoicesOfProjects(stranger, List.of(project.id()))).invoices()).isEmpty();
        // with the right ids and versions: not found, as if they did not exist
        assertThat(catchThrowable(() -> block(billing.issue(stranger, deposit.id(), deposit.version(), null,
                TODAY)))).isInstanceOf(NotFound.class);
        assertThat(refusal(catchThrowable(() -> block(billing.setPlan(stranger, project.id(), 0L,
                new BillingPlan(100, List.of(), false)))))).containsExactly("projectId NOT_FOUND");
        assertThat(refusal(catchThrowable(() -> block(billing.create(stranger, project.id(), "Extra",
                Money.of(100, "EUR"), null, TODAY))))).containsExactly("projectId NOT_FOUND");
        assertThat(block(billing.plan(owner, project.id()))).extracting(ProjectBilling::version).isEqualTo(0L);
        assertThat(invoicesOfProject(owner)).extracting(Invoice::status).containsOnly(InvoiceStatus.PLANNED)
                .hasSize(3);
    }
}
