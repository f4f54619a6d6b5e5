package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;

/**
 * The audit trail end to end: what a money change, a date change and a brief sign-off record, who reads
 * what, and that nothing is recorded for a write that was rolled back. The invoice: a 100 % deposit of
 * the project's 30,000.00 fee, issued (see {@link IdempotencyTest#issuedInvoice}).
 */
@ApiTest
class AuditTrailTest {

    static final String TRAIL = """
            query($op: String, $entity: ID) { auditTrail(first: 100, operation: $op, entityId: $entity) { totalCount
              nodes { recordedAt requestId operation entityType entityId record action actor { userId name tokenId }
                changes { field oldValue newValue } } } }""";
    static final String PAY = """
            mutation($in: RecordPaymentInput!) { recordPayment(input: $in) { invoice { id } userErrors { code } } }""";

    @Autowired
    Tenants tenants;

    Tenants.Tenant tenant;
    HttpGraphQlTester owner;
    HttpGraphQlTester finance;
    String invoice;

    @BeforeEach
    void anIssuedInvoice() {
        tenant = tenants.create("Audited Agency");
        owner = tenants.as(tenant, Role.OWNER);
        finance = tenants.as(tenant, Role.FINANCE);
        invoice = IdempotencyTest.issuedInvoice(finance, tenant);
    }

    @Test
    void aPaymentRecordsTheMoneyOldToNewAndWhoWithOneRequestId() {
        finance.document(PAY).variable("in", payment(100_000)).execute()
                .path("recordPayment.userErrors").entityList(Object.class).hasSize(0);

        List<Map<String, Object>> entries = trail(owner, "recordPayment", null);
        // one insert into payment and one update of the invoice's paid amount, both on the Invoice entity
        assertThat(entries).extracting(e -> e.get("record")).containsExactlyInAnyOrder("payment", "invoice");
        assertThat(entries).extracting(e -> e.get("entityId")).containsOnly(invoice);
        assertThat(entries).extracting(e -> e.get("entityType")).containsOnly("Invoice");
        assertThat(entries).extracting(e -> e.get("requestId")).doesNotContainNull().hasSize(2)
                .satisfies(ids -> assertThat(ids.get(0)).isEqualTo(ids.get(1)));
        assertThat(entries).extracting(e -> (Object) ((Map<?, ?>) e.get("actor")).get("name")).containsOnly("FINANCE user");
        assertThat(entries).extracting(e -> (Object) ((Map<?, ?>) e.get("actor")).get("userId"))
                .containsOnly(finance.document("query { viewer { user { id } } }").execute()
                        .path("viewer.user.id").entity(String.class).get());

        Map<String, Object> payment = only(entries, "payment");
        assertThat(payment.get("action")).isEqualTo("INSERT");
        assertThat(change(payment, "amount_minor")).containsExactly(null, "100000");
        assertThat(change(payment, "received_on")).containsExactly(null, "2026-07-05");
        Map<String, Object> invoiceUpdate = only(entries, "invoice");
        assertThat(invoiceUpdate.get("action")).isEqualTo("UPDATE");
        // 0.00 paid → 1,000.00 paid; the status stays ISSUED, so it is not among the changes
        assertThat(change(invoiceUpdate, "paid_minor")).containsExactly("0", "100000");
        assertThat(fields(invoiceUpdate)).containsExactly("paid_minor");
    }

