package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientService;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.publisher.Flux;

/**
 * The relationship with a client over GraphQL on the real database: interactions, the strengths map,
 * the game plan, commitments and the health. "Own Client" has the project "Site"; "Other Client" of
 * the same agency has "Elsewhere".
 */
@ApiTest
class RelationshipTest {

    static final String CREATE_INTERACTION = """
            mutation($in: CreateInteractionInput!) { createInteraction(input: $in) {
              interaction { id date kind summary agencyEnergy clientEnergy internal version
                agencyParticipants clientParticipants client { name } }
              userErrors { field message code } } }""";
    static final String CREATE_COMMITMENT = """
            mutation($in: CreateCommitmentInput!) { createCommitment(input: $in) {
              commitment { id kind title dueDate deliveredDate late daysLate version project { name } }
              userErrors { field message code } } }""";
    static final String CREATE_AGREEMENT = """
            mutation($in: CreateAgreementInput!) { createAgreement(input: $in) {
              agreement { id what ownerSide ownerName dueDate status doneDate version project { name } }
              userErrors { field message code } } }""";
    static final String SET_STRENGTHS = """
            mutation($in: SetStrengthsMapInput!) { setStrengthsMap(input: $in) {
              strengths { strengths { domain agency client lead } expectations version }
              userErrors { field message code } } }""";
    static final String COUNTS = """
            query($c: ID!) { client(id: $c) { interactions { totalCount } agreements { id } commitments { id }
              relationship { strengths { version } } } }""";

    @Autowired
    Tenants tenants;
    /** The application's clock: "today" is the server's, in Paris, whatever the machine's clock says. */
    @Autowired
    TestClock clock;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    StatementCounter counter;

    Tenants.Tenant tenant;
    HttpGraphQlTester lead;
    String client;
    String project;
    String otherClient;
    String otherProject;
    LocalDate today;

    @BeforeEach
    void clientsWithProjects() {
        tenant = tenants.create("Relationship Agency");
        today = clock.todayInParis();
        client = GlobalId.of("Client", tenant.ownClient().id().value());
        project = GlobalId.of("Project", project(tenant, tenant.ownClient(), "Site").id().value());
        Client other = clients.create(tenant.owner(), new ClientDraft("Other Client", Segment.ENTERPRISE, 60, List.of(),
                null)).block(Duration.ofSeconds(5));
        otherClient = GlobalId.of("Client", other.id().value());
        otherProject = GlobalId.of("Project", project(tenant, other, "Elsewhere").id().value());
        lead = tenants.as(tenant, Role.LEAD);
    }

