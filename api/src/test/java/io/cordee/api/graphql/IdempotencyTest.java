package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} end to end. {@code recordPayment} has no version in its input, so sending it
 * twice without a key records two payments — the control that shows each key test can fail. The invoice:
 * a 100 % deposit of the project's 30,000.00 fee, issued.
 */
@ApiTest
class IdempotencyTest {

    static final String PAY = """
            mutation($in: RecordPaymentInput!) { recordPayment(input: $in) {
              invoice { id paid { amount } balanceDue { amount } version } userErrors { field message code } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;
    @LocalServerPort
    int port;

    Tenants.Tenant tenant;
    String financeToken;
    String invoice;

    @BeforeEach
    void anIssuedInvoice() {
        tenant = tenants.create("Idempotent Agency");
        financeToken = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        invoice = issuedInvoice(tenants.withToken(financeToken), tenant);
    }

    @Test
    void theSamePaymentSentTwiceWithOneKeyIsRecordedOnceAndAnsweredTheSame() {
        String key = "pay-" + UUID.randomUUID();
        Answer first = post(financeToken, key, PAY, payment(100_000, "2026-07-05"));
        Answer retry = post(financeToken, key, PAY, payment(100_000, "2026-07-05"));

        // 30,000.00 − 1,000.00 = 29,000.00 due, once
        assertThat(first.body()).contains("\"balanceDue\":{\"amount\":\"29000.00\"}").doesNotContain("errors");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(first.replayed()).isNull();
        assertThat(retry.replayed()).isEqualTo("true");
        assertThat(payments()).isEqualTo(1);

        // control: without a key the same request is done again (29,000.00 − 1,000.00 = 28,000.00)
        assertThat(post(financeToken, null, PAY, payment(100_000, "2026-07-05")).body())
                .contains("\"balanceDue\":{\"amount\":\"28000.00\"}");
        assertThat(payments()).isEqualTo(2);
    }

    @Test
    void tenConcurrentRequestsWithOneKeyRecordOnePaymentAndAllGetItsAnswer() {
        String key = "pay-" + UUID.randomUUID();
        WebClient client = WebClient.create("http://localhost:" + port);
        List<Answer> answers = Flux.range(0, 10)
                .flatMap(i -> client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                        .cookie("CORDEE_SESSION", financeToken).header("Idempotency-Key", key)
                        .bodyValue(Map.of("query", PAY, "variables", payment(100_000, "2026-07-05")))
                        .exchangeToMono(response -> response.bodyToMono(String.class).map(body -> new Answer(body,
                                response.headers().asHttpHeaders().getFirst("Idempotent-Replayed")))), 10)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(answers).hasSize(10);
        String first = answers.get(0).body();
        assertThat(first).contains("\"balanceDue\":{\"amount\":\"29000.00\"}").doesNotContain("errors");
        assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).isEqualTo(first));
        // one did the work, nine were answered from its stored response
        assertThat(answers).filteredOn(answer -> answer.replayed() == null).hasSize(1);
        assertThat(payments()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndWritesNothing() {
        String key = "pay-" + UUID.randomUUID();
        post(financeToken, key, PAY, payment(100_000, "2026-07-05"));

        Answer otherAmount = post(financeToken, key, PAY, payment(200_000, "2026-07-05"));
        assertThat(otherAmount.body()).contains("\"code\":\"IDEMPOTENCY_KEY_REUSED\"")
                .contains("used within the last 24 h for a different request").doesNotContain("\"data\"");
        // the same request from another user of the agency is another request too: never someone else's answer
        String ownerToken = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        assertThat(post(ownerToken, key, PAY, payment(100_000, "2026-07-05")).body())
                .contains("\"code\":\"IDEMPOTENCY_KEY_REUSED\"");
        assertThat(payments()).isEqualTo(1);
    }

    @Test
    void aFailedAttemptKeepsNoKeySoItsCorrectedRetryRuns() {
        String key = "pay-" + UUID.randomUUID();
        // 40,000.00 on a 30,000.00 balance: refused, nothing kept — not even the key
        assertThat(post(financeToken, key, PAY, payment(4_000_000, "2026-07-05")).body())
                .contains("\"code\":\"OUT_OF_RANGE\"");
        assertThat(keys()).isZero();
        Answer corrected = post(financeToken, key, PAY, payment(3_000_000, "2026-07-05"));
        assertThat(corrected.body()).contains("\"balanceDue\":{\"amount\":\"0.00\"}");
        assertThat(corrected.replayed()).isNull();
        assertThat(payments()).isEqualTo(1);
    }

    @Test
    void theSameKeyInTwoAgenciesIsTwoKeys() {
        Tenants.Tenant other = tenants.create("Other Idempotent Agency");
        String otherToken = tenants.signIn(other.email(Role.FINANCE), Tenants.PASSWORD);
        String otherInvoice = issuedInvoice(tenants.withToken(otherToken), other);
        String key = "shared-" + UUID.randomUUID();

        Answer mine = post(financeToken, key, PAY, payment(100_000, "2026-07-05"));
        Answer theirs = post(otherToken, key, PAY, Map.of("in", Map.of("invoiceId", otherInvoice,
                "amount", Map.of("amountMinor", 100_000), "receivedOn", "2026-07-05")));

        assertThat(theirs.replayed()).isNull();
        assertThat(theirs.body()).contains(otherInvoice).doesNotContain(invoice).doesNotContain("errors");
        assertThat(mine.body()).contains(invoice);
        assertThat(payments()).isEqualTo(1);
        assertThat(db.sql("SELECT count(*) FROM payment WHERE agency_id = :a").bind("a", other.agencyId().value())
                .mapValue(Long.class).one().block()).isEqualTo(1L);
    }

    @Test
    void anInvalidKeyIsRefusedBeforeAnyWorkAndAKeyOnAQueryIsIgnored() {
        assertThat(post(financeToken, "no spaces allowed", PAY, payment(100_000, "2026-07-05")).body())
                .contains("\"code\":\"IDEMPOTENCY_KEY_INVALID\"").contains("may only contain letters, digits");
        assertThat(post(financeToken, "k".repeat(256), PAY, payment(100_000, "2026-07-05")).body())
                .contains("\"code\":\"IDEMPOTENCY_KEY_INVALID\"").contains("at most 255 characters (got 256)");
        assertThat(payments()).isZero();

        String query = "query($id: ID!) { node(id: $id) { id } }";
        String key = "read-" + UUID.randomUUID();
        assertThat(post(financeToken, key, query, Map.of("id", invoice)).body()).contains(invoice);
        assertThat(post(financeToken, key, query, Map.of("id", invoice)).replayed()).isNull();
        assertThat(keys()).isZero();
    }

    static String issuedInvoice(HttpGraphQlTester finance, Tenants.Tenant tenant) {
        String project = finance.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Site", startDate: "2026-06-01",
                          launchDate: "2026-08-31", feeBudget: {amountMinor: 3000000}}) { project { id } } }""")
                .variable("c", GlobalId.of("Client", tenant.ownClient().id().value())).execute()
                .path("createProject.project.id").entity(String.class).get();
        finance.document("mutation($p: ID!) { setBillingPlan(input: {projectId: $p, depositPercent: 100}) { userErrors { code } } }")
                .variable("p", project).execute().path("setBillingPlan.userErrors").entityList(Object.class).hasSize(0);
        String invoice = finance.document("query($p: ID!) { invoices(projectId: $p, first: 5) { nodes { id } } }")
                .variable("p", project).execute().path("invoices.nodes[0].id").entity(String.class).get();
        finance.document("mutation($id: ID!) { issueInvoice(input: {id: $id, version: 0, issueDate: \"2026-06-01\"}) { userErrors { code } } }")
                .variable("id", invoice).execute().path("issueInvoice.userErrors").entityList(Object.class).hasSize(0);
        return invoice;
    }

    private Map<String, Object> payment(long amountMinor, String receivedOn) {
        return Map.of("in", Map.of("invoiceId", invoice, "amount", Map.of("amountMinor", amountMinor),
                "receivedOn", receivedOn));
    }

    record Answer(String body, String replayed) {
    }

    private Answer post(String token, String key, String query, Map<String, Object> variables) {
        WebClient.RequestBodySpec request = WebClient.create("http://localhost:" + port).post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON).cookie("CORDEE_SESSION", token);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.bodyValue(Map.of("query", query, "variables", variables))
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .map(body -> new Answer(body, response.headers().asHttpHeaders().getFirst("Idempotent-Replayed"))))
                .block(Duration.ofSeconds(20));
    }

    private long payments() {
        return db.sql("SELECT count(*) FROM payment WHERE agency_id = :a").bind("a", tenant.agencyId().value())
                .mapValue(Long.class).one().block();
    }

    private long keys() {
        return db.sql("SELECT count(*) FROM idempotency_key WHERE agency_id = :a").bind("a", tenant.agencyId().value())
                .mapValue(Long.class).one().block();
    }
}