    @Test
    void aWriteThroughAnApiTokenNamesTheTokenAndItsCreator() {
        String token = owner.document("""
                        mutation { createApiToken(input: {name: "Accounting sync", access: READ_WRITE, areas: [BILLING]}) {
                          token apiToken { id } userErrors { code } } }""").execute()
                .path("createApiToken.token").entity(String.class).get();
        String tokenId = owner.document("{ apiTokens(first: 10) { nodes { id name } } }").execute()
                .path("apiTokens.nodes[0].id").entity(String.class).get();
        HttpGraphQlTester accounting = tenants.anonymous().mutate()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
        accounting.document(PAY).variable("in", payment(50_000)).execute()
                .path("recordPayment.userErrors").entityList(Object.class).hasSize(0);

        List<Map<String, Object>> entries = trail(owner, "recordPayment", null);
        assertThat(entries).extracting(e -> e.get("record")).containsExactlyInAnyOrder("payment", "invoice");
        // the token acts as the OWNER who created it: both are named
        assertThat(entries).extracting(e -> (Object) ((Map<?, ?>) e.get("actor")).get("tokenId")).containsOnly(tokenId);
        assertThat(entries).extracting(e -> (Object) ((Map<?, ?>) e.get("actor")).get("name")).containsOnly("OWNER user");
        assertThat(change(only(entries, "invoice"), "paid_minor")).containsExactly("0", "50000");
    }

    @Test
    void aDateChangeRecordsTheOldAndNewDate() {
        String project = owner.document("query($id: ID!) { node(id: $id) { ... on Invoice { project { id version } } } }")
                .variable("id", invoice).execute().path("node.project.id").entity(String.class).get();
        finance.document("""
                        mutation($id: ID!) { updateProject(input: {id: $id, version: 0, launchDate: "2026-09-30"}) {
                          project { launchDate } userErrors { code message } } }""")
                .variable("id", project).execute()
                .path("updateProject.userErrors").entityList(Object.class).hasSize(0);

        Map<String, Object> update = only(trail(owner, "updateProject", project), "project");
        assertThat(update.get("entityType")).isEqualTo("Project");
        assertThat(change(update, "launch_date")).containsExactly("2026-08-31", "2026-09-30");
        assertThat(fields(update)).containsExactly("launch_date");
    }

