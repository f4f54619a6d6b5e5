package io.cordee.api.graphql;

import static io.cordee.api.graphql.RelationshipTest.CREATE_AGREEMENT;
import static io.cordee.api.graphql.RelationshipTest.CREATE_COMMITMENT;
import static io.cordee.api.graphql.RelationshipTest.CREATE_INTERACTION;
import static io.cordee.api.graphql.RelationshipTest.SET_STRENGTHS;
import static io.cordee.api.graphql.RelationshipTest.commitment;
import static io.cordee.api.graphql.RelationshipTest.commitmentInput;
import static io.cordee.api.graphql.RelationshipTest.interaction;
import static io.cordee.api.graphql.RelationshipTest.interactionInput;
import static io.cordee.api.graphql.RelationshipTest.strength;
import static io.cordee.api.graphql.RelationshipTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.identity.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Nobody reaches a relationship they should not: agency A's users try agency B's rows by global id,
 * {@code node(id:)}, mutations and nested fields; A's CLIENT user (of "Own Client", X) tries X's
 * internal notes and the health, and everything of A's other client Y.
 */
@ApiTest
class RelationshipSecurityTest {

    @Autowired
    Tenants tenants;

    static Tenants.Tenant a;
    static Tenants.Tenant b;
    static String x;
    static String xProject;
    static String xPublic;
    static String xInternal;
    static String xCommitment;
    static String y;
    static String yInteraction;
    static String yCommitment;
    static String yAgreement;
    static String bClient;
    static String bProject;
    static String bInteraction;
    static String bAgreement;
    static String bCommitment;
    static LocalDate today;

    @BeforeAll
    static void twoAgenciesWithRelationships(@Autowired Tenants tenants, @Autowired TestClock clock) {
        today = clock.todayInParis(); // the server's "today", in Paris, whatever the machine's clock says
        a = tenants.create("Relationship A");
        b = tenants.create("Relationship B");
        HttpGraphQlTester aOwner = tenants.as(a, Role.OWNER);
        x = id("Client", a.ownClient().id().value());
        xProject = project(aOwner, x, "X site");
        xPublic = interaction(aOwner, x, "2026-02-02", 4, 4, false, "Steering committee");
        xInternal = interaction(aOwner, x, "2026-02-03", 2, null, true, "INTERNAL: their CFO blocks the budget");
        xCommitment = commitment(aOwner, x, xProject, "CONTENT", "X texts", today.minusDays(3), null);
        aOwner.document(CREATE_AGREEMENT).variable("in", Map.of("clientId", x, "what", "X weekly call",
                "ownerSide", "AGENCY")).execute();
        aOwner.document(SET_STRENGTHS).variable("in", Map.of("clientId", x, "strengths",
                List.of(strength("DESIGN", 5, 2, "AGENCY")), "expectations", List.of("Texts on time"))).execute()
                .path("setStrengthsMap.userErrors").entityList(Object.class).hasSize(0);

        y = aOwner.document("mutation { createClient(input: {name: \"Y Client\", segment: SME}) { client { id } } }")
                .execute().path("createClient.client.id").entity(String.class).get();
        String yProject = project(aOwner, y, "Y site");
        yInteraction = interaction(aOwner, y, "2026-02-04", 3, 3, false, "Y meeting");
        yCommitment = commitment(aOwner, y, yProject, "ASSETS", "Y photos", today.minusDays(1), null);
        yAgreement = aOwner.document(CREATE_AGREEMENT).variable("in", Map.of("clientId", y, "what", "Y plan",
                "ownerSide", "CLIENT")).execute().path("createAgreement.agreement.id").entity(String.class).get();

        HttpGraphQlTester bOwner = tenants.as(b, Role.OWNER);
        bClient = id("Client", b.ownClient().id().value());
        bProject = project(bOwner, bClient, "B secret site");
        bInteraction = interaction(bOwner, bClient, "2026-02-05", 5, 5, false, "B secret meeting");
        bCommitment = commitment(bOwner, bClient, bProject, "FEEDBACK", "B secret feedback", today.minusDays(2), null);
        bAgreement = bOwner.document(CREATE_AGREEMENT).variable("in", Map.of("clientId", bClient,
                "what", "B secret agreement", "ownerSide", "AGENCY")).execute()
                .path("createAgreement.agreement.id").entity(String.class).get();
    }

