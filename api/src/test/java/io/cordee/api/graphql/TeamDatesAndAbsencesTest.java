package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.identity.Role;
import io.cordee.core.staffing.PublicHolidays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Team members' start and end dates and absences over GraphQL on the real database (ADR 0036).
 * <pre>
 * Bob, 6,000.00 a month, hired Tue 16 June 2026: June is 30 days, 15 of them his → 3,000.00 on 25 June,
 * then 6,000.00 on 25 July. Forecast from Mon 1 June over 9 weeks (to Sun 2 Aug): outflows 9,000.00.
 * September 2026 (France, no holiday): 22 working days; an absence Mon 7 – Fri 11 Sept leaves 17.
 * </pre>
 */
@ApiTest
class TeamDatesAndAbsencesTest {

    static final String CREATE = """
            mutation($n: String!, $s: Date, $e: Date) { createTeamMember(input: {name: $n, startDate: $s, endDate: $e,
              monthlyLoadedCost: {amountMinor: 600000}, dailyBillRate: {amountMinor: 70000}}) {
              teamMember { id version startDate endDate } userErrors { field code message } } }""";
    static final String ADD_ABSENCE = """
            mutation($m: ID!, $f: Date!, $t: Date!) { addAbsence(input: {teamMemberId: $m, kind: LEAVE, from: $f, to: $t}) {
              absence { id version from to kind } userErrors { field code } } }""";
    static final String MEMBERS = """
            { teamMembers(first: 50) { totalCount nodes { id name startDate endDate monthlyLoadedCost { amountMinor }
              absences { id from to kind version } version } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    AgencyRepository agencies;

    Tenants.Tenant tenant;
    HttpGraphQlTester finance;

    @BeforeEach
    void agency() {
        tenant = tenants.create("Team Dates Agency");
        agencies.addHolidays(tenant.agencyId(), PublicHolidays.france(2026, 2027), "Jour férié").block();
        finance = tenants.as(tenant, Role.FINANCE);
    }

    private String create(HttpGraphQlTester who, String name, String start, String end) {
        return who.document(CREATE).variable("n", name).variable("s", start).variable("e", end).execute()
                .path("createTeamMember.userErrors").entityList(Object.class).hasSize(0)
                .path("createTeamMember.teamMember.id").entity(String.class).get();
    }

    @Test
    void anEndBeforeTheStartIsRefusedOnItsFieldAndNothingIsWritten() {
        finance.document(CREATE).variable("n", "Backwards").variable("s", "2026-07-01").variable("e", "2026-06-30")
                .execute()
                .path("createTeamMember.teamMember").valueIsNull()
                .path("createTeamMember.userErrors[0].field").entity(List.class).isEqualTo(List.of("endDate"))
                .path("createTeamMember.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DATE_ORDER");
        finance.document(MEMBERS).execute().path("teamMembers.totalCount").entity(Integer.class).isEqualTo(0);

        String id = create(finance, "Ada", "2026-07-01", null);
        finance.document("""
                        mutation($id: ID!) { updateTeamMember(input: {id: $id, version: 0, endDate: "2026-06-15"}) {
                          teamMember { id } userErrors { field code } } }""").variable("id", id).execute()
                .path("updateTeamMember.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DATE_ORDER");
        finance.document(MEMBERS).execute()
                .path("teamMembers.nodes[0].endDate").valueIsNull()
                .path("teamMembers.nodes[0].version").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void aStaleVersionIsAConflictForMembersAndAbsences() {
        String id = create(finance, "Ada", null, null);
        finance.document("""
                        mutation($id: ID!) { updateTeamMember(input: {id: $id, version: 0, endDate: "2026-12-31"}) {
                          teamMember { endDate version } userErrors { code } } }""").variable("id", id).execute()
                .path("updateTeamMember.teamMember.endDate").entity(String.class).isEqualTo("2026-12-31");
        finance.document("""
                        mutation($id: ID!) { updateTeamMember(input: {id: $id, version: 0, clearEndDate: true}) {
                          teamMember { endDate } userErrors { code } } }""").variable("id", id).execute()
                .path("updateTeamMember.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");

        String absence = finance.document(ADD_ABSENCE).variable("m", id).variable("f", "2026-09-07")
                .variable("t", "2026-09-11").execute().path("addAbsence.absence.id").entity(String.class).get();
        finance.document("""
                        mutation($id: ID!) { updateAbsence(input: {id: $id, version: 0, kind: TRAINING}) {
                          absence { kind version } userErrors { code } } }""").variable("id", absence).execute()
                .path("updateAbsence.absence.version").entity(Long.class).isEqualTo(1L);
        finance.document("""
                        mutation($id: ID!) { removeAbsence(input: {id: $id, version: 0}) { absence { id }
                          userErrors { code } } }""").variable("id", absence).execute()
                .path("removeAbsence.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        finance.document(MEMBERS).execute().path("teamMembers.nodes[0].absences[0].kind").entity(String.class)
                .isEqualTo("TRAINING");
        finance.document("""
                        mutation($id: ID!) { removeAbsence(input: {id: $id, version: 1}) { absence { id }
                          userErrors { code } } }""").variable("id", absence).execute()
                .path("removeAbsence.absence.id").entity(String.class).isEqualTo(absence);
        finance.document(MEMBERS).execute().path("teamMembers.nodes[0].absences").entityList(Object.class).hasSize(0);
    }

    @Test
    void aLeadSeesDatesAndAbsencesButNoCostAndRecordsNoAbsence() {
        String id = create(finance, "Ada", "2026-06-16", "2027-06-15");
        finance.document(ADD_ABSENCE).variable("m", id).variable("f", "2026-09-07").variable("t", "2026-09-11")
                .execute().path("addAbsence.userErrors").entityList(Object.class).hasSize(0);
        HttpGraphQlTester lead = tenants.as(tenant, Role.LEAD);
        lead.document(MEMBERS).execute()
                .path("teamMembers.nodes[0].startDate").entity(String.class).isEqualTo("2026-06-16")
                .path("teamMembers.nodes[0].endDate").entity(String.class).isEqualTo("2027-06-15")
                .path("teamMembers.nodes[0].monthlyLoadedCost").valueIsNull()
                .path("teamMembers.nodes[0].absences[0].from").entity(String.class).isEqualTo("2026-09-07");
        lead.document(ADD_ABSENCE).variable("m", id).variable("f", "2026-10-05").variable("t", "2026-10-06")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        finance.document(MEMBERS).execute().path("teamMembers.nodes[0].absences").entityList(Object.class).hasSize(1);
        // a lead reads each member's days in a month; a client user reads none of the team
        lead.document("{ teamCapacity(month: \"2026-09\") { workingDays availableDays } }").execute()
                .path("teamCapacity[0].workingDays").entity(Integer.class).isEqualTo(22)
                .path("teamCapacity[0].availableDays").entity(Integer.class).isEqualTo(17);
        tenants.as(tenant, Role.CLIENT).document("{ teamCapacity(month: \"2026-09\") { availableDays } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    @Test
    void anotherAgencyCannotTouchThisAgencysMembersOrAbsences() {
        String id = create(finance, "Ada", null, null);
        String absence = finance.document(ADD_ABSENCE).variable("m", id).variable("f", "2026-09-07")
                .variable("t", "2026-09-11").execute().path("addAbsence.absence.id").entity(String.class).get();
        HttpGraphQlTester intruder = tenants.as(tenants.create("Other Agency"), Role.OWNER);

        intruder.document("""
                        mutation($id: ID!) { updateTeamMember(input: {id: $id, version: 0, endDate: "2026-06-30"}) {
                          teamMember { id } userErrors { code } } }""").variable("id", id).execute()
                .path("updateTeamMember.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        intruder.document(ADD_ABSENCE).variable("m", id).variable("f", "2026-10-05").variable("t", "2026-10-06")
                .execute().path("addAbsence.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        intruder.document("""
                        mutation($id: ID!) { updateAbsence(input: {id: $id, version: 0, to: "2026-09-30"}) {
                          absence { id } userErrors { code } } }""").variable("id", absence).execute()
                .path("updateAbsence.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        intruder.document("""
                        mutation($id: ID!) { removeAbsence(input: {id: $id, version: 0}) { absence { id }
                          userErrors { code } } }""").variable("id", absence).execute()
                .path("removeAbsence.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        intruder.document(MEMBERS).execute().path("teamMembers.totalCount").entity(Integer.class).isEqualTo(0);

        finance.document(MEMBERS).execute()
                .path("teamMembers.nodes[0].endDate").valueIsNull()
                .path("teamMembers.nodes[0].version").entity(Long.class).isEqualTo(0L)
                .path("teamMembers.nodes[0].absences[0].to").entity(String.class).isEqualTo("2026-09-11")
                .path("teamMembers.nodes[0].absences[0].version").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void aPlannedHireCostsFromItsStartAndAnAbsenceLowersCapacity() {
        finance.document("""
                mutation { recordBankBalance(input: {date: "2026-05-29", amount: {amountMinor: 10000000}}) {
                  userErrors { code } } }""").execute().path("recordBankBalance.userErrors").entityList(Object.class)
                .hasSize(0);
        String bob = create(finance, "Bob", "2026-06-16", null);
        List<Map<String, Object>> weeks = finance.document("""
                        { cashForecast(asOf: "2026-06-01", horizonWeeks: 9) { weeks { weekStart outflow { amountMinor } } } }""")
                .execute().path("cashForecast.weeks").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
        Map<String, Long> outflows = new java.util.TreeMap<>();
        for (Map<String, Object> w : weeks) {
            long amount = ((Number) ((Map<?, ?>) w.get("outflow")).get("amountMinor")).longValue();
            if (amount != 0) {
                outflows.put((String) w.get("weekStart"), amount);
            }
        }
        // 25 June is in the week of Mon 22 June: 3,000.00; 25 July (a Saturday) in the week of Mon 20 July: 6,000.00
        assertThat(outflows).containsExactly(Map.entry("2026-06-22", 300_000L), Map.entry("2026-07-20", 600_000L));

        String capacity = """
                { capacity(from: "2026-09", months: 1) { month capacityDays } }""";
        finance.document(capacity).execute().path("capacity[0].capacityDays").entity(Double.class).isEqualTo(22.0);
        finance.document(ADD_ABSENCE).variable("m", bob).variable("f", "2026-09-07").variable("t", "2026-09-11")
                .execute().path("addAbsence.userErrors").entityList(Object.class).hasSize(0);
        finance.document(capacity).execute().path("capacity[0].capacityDays").entity(Double.class).isEqualTo(17.0);
    }
}
