package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Agency A's users try every way in to agency B's rows; and each role sees only what it should. */
@ApiTest
class TenantIsolationTest {

    @Autowired
    Tenants tenants;

    static Tenants.Tenant a;
    static Tenants.Tenant b;
    static String bClientId;
    static String bProjectId;

    @BeforeAll
    static void twoAgencies(@Autowired Tenants tenants) {
        a = tenants.create("Agency A");
        b = tenants.create("Agency B");
        HttpGraphQlTester bOwner = tenants.as(b, Role.OWNER);
        bClientId = bOwner.document("""
                        mutation { createClient(input: {name: "B Secret Client", segment: STARTUP}) {
                          client { id } userErrors { code } } }""")
                .execute().path("createClient.client.id").entity(String.class).get();
        bProjectId = bOwner.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "B Secret Project",
                          startDate: "2026-01-05", feeBudget: {amountMinor: 1000000}}) { project { id } userErrors { code } } }""")
                .variable("c", bClientId).execute().path("createProject.project.id").entity(String.class).get();
    }

    @Test
    void anotherAgencysClientByGlobalIdIsNotFound() {
        HttpGraphQlTester aOwner = tenants.as(a, Role.OWNER);
        aOwner.document("query($id: ID!) { client(id: $id) { name } }").variable("id", bClientId).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("NOT_FOUND"))
                .path("client").valueIsNull();
        aOwner.document("query($id: ID!) { node(id: $id) { id } }").variable("id", bClientId).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("NOT_FOUND"))
                .path("node").valueIsNull();
        aOwner.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }").variable("ids", List.of(bClientId, bProjectId))
                .execute().path("nodes").entityList(Object.class).satisfies(nodes -> assertThat(nodes).containsOnlyNulls());
    }

    @Test
    void noListShowsAnotherAgencysRows() {
        HttpGraphQlTester aOwner = tenants.as(a, Role.OWNER);
        aOwner.document("{ clients(first: 100, filter: {includeArchived: true}) { nodes { name } } }").execute()
                .path("clients.nodes[*].name").entityList(String.class).satisfies(names ->
                        assertThat(names).containsExactly("Own Client"));
        aOwner.document("{ projects(first: 100) { totalCount nodes { name } } }").execute()
                .path("projects.totalCount").entity(Long.class).isEqualTo(0L);
        aOwner.document("query($c: ID!) { projects(clientId: $c) { totalCount } }").variable("c", bClientId).execute()
                .path("projects.totalCount").entity(Long.class).isEqualTo(0L);
        aOwner.document("{ teamMembers { totalCount } }").execute()
                .path("teamMembers.totalCount").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void anotherAgencysClientCannotBeChangedOrUsed() {
        HttpGraphQlTester aOwner = tenants.as(a, Role.OWNER);
        aOwner.document("""
                        mutation($id: ID!) { updateClient(input: {id: $id, version: 0, name: "Hijacked"}) {
                          client { name } userErrors { field code } } }""")
                .variable("id", bClientId).execute()
                .path("updateClient.client").valueIsNull()
                .path("updateClient.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        aOwner.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Parasite",
                          startDate: "2026-01-05", feeBudget: {amountMinor: 1}}) { project { id } userErrors { field code } } }""")
                .variable("c", bClientId).execute()
                .path("createProject.project").valueIsNull()
                .path("createProject.userErrors[0].field").entityList(String.class).containsExactly("clientId");

        tenants.as(b, Role.OWNER).document("query($id: ID!) { client(id: $id) { name version projects { name } } }")
                .variable("id", bClientId).execute()
                .path("client.name").entity(String.class).isEqualTo("B Secret Client")
                .path("client.version").entity(Long.class).isEqualTo(0L)
                .path("client.projects[*].name").entityList(String.class).containsExactly("B Secret Project");
    }

    @Test
    void aClientUserSeesOnlyTheirOwnClientAndNoInternals() {
        HttpGraphQlTester bClient = tenants.as(b, Role.CLIENT);
        bClient.document("{ clients(first: 100) { totalCount nodes { name funding { stage } } } }").execute()
                .path("clients.totalCount").entity(Long.class).isEqualTo(1L)
                .path("clients.nodes[0].name").entity(String.class).isEqualTo("Own Client");
        bClient.document("query($id: ID!) { client(id: $id) { name } }").variable("id", bClientId).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("NOT_FOUND"));
        bClient.document("{ projects { totalCount } }").execute()
                .path("projects.totalCount").entity(Long.class).isEqualTo(0L);
        // FORBIDDEN, and graphql-java's NullValueInNonNullableField as the null propagates to the root
        bClient.document("{ teamMembers { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"))
                .path("teamMembers").pathDoesNotExist();
        bClient.document("{ agency { name settings { safetyCashThreshold { amount } } } }").execute()
                .path("agency.name").entity(String.class).isEqualTo("Agency B")
                .path("agency.settings").valueIsNull();
        bClient.document("mutation { createClient(input: {name: \"Mine now\", segment: SME}) { client { id } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("FORBIDDEN"));
    }

    @Test
    void aLeadSeesTheTeamButNotItsCosts() {
        tenants.as(a, Role.OWNER).document("""
                        mutation { createTeamMember(input: {name: "Priced Person", fte: 0.8,
                          monthlyLoadedCost: {amountMinor: 650000}, dailyBillRate: {amountMinor: 70000}}) {
                          teamMember { fte monthlyLoadedCost { amount } } userErrors { code } } }""")
                .execute()
                .path("createTeamMember.teamMember.fte").entity(Double.class).isEqualTo(0.8)
                // 650000 cents = 6500.00 EUR
                .path("createTeamMember.teamMember.monthlyLoadedCost.amount").entity(String.class).isEqualTo("6500.00");

        tenants.as(a, Role.LEAD).document("{ teamMembers { nodes { name monthlyLoadedCost { amount } dailyBillRate { amount } } } }")
                .execute()
                .path("teamMembers.nodes[0].name").entity(String.class).isEqualTo("Priced Person")
                .path("teamMembers.nodes[0].monthlyLoadedCost").valueIsNull()
                .path("teamMembers.nodes[0].dailyBillRate").valueIsNull();
    }
}
