package io.cordee.core.timesheet;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.support.InMemoryAgencies;
import io.cordee.core.support.InMemoryAllocations;
import io.cordee.core.support.InMemoryClients;
import io.cordee.core.support.InMemoryProjects;
import io.cordee.core.support.InMemoryTeam;
import io.cordee.core.support.InMemoryTimesheets;
import io.cordee.core.timesheet.TimesheetService.Imported;
import io.cordee.core.timesheet.TimesheetService.ProjectTimesheet;
import io.cordee.core.timesheet.TimesheetService.WeekLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Tracker exports matched to people and projects, and a project's actual time beside its plan and budget. */
class TimesheetServiceTest {

    private static final LocalDate MAY_3 = LocalDate.of(2027, 5, 3);

    private final InMemoryTimesheets timesheets = new InMemoryTimesheets();
    private final InMemoryTeam team = new InMemoryTeam();
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryProjects projects = new InMemoryProjects();
    private final InMemoryAllocations allocations = new InMemoryAllocations(projects);
    private final InMemoryAgencies agencies = new InMemoryAgencies();
    private final AtomicInteger transactions = new AtomicInteger();
    private final TransactionRunner tx = new TransactionRunner() {
        @Override
        public <T> Mono<T> inTransaction(Mono<T> work) {
            return Mono.defer(() -> {
                transactions.incrementAndGet();
                return work;
            });
        }
    };
    private final TimesheetService service = new TimesheetService(timesheets, team, clients, projects, allocations,
            agencies, tx, UUID::randomUUID);
    private AgencyId agency;
    private Project site;
    private TeamMember elodie;
    private TeamMember ben;

    @BeforeEach
    void anAgencyWithAClientAProjectAndTwoPeople() {
        agency = agencies.insert(new Agency(new AgencyId(UUID.randomUUID()), "Atelier",
                AgencySettings.defaults(Currency.getInstance("EUR"), ZoneId.of("Europe/Paris")), 0)).block().id();
        Client nuvola = clients.insert(new Client(new ClientId(UUID.randomUUID()), agency, "Nuvola", Segment.SME, 30,
                List.of(), null, false, 0)).block();
        // a 30,000.00 EUR fee budget
        site = projects.insert(new Project(new ProjectId(UUID.randomUUID()), agency, nuvola.id(), "Site",
                ProjectStatus.ACTIVE, MAY_3, null, null, Money.of(3_000_000, "EUR"), 30, 0)).block();
        // full time at 4,400.00 EUR a month; half time at 2,000.00 EUR a month
        elodie = member("Élodie Durand", "1.00", 440_000);
        ben = member("Ben Martin", "0.50", 200_000);
        timesheets.recordUser(agency, "elodie@atelier.example", "Élodie Durand", Role.LEAD);
    }

    @Test
    void rowsAreMatchedByEmailOrByNameAndStoredOnceInOneTransaction() {
        List<TimesheetRow> rows = List.of(
                // the e-mail names Élodie, whatever the person column says
                row(2, "ELODIE@atelier.example", "E. D.", "Nuvola", "site", MAY_3, 240, 'a'),
                // no e-mail: the name, without its accents and case
                row(3, null, "  ben   MARTIN ", null, "Site", MAY_3.plusDays(1), 120, 'b'));
        assertThat(service.importRows(caller(Role.FINANCE), "HARVEST", rows, List.of(), false).block())
                .isEqualTo(new Imported(2, 2, 0, 360, List.of()));
        assertThat(transactions.get()).isEqualTo(1);
        assertThat(timesheets.findAll(agency).map(TimeEntry::memberId).collectList().block())
                .containsExactlyInAnyOrder(elodie.id(), ben.id());

        // the same export again: a dry run and a real run both find both rows already there
        assertThat(service.importRows(caller(Role.OWNER), "HARVEST", rows, List.of(), true).block())
                .isEqualTo(new Imported(2, 0, 2, 360, List.of()));
        assertThat(service.importRows(caller(Role.OWNER), "HARVEST", rows, List.of(), false).block())
                .isEqualTo(new Imported(2, 0, 2, 360, List.of()));
        assertThat(timesheets.findAll(agency).collectList().block()).hasSize(2);
    }