    @Test
    void anotherAgencysRelationshipCannotBeReadByIdNodeOrNestedFields() {
        HttpGraphQlTester aOwner = tenants.as(a, Role.OWNER);
        for (String id : List.of(bInteraction, bAgreement, bCommitment)) {
            assertNotFound(aOwner.document("query($id: ID!) { node(id: $id) { id } }").variable("id", id).execute());
        }
        aOwner.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
                .variable("ids", List.of(bInteraction, bAgreement, bCommitment)).execute()
                .path("nodes").entityList(Object.class).satisfies(nodes -> assertThat(nodes).containsOnlyNulls());
        assertNotFound(aOwner.document("query($c: ID!) { client(id: $c) { interactions { totalCount } } }")
                .variable("c", bClient).execute());
        // every nested list of every client of A: A's rows only
        aOwner.document("""
                        { clients(first: 100) { nodes { interactions(first: 100) { nodes { summary } }
                          commitments { title } agreements { what } relationship { strengths { version } } } } }""")
                .execute()
                .path("clients.nodes[*].interactions.nodes[*].summary").entityList(String.class)
                .satisfies(s -> assertThat(s).noneMatch(v -> v.startsWith("B secret"))
                        .contains("Steering committee", "Y meeting"))
                .path("clients.nodes[*].commitments[*].title").entityList(String.class)
                .satisfies(v -> assertThat(v).containsExactlyInAnyOrder("X texts", "Y photos"))
                .path("clients.nodes[*].agreements[*].what").entityList(String.class)
                .satisfies(v -> assertThat(v).containsExactlyInAnyOrder("X weekly call", "Y plan"));
    }

