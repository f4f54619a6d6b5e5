package io.cordee.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.CordeeApplication;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The application as the container runs it, with the {@code prod} profile (ADR 18): JSON log lines that
 * carry the request id, the actuator on its own port, and a graceful shutdown that lets an in-flight
 * request finish while new connections are refused. An application of its own, started and closed here
 * (not by the Spring test framework, which cannot have its context closed under it); it shares the
 * test JVM's PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {

    // longer than the 3 s Reactor Netty grants active requests even on an immediate shutdown, so only a graceful one lets it finish
    static final Duration SLOW = Duration.ofMillis(4500);
    static final CountDownLatch SLOW_STARTED = new CountDownLatch(1);

    int port;
    int managementPort;
    ConfigurableApplicationContext context;

    @BeforeEach
    void startTheApplication() {
        // An application started earlier in this JVM set the logging up; Boot does not set it up twice.
        // Cleaned up as a closing application does, so that this one's (JSON) configuration applies.
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        Map<String, Integer> ports = new ConcurrentHashMap<>();
        context = new SpringApplicationBuilder(CordeeApplication.class, SlowRoute.class)
                .profiles("test", "prod")
                .properties("logging.level.org.springframework.r2dbc.core=DEBUG")
                .listeners((ApplicationListener<WebServerInitializedEvent>) event -> ports.put(
                        String.valueOf(event.getApplicationContext().getServerNamespace()), event.getWebServer().getPort()))
                // arguments, not default properties: application.properties' server.port would win over those
                // (and 8080 may be taken on a shared machine)
                .run("--server.port=0", "--management.server.port=0");
        port = ports.get("null");
        managementPort = ports.get("management");
    }

    @AfterEach
    void closeTheApplication() {
        context.close();
        // the logging system outlives the context: the SQL logged at DEBUG here must not flood the tests after it
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel("org.springframework.r2dbc.core", null);
    }

    private final ObjectMapper json = new ObjectMapper();

    /** A request that takes {@link #SLOW} to answer, to be in flight when the shutdown begins. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SlowRoute {
        @Bean
        RouterFunction<ServerResponse> slowRoute() {
            return RouterFunctions.route().GET("/ops-test/slow", request -> {
                SLOW_STARTED.countDown();
                return Mono.delay(SLOW).then(ServerResponse.ok().bodyValue("finished"));
            }).GET("/ops-test/fast", request -> ServerResponse.ok().bodyValue("fast")).build();
        }
    }

    @Test
    void logsAreJsonWithTheRequestIdAndTheActuatorIsOnItsOwnPortThenShutdownIsGraceful(CapturedOutput output)
            throws Exception {
        HttpClient http = client();

        // 1. JSON logs: the session lookup's SQL (DEBUG here), logged on a driver thread, carries the request id
        String requestId = "json-" + UUID.randomUUID();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(port, "/graphql"))
                .header("Content-Type", "application/json").header(RequestIds.HEADER, requestId)
                .header("Cookie", "CORDEE_SESSION=not-a-session")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        // not a session: the anonymous refusal, 401 (ADR 27)
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue(RequestIds.HEADER)).contains(requestId);
        List<JsonNode> lines = output.getAll().lines().filter(l -> l.contains(requestId)).map(json::readTree).toList();
        assertThat(lines).isNotEmpty().anySatisfy(line -> {
            assertThat(line.path("requestId").asString()).isEqualTo(requestId);
            assertThat(line.path("log").path("level").asString().isEmpty()
                    ? line.path("log.level").asString() : line.path("log").path("level").asString()).isEqualTo("DEBUG");
            assertThat(line.path("message").asString()).startsWith("Executing SQL statement").contains("user_session");
            assertThat(line.has("@timestamp")).isTrue();
        });

        // 2. the actuator answers on the management port only
        assertThat(http.send(HttpRequest.newBuilder(uri(managementPort, "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"status\":\"UP\"");
        assertThat(http.send(HttpRequest.newBuilder(uri(port, "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

        // 3. graceful shutdown: a request in flight finishes, a new connection is refused
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(
                HttpRequest.newBuilder(uri(port, "/ops-test/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(SLOW_STARTED.await(10, TimeUnit.SECONDS)).as("the slow request reached the application").isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);

        Throwable refused = null;
        long refusedAt = 0;
        int servedMeanwhile = 0;
        while (refused == null && System.nanoTime() - start < SLOW.toNanos()) {
            try {
                // a new connection each time (a new client)
                client().send(HttpRequest.newBuilder(uri(port, "/ops-test/fast")).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.ofString());
                servedMeanwhile++;
                Thread.sleep(10);
            } catch (java.io.IOException e) {
                refused = e;
                refusedAt = (System.nanoTime() - start) / 1_000_000;
            }
        }
        assertThat(refused).as("a new connection is refused once the shutdown has begun").isInstanceOf(ConnectException.class);
        assertThat(slow).as("the in-flight request is still running when new ones are refused").isNotDone();

        HttpResponse<String> finished = slow.get(10, TimeUnit.SECONDS);
        long finishedAt = (System.nanoTime() - start) / 1_000_000;
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("finished");
        assertThat(finishedAt).isGreaterThanOrEqualTo(SLOW.toMillis());
        closing.get(30, TimeUnit.SECONDS);
        System.out.println("[shutdown] " + servedMeanwhile + " quick requests served before; new connection refused at +"
                + refusedAt + " ms; the in-flight request finished"
                + " with 200 at +" + finishedAt + " ms; the application closed at +"
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
