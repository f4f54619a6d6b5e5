package io.cordee.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.common.Computations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CPU-heavy work runs on the computation scheduler (two threads here), not on the event loop: while
 * heavy computations keep it busy, a cheap query is answered at once; a request past its timeout is
 * answered TIMEOUT and its computation stops. A test-only field ({@code spin(ms:)}, from
 * {@code graphql-limits-test/}) is a computation that keeps a core busy for as long as it is told,
 * calling {@link Computations#checkpoint()} as the real ones do in their loops.
 */
@ApiTest
@TestPropertySource(properties = {
        "cordee.limits.timeout=6s",
        "cordee.limits.compute-threads=2",
        "cordee.limits.rate.enabled=false",
        "spring.graphql.schema.locations=classpath:graphql/,classpath:graphql-limits-test/"})
@Import(ComputationSchedulerTest.SpinField.class)
class ComputationSchedulerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;
    @Autowired
    Spin spin;
    @Autowired
    Computations computations;
    @LocalServerPort
    int port;

    static String finance;

    @BeforeAll
    static void signIn(@Autowired Tenants tenants) {
        Tenants.Tenant tenant = tenants.create("Computation Scheduler Agency");
        finance = QueryLimitsTest.financeWithABalance(tenants, tenant);
    }

    @Test
    void aCheapQueryIsAnsweredPromptlyWhileHeavyComputationsKeepEveryComputeThreadBusy() {
        await(() -> spin.running.get() == 0, "no spin left from another test");
        // More computations of 5 s than the server has event-loop threads (Reactor Netty: at least 4), for
        // two compute threads: two run, the others wait their turn (and those still waiting at the 6 s
        // timeout are cancelled). Run on the event loop, they would block every loop and `viewer` with them.
        int heavy = Math.max(4, Runtime.getRuntime().availableProcessors()) + 2;
        AtomicInteger answered = new AtomicInteger();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        List<Disposable> requests = Flux.range(0, heavy).map(i -> client.post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON).cookie("CORDEE_SESSION", finance)
                .bodyValue(Map.of("query", "{ spin(ms: 5000) }")).retrieve().bodyToMono(String.class)
                .onErrorResume(e -> Mono.just("504"))
                .doFinally(signal -> answered.incrementAndGet()).subscribe()).collectList().block();
        try {
            await(() -> spin.running.get() == 2, "both compute threads busy");
            long started = System.nanoTime();
            String answer = post("{ viewer { user { role } } }", 200);
            long ms = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("`viewer` while 2 computations spin and %d wait: answered in %d ms%n", heavy - 2, ms);
            assertThat(answer).contains("\"role\":\"FINANCE\"");
            assertThat(ms).as("answered in %d ms", ms).isLessThan(2_000);
        } finally {
            await(() -> answered.get() == heavy, "every heavy request answered");
            await(() -> spin.running.get() == 0, "the compute threads free again");
            requests.forEach(Disposable::dispose);
        }
        assertThat(spin.threads).isNotEmpty()
                .allSatisfy(thread -> assertThat(thread).startsWith("cordee-compute-"));
    }

    @Test
    void aRequestPastItsTimeoutIsAnsweredTimeoutAndItsComputationStops() {
        await(() -> spin.running.get() == 0, "no spin left from another test");
        long stoppedBefore = computations.stopped();
        spin.stoppedLong = false;
        long started = System.nanoTime();
        JsonNode error = JSON.readTree(post("{ spin(ms: 60000) }", 504)).path("errors").get(0);
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("spin(ms: 60000) under a 6 s timeout: 504 TIMEOUT after %d ms%n", ms);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("TIMEOUT");
        // the computation itself stopped at a checkpoint (its thread interrupted), it did not spin on
        await(() -> spin.stoppedLong, "the 60 s computation stopped");
        await(() -> spin.running.get() == 0, "the compute thread free again");
        assertThat(computations.stopped()).as("computations stopped").isGreaterThan(stoppedBefore);
        assertThat(spin.finishedLong).as("the 60 s computation ran to its end").isFalse();
    }

    @Test
    void theCashForecastRunsAsAComputation() {
        long before = computations.started();
        post("{ viewer { user { role } } }", 200);
        assertThat(computations.started()).as("a query without computation").isEqualTo(before);
        String answer = post("{ cashForecast(asOf: \"2026-01-12\", horizonWeeks: 104) { lowestBalance { amount } } }",
                200);
        assertThat(answer).contains("lowestBalance");
        // one computation: the forecast derived from the agency's cash picture, whose clients' payment-delay
        // models are part of the picture (ADR 47; before it, the delay models were a computation of their own)
        assertThat(computations.started()).as("the forecast").isEqualTo(before + 1);
    }

    private String post(String query, int status) {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .cookie("CORDEE_SESSION", finance).bodyValue(Map.of("query", query)).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    /** Waits for a condition (a condition, not a duration, is what the test is about; 30 s is a safety net). */
    private static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(condition::getAsBoolean);
    }

    /** The test-only {@code spin(ms:)} computation: keeps its thread busy, checking for cancellation. */
    static class Spin {
        final AtomicInteger running = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        volatile boolean finishedLong;
        volatile boolean stoppedLong;

        Mono<Integer> run(Computations computations, int ms) {
            return computations.run(() -> {
                running.incrementAndGet();
                threads.add(Thread.currentThread().getName());
                try {
                    long end = System.nanoTime() + ms * 1_000_000L;
                    while (System.nanoTime() < end) {
                        try {
                            Computations.checkpoint();
                        } catch (Computations.Stopped e) {
                            stoppedLong |= ms >= 60_000;
                            throw e;
                        }
                    }
                    finishedLong |= ms >= 60_000;
                    return ms;
                } finally {
                    running.decrementAndGet();
                }
            });
        }
    }

    @TestConfiguration
    static class SpinField {
        @Bean
        Spin spin() {
            return new Spin();
        }

        @Bean
        RuntimeWiringConfigurer spinField(Spin spin, Computations computations) {
            return wiring -> wiring.type("Query", type -> type.dataFetcher("spin",
                    env -> spin.run(computations, env.<Integer>getArgument("ms"))));
        }
    }
}