    @Test
    void anotherAgencysRelationshipCannotBeChangedOrUsed() {
        HttpGraphQlTester aOwner = tenants.as(a, Role.OWNER);
        aOwner.document("mutation($id: ID!) { updateInteraction(input: {id: $id, version: 0, summary: \"Hijacked\"}) { userErrors { code } } }")
                .variable("id", bInteraction).execute()
                .path("updateInteraction.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        aOwner.document("mutation($id: ID!) { updateAgreement(input: {id: $id, version: 0, what: \"Hijacked\"}) { userErrors { code } } }")
                .variable("id", bAgreement).execute()
                .path("updateAgreement.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        aOwner.document("mutation($id: ID!) { updateCommitment(input: {id: $id, version: 0, title: \"Hijacked\"}) { userErrors { code } } }")
                .variable("id", bCommitment).execute()
                .path("updateCommitment.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        aOwner.document("mutation($id: ID!, $d: Date!) { recordCommitmentDelivery(input: {id: $id, version: 0, deliveredDate: $d}) { userErrors { code } } }")
                .variable("id", bCommitment).variable("d", today.toString()).execute()
                .path("recordCommitmentDelivery.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        aOwner.document(CREATE_INTERACTION).variable("in", interactionInput(bClient, "2026-02-06", 3, 3, false, "Parasite"))
                .execute()
                .path("createInteraction.userErrors[0].field").entityList(String.class).containsExactly("clientId")
                .path("createInteraction.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        aOwner.document(CREATE_COMMITMENT).variable("in", commitmentInput(x, bProject, "CONTENT", "Parasite",
                        "2026-05-01", null)).execute()
                .path("createCommitment.userErrors[0].field").entityList(String.class).containsExactly("projectId")
                .path("createCommitment.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        aOwner.document(SET_STRENGTHS).variable("in", Map.of("clientId", bClient, "strengths", List.of())).execute()
                .path("setStrengthsMap.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");

        // B's rows are as B left them
        tenants.as(b, Role.OWNER).document("""
                        query($c: ID!) { client(id: $c) { interactions { totalCount nodes { summary version } }
                          commitments { title deliveredDate version } agreements { what version }
                          relationship { strengths { version } } } }""")
                .variable("c", bClient).execute()
                .path("client.interactions.totalCount").entity(Long.class).isEqualTo(1L)
                .path("client.interactions.nodes[0].summary").entity(String.class).isEqualTo("B secret meeting")
                .path("client.interactions.nodes[0].version").entity(Long.class).isEqualTo(0L)
                .path("client.commitments[0].deliveredDate").valueIsNull()
                .path("client.commitments[0].version").entity(Long.class).isEqualTo(0L)
                .path("client.agreements[0].what").entity(String.class).isEqualTo("B secret agreement")
                .path("client.relationship.strengths").valueIsNull();
    }

    @Test
    void aClientUserSeesTheirRelationshipButNoInternalNotesNorHealth() {
        HttpGraphQlTester clientUser = tenants.as(a, Role.CLIENT);
        clientUser.document("""
                        query($c: ID!) { client(id: $c) { interactions { totalCount nodes { summary internal } }
                          commitments { title late } agreements { what }
                          relationship { lateCommitments health { score } strengths { strengths { domain } expectations } } } }""")
                .variable("c", x).execute()
                .path("client.interactions.nodes[*].internal").entityList(Boolean.class)
                .satisfies(flags -> assertThat(flags).isNotEmpty().containsOnly(false))
                .path("client.interactions.nodes[*].summary").entityList(String.class)
                .satisfies(summaries -> assertThat(summaries).contains("Steering committee")
                        .noneMatch(v -> v.startsWith("INTERNAL")))
                .path("client.commitments[*].title").entityList(String.class).containsExactly("X texts")
                .path("client.commitments[0].late").entity(Boolean.class).isEqualTo(true)
                .path("client.agreements[*].what").entityList(String.class).containsExactly("X weekly call")
                .path("client.relationship.lateCommitments").entity(Integer.class).isEqualTo(1)
                .path("client.relationship.health").valueIsNull()
                .path("client.relationship.strengths.expectations").entityList(String.class).containsExactly("Texts on time");
        assertNotFound(clientUser.document("query($id: ID!) { node(id: $id) { id } }").variable("id", xInternal).execute());
        clientUser.document("query($id: ID!) { node(id: $id) { ... on Interaction { summary } } }").variable("id", xPublic)
                .execute().path("node.summary").entity(String.class).isEqualTo("Steering committee");
        clientUser.document("{ healthWeights { commitments } }").execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));
        // the staff see the internal note too: one more than the client user
        long seenByClient = clientUser.document("query($c: ID!) { client(id: $c) { interactions { totalCount } } }")
                .variable("c", x).execute().path("client.interactions.totalCount").entity(Long.class).get();
        tenants.as(a, Role.LEAD).document("query($c: ID!) { client(id: $c) { interactions { totalCount } relationship { health { score } } } }")
                .variable("c", x).execute()
                .path("client.interactions.totalCount").entity(Long.class).isEqualTo(seenByClient + 1)
                .path("client.relationship.health.score").entity(Integer.class).satisfies(s -> assertThat(s).isBetween(0, 100));
    }

    @Test
    void aClientUserCannotReachAnotherClientOfTheAgency() {
        HttpGraphQlTester clientUser = tenants.as(a, Role.CLIENT);
        assertNotFound(clientUser.document("query($c: ID!) { client(id: $c) { interactions { totalCount } } }")
                .variable("c", y).execute());
        for (String id : List.of(yInteraction, yCommitment, yAgreement)) {
            assertNotFound(clientUser.document("query($id: ID!) { node(id: $id) { id } }").variable("id", id).execute());
        }
        clientUser.document("{ clients(first: 100) { nodes { commitments { title } agreements { what } interactions { nodes { summary } } } } }")
                .execute()
                .path("clients.nodes[*].commitments[*].title").entityList(String.class).containsExactly("X texts")
                .path("clients.nodes[*].agreements[*].what").entityList(String.class).containsExactly("X weekly call")
                .path("clients.nodes[*].interactions.nodes[*].summary").entityList(String.class)
                .satisfies(summaries -> assertThat(summaries).contains("Steering committee")
                        .doesNotContain("Y meeting").noneMatch(v -> v.startsWith("INTERNAL")));
        clientUser.document(CREATE_INTERACTION).variable("in", with(interactionInput(y, "2026-02-06", null, 4, false,
                        "Sneaky"), "agencyParticipants", List.of())).execute()
                .path("createInteraction.userErrors[0].field").entityList(String.class).containsExactly("clientId")
                .path("createInteraction.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        clientUser.document("mutation($id: ID!, $d: Date!) { recordCommitmentDelivery(input: {id: $id, version: 0, deliveredDate: $d}) { userErrors { code } } }")
                .variable("id", yCommitment).variable("d", today.toString()).execute()
                .path("recordCommitmentDelivery.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    @Test
    void aClientUserLogsInteractionsAndDeliveriesButChangesNothingElse() {
        HttpGraphQlTester clientUser = tenants.as(a, Role.CLIENT);
        Map<String, Object> mine = interactionInput(x, today.toString(), null, 5, false, "Call with Sophie");
        clientUser.document(CREATE_INTERACTION).variable("in", mine).execute()
                .path("createInteraction.userErrors").entityList(Object.class).hasSize(0)
                .path("createInteraction.interaction.clientEnergy").entity(Integer.class).isEqualTo(5)
                .path("createInteraction.interaction.internal").entity(Boolean.class).isEqualTo(false);
        clientUser.document(CREATE_INTERACTION).variable("in", with(mine, "agencyEnergy", 1)).execute()
                .path("createInteraction.interaction").valueIsNull()
                .path("createInteraction.userErrors[0].field").entityList(String.class).containsExactly("agencyEnergy")
                .path("createInteraction.userErrors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        clientUser.document(CREATE_INTERACTION).variable("in", with(mine, "internal", true)).execute()
                .path("createInteraction.userErrors[0].field").entityList(String.class).containsExactly("internal")
                .path("createInteraction.userErrors[0].code").entity(String.class).isEqualTo("FORBIDDEN");

        assertForbidden(clientUser.document(CREATE_COMMITMENT)
                .variable("in", commitmentInput(x, xProject, "CONTENT", "Mine", "2026-05-01", null)).execute());
        assertForbidden(clientUser.document(CREATE_AGREEMENT).variable("in", Map.of("clientId", x, "what", "Mine",
                "ownerSide", "CLIENT")).execute());
        assertForbidden(clientUser.document(SET_STRENGTHS).variable("in", Map.of("clientId", x, "strengths", List.of()))
                .execute());
        assertForbidden(clientUser.document("mutation($id: ID!) { updateInteraction(input: {id: $id, version: 0, summary: \"Edited\"}) { userErrors { code } } }")
                .variable("id", xPublic).execute());
        assertForbidden(clientUser.document("mutation { updateHealthWeights(input: {commitments: 100, feedback: 0, energy: 0, frequency: 0, payment: 0}) { userErrors { code } } }")
                .execute());

        clientUser.document("mutation($id: ID!, $d: Date!) { recordCommitmentDelivery(input: {id: $id, version: 0, deliveredDate: $d}) { commitment { deliveredDate } userErrors { code } } }")
                .variable("id", xCommitment).variable("d", today.toString()).execute()
                .path("recordCommitmentDelivery.commitment.deliveredDate").entity(String.class).isEqualTo(today.toString());
    }

    private static void assertNotFound(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                .containsExactly("NOT_FOUND"));
    }

    private static void assertForbidden(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                .contains("FORBIDDEN"));
    }

    /** A project of {@code client} from 5 January 2026, a fee of 10,000.00; its global id. */
    static String project(HttpGraphQlTester owner, String client, String name) {
        return owner.document("""
                        mutation($c: ID!, $n: String!) { createProject(input: {clientId: $c, name: $n,
                          startDate: "2026-01-05", feeBudget: {amountMinor: 1000000}}) { project { id } } }""")
                .variable("c", client).variable("n", name).execute()
                .path("createProject.project.id").entity(String.class).get();
    }

    private static String id(String type, java.util.UUID uuid) {
        return io.cordee.api.graphql.common.GlobalId.of(type, uuid);
    }
}
