package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.staffing.PublicHolidays;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Allocations over GraphQL on the real database. May 2026 in France has 17 working days (31 days − 10
 * weekend days − 1, 8, 14 and 25 May); the agency has A (1.0 FTE) and B (0.5 FTE): 1.5 × 17 = 25.5
 * person-days of capacity.
 */
@ApiTest
class StaffingTest {

    private static final String CREATE = """
            mutation($m: ID!, $p: ID!, $s: Int!, $from: Date!, $to: Date!) {
              createAllocation(input: {teamMemberId: $m, projectId: $p, sharePercent: $s, startDate: $from, endDate: $to}) {
                allocation { id version sharePercent teamMember { name } project { name } } userErrors { field code } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    TeamService team;
    @Autowired
    ProjectService projects;
    @Autowired
    AgencyRepository agencies;
    @Autowired
    StatementCounter counter;

    Tenants.Tenant tenant;
    HttpGraphQlTester lead;
    String a;
    String b;
    String project;

    @BeforeEach
    void agencyWithTwoPeopleAndAProject() {
        tenant = tenants.create("Staffing Agency");
        agencies.addHolidays(tenant.agencyId(), PublicHolidays.france(2026, 2026), "Jour férié").block();
        a = id("TeamMember", team.create(tenant.owner(), member("A", "1.0")).block(Duration.ofSeconds(5)));
        b = id("TeamMember", team.create(tenant.owner(), member("B", "0.5")).block(Duration.ofSeconds(5)));
        Project p = projects.create(tenant.owner(), tenant.ownClient().id(), new ProjectDraft("Site", null,
                LocalDate.of(2026, 4, 1), null, null, Money.of(1_000_000, "EUR"), null)).block(Duration.ofSeconds(5));
        project = GlobalId.of("Project", p.id().value());
        lead = tenants.as(tenant, Role.LEAD);
    }

    @Test
    void capacityShareAcrossAMonthBoundaryAndHolidays() {
        // A at 50 % 20 Apr–12 May: 6 working days in May → 3.0; B at 100 % 25 May–10 Jun: 26–29 May → 4 × 0.5 = 2.0
        allocate(a, 50, "2026-04-20", "2026-05-12");
        allocate(b, 100, "2026-05-25", "2026-06-10");

        lead.document("""
                        { capacity(from: "2026-05", months: 2) { month workingDays capacityDays
                            clients { client { name } allocatedDays share } } }""")
                .execute()
                .path("capacity[0].month").entity(String.class).isEqualTo("2026-05")
                .path("capacity[0].workingDays").entity(Integer.class).isEqualTo(17)
                .path("capacity[0].capacityDays").entity(Double.class).isEqualTo(25.5)
                .path("capacity[0].clients[0].client.name").entity(String.class).isEqualTo("Own Client")
                .path("capacity[0].clients[0].allocatedDays").entity(Double.class).isEqualTo(5.0)
                // 5.0 / 25.5 = 0.1960784…
                .path("capacity[0].clients[0].share").entity(Double.class).isEqualTo(0.196078)
                // June: 22 working days, capacity 33.0; B 1–10 June = 8 days × 0.5 = 4.0 → 0.121212
                .path("capacity[1].capacityDays").entity(Double.class).isEqualTo(33.0)
                .path("capacity[1].clients[0].share").entity(Double.class).isEqualTo(0.121212);
    }

    @Test
    void theOwnerKeepsTheHolidayCalendar() {
        // the calendar loaded for this agency: France 2026, four public holidays in May
        lead.document("{ publicHolidays(from: \"2026-05-01\", to: \"2026-05-31\") }").execute()
                .path("publicHolidays").entityList(String.class)
                .containsExactly("2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25");
        lead.document("mutation { addPublicHolidays(input: {days: [\"2026-05-15\"], label: \"Pont\"}) { userErrors { code } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("FORBIDDEN"));

        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        owner.document("mutation { addPublicHolidays(input: {days: [\"2026-05-15\"], label: \"Pont de l'Ascension\"}) { days userErrors { code } } }")
                .execute().path("addPublicHolidays.days").entityList(String.class).containsExactly("2026-05-15");
        // May now has 16 working days: capacity 1.5 × 16 = 24.0
        lead.document("{ capacity(from: \"2026-05\", months: 1) { workingDays capacityDays } }").execute()
                .path("capacity[0].workingDays").entity(Integer.class).isEqualTo(16)
                .path("capacity[0].capacityDays").entity(Double.class).isEqualTo(24.0);
        owner.document("mutation { removePublicHoliday(input: {day: \"2026-05-16\"}) { userErrors { field code } } }")
                .execute().path("removePublicHoliday.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        owner.document("mutation { removePublicHoliday(input: {day: \"2026-05-15\"}) { days } }").execute()
                .path("removePublicHoliday.days").entityList(String.class).containsExactly("2026-05-15");
    }

    @Test
    void overAllocationIsAllowedButReported() {
        allocate(a, 50, "2026-04-20", "2026-05-12");
        // another 60 % on 4–8 May: 110 % on 4–7 May (8 May is a holiday)
        allocate(a, 60, "2026-05-04", "2026-05-08");
        lead.document("{ overAllocations(from: \"2026-04-01\", to: \"2026-06-30\") { teamMember { name } weekStart peakPercent } }")
                .execute()
                .path("overAllocations[*].weekStart").entityList(String.class).containsExactly("2026-05-04")
                .path("overAllocations[0].teamMember.name").entity(String.class).isEqualTo("A")
                .path("overAllocations[0].peakPercent").entity(Integer.class).isEqualTo(110);
    }

    @Test
    void badAllocationsAreRefusedAndWriteNothing() {
        assertUserError(a, 0, "2026-05-01", "2026-05-31", "sharePercent", "OUT_OF_RANGE");
        assertUserError(a, 150, "2026-05-01", "2026-05-31", "sharePercent", "OUT_OF_RANGE");
        assertUserError(a, 50, "2026-05-31", "2026-05-01", "endDate", "INVALID_DATE_ORDER");
        // a team member of another agency is "not found", like one that does not exist
        Tenants.Tenant other = tenants.create("Other Staffing Agency");
        String stranger = id("TeamMember", team.create(other.owner(), member("Stranger", "1.0")).block());
        assertUserError(stranger, 50, "2026-05-01", "2026-05-31", "teamMemberId", "NOT_FOUND");

        lead.document("{ allocations { totalCount } }").execute()
                .path("allocations.totalCount").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void updateAndDeleteNeedTheCurrentVersion() {
        String id = allocate(a, 50, "2026-05-01", "2026-05-31");
        lead.document("query($id: ID!) { node(id: $id) { ... on Allocation { sharePercent teamMember { name } } } }")
                .variable("id", id).execute()
                .path("node.sharePercent").entity(Integer.class).isEqualTo(50)
                .path("node.teamMember.name").entity(String.class).isEqualTo("A");
        tenants.as(tenant, Role.CLIENT).document("query($id: ID!) { node(id: $id) { id } }").variable("id", id)
                .execute().errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("NOT_FOUND"));
        lead.document("mutation($id: ID!) { updateAllocation(input: {id: $id, version: 0, sharePercent: 80}) { allocation { sharePercent version } userErrors { code } } }")
                .variable("id", id).execute()
                .path("updateAllocation.allocation.sharePercent").entity(Integer.class).isEqualTo(80)
                .path("updateAllocation.allocation.version").entity(Long.class).isEqualTo(1L);
        lead.document("mutation($id: ID!) { deleteAllocation(input: {id: $id, version: 0}) { deletedAllocationId userErrors { code } } }")
                .variable("id", id).execute()
                .path("deleteAllocation.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        lead.document("mutation($id: ID!) { deleteAllocation(input: {id: $id, version: 1}) { deletedAllocationId userErrors { code } } }")
                .variable("id", id).execute()
                .path("deleteAllocation.deletedAllocationId").entity(String.class).isEqualTo(id);
        lead.document("{ allocations { totalCount } }").execute()
                .path("allocations.totalCount").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void clientsSeeNoStaffingAndListsAreBatched() {
        for (int i = 0; i < 6; i++) {
            allocate(i % 2 == 0 ? a : b, 10, "2026-05-0" + (i + 1), "2026-05-20");
        }
        counter.reset();
        lead.document("{ allocations(first: 50) { totalCount nodes { sharePercent teamMember { name } project { name client { name } } } } }")
                .execute().path("allocations.totalCount").entity(Long.class).isEqualTo(6L);
        // count, page, members batch (+ their absences, one statement: ADR 0036), projects batch, clients batch; the
        // lead's session was looked up by allocate() just before and is in the few-second session cache (ADR 50)
        assertThat(counter.statements()).hasSize(6);

        tenants.as(tenant, Role.CLIENT).document("{ allocations { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));
        lead.document("{ capacity(from: \"2026-05\", months: 25) { month } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("months"));
    }

    private String allocate(String member, int share, String from, String to) {
        return lead.document(CREATE).variable("m", member).variable("p", project).variable("s", share)
                .variable("from", from).variable("to", to).execute()
                .path("createAllocation.userErrors").entityList(Object.class).hasSize(0)
                .path("createAllocation.allocation.id").entity(String.class).get();
    }

    private void assertUserError(String member, int share, String from, String to, String field, String code) {
        lead.document(CREATE).variable("m", member).variable("p", project).variable("s", share)
                .variable("from", from).variable("to", to).execute()
                .path("createAllocation.allocation").valueIsNull()
                .path("createAllocation.userErrors[0].field").entityList(String.class).containsExactly(field)
                .path("createAllocation.userErrors[0].code").entity(String.class).isEqualTo(code);
    }

    private static TeamMemberDraft member(String name, String fte) {
        return new TeamMemberDraft(name, null, List.of(), new BigDecimal(fte), Money.of(500_000, "EUR"),
                Money.of(60_000, "EUR"));
    }

    private static String id(String type, TeamMember member) {
        return GlobalId.of(type, member.id().value());
    }
}
