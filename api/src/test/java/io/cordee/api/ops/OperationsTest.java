package io.cordee.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Probes, metrics and request ids on the running application (ADR 18, ADR 26). */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    WebTestClient web;
    @Autowired
    Tenants tenants;
    @Autowired
    LoggingSystem loggingSystem;
    @Autowired
    DatabaseClient db;
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    static String ownerSession;
    static String ownerEmail;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void signIn(@Autowired Tenants tenants) {
        Tenants.Tenant tenant = tenants.create("Operations Test Agency");
        ownerEmail = tenant.email(Role.OWNER);
        ownerSession = tenants.signIn(ownerEmail, Tenants.PASSWORD);
    }

    @Test
    void probesAnswerWithoutASessionAndReadinessIncludesTheDatabase() {
        // the public port: the two probes, their status only
        JsonNode liveness = get(web, "/livez", HttpStatus.OK);
        assertThat(liveness.path("status").asString()).isEqualTo("UP");
        assertThat(liveness.path("components").isMissingNode()).isTrue();
        JsonNode readiness = get(web, "/readyz", HttpStatus.OK);
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").isMissingNode()).as("no components on the public port").isTrue();

        // the management port: the same groups under /actuator/health, and the whole health with details
        assertThat(get(management(), "/actuator/health/liveness", HttpStatus.OK).path("status").asString()).isEqualTo("UP");
        assertThat(get(management(), "/actuator/health/readiness", HttpStatus.OK).path("status").asString()).isEqualTo("UP");
        JsonNode health = get(management(), "/actuator/health", HttpStatus.OK);
        assertThat(health.path("components").path("r2dbc").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("r2dbc").path("details").path("database").asString()).isEqualTo("PostgreSQL");
        // liveness is the process only: a database outage must not get the application restarted
        assertThat(get(management(), "/actuator/health/liveness", HttpStatus.OK).path("components").isMissingNode()).isTrue();
    }

    /**
     * Issue 13 point 8: metrics (whose tags hold the tenants' operation names), info and health details are
     * on the management port only; the public port serves the two probes and nothing else of the actuator.
     */
    @Test
    void thePublicPortServesTheProbesOnlyAndTheManagementPortTheRest() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        for (String hidden : List.of("/actuator/prometheus", "/actuator/info", "/actuator/health",
                "/actuator/health/readiness", "/actuator/health/liveness", "/actuator/health/r2dbc", "/actuator",
                "/actuator/env", "/actuator/metrics")) {
            assertThat(web.get().uri(hidden).exchange().returnResult(String.class).getStatus().value()).as(hidden)
                    .isEqualTo(404);
        }
        web.get().uri("/livez").exchange().expectStatus().isOk();
        web.get().uri("/readyz").exchange().expectStatus().isOk();

        for (String exposed : List.of("/actuator/health", "/actuator/info", "/actuator/prometheus")) {
            management().get().uri(exposed).exchange().expectStatus().isOk();
        }
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/loggers",
                "/actuator/heapdump", "/actuator/threaddump", "/actuator/configprops", "/actuator/shutdown")) {
            management().get().uri(hidden).exchange().expectStatus().isNotFound();
        }
        // the management port is not a second door to the API
        management().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }")).exchange().expectStatus().isNotFound();
        management().get().uri("/").exchange().expectStatus().isNotFound();
        management().get().uri("/livez").exchange().expectStatus().isNotFound();
    }

    @Test
    void prometheusTimesGraphQlRequestsByOperationNameAndShowsThePool() {
        WebTestClient owner = web.mutate().defaultCookie("CORDEE_SESSION", ownerSession).build();
        for (int i = 0; i < 3; i++) {
            post(owner, "query OpsTestDashboard { clients(first: 5) { totalCount } }", null);
        }
        post(owner, "{ clients(first: 1) { totalCount } }", null);

        String scrape = management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        // 3 requests named OpsTestDashboard (the name is unique to this test), all successful queries
        assertThat(sample(scrape, "graphql_request_seconds_count", "graphql_operation_name=\"OpsTestDashboard\"",
                "graphql_operation_type=\"query\"", "graphql_outcome=\"SUCCESS\"")).isEqualTo(3.0);
        assertThat(sample(scrape, "graphql_request_seconds_count", "graphql_operation_name=\"anonymous\"",
                "graphql_operation_type=\"query\"", "graphql_outcome=\"SUCCESS\""))
                .isGreaterThanOrEqualTo(1.0);
        // latency buckets for p95/p99 (ADR 18's SLO boundaries)
        assertThat(sample(scrape, "graphql_request_seconds_bucket", "graphql_operation_name=\"OpsTestDashboard\"",
                "le=\"+Inf\"")).isEqualTo(3.0);
        assertThat(scrape).contains("le=\"0.25\"");
        // the R2DBC pool: 10 connections at most (application.properties), how many are in use and waited for
        assertThat(sample(scrape, "r2dbc_pool_max_allocated_connections")).isEqualTo(10.0);
        assertThat(scrape).contains("r2dbc_pool_acquired_connections").contains("r2dbc_pool_pending_connections")
                .contains("r2dbc_pool_idle_connections");
        // the HTTP side too
        assertThat(scrape).contains("http_server_requests_seconds_count").contains("uri=\"/graphql\"");
        // but no observation of each security filter and authorization, a tenth of a small request's time (ADR 101)
        assertThat(scrape).doesNotContain("spring_security_");
    }

    /** A runaway statement or lock wait is cut by the server, on every pooled connection (application.properties). */
    @Test
    void pooledConnectionsCarryTheStatementAndLockTimeouts() {
        Map<String, Object> settings = db.sql("SELECT current_setting('statement_timeout') AS statement,"
                + " current_setting('lock_timeout') AS lock").fetch().one().block(Duration.ofSeconds(10));
        assertThat(settings).containsEntry("statement", "30s").containsEntry("lock", "10s");
    }

    @Test
    void aRequestIdIsKeptWhenWellFormedOtherwiseGeneratedAndAlwaysReturned() {
        assertThat(requestIdFor("partner-run-42.7")).isEqualTo("partner-run-42.7");
        assertThat(requestIdFor("two words")).matches(UUID_SHAPE);
        assertThat(requestIdFor("x".repeat(65))).matches(UUID_SHAPE);
        assertThat(requestIdFor(null)).matches(UUID_SHAPE);
        assertThat(requestIdFor(null)).isNotEqualTo(requestIdFor(null));
    }

    /**
     * The SQL the request sends (logged at DEBUG by Spring's DatabaseClient, on the driver's threads, not the
     * one that took the request) carries the request's id: from the session lookup in the security filter
     * to the data fetcher's query.
     */
    @Test
    void everyLogLineOfARequestCarriesItsRequestId(CapturedOutput output) {
        String requestId = "ops-" + UUID.randomUUID();
        // a session never used yet: its lookup is not in the few-second session cache (ADR 50), so it is SQL
        String freshSession = tenants.signIn(ownerEmail, Tenants.PASSWORD);
        loggingSystem.setLogLevel("org.springframework.r2dbc.core", LogLevel.DEBUG);
        try {
            web.post().uri("/graphql").header(RequestIds.HEADER, requestId)
                    .cookie("CORDEE_SESSION", freshSession).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ clients(first: 5) { totalCount nodes { name } } }"))
                    .exchange().expectStatus().isOk();
        } finally {
            loggingSystem.setLogLevel("org.springframework.r2dbc.core", null);
        }
        List<String> lines = output.getAll().lines().filter(l -> l.contains(requestId)).toList();
        assertThat(lines).anyMatch(l -> l.contains("Executing SQL statement") && l.contains("FROM user_session"));
        assertThat(lines).anyMatch(l -> l.contains("Executing SQL statement") && l.contains("FROM client"));
        // and none of the request's SQL went out without it
        assertThat(output.getAll().lines().filter(l -> l.contains("Executing SQL statement")
                && l.contains("FROM user_session") && !l.contains(requestId))).isEmpty();
    }

    private String requestIdFor(String given) {
        WebTestClient.RequestHeadersSpec<?> request = web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }"));
        if (given != null) {
            request = request.header(RequestIds.HEADER, given);
        }
        // anonymous: refused with 401 (ADR 27), and the refusal carries the request id too
        return request.exchange().expectStatus().isUnauthorized().returnResult(String.class)
                .getResponseHeaders().getFirst(RequestIds.HEADER);
    }

    /** The actuator's own port (random in tests; 127.0.0.1 only by default). */
    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }

    private JsonNode get(WebTestClient client, String path, HttpStatus status) {
        EntityExchangeResult<byte[]> result = client.get().uri(path).exchange().expectBody().returnResult();
        assertThat(result.getStatus()).as(path).isEqualTo(status);
        return json.readTree(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8));
    }

    private static void post(WebTestClient client, String query, String operationName) {
        client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(operationName == null ? Map.of("query", query) : Map.of("query", query, "operationName", operationName))
                .exchange().expectStatus().isOk();
    }

    /** The value of the one Prometheus sample named {@code name} whose labels contain every one of {@code labels}. */
    private static double sample(String scrape, String name, String... labels) {
        List<Double> values = scrape.lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> List.of(labels).stream().allMatch(l::contains))
                .map(l -> {
                    Matcher m = Pattern.compile(" ([0-9.eE+-]+)$").matcher(l);
                    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
                }).toList();
        assertThat(values).as("%s%s in the scrape", name, List.of(labels)).hasSize(1);
        return values.get(0);
    }
}
