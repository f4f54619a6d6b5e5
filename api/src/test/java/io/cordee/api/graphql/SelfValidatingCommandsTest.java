package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * What the commands of ADR 79's second pass change through the API: a changed allocation is held to the rules of a
 * new one, and a malformed input is refused next to its field before the role check, while a valid one from a role
 * without the right is still FORBIDDEN; nothing is written either way. The sixth pass moved the reading of months
 * and time zones into core: their answers keep their words.
 */
@ApiTest
class SelfValidatingCommandsTest {

    private static final String SET_PLAN = """
            mutation($p: ID!, $m: [MilestoneInput!]) { setBillingPlan(input: {projectId: $p, depositPercent: 30,
              milestones: $m}) { billingPlan { version } userErrors { field code message } } }""";
    private static final String PLAN = """
            query($p: ID!) { node(id: $p) { ... on Project { billingPlan { depositPercent version } } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    TeamService team;
    @Autowired
    ProjectService projects;

    Tenants.Tenant tenant;
    String project;

    @BeforeEach
    void agencyWithAProject() {
        tenant = tenants.create("Commands Agency");
        Project p = projects.create(tenant.owner(), tenant.ownClient().id(), new ProjectDraft("Site", null,
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 8, 31), null, Money.of(1_000_000, "EUR"), null))
                .block(Duration.ofSeconds(5));
        project = GlobalId.of("Project", p.id().value());
    }

    @Test
    void aChangedAllocationWhoseEndComesBeforeItsStartIsRefusedNextToTheEndAndKeptAsItWas() {
        String member = GlobalId.of("TeamMember", team.create(tenant.owner(), new TeamMemberDraft("Ana", null,
                List.of(), BigDecimal.ONE, Money.of(500_000, "EUR"), Money.of(60_000, "EUR")))
                .block(Duration.ofSeconds(5)).id().value());
        HttpGraphQlTester lead = tenants.as(tenant, Role.LEAD);
        String allocation = lead.document("""
                        mutation($m: ID!, $p: ID!) { createAllocation(input: {teamMemberId: $m, projectId: $p,
                          sharePercent: 50, startDate: "2026-05-01", endDate: "2026-05-31"}) { allocation { id } } }""")
                .variable("m", member).variable("p", project).execute()
                .path("createAllocation.allocation.id").entity(String.class).get();

        // only the end is given: merged with the start of 1 May, 30 April comes a day before it
        lead.document("""
                        mutation($id: ID!) { updateAllocation(input: {id: $id, version: 0, endDate: "2026-04-30"}) {
                          allocation { id } userErrors { field code message } } }""")
                .variable("id", allocation).execute()
                .path("updateAllocation.allocation").valueIsNull()
                .path("updateAllocation.userErrors[*].field").entityList(Object.class).hasSize(1)
                .path("updateAllocation.userErrors[0].field").entityList(String.class).containsExactly("endDate")
                .path("updateAllocation.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DATE_ORDER")
                .path("updateAllocation.userErrors[0].message").entity(String.class)
                .isEqualTo("must not be before startDate (2026-05-01)");
        lead.document("query($id: ID!) { node(id: $id) { ... on Allocation { endDate version } } }")
                .variable("id", allocation).execute()
                .path("node.endDate").entity(String.class).isEqualTo("2026-05-31")
                .path("node.version").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void aLeadSendingAPlanThatDoesNotAddUpIsToldSoAndAValidOneIsStillForbidden() {
        HttpGraphQlTester lead = tenants.as(tenant, Role.LEAD);
        HttpGraphQlTester finance = tenants.as(tenant, Role.FINANCE);
        // 30 + 40 + 40 = 110 %: a rule of the input, refused before the role is looked at
        List<Map<String, Object>> tooMuch = List.of(milestone("Design", "2026-06-01", 40),
                milestone("Launch", "2026-08-31", 40));
        lead.document(SET_PLAN).variable("p", project).variable("m", tooMuch).execute()
                .path("setBillingPlan.billingPlan").valueIsNull()
                .path("setBillingPlan.userErrors[0].field").entityList(String.class).containsExactly("milestones")
                .path("setBillingPlan.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE")
                .path("setBillingPlan.userErrors[0].message").entity(String.class)
                .isEqualTo("deposit and milestones must add up to 100 % (they add up to 110 %)");
        // 30 + 30 + 40 = 100 %: valid, and a LEAD changes no money
        List<Map<String, Object>> exact = List.of(milestone("Design", "2026-06-01", 30),
                milestone("Launch", "2026-08-31", 40));
        lead.document(SET_PLAN).variable("p", project).variable("m", exact).execute()
                .errors().satisfy(errors -> assertThat(errors).anySatisfy(e ->
                        assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        finance.document(PLAN).variable("p", project).execute().path("node.billingPlan").valueIsNull();

        // a milestone on 31 March, the day before the project's start of 1 April: known only with the project, so
        // named once the shares add up
        finance.document(SET_PLAN).variable("p", project).variable("m", List.of(
                        milestone("Kick-off", "2026-03-31", 30), milestone("Launch", "2026-08-31", 40))).execute()
                .path("setBillingPlan.userErrors[0].field").entityList(String.class)
                .containsExactly("milestones", "0", "date")
                .path("setBillingPlan.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DATE_ORDER");
        finance.document(SET_PLAN).variable("p", project).variable("m", exact).execute()
                .path("setBillingPlan.userErrors").entityList(Object.class).hasSize(0)
                .path("setBillingPlan.billingPlan.version").entity(Long.class).isEqualTo(0L);
        finance.document(PLAN).variable("p", project).execute()
                .path("node.billingPlan.depositPercent").entity(Integer.class).isEqualTo(30);
    }

    @Test
    void aMalformedMonthOrTimeZoneIsToldInTheWordsItAlwaysWas() {
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        // month 13, with 25 months: the month is told alone, in the words of each query (ADR 79, sixth pass)
        assertSingleError(owner, "{ capacity(from: \"2026-13\", months: 25) { month } }",
                "from: must be a month such as 2026-11");
        assertSingleError(owner, "{ pipelineCapacity(from: \"2027/01\") { month } }",
                "from: must be a month such as 2027-01");
        assertSingleError(owner, "{ teamCapacity(month: \"September\") { workingDays } }",
                "month: must be a month as YYYY-MM");
        // an unknown zone and payday 31: the zone alone, as before
        owner.document("""
                        mutation { updateAgencySettings(input: {version: 0, payday: 31, timeZone: "Mars/Olympus"}) {
                          agency { id } userErrors { field code message } } }""").execute()
                .path("updateAgencySettings.agency").valueIsNull()
                .path("updateAgencySettings.userErrors[*].code").entityList(String.class)
                .containsExactly("INVALID_FORMAT")
                .path("updateAgencySettings.userErrors[0].field").entityList(String.class).containsExactly("timeZone")
                .path("updateAgencySettings.userErrors[0].message").entity(String.class)
                .isEqualTo("is not an IANA time zone such as Europe/Paris");
    }

    private static void assertSingleError(HttpGraphQlTester tester, String query, String message) {
        tester.document(query).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.getExtensions()).containsEntry("code", "INVALID_FORMAT");
                }));
    }

    private static Map<String, Object> milestone(String label, String date, int share) {
        return Map.of("label", label, "date", date, "sharePercent", share);
    }
}
