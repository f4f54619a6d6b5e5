package io.cordee.core.timesheet;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.StoredOrder;
import io.cordee.core.support.TenantWorld;
import io.cordee.core.timesheet.TimesheetRepository.Invoiced;
import io.cordee.core.timesheet.TimesheetRepository.StaffUser;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TimesheetRepository} promises its callers (ADR 0080), run against the R2DBC adapter and the
 * in-memory twin. The rows time points to (projects, team members, invoices, users) are made by the world.
 */
public abstract class TimesheetRepositoryContract extends PortContract {

    private static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);

    protected abstract TimesheetRepository timesheets();

    private TimesheetRepository timesheets;
    private AgencyId agency;
    private AgencyId otherAgency;
    private ProjectId site;
    private ProjectId shop;
    private TeamMemberId lea;
    private TeamMemberId marc;

    protected TimesheetRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyWithTwoProjectsAndTwoPeople() {
        timesheets = timesheets();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        ClientId alpha = world().newClient(agency, "Alpha");
        site = world().newProject(agency, alpha, "Site");
        shop = world().newProject(agency, alpha, "Shop");
        lea = world().newTeamMember(agency);
        marc = world().newTeamMember(agency);
    }

    @Test
    void onlyEntriesWithANewKeyAreInsertedAndCounted() {
        TimeEntry a = entry(lea, site, MARCH_1, 90);
        TimeEntry b = entry(marc, site, MARCH_1, 60);
        TimeEntry c = entry(lea, shop, MARCH_1.plusDays(1), 30);
        assertThat(timesheets.insertNew(agency, List.of(a, b, c)).block()).isEqualTo(3);
        // the same three keys again (new ids, other minutes) and one new: only the new one goes in
        TimeEntry d = entry(marc, shop, MARCH_1.plusDays(2), 15);
        List<TimeEntry> again = Stream.of(a, b, c).map(e -> new TimeEntry(UUID.randomUUID(), e.memberId(),
                e.projectId(), e.date(), 480, e.source(), e.key())).toList();
        assertThat(timesheets.insertNew(agency, Stream.concat(again.stream(), Stream.of(d)).toList()).block())
                .isEqualTo(1);
        assertThat(timesheets.insertNew(agency, List.of()).block()).isZero();

        assertThat(timesheets.existingKeys(agency, List.of(a.key(), d.key(), key())).collectList().block())
                .containsExactlyInAnyOrder(a.key(), d.key());
        assertThat(timesheets.existingKeys(agency, List.of()).collectList().block()).isEmpty();
        // the export: every entry as first stored, by id
        assertThat(timesheets.findAll(agency).collectList().block()).containsExactlyElementsOf(
                Stream.of(a, b, c, d).sorted(Comparator.comparing(TimeEntry::id, StoredOrder.IDS)).toList());
    }

    @Test
    void actualsAreMinutesPerProjectPersonAndDayWithinTheDaysBothIncluded() {
        timesheets.insertNew(agency, List.of(
                entry(lea, site, MARCH_1, 90), entry(lea, site, MARCH_1, 30),
                entry(marc, site, MARCH_1.plusDays(1), 60),
                entry(lea, shop, MARCH_1.plusDays(2), 45),
                entry(lea, site, MARCH_1.plusDays(3), 15),
                entry(lea, site, MARCH_1.minusDays(1), 20))).block();
        // 1 to 3 March: Léa's two entries of 1 March add up to 90 + 30 = 120; 28 Feb and 4 March are outside
        assertThat(timesheets.actuals(agency, List.of(site, shop), MARCH_1, MARCH_1.plusDays(2)).collectList().block())
                .containsExactlyInAnyOrder(
                        new TimeEntry(null, lea, site, MARCH_1, 120, null, null),
                        new TimeEntry(null, marc, site, MARCH_1.plusDays(1), 60, null, null),
                        new TimeEntry(null, lea, shop, MARCH_1.plusDays(2), 45, null, null));
        // only the projects asked for
        assertThat(timesheets.actuals(agency, List.of(shop), MARCH_1, MARCH_1.plusDays(30)).collectList().block())
                .containsExactly(new TimeEntry(null, lea, shop, MARCH_1.plusDays(2), 45, null, null));
        assertThat(timesheets.actuals(agency, List.of(), MARCH_1, MARCH_1.plusDays(30)).collectList().block())
                .isEmpty();
    }

    @Test
    void invoicedCountsIssuedAndPaidInvoicesOnly() {
        world().newInvoice(agency, site, 100_000, InvoiceStatus.ISSUED);
        world().newInvoice(agency, site, 50_050, InvoiceStatus.PAID);
        world().newInvoice(agency, site, 70_000, InvoiceStatus.PLANNED);
        world().newInvoice(agency, site, 10_000, InvoiceStatus.CANCELLED);
        world().newInvoice(agency, shop, 99_000, InvoiceStatus.PLANNED);
        // site: 1,000.00 issued + 500.50 paid = 150,050 cents; shop has nothing issued, so it is absent
        assertThat(timesheets.invoiced(agency, List.of(site, shop)).collectList().block())
                .containsExactly(new Invoiced(site, 150_050));
        assertThat(timesheets.invoiced(agency, List.of()).collectList().block()).isEmpty();
    }

    @Test
    void staffUsersAreEveryoneButClientUsers() {
        User olga = world().newUser(agency, "Olga", Role.OWNER);
        User lea = world().newUser(agency, "Léa", Role.LEAD);
        world().newUser(agency, "Anna", Role.CLIENT);
        world().newUser(otherAgency, "Other", Role.OWNER);
        assertThat(timesheets.staffUsers(agency).collectList().block()).containsExactlyInAnyOrder(
                new StaffUser(olga.email(), "Olga"), new StaffUser(lea.email(), "Léa"));
    }

    @Test
    void anotherAgencyNeverSeesTheTimeAndItsSameKeyIsItsOwnEntry() {
        TimeEntry mine = entry(lea, site, MARCH_1, 90);
        timesheets.insertNew(agency, List.of(mine)).block();
        world().newInvoice(agency, site, 100_000, InvoiceStatus.ISSUED);

        assertThat(timesheets.existingKeys(otherAgency, List.of(mine.key())).collectList().block()).isEmpty();
        assertThat(timesheets.actuals(otherAgency, List.of(site), MARCH_1, MARCH_1).collectList().block()).isEmpty();
        assertThat(timesheets.findAll(otherAgency).collectList().block()).isEmpty();
        assertThat(timesheets.invoiced(otherAgency, List.of(site)).collectList().block()).isEmpty();
        assertThat(timesheets.staffUsers(otherAgency).collectList().block()).isEmpty();

        // the same tracker key imported by the other agency is its own entry, and leaves this one alone
        ProjectId theirProject = world().newProject(otherAgency, world().newClient(otherAgency, "Theirs"), "Site");
        TimeEntry theirs = new TimeEntry(UUID.randomUUID(), world().newTeamMember(otherAgency), theirProject, MARCH_1,
                30, mine.source(), mine.key());
        assertThat(timesheets.insertNew(otherAgency, List.of(theirs)).block()).isEqualTo(1);
        assertThat(timesheets.findAll(otherAgency).collectList().block()).containsExactly(theirs);
        assertThat(timesheets.findAll(agency).collectList().block()).containsExactly(mine);
    }

    private static TimeEntry entry(TeamMemberId member, ProjectId project, LocalDate day, int minutes) {
        return new TimeEntry(UUID.randomUUID(), member, project, day, minutes, "HARVEST", key());
    }

    /** A tracker key as the service makes them: 64 hexadecimal characters. */
    private static String key() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return hex + new StringBuilder(hex).reverse();
    }
}