    @Test
    void interactionsArePagedNewestFirstAndUpdatedWithTheirVersion() {
        String first = interaction(lead, client, "2026-01-10", 4, 3, false, "Kick-off");
        interaction(lead, client, "2026-03-05", 5, 5, false, "Workshop on personas");
        interaction(lead, client, "2026-02-01", 3, null, true, "They seem hesitant on the budget");

        String page = """
                query($c: ID!, $after: String) { client(id: $c) { interactions(first: 2, after: $after) {
                  totalCount nodes { date summary internal } pageInfo { hasNextPage hasPreviousPage endCursor } } } }""";
        String cursor = lead.document(page).variable("c", client).execute()
                .path("client.interactions.totalCount").entity(Long.class).isEqualTo(3L)
                .path("client.interactions.nodes[*].date").entityList(String.class)
                .containsExactly("2026-03-05", "2026-02-01")
                .path("client.interactions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("client.interactions.pageInfo.endCursor").entity(String.class).get();
        lead.document(page).variable("c", client).variable("after", cursor).execute()
                .path("client.interactions.nodes[*].date").entityList(String.class).containsExactly("2026-01-10")
                .path("client.interactions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("client.interactions.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);

        String update = """
                mutation($id: ID!, $v: Long!) { updateInteraction(input: {id: $id, version: $v, summary: "Kick-off, signed",
                  clientEnergy: 4}) { interaction { summary clientEnergy agencyEnergy version } userErrors { code } } }""";
        lead.document(update).variable("id", first).variable("v", 0).execute()
                .path("updateInteraction.interaction.summary").entity(String.class).isEqualTo("Kick-off, signed")
                .path("updateInteraction.interaction.clientEnergy").entity(Integer.class).isEqualTo(4)
                .path("updateInteraction.interaction.agencyEnergy").entity(Integer.class).isEqualTo(4)
                .path("updateInteraction.interaction.version").entity(Long.class).isEqualTo(1L);
        // the same stale version again: CONFLICT, and nothing changes
        lead.document(update.replace("Kick-off, signed", "Overwritten")).variable("id", first).variable("v", 0)
                .execute()
                .path("updateInteraction.interaction").valueIsNull()
                .path("updateInteraction.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        lead.document("query($id: ID!) { node(id: $id) { ... on Interaction { summary version client { name } } } }")
                .variable("id", first).execute()
                .path("node.summary").entity(String.class).isEqualTo("Kick-off, signed")
                .path("node.version").entity(Long.class).isEqualTo(1L)
                .path("node.client.name").entity(String.class).isEqualTo("Own Client");
    }

    @Test
    void badInputIsRefusedWithTypedErrorsAndWritesNothing() {
        Map<String, Object> ok = interactionInput(client, "2026-03-05", 4, 4, false, "Fine");
        assertInteractionError(with(ok, "agencyEnergy", 7), "agencyEnergy", "OUT_OF_RANGE");
        assertInteractionError(with(ok, "clientEnergy", 0), "clientEnergy", "OUT_OF_RANGE");
        assertInteractionError(with(ok, "summary", "   "), "summary", "REQUIRED");
        assertInteractionError(with(ok, "summary", "x".repeat(1_000_000)), "summary", "TOO_LONG");
        assertInteractionError(with(ok, "date", today.plusDays(2).toString()), "date", "OUT_OF_RANGE");
        assertInteractionError(with(ok, "clientParticipants", List.of("Sophie", " ")), "clientParticipants.1",
                "REQUIRED");

        Map<String, Object> commitment = commitmentInput(client, project, "CONTENT", "Texts of the home page",
                "2026-04-01", null);
        assertCommitmentError(with(commitment, "title", ""), "title", "REQUIRED");
        assertCommitmentError(with(commitment, "dueDate", "1900-01-01"), "dueDate", "OUT_OF_RANGE");
        assertCommitmentError(with(commitment, "deliveredDate", today.plusDays(1).toString()), "deliveredDate",
                "OUT_OF_RANGE");
        // a project of another client: "not found" for this client
        assertCommitmentError(with(commitment, "projectId", otherProject), "projectId", "NOT_FOUND");
        // an id of the wrong type
        assertCommitmentError(with(commitment, "projectId", client), "projectId", "INVALID_ID");
        // a date that is no date never reaches the use case: the Date scalar refuses it
        lead.document(CREATE_COMMITMENT).variable("in", with(commitment, "dueDate", "2026-13-45")).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getMessage()).contains("2026-13-45")));

