package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Optimistic locking and validation: bad input gets typed errors and writes nothing. */
@ApiTest
class ClientMutationTest {

    @Autowired
    Tenants tenants;

    HttpGraphQlTester owner;
    String clientId;

    @BeforeEach
    void agencyWithOneClient() {
        Tenants.Tenant tenant = tenants.create("Mutation Test Agency");
        owner = tenants.as(tenant, Role.OWNER);
        clientId = owner.document("""
                        mutation { createClient(input: {name: "Atelier Vert", segment: SME, paymentTermsDays: 45,
                          contacts: [{name: "Ana", email: "ana@vert.example"}]}) { client { id version } userErrors { code } } }""")
                .execute().path("createClient.client.id").entity(String.class).get();
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        owner.document("mutation($id: ID!) { updateClient(input: {id: $id, version: 0, name: \"Atelier Vert & Co\"}) { client { name version } userErrors { code } } }")
                .variable("id", clientId).execute()
                .path("updateClient.client.version").entity(Long.class).isEqualTo(1L)
                .path("updateClient.userErrors").entityList(Object.class).hasSize(0);

        // a second user still holding version 0
        owner.document("mutation($id: ID!) { updateClient(input: {id: $id, version: 0, name: \"Lost update\", paymentTermsDays: 10}) { client { name } userErrors { field message code } } }")
                .variable("id", clientId).execute()
                .path("updateClient.client").valueIsNull()
                .path("updateClient.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");

        owner.document("query($id: ID!) { client(id: $id) { name paymentTermsDays version } }").variable("id", clientId)
                .execute()
                .path("client.name").entity(String.class).isEqualTo("Atelier Vert & Co")
                .path("client.paymentTermsDays").entity(Integer.class).isEqualTo(45)
                .path("client.version").entity(Long.class).isEqualTo(1L);
    }

