package io.cordee.core.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.Milestone;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientFilter;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectService;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link DealService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04): a
 * prospect's deal won into its client, project, billing plan and allocation, all or nothing; stages, stale
 * versions, roles and another agency's rows. The clock stands on Thursday 15 April 2027 in Paris.
 */
@ApiTest
class DealServiceTest extends TenantServiceTest {

    private static final PageRequest ALL = new PageRequest(50, null);

    @Autowired
    DealService deals;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    BillingService billing;
    @Autowired
    TeamService team;
    @Autowired
    StaffingService staffing;

    Caller finance;
    TeamMember designer;

    @Override
    protected String tenantName() {
        return "Deal Studio";
    }

    @BeforeEach
    void aTenantWithADesigner() {
        finance = as(Role.FINANCE);
        designer = designer(owner);
    }

    private TeamMember designer(Caller caller) {
        return block(team.create(caller, new TeamMemberDraft("Dana", "Designer", List.of(), BigDecimal.ONE,
                Money.of(500_000, "EUR"), Money.of(60_000, "EUR"), null, null, false, false)));
    }

    /**
     * The prospect Nova (a start-up): 24,000.00 EUR at 60 %, three months from Monday 3 May 2027 (so to Monday 2
     * August), a quarter on the start and the rest on the last day, the designer at half time.
     */
    private DealDraft nova() {
        return new DealDraft("Nova app", null, "Nova SAS", Segment.STARTUP, Money.of(2_400_000, "EUR"), 60,
                LocalDate.of(2027, 5, 3), 3, DurationUnit.MONTHS, new BillingPlan(25, List.of(
                        new Milestone("Launch", LocalDate.of(2027, 8, 2), 75)), false),
                List.of(new StaffingNeed(designer.id(), 50)));
    }

    private List<String> clientNames() {
        return block(clients.list(owner, ClientFilter.all(), ALL)).items().stream().map(Client::name).toList();
    }

    @Test
    void aWonDealBecomesItsClientProjectPlanAndAllocation() {
        Deal lead = block(deals.create(finance, nova()));
        assertThat(lead).extracting(Deal::stage, Deal::expectedEnd, Deal::version)
                .containsExactly(DealStage.LEAD, LocalDate.of(2027, 8, 2), 0L);
        Deal proposal = block(deals.move(finance, lead.id(), 0, DealStage.PROPOSAL));

        Project project = block(deals.win(finance, proposal.id(), proposal.version()));

        // the prospect is now a client; the project runs from the expected start to the expected end, for the fee
        Client nova = block(clients.get(owner, project.clientId()));
        assertThat(nova).extracting(Client::name, Client::segment).containsExactly("Nova SAS", Segment.STARTUP);
        assertThat(project).extracting(Project::name, Project::status, Project::startDate, Project::launchDate,
                        Project::feeBudget)
                .containsExactly("Nova app", ProjectStatus.PLANNED, LocalDate.of(2027, 5, 3),
                        LocalDate.of(2027, 8, 2), Money.of(2_400_000, "EUR"));
        // the plan's invoices: 25 % of 24,000.00 = 6,000.00 on the start, the rest, 18,000.00, on 2 August
        assertThat(block(billing.invoicesOfProjects(owner, List.of(project.id()))).invoices())
                .extracting(Invoice::planKey, Invoice::issueDate, Invoice::amount)
                .containsExactly(tuple("deposit", LocalDate.of(2027, 5, 3), Money.of(600_000, "EUR")),
                        tuple("milestone:1", LocalDate.of(2027, 8, 2), Money.of(1_800_000, "EUR")));
        assertThat(block(staffing.list(owner, project.id(), null, null, ALL)).items())
                .extracting(Allocation::memberId, Allocation::sharePercent, Allocation::from, Allocation::to)
                .containsExactly(tuple(designer.id(), 50, LocalDate.of(2027, 5, 3), LocalDate.of(2027, 8, 2)));
        // the deal is won, points to its project, and can no longer change
        Deal won = block(deals.get(owner, lead.id()));
        assertThat(won).extracting(Deal::stage, Deal::projectId, Deal::clientId)
                .containsExactly(DealStage.WON, project.id(), nova.id());
        assertThat(refusal(catchThrowable(() -> block(deals.move(finance, won.id(), won.version(),
                DealStage.LOST))))).containsExactly("id DEAL_CLOSED");
    }