        lead.document(CREATE_AGREEMENT).variable("in", Map.of("clientId", client, "projectId", otherProject,
                        "what", "Share the analytics access", "ownerSide", "CLIENT")).execute()
                .path("createAgreement.agreement").valueIsNull()
                .path("createAgreement.userErrors[0].field").entityList(String.class).containsExactly("projectId")
                .path("createAgreement.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        lead.document(CREATE_AGREEMENT).variable("in", Map.of("clientId", client, "what", "",
                        "ownerSide", "CLIENT", "status", "AGREED", "doneDate", "2026-01-01")).execute()
                .path("createAgreement.userErrors[*].field").entityList(Object.class).hasSize(2);

        lead.document(SET_STRENGTHS).variable("in", Map.of("clientId", client, "strengths", List.of(
                        strength("design", 5, 2, "AGENCY"), strength("Design", 3, 3, "SHARED"),
                        strength("TECH", 6, 1, "AGENCY")))).execute()
                .path("setStrengthsMap.strengths").valueIsNull()
                .path("setStrengthsMap.userErrors[*].code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("DUPLICATE", "OUT_OF_RANGE"));
        lead.document("query($c: ID!) { client(id: $c) { interactions(first: 101) { totalCount } } }")
                .variable("c", client).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("first"));

        lead.document(COUNTS).variable("c", client).execute()
                .path("client.interactions.totalCount").entity(Long.class).isEqualTo(0L)
                .path("client.agreements").entityList(Object.class).hasSize(0)
                .path("client.commitments").entityList(Object.class).hasSize(0)
                .path("client.relationship.strengths").valueIsNull();
    }

    @Test
    void theStrengthsMapIsSetThenReplacedFromItsVersion() {
        Map<String, Object> input = new HashMap<>(Map.of("clientId", client, "strengths", List.of(
                        strength("design", 5, 2, "AGENCY"), strength("Decisions", 2, 4, "CLIENT"),
                        strength("Community", 2, 5, "CLIENT")),
                "expectations", List.of("Texts two weeks before each sprint", "One decision-maker per topic")));
        lead.document(SET_STRENGTHS).variable("in", input).execute()
                .path("setStrengthsMap.strengths.version").entity(Long.class).isEqualTo(0L)
                // standard domains in capitals, a custom one as the agency wrote it
                .path("setStrengthsMap.strengths.strengths[*].domain").entityList(String.class)
                .containsExactly("DESIGN", "DECISIONS", "Community")
                .path("setStrengthsMap.strengths.expectations").entityList(String.class).hasSize(2);
        // setting it again as if it were new: someone else's map is there → CONFLICT
        lead.document(SET_STRENGTHS).variable("in", input).execute()
                .path("setStrengthsMap.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        input.put("version", 0);
        input.put("strengths", List.of(strength("TECH", 5, 1, "AGENCY")));
        lead.document(SET_STRENGTHS).variable("in", input).execute()
                .path("setStrengthsMap.strengths.version").entity(Long.class).isEqualTo(1L)
                .path("setStrengthsMap.strengths.strengths[*].domain").entityList(String.class).containsExactly("TECH");
        input.put("strengths", List.of());
        lead.document(SET_STRENGTHS).variable("in", input).execute()
                .path("setStrengthsMap.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        tenants.as(tenant, Role.CLIENT).document("""
                        query($c: ID!) { client(id: $c) { relationship { strengths { strengths { domain agency client lead }
                          expectations version } } } }""")
                .variable("c", client).execute()
                .path("client.relationship.strengths.version").entity(Long.class).isEqualTo(1L)
                .path("client.relationship.strengths.strengths[0].lead").entity(String.class).isEqualTo("AGENCY");
    }

    @Test
    void theGamePlanKeepsItsAgreementsAndTheirStatus() {
        Map<String, Object> input = new HashMap<>(Map.of("clientId", client, "projectId", project,
                "what", "Validate the wireframes in one meeting", "ownerSide", "CLIENT", "ownerName", "Sophie",
                "dueDate", "2026-04-15"));
        String id = lead.document(CREATE_AGREEMENT).variable("in", input).execute()
                .path("createAgreement.agreement.status").entity(String.class).isEqualTo("PROPOSED")
                .path("createAgreement.agreement.project.name").entity(String.class).isEqualTo("Site")
                .path("createAgreement.agreement.id").entity(String.class).get();
        lead.document(CREATE_AGREEMENT).variable("in", Map.of("clientId", client, "what", "Weekly status e-mail",
                        "ownerSide", "AGENCY", "status", "AGREED")).execute()
                .path("createAgreement.agreement.project").valueIsNull();

        String update = """
                mutation($id: ID!, $v: Long!, $s: AgreementStatus) { updateAgreement(input: {id: $id, version: $v, status: $s}) {
                  agreement { status doneDate version } userErrors { field code } } }""";
        // DONE without a date: done today
        lead.document(update).variable("id", id).variable("v", 0).variable("s", "DONE").execute()
                .path("updateAgreement.agreement.status").entity(String.class).isEqualTo("DONE")
                .path("updateAgreement.agreement.doneDate").entity(String.class).isEqualTo(today.toString())
                .path("updateAgreement.agreement.version").entity(Long.class).isEqualTo(1L);
        lead.document(update).variable("id", id).variable("v", 0).variable("s", "DROPPED").execute()
                .path("updateAgreement.agreement").valueIsNull()
                .path("updateAgreement.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        // back to AGREED: the done date goes
        lead.document(update).variable("id", id).variable("v", 1).variable("s", "AGREED").execute()
                .path("updateAgreement.agreement.doneDate").valueIsNull();
        lead.document("query($c: ID!) { client(id: $c) { agreements { what status } } }").variable("c", client)
                .execute()
                // by due date, the one without last
                .path("client.agreements[*].what").entityList(String.class)
                .containsExactly("Validate the wireframes in one meeting", "Weekly status e-mail");
    }

    @Test
    void commitmentsAreFlaggedAndCountedWhenLate() {
        // on time; delivered 3 days late; undelivered and 4 days past due; due in a week
        String onTime = commitment(client, project, "CONTENT", "Texts", today.minusDays(20), today.minusDays(21));
        commitment(client, project, "FEEDBACK", "Feedback on mock-ups", today.minusDays(15), today.minusDays(12));
        String open = commitment(client, project, "APPROVAL", "Approve the design", today.minusDays(4), null);
        commitment(client, project, "ASSETS", "Photos", today.plusDays(7), null);

        lead.document("""
                        query($c: ID!) { client(id: $c) { commitments { title late daysLate }
                          relationship { lateCommitments } } }""")
                .variable("c", client).execute()
                .path("client.commitments[*].title").entityList(String.class)
                .containsExactly("Texts", "Feedback on mock-ups", "Approve the design", "Photos")
                .path("client.commitments[*].late").entityList(Boolean.class).containsExactly(false, true, true, false)
                .path("client.commitments[*].daysLate").entityList(Integer.class).containsExactly(0, 3, 4, 0)
                .path("client.relationship.lateCommitments").entity(Integer.class).isEqualTo(2);

        String deliver = """
                mutation($id: ID!, $v: Long!, $d: Date!) { recordCommitmentDelivery(input: {id: $id, version: $v, deliveredDate: $d}) {
                  commitment { deliveredDate late version } userErrors { field code } } }""";
        HttpGraphQlTester clientUser = tenants.as(tenant, Role.CLIENT);
        clientUser.document(deliver).variable("id", open).variable("v", 0).variable("d", today.toString()).execute()
                .path("recordCommitmentDelivery.commitment.deliveredDate").entity(String.class)
                .isEqualTo(today.toString())
                .path("recordCommitmentDelivery.commitment.late").entity(Boolean.class).isEqualTo(true)
                .path("recordCommitmentDelivery.commitment.version").entity(Long.class).isEqualTo(1L);
        clientUser.document(deliver).variable("id", open).variable("v", 0).variable("d", today.toString()).execute()
                .path("recordCommitmentDelivery.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        lead.document("""
                        mutation($id: ID!) { updateCommitment(input: {id: $id, version: 0, title: "All the texts", kind: ASSETS}) {
                          commitment { title kind version } userErrors { code } } }""")
                .variable("id", onTime).execute()
                .path("updateCommitment.commitment.title").entity(String.class).isEqualTo("All the texts")
                .path("updateCommitment.commitment.kind").entity(String.class).isEqualTo("ASSETS")
                .path("updateCommitment.commitment.version").entity(Long.class).isEqualTo(1L);
    }

    @Test
    void theHealthShowsItsComponentsEvidenceTrendAndReciprocity() {
        // two commitments on time, one late (undelivered, 4 days past due): COMMITMENTS 2 of 3 → 67.
        // No feedback commitment, no interaction, no paid invoice: the other components have no data, so
        // the score is COMMITMENTS alone: 67; COMMITMENTS carries the whole weight (100.00).
        commitment(client, project, "CONTENT", "Texts", today.minusDays(20), today.minusDays(21));
        commitment(client, project, "ASSETS", "Logo", today.minusDays(10), today.minusDays(10));
        commitment(client, project, "DECISION", "Go / no go", today.minusDays(4), null);
        lead.document(CREATE_AGREEMENT).variable("in", Map.of("clientId", client, "what", "Send the sitemap",
                "ownerSide", "AGENCY", "dueDate", today.minusDays(30).toString(), "status", "DONE",
                "doneDate", today.minusDays(31).toString())).execute();

        String health = """
                query($c: ID!) { client(id: $c) { relationship { health { asOf score
                  components { kind score weight appliedWeight evidence { name value } }
                  trend { week asOf score }
                  reciprocity { agencyDue agencyKeptOnTime agencyOnTimePercent clientDue clientKeptOnTime
                    clientOnTimePercent oneSided loadCarriedBy } } } } }""";
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        owner.document(health).variable("c", client).execute()
                .path("client.relationship.health.asOf").entity(String.class).isEqualTo(today.toString())
                .path("client.relationship.health.score").entity(Integer.class).isEqualTo(67)
                .path("client.relationship.health.components[*].kind").entityList(String.class)
                .containsExactly("COMMITMENTS", "FEEDBACK", "ENERGY", "FREQUENCY", "PAYMENT")
                .path("client.relationship.health.components[*].score").entityList(Integer.class)
                .containsExactly(67, null, null, null, null)
                .path("client.relationship.health.components[0].appliedWeight").entity(Double.class).isEqualTo(100.0)
                .path("client.relationship.health.components[0].evidence[?(@.name == 'late')].value")
                .entityList(Double.class).containsExactly(1.0)
                .path("client.relationship.health.trend").entityList(Object.class).hasSize(26)
                .path("client.relationship.health.trend[25].score").entity(Integer.class).isEqualTo(67)
                // the agency kept its one agreement; the client 2 of 3 commitments: 100 vs 67, 33 points apart
                .path("client.relationship.health.reciprocity.agencyOnTimePercent").entity(Integer.class).isEqualTo(100)
                .path("client.relationship.health.reciprocity.clientOnTimePercent").entity(Integer.class).isEqualTo(67)
                .path("client.relationship.health.reciprocity.oneSided").entity(Boolean.class).isEqualTo(true)
                .path("client.relationship.health.reciprocity.loadCarriedBy").entity(String.class).isEqualTo("AGENCY");

        // an interaction today rated 5 and 3: ENERGY (8 − 2) × 25 ÷ 2 = 75, FREQUENCY 25. With the default
        // weights: (30 × 67 + 20 × 75 + 15 × 25) ÷ 65 = 3885 ÷ 65 = 59.77 → 60
        interaction(lead, client, today.toString(), 5, 3, false, "Weekly call");
        owner.document(health).variable("c", client).execute()
                .path("client.relationship.health.score").entity(Integer.class).isEqualTo(60);

        // the owner weighs energy only: 75
        owner.document("""
                        mutation { updateHealthWeights(input: {commitments: 0, feedback: 0, energy: 100, frequency: 0, payment: 0}) {
                          healthWeights { energy version } userErrors { field code } } }""").execute()
                .path("updateHealthWeights.healthWeights.version").entity(Long.class).isEqualTo(0L);
        owner.document(health).variable("c", client).execute()
                .path("client.relationship.health.score").entity(Integer.class).isEqualTo(75);
    }

    @Test
    void onlyTheOwnerSetsTheHealthWeightsAndTheyAddUpToAHundred() {
        lead.document("{ healthWeights { commitments feedback energy frequency payment version } }").execute()
                .path("healthWeights.commitments").entity(Integer.class).isEqualTo(30)
                .path("healthWeights.payment").entity(Integer.class).isEqualTo(20)
                .path("healthWeights.version").valueIsNull();
        String update = """
                mutation($v: Long, $c: Int!) { updateHealthWeights(input: {version: $v, commitments: $c, feedback: 20,
                  energy: 20, frequency: 20, payment: 20}) { healthWeights { commitments version } userErrors { field code } } }""";
        lead.document(update).variable("c", 20).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        owner.document(update).variable("c", 30).execute()
                .path("updateHealthWeights.healthWeights").valueIsNull()
                .path("updateHealthWeights.userErrors[0].field").entityList(String.class).containsExactly("weights")
                .path("updateHealthWeights.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        owner.document(update).variable("c", 20).execute()
                .path("updateHealthWeights.healthWeights.version").entity(Long.class).isEqualTo(0L);
        owner.document(update).variable("c", 20).execute()
                .path("updateHealthWeights.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        owner.document(update).variable("v", 0).variable("c", 20).execute()
                .path("updateHealthWeights.healthWeights.version").entity(Long.class).isEqualTo(1L);
        lead.document("{ healthWeights { commitments version } }").execute()
                .path("healthWeights.commitments").entity(Integer.class).isEqualTo(20)
                .path("healthWeights.version").entity(Long.class).isEqualTo(1L);
    }

    @Test
    void statementsDoNotGrowWithTheNumberOfClients() {
        String query = """
                { clients(first: 100) { totalCount nodes { name
                    interactions(first: 5) { totalCount nodes { date summary } }
                    commitments { title late project { name } }
                    agreements { what project { name } }
                    relationship { lateCommitments strengths { version } health { score } } } } }""";
        List<String> withTwo = statementsFor(2, query);
        List<String> withTwenty = statementsFor(20, query);
        System.out.printf("relationship statements for 2 clients: %d, for 20 clients: %d%n", withTwo.size(),
                withTwenty.size());
        assertThat(withTwenty).hasSameSizeAs(withTwo);
    }

    private List<String> statementsFor(int clientCount, String query) {
        Tenants.Tenant agency = tenants.create("Batching relationships " + clientCount);
        HttpGraphQlTester owner = tenants.as(agency, Role.OWNER);
        Flux.range(0, clientCount)
                .concatMap(i -> i == 0 ? reactor.core.publisher.Mono.just(agency.ownClient())
                        : clients.create(agency.owner(), new ClientDraft("Client " + i, Segment.SME, 30, List.of(), null)))
                .collectList().block(Duration.ofSeconds(30))
                .forEach(c -> {
                    String id = GlobalId.of("Client", c.id().value());
                    String p = GlobalId.of("Project", project(agency, c, "Project of " + c.name()).id().value());
                    interaction(owner, id, "2026-03-01", 4, 4, false, "Call");
                    interaction(owner, id, "2026-03-08", 5, 4, false, "Workshop");
                    commitment(owner, id, p, "CONTENT", "Texts", today.minusDays(3), null);
                    owner.document(CREATE_AGREEMENT).variable("in", Map.of("clientId", id, "projectId", p,
                            "what", "Weekly call", "ownerSide", "AGENCY")).execute()
                            .path("createAgreement.userErrors").entityList(Object.class).hasSize(0);
                });
        return counter.fewest(() -> owner.document(query).execute()
                .path("clients.totalCount").entity(Long.class).isEqualTo((long) clientCount)
                .path("clients.nodes[*].interactions.nodes[*].date").entityList(String.class).hasSize(2 * clientCount)
                .path("clients.nodes[*].commitments[*].project.name").entityList(String.class).hasSize(clientCount)
                .path("clients.nodes[*].relationship.health.score").entityList(Integer.class).hasSize(clientCount));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Project project(Tenants.Tenant agency, Client owner, String name) {
        return projects.create(agency.owner(), owner.id(), new ProjectDraft(name, null, LocalDate.of(2026, 1, 5), null,
                null, Money.of(1_000_000, "EUR"), null)).block(Duration.ofSeconds(5));
    }

    static Map<String, Object> interactionInput(String client, String date, Integer agencyEnergy, Integer clientEnergy,
                                                boolean internal, String summary) {
        Map<String, Object> input = new HashMap<>(Map.of("clientId", client, "date", date, "kind", "MEETING",
                "summary", summary, "internal", internal, "agencyParticipants", List.of("Léa"),
                "clientParticipants", List.of("Sophie")));
        if (agencyEnergy != null) {
            input.put("agencyEnergy", agencyEnergy);
        }
        if (clientEnergy != null) {
            input.put("clientEnergy", clientEnergy);
        }
        return input;
    }

    static String interaction(HttpGraphQlTester as, String client, String date, Integer agencyEnergy,
                              Integer clientEnergy, boolean internal, String summary) {
        return as.document(CREATE_INTERACTION)
                .variable("in", interactionInput(client, date, agencyEnergy, clientEnergy, internal, summary)).execute()
                .path("createInteraction.userErrors").entityList(Object.class).hasSize(0)
                .path("createInteraction.interaction.id").entity(String.class).get();
    }

    static Map<String, Object> commitmentInput(String client, String project, String kind, String title, String due,
                                               String delivered) {
        Map<String, Object> input = new HashMap<>(Map.of("clientId", client, "projectId", project, "kind", kind,
                "title", title, "dueDate", due));
        if (delivered != null) {
            input.put("deliveredDate", delivered);
        }
        return input;
    }

    private String commitment(String client, String project, String kind, String title, LocalDate due,
                              LocalDate delivered) {
        return commitment(lead, client, project, kind, title, due, delivered);
    }

    static String commitment(HttpGraphQlTester as, String client, String project, String kind, String title,
                             LocalDate due, LocalDate delivered) {
        return as.document(CREATE_COMMITMENT).variable("in", commitmentInput(client, project, kind, title,
                        due.toString(), delivered == null ? null : delivered.toString())).execute()
                .path("createCommitment.userErrors").entityList(Object.class).hasSize(0)
                .path("createCommitment.commitment.id").entity(String.class).get();
    }

    static Map<String, Object> strength(String domain, int agency, int client, String lead) {
        return Map.of("domain", domain, "agency", agency, "client", client, "lead", lead);
    }

    static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(input);
        copy.put(key, value);
        return copy;
    }

    private void assertInteractionError(Map<String, Object> input, String field, String code) {
        lead.document(CREATE_INTERACTION).variable("in", input).execute()
                .path("createInteraction.interaction").valueIsNull()
                .path("createInteraction.userErrors[0].field").entityList(String.class)
                .containsExactly(field.split("\\."))
                .path("createInteraction.userErrors[0].code").entity(String.class).isEqualTo(code);
    }

    private void assertCommitmentError(Map<String, Object> input, String field, String code) {
        lead.document(CREATE_COMMITMENT).variable("in", input).execute()
                .path("createCommitment.commitment").valueIsNull()
                .path("createCommitment.userErrors[0].field").entityList(String.class).containsExactly(field)
                .path("createCommitment.userErrors[0].code").entity(String.class).isEqualTo(code);
    }
}
