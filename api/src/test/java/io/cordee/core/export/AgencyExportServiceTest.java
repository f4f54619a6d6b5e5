package io.cordee.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.billing.Milestone;
import io.cordee.core.billing.Payment;
import io.cordee.core.cash.CashRiskService;
import io.cordee.core.cash.CashService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientService;
import io.cordee.core.client.RoundStatus;
import io.cordee.core.common.Forbidden;
import io.cordee.core.deal.DealDraft;
import io.cordee.core.deal.DealService;
import io.cordee.core.deal.DurationUnit;
import io.cordee.core.export.AgencyExportService.AgencyData;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.AllocationDraft;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link AgencyExportService} on the application's wiring and the real PostgreSQL (ADR 0080, update of
 * 2026-12-04): every record the forecast and the alerts read, of this agency only, each list in its stable order,
 * the settings never saved as none; OWNER only. The clock stands on Thursday 15 April 2027 in Paris.
 */
@ApiTest
class AgencyExportServiceTest extends TenantServiceTest {

    @Autowired
    AgencyExportService export;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    BillingService billing;
    @Autowired
    CashService cash;
    @Autowired
    CashRiskService cashRisk;
    @Autowired
    TeamService team;
    @Autowired
    StaffingService staffing;
    @Autowired
    DealService deals;

    @Override
    protected String tenantName() {
        return "Export Studio";
    }

    @Test
    void theExportHoldsEveryRecordOfTheAgencyAndTheSettingsItChanged() {
        Client nova = block(clients.create(owner, new ClientDraft("Nova", Segment.STARTUP, 45, List.of(), null)));
        Project site = block(projects.create(owner, nova.id(), new ProjectDraft("Site", ProjectStatus.ACTIVE,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 30), null, eur(1_000_000), 45)));
        // a plan of 40 % on the start (4,000.00) and 60 % at the launch (6,000.00); the deposit issued and paid
        // in two parts, 1,500.00 on 1 April then 2,500.00 on 10 April
        block(billing.setPlan(owner, site.id(), null, new BillingPlan(40, List.of(
                new Milestone("Launch", LocalDate.of(2027, 6, 30), 60)), false)));
        Invoice deposit = block(billing.invoicesOfProjects(owner, List.of(site.id()))).invoices().get(0);
        Invoice issued = block(billing.issue(owner, deposit.id(), deposit.version(), "F-1", LocalDate.of(2027, 3, 1)));
        Invoice part = block(billing.recordPayment(owner, issued.id(), null, eur(250_000), LocalDate.of(2027, 4, 10)));
        block(billing.recordPayment(owner, issued.id(), part.version(), eur(150_000), LocalDate.of(2027, 4, 1)));
        block(cash.recordBalance(owner, TODAY, eur(2_000_000)));
        block(cash.addOverhead(owner, "Rent", eur(120_000), 5, LocalDate.of(2027, 1, 1), null));
        block(cash.addOneOff(owner, "Laptops", LocalDate.of(2027, 5, 20), eur(300_000)));
        TeamMember dana = block(team.create(owner, new TeamMemberDraft("Dana", "Designer", List.of(), BigDecimal.ONE,
                eur(500_000), eur(60_000), null, null, false, false)));
        block(staffing.create(owner, new AllocationDraft(dana.id(), site.id(), 50, LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 6, 30))));
        block(staffing.addHolidays(owner, List.of(LocalDate.of(2027, 5, 13)), "Ascension"));
        block(deals.create(owner, new DealDraft("App", nova.id(), null, null, eur(2_000_000), 30,
                LocalDate.of(2027, 7, 1), 2, DurationUnit.MONTHS, new BillingPlan(100, List.of(), false), List.of())));

        AgencyData data = block(export.read(owner));

        assertThat(data.agency().id()).isEqualTo(tenant.agencyId());
        assertThat(data.clients()).extracting(Client::name).containsExactlyInAnyOrder("Own Client", "Nova");
        assertThat(data.projects()).extracting(Project::id).containsExactly(site.id());
        assertThat(data.plans()).singleElement().satisfies(p -> assertThat(p.plan().depositPercent()).isEqualTo(40));
        // the deposit paid in full (1,500 + 2,500 = 4,000.00), the launch still planned
        assertThat(data.invoices()).extracting(Invoice::planKey, Invoice::status, Invoice::amount, Invoice::paid)
                .containsExactlyInAnyOrder(tuple("deposit", InvoiceStatus.PAID, eur(400_000), eur(400_000)),
                        tuple("milestone:1", InvoiceStatus.PLANNED, eur(600_000), eur(0)));
        // payments by the day received, whatever order they were recorded in
        assertThat(data.payments()).extracting(Payment::receivedOn, Payment::amount)
                .containsExactly(tuple(LocalDate.of(2027, 4, 1), eur(150_000)),
                        tuple(LocalDate.of(2027, 4, 10), eur(250_000)));
        assertThat(data.accounts()).hasSize(1);
        assertThat(data.balances()).extracting(b -> b.amount()).containsExactly(eur(2_000_000));
        assertThat(data.members()).extracting(TeamMember::name).containsExactly("Dana");
        assertThat(data.allocations()).extracting(a -> a.sharePercent()).containsExactly(50);
        assertThat(data.overheads()).extracting(o -> o.label()).containsExactly("Rent");
        assertThat(data.oneOffs()).extracting(o -> o.amount()).containsExactly(eur(300_000));
        assertThat(data.holidays()).containsExactly(LocalDate.of(2027, 5, 13));
        assertThat(data.deals()).extracting(d -> d.name()).containsExactly("App");
        // settings never saved are none (the defaults); once saved, they are exported
        assertThat(data.thresholds()).isNull();
        assertThat(data.cashRisk()).isNull();
        block(cashRisk.updateSettings(owner, null, Map.of(RoundStatus.IN_DOUBT, 70), 15));
        assertThat(block(export.read(owner)).cashRisk().cashRiskPercent()).isEqualTo(15);
    }

    @Test
    void onlyAnOwnerExportsAndOnlyTheirOwnAgency() {
        block(cash.recordBalance(owner, TODAY, eur(2_000_000)));
        for (Role role : new Role[] {Role.FINANCE, Role.LEAD, Role.CLIENT}) {
            Caller caller = as(role);
            assertThat(catchThrowable(() -> block(export.read(caller)))).isInstanceOf(Forbidden.class);
        }
        Tenants.Tenant other = tenants.create("Export Stranger");
        AgencyData theirs = block(export.read(other.owner()));
        assertThat(theirs.agency().id()).isEqualTo(other.agencyId());
        assertThat(theirs.clients()).extracting(Client::id).containsExactly(other.ownClient().id());
        assertThat(theirs.balances()).isEmpty();
        assertThat(theirs.accounts()).isEmpty();
    }
}