    @Test
    void archiveThenRestoreBringsTheClientBackAndAStaleRestoreIsAConflict() {
        // version 0 on creation; archiving makes it 1
        owner.document("mutation($id: ID!) { archiveClient(input: {id: $id, version: 0}) { client { archived version } userErrors { code } } }")
                .variable("id", clientId).execute()
                .path("archiveClient.client.archived").entity(Boolean.class).isEqualTo(true)
                .path("archiveClient.client.version").entity(Long.class).isEqualTo(1L);
        assertThat(listedIds()).doesNotContain(clientId);

        // a restore from someone who still holds version 0 changes nothing
        owner.document("mutation($id: ID!) { restoreClient(input: {id: $id, version: 0}) { client { id } userErrors { code } } }")
                .variable("id", clientId).execute()
                .path("restoreClient.client").valueIsNull()
                .path("restoreClient.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        assertThat(listedIds()).doesNotContain(clientId);

        HttpGraphQlTester otherAgency = tenants.as(tenants.create("Other Agency"), Role.OWNER);
        otherAgency.document("mutation($id: ID!) { restoreClient(input: {id: $id, version: 1}) { client { id } userErrors { code } } }")
                .variable("id", clientId).execute()
                .path("restoreClient.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");

        owner.document("mutation($id: ID!) { restoreClient(input: {id: $id, version: 1}) { client { name archived version paymentTermsDays } userErrors { code } } }")
                .variable("id", clientId).execute()
                .path("restoreClient.client.archived").entity(Boolean.class).isEqualTo(false)
                .path("restoreClient.client.version").entity(Long.class).isEqualTo(2L)
                .path("restoreClient.client.name").entity(String.class).isEqualTo("Atelier Vert")
                .path("restoreClient.client.paymentTermsDays").entity(Integer.class).isEqualTo(45);
        assertThat(listedIds()).contains(clientId);
    }

    private java.util.List<String> listedIds() {
        return owner.document("{ clients(first: 100) { nodes { id } } }").execute()
                .path("clients.nodes[*].id").entityList(String.class).get();
    }

    @Test
    void invalidClientInputReturnsEveryUserErrorAndWritesNothing() {
        owner.document("""
                        mutation($name: String!) { createClient(input: {name: $name, segment: SME, paymentTermsDays: 900,
                          contacts: [{name: "", email: "not-an-address"}]}) { client { id } userErrors { field code } } }""")
                .variable("name", "x".repeat(10_000)).execute()
                .path("createClient.client").valueIsNull()
                .path("createClient.userErrors[*].code").entityList(String.class)
                .containsExactly("TOO_LONG", "OUT_OF_RANGE", "REQUIRED", "INVALID_FORMAT")
                .path("createClient.userErrors[0].field").entityList(String.class).containsExactly("name")
                .path("createClient.userErrors[3].field").entityList(String.class).containsExactly("contacts", "0", "email");

        owner.document("mutation { createClient(input: {name: \"   \", segment: SME}) { client { id } userErrors { field code } } }")
                .execute()
                .path("createClient.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED");

        owner.document("mutation($id: ID!) { updateClient(input: {id: $id, version: 0, name: \"\"}) { client { id } userErrors { field code } } }")
                .variable("id", clientId).execute()
                .path("updateClient.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED");

        assertOnlyTheOriginalClientExists();
    }

    @Test
    void anUnknownSegmentIsRejectedBeforeExecution() {
        owner.document("mutation { createClient(input: {name: \"Enum Abuse\", segment: GIANT}) { client { id } } }")
                .execute().errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("ValidationError");
                });
        assertOnlyTheOriginalClientExists();
    }

    @Test
    void malformedIdsAreTypedErrors() {
        owner.document("mutation { updateClient(input: {id: \"not-an-id\", version: 0, name: \"X\"}) { client { id } userErrors { field code } } }")
                .execute()
                .path("updateClient.userErrors[0].field").entityList(String.class).containsExactly("id")
                .path("updateClient.userErrors[0].code").entity(String.class).isEqualTo("INVALID_ID");
        owner.document("{ client(id: \"Q2xpZW50Om5vdC1hLXV1aWQ\") { name } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_FORMAT");
                });
        assertOnlyTheOriginalClientExists();
    }

    @Test
    void negativeFteAndLaunchBeforeStartAreRefused() {
        owner.document("""
                        mutation { createTeamMember(input: {name: "Nobody", fte: -0.5,
                          monthlyLoadedCost: {amountMinor: 500000}, dailyBillRate: {amountMinor: 60000}}) {
                          teamMember { id } userErrors { field code } } }""")
                .execute()
                .path("createTeamMember.teamMember").valueIsNull()
                .path("createTeamMember.userErrors[0].field").entityList(String.class).containsExactly("fte")
                .path("createTeamMember.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        owner.document("{ teamMembers { totalCount } }").execute().path("teamMembers.totalCount").entity(Long.class)
                .isEqualTo(0L);

        owner.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Backwards",
                          startDate: "2026-06-01", launchDate: "2026-05-01", feeBudget: {amountMinor: 100}}) {
                          project { id } userErrors { field code } } }""")
                .variable("c", clientId).execute()
                .path("createProject.project").valueIsNull()
                .path("createProject.userErrors[0].field").entityList(String.class).containsExactly("launchDate")
                .path("createProject.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DATE_ORDER");
        owner.document("{ projects { totalCount } }").execute().path("projects.totalCount").entity(Long.class)
                .isEqualTo(0L);
    }

    @Test
    void aForeignCurrencyIsRefused() {
        owner.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Dollars",
                          startDate: "2026-06-01", feeBudget: {amountMinor: 100, currency: "USD"}}) {
                          project { id } userErrors { field code } } }""")
                .variable("c", clientId).execute()
                .path("createProject.userErrors[0].field").entityList(String.class).containsExactly("feeBudget", "currency");
    }

    private void assertOnlyTheOriginalClientExists() {
        owner.document("{ clients(filter: {includeArchived: true}) { totalCount nodes { name version } } }").execute()
                .path("clients.nodes[*].name").entityList(String.class).satisfies(names ->
                        assertThat(names).containsExactlyInAnyOrder("Own Client", "Atelier Vert"))
                .path("clients.nodes[*].version").entityList(Long.class).containsExactly(0L, 0L);
    }
}