    @Test
    void briefSignOffsAreRecordedAndTheClientUserReadsOnlyTheirOwnBriefsSignOffs() {
        HttpGraphQlTester lead = tenants.as(tenant, Role.LEAD);
        HttpGraphQlTester client = tenants.as(tenant, Role.CLIENT);
        String project = owner.document("query($id: ID!) { node(id: $id) { ... on Invoice { project { id } } } }")
                .variable("id", invoice).execute().path("node.project.id").entity(String.class).get();
        String version = createBrief(lead, project);
        sign(lead, version, 0);
        sign(client, version, 0);
        // another client's brief, signed by the agency: the client user must not see it
        String otherClient = owner.document("mutation { createClient(input: {name: \"Other\", segment: SME}) { client { id } } }")
                .execute().path("createClient.client.id").entity(String.class).get();
        String otherProject = owner.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Other site", startDate: "2026-06-01",
                          feeBudget: {amountMinor: 100000}}) { project { id } } }""")
                .variable("c", otherClient).execute().path("createProject.project.id").entity(String.class).get();
        sign(lead, createBrief(lead, otherProject), 0);

        List<Map<String, Object>> signOffs = trail(owner, "signBriefVersion", null);
        assertThat(signOffs).extracting(e -> e.get("record")).contains("brief_signature");
        List<Map<String, Object>> signatures = signOffs.stream().filter(e -> "brief_signature".equals(e.get("record")))
                .toList();
        assertThat(signatures).hasSize(3);
        Map<String, Object> clientSignature = signatures.stream()
                .filter(e -> "CLIENT".equals(change(e, "party").get(1))).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) clientSignature.get("actor")).get("name")).isEqualTo("CLIENT user");
        assertThat(clientSignature.get("entityId")).isEqualTo(version);
        assertThat(change(clientSignature, "signer_name")).containsExactly(null, "CLIENT user");

        // the client user: the two sign-offs of their own brief, and nothing else of the trail
        List<Map<String, Object>> seenByClient = trail(client, null, null);
        assertThat(seenByClient).hasSize(2);
        assertThat(seenByClient).extracting(e -> e.get("record")).containsOnly("brief_signature");
        assertThat(seenByClient).extracting(e -> e.get("entityId")).containsOnly(version);
        assertThat(trail(client, "recordPayment", null)).isEmpty();
    }

    @Test
    void financeAndLeadAreRefusedAndAnotherAgencySeesNothing() {
        finance.document(PAY).variable("in", payment(100_000)).execute();
        for (Role role : List.of(Role.FINANCE, Role.LEAD)) {
            tenants.as(tenant, role).document(TRAIL).execute().errors().satisfy(errors -> assertThat(errors)
                    .anySatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        }
        assertThat(trail(owner, null, null)).isNotEmpty();

        Tenants.Tenant other = tenants.create("Other Audited Agency");
        HttpGraphQlTester otherOwner = tenants.as(other, Role.OWNER);
        otherOwner.document(TRAIL).execute().path("auditTrail.totalCount").entity(Long.class).isEqualTo(0L);
        otherOwner.document(TRAIL).variable("entity", invoice).execute()
                .path("auditTrail.totalCount").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void aRolledBackMutationLeavesNoAuditEntry() {
        long before = total();
        // 40,000.00 on a 30,000.00 balance: a user error, nothing written
        finance.document(PAY).variable("in", payment(4_000_000)).execute()
                .path("recordPayment.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        assertThat(total()).isEqualTo(before);

        // two payments in one request, the second too large: one transaction, so the first is rolled back too
        finance.document("""
                        mutation($ok: RecordPaymentInput!, $tooMuch: RecordPaymentInput!) {
                          ok: recordPayment(input: $ok) { userErrors { code } }
                          tooMuch: recordPayment(input: $tooMuch) { userErrors { code } } }""")
                .variable("ok", payment(100_000)).variable("tooMuch", payment(4_000_000)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "MUTATION_ROLLED_BACK")))
                .path("tooMuch.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        assertThat(total()).isEqualTo(before);
        owner.document("query($id: ID!) { node(id: $id) { ... on Invoice { paid { amount } } } }")
                .variable("id", invoice).execute().path("node.paid.amount").entity(String.class).isEqualTo("0.00");
    }

    private long total() {
        return owner.document(TRAIL).execute().path("auditTrail.totalCount").entity(Long.class).get();
    }

    private static String createBrief(HttpGraphQlTester lead, String project) {
        return lead.document(BriefTest.CREATE).variable("in", Map.of("projectId", project, "title", "Refonte",
                        "requirements", List.of(BriefTest.requirement("Catalogue", "MUST", "10")))).execute()
                .path("createBrief.brief.currentVersion.id").entity(String.class).get();
    }

    private static void sign(HttpGraphQlTester as, String version, long expected) {
        as.document(BriefTest.SIGN).variable("id", version).variable("v", expected).execute()
                .path("signBriefVersion.userErrors").entityList(Object.class).hasSize(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> trail(HttpGraphQlTester as, String operation, String entity) {
        return as.document(TRAIL).variable("op", operation).variable("entity", entity).execute()
                .path("auditTrail.nodes").entity(List.class).get();
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries, String record) {
        List<Map<String, Object>> matching = entries.stream().filter(e -> record.equals(e.get("record"))).toList();
        assertThat(matching).as("entries of " + record).hasSize(1);
        return matching.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> entry) {
        return ((List<Map<String, Object>>) entry.get("changes")).stream().map(c -> (String) c.get("field")).toList();
    }

    /** [old, new] of {@code field}. */
    @SuppressWarnings("unchecked")
    private static List<String> change(Map<String, Object> entry, String field) {
        Map<String, Object> c = ((List<Map<String, Object>>) entry.get("changes")).stream()
                .filter(x -> field.equals(x.get("field"))).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + field + " in " + entry));
        return java.util.Arrays.asList((String) c.get("oldValue"), (String) c.get("newValue"));
    }

    private Map<String, Object> payment(long amountMinor) {
        return Map.of("invoiceId", invoice, "amount", Map.of("amountMinor", amountMinor), "receivedOn", "2026-07-05");
    }
}