    @Test
    void withAnyIssueNothingIsWrittenAndEachIsToldAtItsRowAndColumn() {
        List<TimesheetRow> rows = List.of(
                row(4, null, "Zoé", null, "Site", MAY_3, 60, 'c'),
                row(2, null, "Ben Martin", "Lumen", "Site", MAY_3, 60, 'd'),
                row(3, null, "Ben Martin", "Nuvola", "Site", MAY_3, 60, 'e'));
        Imported imported = service.importRows(caller(Role.OWNER), "TOGGL", rows,
                List.of(new TimesheetIssue(5, "Date", "not a date")), false).block();
        assertThat(imported.created()).isZero();
        assertThat(imported.issues()).extracting(TimesheetIssue::row, TimesheetIssue::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "Client"),
                org.assertj.core.groups.Tuple.tuple(4, "Person"),
                org.assertj.core.groups.Tuple.tuple(5, "Date"));
        assertThat(timesheets.findAll(agency).collectList().block()).isEmpty();
        assertThat(transactions.get()).isZero();
    }

    @Test
    void aLeadMayNotImport() {
        StepVerifier.create(service.importRows(caller(Role.LEAD), "HARVEST",
                        List.of(row(2, null, "Ben Martin", null, "Site", MAY_3, 60, 'f')), List.of(), false))
                .expectError(Forbidden.class).verify();
        assertThat(timesheets.findAll(agency).collectList().block()).isEmpty();
    }

    @Test
    void aProjectWeekShowsActualBesideAllocatedDaysAndTheBudgetBurnToTheCent() {
        timesheets.insertNew(agency, List.of(
                entry(elodie, MAY_3, 240), entry(elodie, MAY_3.plusDays(1), 480), entry(ben, MAY_3.plusDays(1), 120)))
                .block();
        // Élodie half time on the site all month: 50 % × 1.00 × 5 working days = 2.50 days in the week of 3 May
        allocations.insert(new Allocation(new AllocationId(UUID.randomUUID()), agency, elodie.id(), site.id(), 50,
                MAY_3, LocalDate.of(2027, 5, 31), 0)).block();
        timesheets.recordInvoice(agency, site.id(), 1_000_000, InvoiceStatus.ISSUED);
        timesheets.recordInvoice(agency, site.id(), 500_000, InvoiceStatus.PLANNED);

        ProjectTimesheet sheet = service.projectTimesheet(caller(Role.OWNER), site.id(), MAY_3.plusDays(2), 1).block();
        // by week, then name: "Ben Martin" before "Élodie Durand"; 720 min = 1.50 days, 120 min = 0.25 days
        assertThat(sheet.weeks()).containsExactly(
                new WeekLine(ben.id(), "Ben Martin", MAY_3, new BigDecimal("0.25"), new BigDecimal("0.00")),
                new WeekLine(elodie.id(), "Élodie Durand", MAY_3, new BigDecimal("1.50"), new BigDecimal("2.50")));
        // 840 min = 1.75 days. Cost, May 2027 having 21 working days:
        // Élodie 720 × 440,000 ÷ (480 × 21 × 1.00) = 31,428.571… cents; Ben 120 × 200,000 ÷ (480 × 21 × 0.50)
        // = 4,761.904… cents; together 36,190.476… → 361.90 EUR. Invoiced: the issued 10,000.00, not the planned one
        assertThat(sheet.burn().actualDays()).isEqualByComparingTo("1.75");
        assertThat(sheet.burn().actualCost()).isEqualTo(Money.of(36_190, "EUR"));
        assertThat(sheet.burn().invoiced()).isEqualTo(Money.of(1_000_000, "EUR"));
        assertThat(sheet.burn().feeBudget()).isEqualTo(Money.of(3_000_000, "EUR"));

        // a LEAD sees the time, not the money
        ProjectTimesheet lead = service.projectTimesheet(caller(Role.LEAD), site.id(), MAY_3, 1).block();
        assertThat(lead.weeks()).isEqualTo(sheet.weeks());
        assertThat(lead.burn().actualCost()).isNull();
        assertThat(lead.burn().invoiced()).isNull();
    }

    @Test
    void anotherAgencysProjectIsEmptyAndTheWeeksAreBounded() {
        Caller stranger = new Caller(new UserId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), Role.OWNER, null);
        assertThat(service.projectTimesheet(stranger, site.id(), MAY_3, 1).block()).isNull();
        StepVerifier.create(service.projectTimesheet(caller(Role.OWNER), site.id(), MAY_3, 27))
                .expectError(InvalidInput.class).verify();
    }

    @Test
    void aClientUserIsRefusedTheTimesheetBeforeTheWeeksAreChecked() {
        // 27 weeks is one more than MAX_WEEKS (26): the role is told first, and as the answer, not as a throw
        Mono<ProjectTimesheet> sheet = service.projectTimesheet(caller(Role.CLIENT), site.id(), MAY_3, 27);
        StepVerifier.create(sheet)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(Forbidden.class)
                        .hasMessage("Your role (CLIENT) does not allow you to see timesheets"))
                .verify();
    }

    private TeamMember member(String name, String fte, long monthlyCostMinor) {
        return team.insert(new TeamMember(new TeamMemberId(UUID.randomUUID()), agency, name, "Designer", List.of(),
                new BigDecimal(fte), Money.of(monthlyCostMinor, "EUR"), Money.of(60_000, "EUR"), false, 0)).block();
    }

    private static TimesheetRow row(int row, String email, String person, String client, String project,
                                    LocalDate day, int minutes, char key) {
        return new TimesheetRow(row, email, person, "Person", client, "Client", project, "Project", day, minutes,
                String.valueOf(key).repeat(64));
    }

    private TimeEntry entry(TeamMember member, LocalDate day, int minutes) {
        return new TimeEntry(UUID.randomUUID(), member.id(), site.id(), day, minutes, "HARVEST",
                UUID.randomUUID().toString());
    }

    private Caller caller(Role role) {
        return new Caller(new UserId(UUID.randomUUID()), agency, role,
                role == Role.CLIENT ? new ClientId(UUID.randomUUID()) : null);
    }
}
