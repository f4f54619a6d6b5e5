package io.cordee.api.graphql;

import static io.cordee.api.graphql.RelationshipSecurityTest.project;
import static io.cordee.api.graphql.RelationshipTest.CREATE_AGREEMENT;
import static io.cordee.api.graphql.RelationshipTest.commitment;
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
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Issue 19 point 3 (ADR 0064): a CLIENT user marks its own commitments delivered with a comment and
 * comments on its agreements; the agency reads them as the client's {@code relationshipComments}. Another
 * client's commitment or agreement, and another agency's, are NOT_FOUND and nothing is written; bad input
 * is a typed user error and changes nothing.
 */
@ApiTest
class RelationshipCommentsTest {

    static final String DELIVER = """
            mutation($id: ID!, $v: Long!, $d: Date!, $c: String) {
              recordCommitmentDelivery(input: {id: $id, version: $v, deliveredDate: $d, comment: $c}) {
                commitment { id deliveredDate version } userErrors { field code message } } }""";
    static final String COMMENT = """
            mutation($id: ID!, $b: String!) { commentOnAgreement(input: {agreementId: $id, body: $b}) {
              comment { id side body delivery createdAt agreementId commitmentId } userErrors { field code } } }""";
    static final String TIMELINE = """
            query($c: ID!) { client(id: $c) { commitments { id deliveredDate version }
              relationshipComments { side body delivery agreementId commitmentId } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    TestClock clock;

    static Tenants.Tenant a;
    static Tenants.Tenant b;
    static String x;
    static String xProject;
    static String y;
    static String yProject;
    static String yAgreement;
    static String bClient;
    static String bProject;
    static String bAgreement;

    @BeforeAll
    static void seed(@Autowired Tenants tenants) {
        a = tenants.create("Comments A");
        b = tenants.create("Comments B");
        HttpGraphQlTester aOwner = tenants.as(a, Role.OWNER);
        x = io.cordee.api.graphql.common.GlobalId.of("Client", a.ownClient().id().value());
        xProject = project(aOwner, x, "X site");
        y = aOwner.document("mutation { createClient(input: {name: \"Y Client\", segment: SME}) { client { id } } }")
                .execute().path("createClient.client.id").entity(String.class).get();
        yProject = project(aOwner, y, "Y site");
        yAgreement = agreement(aOwner, y, "Y plan");
        HttpGraphQlTester bOwner = tenants.as(b, Role.OWNER);
        bClient = io.cordee.api.graphql.common.GlobalId.of("Client", b.ownClient().id().value());
        bProject = project(bOwner, bClient, "B site");
        bAgreement = agreement(bOwner, bClient, "B plan");
    }

    @Test
    void aClientContactMarksItsCommitmentDeliveredWithACommentAndTheLeadReadsIt() {
        LocalDate today = clock.todayInParis();
        String texts = commitment(tenants.as(a, Role.LEAD), x, xProject, "CONTENT", "Home page texts",
                today.plusDays(5), null);
        tenants.as(a, Role.CLIENT).document(DELIVER).variable("id", texts).variable("v", 0).variable("d", today.toString())
                .variable("c", "  In the shared folder, v2  ").execute()
                .path("recordCommitmentDelivery.userErrors").entityList(Object.class).hasSize(0)
                .path("recordCommitmentDelivery.commitment.deliveredDate").entity(String.class).isEqualTo(today.toString())
                .path("recordCommitmentDelivery.commitment.version").entity(Long.class).isEqualTo(1L);
        // the lead sees the delivery and the comment (stripped), written by the client's side
        List<Map<String, Object>> comments = tenants.as(a, Role.LEAD).document(TIMELINE).variable("c", x).execute()
                .path("client.relationshipComments").entityList(Object.class).get().stream()
                .map(o -> (Map<String, Object>) o).filter(m -> texts.equals(m.get("commitmentId"))).toList();
        assertThat(comments).singleElement().satisfies(m -> {
            assertThat(m.get("side")).isEqualTo("CLIENT");
            assertThat(m.get("body")).isEqualTo("In the shared folder, v2");
            assertThat(m.get("delivery")).isEqualTo(true);
        });
    }

    @Test
    void aClientContactCommentsOnItsAgreementAndTheLeadToo() {
        String weekly = agreement(tenants.as(a, Role.LEAD), x, "Weekly call on Tuesdays");
        tenants.as(a, Role.CLIENT).document(COMMENT).variable("id", weekly).variable("b", "Can we move it to Wednesday?")
                .execute()
                .path("commentOnAgreement.userErrors").entityList(Object.class).hasSize(0)
                .path("commentOnAgreement.comment.side").entity(String.class).isEqualTo("CLIENT")
                .path("commentOnAgreement.comment.agreementId").entity(String.class).isEqualTo(weekly)
                .path("commentOnAgreement.comment.delivery").entity(Boolean.class).isEqualTo(false);
        tenants.as(a, Role.LEAD).document(COMMENT).variable("id", weekly).variable("b", "Wednesday 10:00 it is").execute()
                .path("commentOnAgreement.comment.side").entity(String.class).isEqualTo("AGENCY");
        // both in the timeline; the client contact sees the agency's answer too
        tenants.as(a, Role.CLIENT).document(TIMELINE).variable("c", x).execute()
                .path("client.relationshipComments[?(@.agreementId == '" + weekly + "')].body").entityList(String.class)
                .satisfies(bodies -> assertThat(bodies).containsExactlyInAnyOrder("Can we move it to Wednesday?",
                        "Wednesday 10:00 it is"));
    }

    @Test
    void aClientContactCannotTouchAnotherClientsCommitmentOrAgreement() {
        LocalDate today = clock.todayInParis();
        String yPhotos = commitment(tenants.as(a, Role.OWNER), y, yProject, "ASSETS", "Y photos", today.plusDays(3), null);
        HttpGraphQlTester xContact = tenants.as(a, Role.CLIENT);
        xContact.document(DELIVER).variable("id", yPhotos).variable("v", 0).variable("d", today.toString())
                .variable("c", "Not mine").execute()
                .path("recordCommitmentDelivery.commitment").valueIsNull()
                .path("recordCommitmentDelivery.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        xContact.document(COMMENT).variable("id", yAgreement).variable("b", "Not mine either").execute()
                .path("commentOnAgreement.comment").valueIsNull()
                .path("commentOnAgreement.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // nothing written: Y's commitment undelivered at version 0, no comment on Y
        tenants.as(a, Role.OWNER).document(TIMELINE).variable("c", y).execute()
                .path("client.commitments[?(@.id == '" + yPhotos + "')].deliveredDate").entityList(Object.class)
                .satisfies(d -> assertThat(d).containsExactly((Object) null))
                .path("client.commitments[?(@.id == '" + yPhotos + "')].version").entityList(Long.class).containsExactly(0L)
                .path("client.relationshipComments").entityList(Object.class).hasSize(0);
        // and Y's comments are never listed to X's contact
        xContact.document("{ clients(first: 100) { nodes { relationshipComments { body } } } }").execute()
                .path("clients.nodes[*].relationshipComments[*].body").entityList(String.class)
                .satisfies(bodies -> assertThat(bodies).doesNotContain("Not mine", "Not mine either"));
    }

    @Test
    void anotherAgencysCommitmentsAndAgreementsAreNotFoundAndUntouched() {
        LocalDate today = clock.todayInParis();
        String bFeedback = commitment(tenants.as(b, Role.OWNER), bClient, bProject, "FEEDBACK", "B feedback",
                today.plusDays(2), null);
        HttpGraphQlTester aOwner = tenants.as(a, Role.OWNER);
        aOwner.document(DELIVER).variable("id", bFeedback).variable("v", 0).variable("d", today.toString())
                .variable("c", "Hijack").execute()
                .path("recordCommitmentDelivery.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        aOwner.document(COMMENT).variable("id", bAgreement).variable("b", "Hijack").execute()
                .path("commentOnAgreement.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        tenants.as(b, Role.OWNER).document(TIMELINE).variable("c", bClient).execute()
                .path("client.commitments[?(@.id == '" + bFeedback + "')].version").entityList(Long.class).containsExactly(0L)
                .path("client.relationshipComments").entityList(Object.class).hasSize(0);
    }

    @Test
    void badInputIsATypedErrorAndChangesNothing() {
        LocalDate today = clock.todayInParis();
        String approval = commitment(tenants.as(a, Role.LEAD), x, xProject, "APPROVAL", "Mock-ups approval",
                today.plusDays(1), null);
        String plan = agreement(tenants.as(a, Role.LEAD), x, "Share the roadmap");
        HttpGraphQlTester contact = tenants.as(a, Role.CLIENT);
        // 2,001 characters: one over the limit
        contact.document(DELIVER).variable("id", approval).variable("v", 0).variable("d", today.toString())
                .variable("c", "a".repeat(2_001)).execute()
                .path("recordCommitmentDelivery.userErrors[0].field").entityList(String.class).containsExactly("comment")
                .path("recordCommitmentDelivery.userErrors[0].code").entity(String.class).isEqualTo("TOO_LONG");
        // tomorrow: not delivered yet
        contact.document(DELIVER).variable("id", approval).variable("v", 0).variable("d", today.plusDays(1).toString())
                .variable("c", "Early").execute()
                .path("recordCommitmentDelivery.userErrors[0].field").entityList(String.class).containsExactly("deliveredDate")
                .path("recordCommitmentDelivery.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        contact.document(COMMENT).variable("id", plan).variable("b", "   ").execute()
                .path("commentOnAgreement.userErrors[0].field").entityList(String.class).containsExactly("body")
                .path("commentOnAgreement.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED");
        // a stale version: the lead delivered it meanwhile; the client's write is refused, no comment lands
        tenants.as(a, Role.LEAD).document(DELIVER).variable("id", approval).variable("v", 0).variable("d", today.toString())
                .execute().path("recordCommitmentDelivery.commitment.version").entity(Long.class).isEqualTo(1L);
        contact.document(DELIVER).variable("id", approval).variable("v", 0).variable("d", today.toString())
                .variable("c", "Stale").execute()
                .path("recordCommitmentDelivery.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        tenants.as(a, Role.LEAD).document(TIMELINE).variable("c", x).execute()
                .path("client.commitments[?(@.id == '" + approval + "')].version").entityList(Long.class).containsExactly(1L)
                .path("client.relationshipComments[?(@.commitmentId == '" + approval + "')]").entityList(Object.class).hasSize(0)
                .path("client.relationshipComments[?(@.agreementId == '" + plan + "')]").entityList(Object.class).hasSize(0);
    }

    private static String agreement(HttpGraphQlTester as, String client, String what) {
        return as.document(CREATE_AGREEMENT).variable("in", Map.of("clientId", client, "what", what, "ownerSide", "AGENCY"))
                .execute().path("createAgreement.agreement.id").entity(String.class).get();
    }
}
