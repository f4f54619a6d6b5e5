package io.cordee.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordee.CordeeApplication;
import io.cordee.api.alert.AlertNotifications;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * PostgreSQL goes away under a running application and comes back (ADR 18). The application has a
 * database of its own here ({@link FaultDatabase}), so stopping it disturbs no other test.
 *
 * <p>During the outage every request is answered within 2 s with the GraphQL error {@code UNAVAILABLE}
 * and HTTP 503 (whether the database is first needed by the session lookup or by a data fetcher), and
 * readiness is DOWN while liveness stays UP. When the server is back, the same session works again
 * without restarting anything, the alert listener listens again, and every write acknowledged before
 * the outage is there. A WebSocket open through the outage gets the same error for its operations, and
 * stays open with its subscription.
 */
@ExtendWith(FaultDatabase.class) // before the Spring extension: the database is up before the application
@SpringBootTest(classes = CordeeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "cordee.db.url=jdbc:postgresql://localhost:${" + FaultDatabase.PORT_PROPERTY + "}/cordee",
                "cordee.db.user=postgres",
                "cordee.db.password=",
                "cordee.demo-data.enabled=false"})
@AutoConfigureWebTestClient
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("test")
@Import(Tenants.class)
@DirtiesContext
class DatabaseFaultTest {

    private static final Duration FAIL_FAST = Duration.ofSeconds(2);
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final String CLIENTS = "{ clients(first: 100) { totalCount } }";
    private static final String CREATE = "mutation($in: CreateClientInput!) { createClient(input: $in) { client { id } userErrors { code } } }";

    @Autowired
    WebTestClient web;
    @Autowired
    Tenants tenants;
    @Autowired
    AlertNotifications alertNotifications;
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void requestsFailFastDuringAnOutageAndServiceComesBackWithEveryAcknowledgedWrite() throws Exception {
        Tenants.Tenant tenant = tenants.create("Fault Agency");
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        WebTestClient owner = web.mutate().defaultCookie("CORDEE_SESSION", session)
                .responseTimeout(Duration.ofSeconds(30)).build();
        awaitListening(true);

        // 20 writes acknowledged before the outage (+ the tenant's "Own Client" = 21 clients).
        int acknowledged = 0;
        for (int i = 0; i < 20; i++) {
            JsonNode created = graphQl(owner, CREATE, Map.of("in", Map.of("name", "Client " + i, "segment", "SME")))
                    .path("data").path("createClient").path("client").path("id");
            assertThat(created.isString()).as("client %d acknowledged", i).isTrue();
            acknowledged++;
        }
        assertThat(totalClients(owner)).isEqualTo(acknowledged + 1);
        expectStatus(web, "/readyz", HttpStatus.OK, "UP");

        // a WebSocket open before the outage, with a subscription (ADR 22: its operations are re-checked)
        WebSocketGraphQlClient socket = WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql",
                new ReactorNettyWebSocketClient()).headers(h -> h.add(HttpHeaders.COOKIE, "CORDEE_SESSION=" + session))
                .build();
        CompletableFuture<Object> subscriptionEnded = new CompletableFuture<>();
        Disposable subscription = socket.document("subscription { alertChanged { type } }")
                .retrieveSubscription("alertChanged").toEntity(Map.class)
                .subscribe(e -> { }, subscriptionEnded::complete, () -> subscriptionEnded.complete("completed"));
        await("the subscription held by the server").atMost(Duration.ofSeconds(30))
                .until(() -> alertNotifications.subscriberCount() > 0);

        FaultDatabase.stop();
        List<String> timings = new ArrayList<>();

        // the session lookup needs the database: answered before GraphQL runs
        timings.add(unavailable("signed-in query", owner, CLIENTS, Map.of()));
        timings.add(unavailable("signed-in mutation", owner, CREATE, Map.of("in", Map.of("name", "Lost", "segment", "SME"))));
        // no session: the data fetcher (signIn) is the first to need the database
        timings.add(unavailable("anonymous signIn", web, "mutation { signIn(input: {email: \"x@y.example\", password: \"pw\"}) { userErrors { code } } }", Map.of()));
        for (int i = 0; i < 5; i++) {
            timings.add(unavailable("signed-in query #" + (i + 2), owner, CLIENTS, Map.of()));
        }
        long started = System.nanoTime();
        expectStatus(web, "/readyz", HttpStatus.SERVICE_UNAVAILABLE, "DOWN");
        // which component is down: on the management port only
        JsonNode health = expectStatus(management(), "/actuator/health", HttpStatus.SERVICE_UNAVAILABLE, "DOWN");
        assertThat(health.path("components").path("r2dbc").path("status").asString()).isEqualTo("DOWN");
        timings.add("readiness DOWN in " + millis(started) + " ms");
        expectStatus(web, "/livez", HttpStatus.OK, "UP");
        awaitListening(false); // its connection was cut too
        // an outage of a few seconds, so that the listener's reconnection backoff has grown as it would
        Thread.sleep(OUTAGE.toMillis());
        timings.add(unavailable("signed-in query after " + OUTAGE.toSeconds() + " s", owner, CLIENTS, Map.of()));
        System.out.println("[fault] during the outage: " + String.join("; ", timings));
        // over the socket: the same error, and the socket stays open
        ClientGraphQlResponse overSocket = socket.document(CLIENTS).execute().block(Duration.ofSeconds(10));
        assertThat(overSocket.getErrors()).extracting(e -> e.getExtensions().get("code")).containsExactly("UNAVAILABLE");

