package io.cordee.api.browser;

import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * What the staffing timeline's browser tests ({@link StaffingAndSettingsBrowserTest},
 * {@link StaffingTimelineSavesBrowserTest}) set up and read back through the API: a project of the agency's own
 * client, team members, allocations, another user's change, and an allocation's dates as stored.
 */
final class StaffingApi {

    private StaffingApi() {
    }

    static List<String> dates(HttpGraphQlTester api, String allocation) {
        HttpGraphQlTester.Response r = api.document("query($id: ID!) { node(id: $id) { ... on Allocation { startDate endDate } } }")
                .variable("id", allocation).execute();
        return List.of(r.path("node.startDate").entity(String.class).get(), r.path("node.endDate").entity(String.class).get());
    }

    static String ownClient(HttpGraphQlTester api) {
        return api.document("{ clients { nodes { id name } } }").execute()
                .path("clients.nodes[?(@.name == 'Own Client')].id").entityList(String.class).get().get(0);
    }

    static String project(HttpGraphQlTester api, String client, String name, LocalDate start) {
        return api.document("""
                        mutation($c: ID!, $n: String!, $s: Date!) { createProject(input: {clientId: $c, name: $n, status: ACTIVE,
                          startDate: $s, feeBudget: {amountMinor: 5000000}}) { project { id } userErrors { message } } }""")
                .variable("c", client).variable("n", name).variable("s", start.toString()).execute()
                .path("createProject.project.id").entity(String.class).get();
    }

    static String member(HttpGraphQlTester api, String name) {
        return api.document("""
                        mutation($n: String!) { createTeamMember(input: {name: $n, monthlyLoadedCost: {amountMinor: 1000000},
                          dailyBillRate: {amountMinor: 70000}}) { teamMember { id } userErrors { message } } }""")
                .variable("n", name).execute().path("createTeamMember.teamMember.id").entity(String.class).get();
    }

    static String allocation(HttpGraphQlTester api, String member, String project, int share, LocalDate from, LocalDate to) {
        return api.document("""
                        mutation($m: ID!, $p: ID!, $s: Int!, $f: Date!, $t: Date!) { createAllocation(input: {teamMemberId: $m,
                          projectId: $p, sharePercent: $s, startDate: $f, endDate: $t}) { allocation { id } userErrors { message } } }""")
                .variable("m", member).variable("p", project).variable("s", share).variable("f", from.toString())
                .variable("t", to.toString()).execute().path("createAllocation.allocation.id").entity(String.class).get();
    }

    /** Another user changes an allocation's share, on the version stored now. */
    static void share(HttpGraphQlTester api, String allocation, int share) {
        api.document("query($id: ID!) { node(id: $id) { ... on Allocation { version } } }").variable("id", allocation).execute()
                .path("node.version").entity(Long.class).satisfies(v -> api.document("""
                        mutation($id: ID!, $v: Long!, $s: Int!) { updateAllocation(input: {id: $id, version: $v, sharePercent: $s}) {
                          userErrors { code } } }""").variable("id", allocation).variable("v", v).variable("s", share).execute()
                        .path("updateAllocation.userErrors").entityList(Object.class).hasSize(0));
    }
}