    @Test
    void aStaleWinWritesNothingNeitherClientNorProjectNorAllocation() {
        Deal lead = block(deals.create(finance, nova()));
        Deal proposal = block(deals.move(finance, lead.id(), 0, DealStage.PROPOSAL));

        // the client, the project, its plan and the allocation are made, then the deal's version has moved on:
        // the transaction takes them all back
        assertThat(catchThrowable(() -> block(deals.win(finance, proposal.id(), proposal.version() + 1))))
                .isInstanceOf(Conflict.class);
        assertThat(clientNames()).containsExactly("Own Client");
        assertThat(block(projects.list(owner, null, ALL)).items()).isEmpty();
        assertThat(block(staffing.list(owner, null, designer.id(), null, ALL)).items()).isEmpty();
        assertThat(block(deals.get(owner, lead.id()))).extracting(Deal::stage, Deal::projectId)
                .containsExactly(DealStage.PROPOSAL, null);
    }

    @Test
    void stagesMoveOnlyAlongTheirPathsAndAStaleChangeIsAConflict() {
        Deal lead = block(deals.create(finance, nova()));
        // a lead is not won, and WON is never a plain move
        assertThat(refusal(catchThrowable(() -> block(deals.win(finance, lead.id(), 0)))))
                .containsExactly("stage INVALID_STAGE_TRANSITION");
        assertThat(refusal(catchThrowable(() -> block(deals.move(finance, lead.id(), 0, DealStage.WON)))))
                .containsExactly("stage INVALID_STAGE_TRANSITION");

        Deal likelier = block(deals.update(finance, lead.id(), 0, new DealDraft(null, null, null, null, null, 80,
                null, null, null, null, null)));
        assertThat(likelier).extracting(Deal::probabilityPercent, Deal::version).containsExactly(80, 1L);
        assertThat(catchThrowable(() -> block(deals.update(finance, lead.id(), 0, new DealDraft(null, null, null,
                null, null, 10, null, null, null, null, null))))).isInstanceOf(Conflict.class);
        // a change passes the rules of a new deal: 140 % is refused, nothing written
        assertThat(refusal(catchThrowable(() -> block(deals.update(finance, lead.id(), 1, new DealDraft(null, null,
                null, null, null, 140, null, null, null, null, null))))))
                .containsExactly("probabilityPercent OUT_OF_RANGE");
        assertThat(block(deals.get(owner, lead.id()))).extracting(Deal::probabilityPercent, Deal::version)
                .containsExactly(80, 1L);
    }

    @Test
    void onlyMoneyRolesWriteDealsStaffReadThemAndClientUsersNeither() {
        Caller lead = as(Role.LEAD);
        Caller client = as(Role.CLIENT);
        assertThat(catchThrowable(() -> block(deals.create(lead, nova())))).isInstanceOf(Forbidden.class);
        Deal deal = block(deals.create(owner, nova()));
        assertThat(catchThrowable(() -> block(deals.move(lead, deal.id(), 0, DealStage.PROPOSAL))))
                .isInstanceOf(Forbidden.class);
        assertThat(block(deals.list(lead, Set.of(DealStage.LEAD), ALL)).items()).extracting(Deal::id)
                .containsExactly(deal.id());
        assertThat(catchThrowable(() -> block(deals.list(client, null, ALL)))).isInstanceOf(Forbidden.class);
        assertThat(block(deals.get(owner, deal.id())).stage()).isEqualTo(DealStage.LEAD);
    }

    @Test
    void anotherAgencysClientsPeopleAndDealsAreUnknownHere() {
        Caller stranger = tenants.create("Deal Stranger").owner();
        TeamMember theirDesigner = designer(stranger);
        // this agency's deal with the other agency's client and person: both unknown, nothing written
        DealDraft borrowed = new DealDraft("Borrowed", block(clients.list(stranger, ClientFilter.all(), ALL))
                .items().get(0).id(), null, null, Money.of(100_000, "EUR"), 50, LocalDate.of(2027, 5, 3), 4,
                DurationUnit.WEEKS, new BillingPlan(100, List.of(), false),
                List.of(new StaffingNeed(theirDesigner.id(), 20)));
        assertThat(refusal(catchThrowable(() -> block(deals.create(owner, borrowed)))))
                .containsExactly("clientId NOT_FOUND", "staffingNeed[0].memberId NOT_FOUND");
        assertThat(block(deals.list(owner, null, ALL)).items()).isEmpty();

        // and the other agency cannot read, change or win this one's deal, even with its id and version
        Deal deal = block(deals.create(owner, nova()));
        assertThat(catchThrowable(() -> block(deals.get(stranger, deal.id())))).isInstanceOf(NotFound.class);
        assertThat(refusal(catchThrowable(() -> block(deals.move(stranger, deal.id(), 0, DealStage.LOST)))))
                .containsExactly("id NOT_FOUND");
        assertThat(refusal(catchThrowable(() -> block(deals.win(stranger, deal.id(), 0)))))
                .containsExactly("id NOT_FOUND");
        assertThat(block(deals.get(owner, deal.id()))).extracting(Deal::stage, Deal::version)
                .containsExactly(DealStage.LEAD, 0L);
    }
}
