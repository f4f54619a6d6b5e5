package io.cordee.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.Introspection;
import io.cordee.CordeeApplication;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits as production would tighten them, in an application of their own: a 3 s timeout, 5
 * requests a minute per user and per address, introspection and GraphiQL off. A test-only field
 * ({@code slow(ms:)}, from {@code graphql-limits-test/}) stands for a request that takes too long.
 */
@ApiTest
@TestPropertySource(properties = {
        "cordee.limits.timeout=3s",
        "cordee.limits.rate.caller-requests=5",
        "cordee.limits.rate.caller-period=1m",
        "cordee.limits.rate.anonymous-requests=5",
        "cordee.limits.rate.anonymous-period=1m",
        // the shared buckets' answer is awaited however busy the machine (by default, after 2 s the instance decides alone)
        "cordee.limits.shared-buckets.timeout=30s",
        "cordee.graphql.introspection-enabled=false",
        "spring.graphql.graphiql.enabled=false",
        "spring.graphql.schema.locations=classpath:graphql/,classpath:graphql-limits-test/"})
@Import(ProductionLimitsTest.SlowField.class)
class ProductionLimitsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;
    @Autowired
    Slow slow;
    @Autowired
    StatementCounter counter;
    @LocalServerPort
    int port;

    static Tenants.Tenant tenant;
    static String lead;

    @BeforeAll
    static void signIn(@Autowired Tenants tenants) {
        // Boot switches introspection off with graphql-java's JVM-wide flag, and never on again: this class
        // owns that flag while it runs and gives it back (below), or every later test in the JVM loses it.
        Introspection.enabledJvmWide(false);
        tenant = tenants.create("Production Limits Agency");
        lead = tenants.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
    }

    @AfterAll
    static void introspectionBackOnForTheOtherTests() {
        Introspection.enabledJvmWide(true);
    }

    @Test
    void aRequestOverTheTimeoutIsAnsweredTimeoutAndItsWorkCancelled() throws InterruptedException {
        assertThat(post(web, lead, "{ slow(ms: 50) }").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("\"slow\":50");

        long started = System.nanoTime();
        EntityExchangeResult<String> result = post(web.mutate().responseTimeout(Duration.ofSeconds(30)).build(), lead,
                "{ slow(ms: 20000) }").expectStatus().isEqualTo(504).expectBody(String.class).returnResult();
        long ms = (System.nanoTime() - started) / 1_000_000;
        // answered by the 3 s timeout, never before it (how long after depends on the machine: a figure only);
        // that the 20 s of work did not run to its end is checked below, by the field itself
        assertThat(ms).as("answered after %d ms", ms).isGreaterThanOrEqualTo(3_000L);
        System.out.printf("slow(ms: 20000) under a 3 s timeout: 504 TIMEOUT after %d ms (figure only)%n", ms);
        JsonNode error = JSON.readTree(result.getResponseBody()).path("errors").get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("TIMEOUT");
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("TIMEOUT");
        assertThat(error.path("extensions").path("timeoutSeconds").asDouble()).isEqualTo(3.0);
        assertThat(error.path("message").asString())
                .isEqualTo("The request took longer than 3 s and was stopped: ask for less, or try again later");
        // the field's work was cancelled (a cancelled delay never fires), not left running to its end
        assertThat(slow.cancelled.await(5, TimeUnit.SECONDS)).as("the slow field was cancelled").isTrue();
        assertThat(slow.finishedLong).as("the slow field ran to its end").isFalse();
    }

    @Test
    void aUserOverTheRateLimitGets429WithRetryAfterAndOthersAreNotAffected(@Autowired Tenants tenants) {
        String owner = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        String finance = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        for (int i = 0; i < 5; i++) {
            post(web, owner, "{ __typename }").expectStatus().isOk();
        }
        counter.reset();
        EntityExchangeResult<String> refused = post(web, owner, "{ __typename }").expectStatus().isEqualTo(429)
                .expectBody(String.class).returnResult();
        // refused before GraphQL: at most the one statement that recognised the session
        assertThat(counter.statements()).hasSizeLessThanOrEqualTo(1);
        // 5 a minute come back one every 12 s: the next one within 12 s
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        System.out.printf("6th request of a user at 5 a minute: 429, Retry-After %d s%n", retryAfter);
        assertThat(retryAfter).isBetween(1L, 12L);
        JsonNode error = JSON.readTree(refused.getResponseBody()).path("errors").get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("RATE_LIMITED");
        assertThat(error.path("extensions").path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(error.path("message").asString()).startsWith("Too many requests: at most 5 every 1 min per user.");

        // another user of the same agency has a bucket of their own
        post(web, finance, "{ __typename }").expectStatus().isOk();
    }

    @Test
    void twoInstancesOnOneDatabaseEnforceOneLimit(@Autowired Tenants tenants) {
        // A second instance of the application with the same limits, on the same database (this JVM's
        // embedded PostgreSQL), as behind a load balancer.
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CordeeApplication.class)
                .profiles("test")
                .run("--server.port=0", "--cordee.limits.rate.caller-requests=5",
                        "--cordee.limits.rate.caller-period=1m", "--cordee.limits.rate.anonymous-requests=5",
                        "--cordee.limits.rate.anonymous-period=1m", "--cordee.limits.shared-buckets.timeout=30s",
                        "--spring.main.banner-mode=off")) {
            WebTestClient other = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:"
                    + second.getEnvironment().getProperty("local.server.port")).build();
            Tenants.Tenant agency = tenants.create("Two Instances Agency");
            String owner = tenants.signIn(agency.email(Role.OWNER), Tenants.PASSWORD);
            // 5 a minute for the user across both: 3 through this instance, 2 through the other …
            for (int i = 0; i < 3; i++) {
                post(web, owner, "{ __typename }").expectStatus().isOk();
            }
            for (int i = 0; i < 2; i++) {
                post(other, owner, "{ __typename }").expectStatus().isOk();
            }
            // … and the 6th is refused by either (each alone would allow 5: it has seen 2 or 3)
            EntityExchangeResult<String> refused = post(other, owner, "{ __typename }").expectStatus().isEqualTo(429)
                    .expectBody(String.class).returnResult();
            assertThat(JSON.readTree(refused.getResponseBody()).path("errors").get(0).path("extensions").path("code")
                    .asString()).isEqualTo("RATE_LIMITED");
            // 5 requests: the bucket is empty and gets one back every 12 s
            long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            System.out.printf("two instances at 5 a minute, 3 + 2 requests: the 6th refused, Retry-After %d s%n",
                    retryAfter);
            assertThat(retryAfter).isBetween(1L, 12L);
            post(web, owner, "{ __typename }").expectStatus().isEqualTo(429);
        }
    }

    @Test
    void anApiTokenDrawsFromItsOwnBucketNotItsCreators(@Autowired Tenants tenants) {
        Tenants.Tenant agency = tenants.create("Token Bucket Agency");
        String owner = tenants.signIn(agency.email(Role.OWNER), Tenants.PASSWORD);
        // request 1 of the owner's 5: the token is created with the owner's session
        String token = JSON.readTree(post(web, owner, "mutation { createApiToken(input: {name: \"BI\", access: READ_ONLY}) { token } }")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .path("data").path("createApiToken").path("token").asString();
        assertThat(token).startsWith("cordee_pat_");
        // requests 2 to 5 of the owner, then the 6th is refused
        for (int i = 0; i < 4; i++) {
            post(web, owner, "{ __typename }").expectStatus().isOk();
        }
        post(web, owner, "{ __typename }").expectStatus().isEqualTo(429);
        // the token, acting as the same owner, still has its own 5
        for (int i = 0; i < 5; i++) {
            withBearer(token).expectStatus().isOk();
        }
        withBearer(token).expectStatus().isEqualTo(429);
    }

    private WebTestClient.ResponseSpec withBearer(String token) {
        return web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).bodyValue(Map.of("query", "{ viewer { user { role } } }"))
                .exchange();
    }

    @Test
    void anonymousRequestsAreLimitedPerAddress() {
        // from 127.0.0.2, loopback too but another address: its own bucket, untouched by the tests' sign-ins
        HttpClient from127002 = HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0));
        WebTestClient other = WebTestClient.bindToServer(new ReactorClientHttpConnector(from127002))
                .baseUrl("http://127.0.0.1:" + port).build();
        // an address of its own: the account throttle (5 in a row, ADR 23) must not be what answers here
        String attempt = "mutation { signIn(input: {email: \"nobody-" + java.util.UUID.randomUUID()
                + "@test.example\", password: \"guess\"}) { userErrors { code } } }";
        for (int i = 0; i < 5; i++) {
            post(other, null, attempt).expectStatus().isOk();
        }
        EntityExchangeResult<String> refused = post(other, null, attempt).expectStatus().isEqualTo(429)
                .expectBody(String.class).returnResult();
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(JSON.readTree(refused.getResponseBody()).path("errors").get(0).path("message").asString())
                .contains("from one address without signing in");
    }

    @Test
    void introspectionCanBeSwitchedOff() {
        String schema = post(web, lead, "{ __schema { queryType { name } } }").expectBody(String.class)
                .returnResult().getResponseBody();
        JsonNode answer = JSON.readTree(schema);
        assertThat(answer.path("errors").size()).as(schema).isGreaterThan(0);
        assertThat(answer.path("data").path("__schema").isMissingNode() || answer.path("data").path("__schema").isNull())
                .as(schema).isTrue();
        String type = post(web, lead, "{ __type(name: \"Client\") { name } }").expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(JSON.readTree(type).path("errors").size()).as(type).isGreaterThan(0);
        // __typename is not introspection of the schema: still answered
        assertThat(post(web, lead, "{ __typename }").expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody()).contains("\"__typename\":\"Query\"");
    }

    @Test
    void graphiqlCanBeSwitchedOff() {
        web.get().uri("/graphiql?path=/graphql").cookie("CORDEE_SESSION", lead).exchange().expectStatus().isNotFound();
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client, String session, String query) {
        WebTestClient.RequestBodySpec request = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON);
        if (session != null) {
            request = request.cookie("CORDEE_SESSION", session);
        }
        return request.bodyValue(Map.of("query", query)).exchange();
    }

    /** The test-only {@code slow(ms:)} field: notes whether its work was cancelled or ran to its end. */
    static class Slow {
        final CountDownLatch cancelled = new CountDownLatch(1);
        volatile boolean finishedLong;

        Mono<Integer> run(int ms) {
            return Mono.delay(Duration.ofMillis(ms)).thenReturn(ms)
                    .doOnNext(done -> finishedLong |= ms >= 20_000)
                    .doOnCancel(cancelled::countDown);
        }
    }

    @TestConfiguration
    static class SlowField {
        @Bean
        Slow slow() {
            return new Slow();
        }

        @Bean
        RuntimeWiringConfigurer slowField(Slow slow) {
            return wiring -> wiring.type("Query", type -> type.dataFetcher("slow",
                    env -> slow.run(env.<Integer>getArgument("ms"))));
        }
    }
}