        FaultDatabase.start();
        long restarted = System.nanoTime();
        CompletableFuture<Long> listeningAgain = CompletableFuture.supplyAsync(() -> {
            while (!alertNotifications.isListening()) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            return millis(restarted);
        });
        // the same session, no application restart: retried until the pool has reconnected
        EntityExchangeResult<byte[]> back = await("a request succeeds again").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> post(owner, CLIENTS, Map.of()), result -> result.getStatus().is2xxSuccessful());
        int recovered = json.readTree(back.getResponseBodyContent()).path("data").path("clients").path("totalCount").asInt();
        System.out.println("[fault] first successful request " + millis(restarted) + " ms after PostgreSQL was back");
        assertThat(recovered).as("requests succeed again after the restart").isEqualTo(acknowledged + 1);
        expectStatus(web, "/readyz", HttpStatus.OK, "UP");

        // every acknowledged write is there, counted behind the application's back too
        try (Connection c = FaultDatabase.connect();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM client WHERE agency_id = ?")) {
            count.setObject(1, tenant.agencyId().value());
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(acknowledged + 1);
            }
        }
        // and new writes go through
        assertThat(graphQl(owner, CREATE, Map.of("in", Map.of("name", "After", "segment", "SME")))
                .path("data").path("createClient").path("client").path("id").isString()).isTrue();
        assertThat(totalClients(owner)).isEqualTo(acknowledged + 2);

        // the live-alert listener has its own connection: it reconnects by itself, within its backoff (at most 10 s)
        long listening = listeningAgain.get(20, TimeUnit.SECONDS);
        System.out.println("[fault] alert listener listening again " + listening + " ms after PostgreSQL was back");

        // the socket went through the outage open, its subscription too, and answers again
        assertThat(subscriptionEnded).as("the subscription of the socket open through the outage").isNotDone();
        assertThat(socket.document(CLIENTS).execute().block(Duration.ofSeconds(10)).field("clients.totalCount")
                .toEntity(Integer.class)).isEqualTo(acknowledged + 2);
        assertThat(subscriptionEnded).isNotDone();
        subscription.dispose();
        socket.stop().onErrorComplete().block(Duration.ofSeconds(10));
    }

    /** Posts {@code query} while the database is down: 503, UNAVAILABLE, no internals, within 2 s. */
    private String unavailable(String what, WebTestClient client, String query, Map<String, Object> variables) throws Exception {
        long started = System.nanoTime();
        EntityExchangeResult<byte[]> result = post(client, query, variables);
        long ms = millis(started);
        String body = new String(result.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(result.getStatus()).as("%s: %s", what, body).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(result.getResponseHeaders().getFirst("Retry-After")).isEqualTo("5");
        JsonNode error = json.readTree(body).path("errors").path(0);
        assertThat(error.path("extensions").path("code").asString()).as(what).isEqualTo("UNAVAILABLE");
        assertThat(error.path("message").asString()).isEqualTo(DatabaseUnavailable.MESSAGE);
        assertThat(body).doesNotContainIgnoringCase("exception").doesNotContain("r2dbc").doesNotContain("\tat ");
        assertThat(Duration.ofMillis(ms)).as("%s answered in %d ms", what, ms).isLessThan(FAIL_FAST);
        return what + " " + ms + " ms";
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }

    private JsonNode expectStatus(WebTestClient client, String path, HttpStatus status, String health) throws Exception {
        EntityExchangeResult<byte[]> result = client.get().uri(path).exchange().expectBody().returnResult();
        assertThat(result.getStatus()).as(path).isEqualTo(status);
        JsonNode body = json.readTree(result.getResponseBodyContent());
        assertThat(body.path("status").asString()).as(path).isEqualTo(health);
        return body;
    }

    private int totalClients(WebTestClient client) throws Exception {
        return graphQl(client, CLIENTS, Map.of()).path("data").path("clients").path("totalCount").asInt();
    }

    private JsonNode graphQl(WebTestClient client, String query, Map<String, Object> variables) throws Exception {
        EntityExchangeResult<byte[]> result = post(client, query, variables);
        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        return json.readTree(result.getResponseBodyContent());
    }

    private static EntityExchangeResult<byte[]> post(WebTestClient client, String query, Map<String, Object> variables) {
        return client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query, "variables", variables))
                .exchange().expectBody().returnResult();
    }

    private void awaitListening(boolean listening) {
        await("alert listener listening: " + listening).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> alertNotifications.isListening() == listening);
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
