package io.cordee.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.cash.CashRepository;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.staffing.TeamMemberRepository;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;

/**
 * The cash forecast of a large agency through {@code /graphql}: 200 people, 1,000 clients, 10,000
 * projects, 50,000 invoices, 100,000 allocations. Not part of the test suite (its name does not end in
 * Test); run it with {@code ./mvnw -B -Pbenchmark verify} — see docs/benchmarks.md. It prints its figures.
 */
@ApiTest
// thousands of requests a minute from one user: the rate limit is not what is measured
@TestPropertySource(properties = "cordee.limits.rate.caller-requests=100000000")
class CashForecastBenchmark extends BenchmarkFixture {

    /** The JIT is still compiling the forecast's path over the first dozen requests; a server answers warm. */
    private static final int WARMUP = 20;
    private static final int RUNS = 30;
    /**
     * A kept answer is a short request: 20 of them leave its path in the interpreter, where a dashboard that polls
     * runs it compiled. The cached loops are warmed for this long (the JIT's tiers reached after some thousands of
     * requests), then measured over {@link #CACHED_RUNS}.
     */
    private static final Duration CACHED_WARMUP = Duration.ofSeconds(Long.getLong("bench.cachedWarmupSeconds", 15));
    private static final int CACHED_RUNS = 200;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final String QUERY = """
            { cashForecast(asOf: "2026-11-23", horizonWeeks: 104) { opening { amount } lowestBalance { amount }
                lowestWeek firstWeekBelowThreshold
                weeks { weekStart inflow { amount } outflow { amount } closing { amount }
                  inflowByClient { client { name } amount { amount } } } } }""";

    private static final String LEAN_QUERY = """
            { cashForecast(asOf: "2026-11-23", horizonWeeks: 104) { opening { amount } lowestBalance { amount }
                lowestWeek firstWeekBelowThreshold weeks { weekStart inflow { amount } outflow { amount } closing { amount } } } }""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StatementCounter counter;
    @Autowired
    AgencyRepository agencies;
    @Autowired
    CashRepository cash;
    @Autowired
    BillingRepository billing;
    @Autowired
    TeamMemberRepository members;
    @Autowired
    ClientRepository clients;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void cashForecastOfALargeAgency() {
        AgencyId agency = new AgencyId(UUID.randomUUID());
        long started = System.nanoTime();
        LargeAgency.generate(db, agency.value()).block(Duration.ofMinutes(10));
        long generatedMs = (System.nanoTime() - started) / 1_000_000;

        Http http = client(financeSession(agency, "bench"));

        // cold: a write (untimed) before each request moves the data version, so no picture is remembered (ADR 47)
        for (int i = 0; i < WARMUP; i++) {
            touch(agency);
            post(http, QUERY);
        }
        List<Long> times = new ArrayList<>();
        java.time.Instant coldFrom = java.time.Instant.now();
        int statements = 0;
        byte[] answer = null;
        for (int i = 0; i < RUNS; i++) {
            touch(agency);
            counter.reset();
            long t0 = System.nanoTime();
            answer = post(http, QUERY);
            times.add((System.nanoTime() - t0) / 1_000);
            statements = Math.max(statements, counter.statements().size());
        }
        // cold again, the weeks only (what the cockpit's chart asks): the same reads, a hundredth of the answer
        List<Long> leanColdTimes = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            touch(agency);
            long t0 = System.nanoTime();
            post(http, LEAN_QUERY);
            if (i >= WARMUP) {
                leanColdTimes.add((System.nanoTime() - t0) / 1_000);
            }
        }
        Collections.sort(leanColdTimes);
        java.time.Instant coldTo = java.time.Instant.now();
        // cached: nothing written between requests, so the picture and its forecast are remembered (ADR 47) and
        // the whole answer too (ADR 91); Cache-Control: no-cache asks for the answer computed from the picture
        double hitsBefore = responseCache("hit");
        double missesBefore = responseCache("miss");
        Measured cached = measure(() -> post(http, QUERY));
        double hits = responseCache("hit") - hitsBefore;
        double misses = responseCache("miss") - missesBefore;
        Measured fromPicture = measure(() -> postUncached(http, QUERY));
        // untimed: the kept bytes are the last cold answer's (same data version), and a computed one is the same
        assertThat(post(http, QUERY)).as("the kept answer").isEqualTo(answer);
        assertThat(postUncached(http, QUERY)).as("the answer computed again").isEqualTo(answer);
        // checked once, outside the timed loop: a client's JSON parsing is not the server's latency
        long parse0 = System.nanoTime();
        JsonNode forecast = JSON.readTree(answer);
        long parseMs = (System.nanoTime() - parse0) / 1_000_000;
        assertThat(forecast.path("errors").isMissingNode()).as("errors: %s", forecast.path("errors")).isTrue();
        JsonNode weeks = forecast.path("data").path("cashForecast").path("weeks");
        assertThat(weeks.size()).isEqualTo(104);
        int clientInflows = 0;
        for (JsonNode week : weeks) {
            clientInflows += week.path("inflowByClient").size();
        }

        List<Long> dbTimes = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            databaseReadsOfOneForecast(agency).block();
            if (i >= WARMUP) {
                dbTimes.add((System.nanoTime() - t0) / 1_000);
            }
        }

        Collections.sort(times);
        Collections.sort(dbTimes);
        java.util.Map<String, Mono<?>> reads = new java.util.LinkedHashMap<>();
        reads.put("agency", agencies.findById(agency));
        reads.put("latest balance", cash.latestBalance(agency, AS_OF.minusDays(1)));
        reads.put("receivables", billing.findReceivables(agency).collectList());
        reads.put("receivables as of", billing.findReceivables(agency, AS_OF).collectList());
        reads.put("team", members.findAll(agency).collectList());
        reads.put("overheads", cash.overheads(agency).collectList());
        reads.put("one-offs", cash.oneOffs(agency, AS_OF, AS_OF.plusWeeks(104)).collectList());
        reads.put("clients", clients.findAll(agency).collectList());
        reads.put("paid history", billing.findLastPaidDates(agency, 12).collectList());
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        System.out.printf("%n=== cashForecast(horizonWeeks: 104) on a large agency ===%n");
        System.out.printf("data: 200 people, 1,000 clients, 10,000 projects, 50,000 invoices, 100,000 allocations"
                + " (generated in %d ms)%n", generatedMs);
        System.out.printf("JVM max heap: %d MB%n", heapMb);
        System.out.printf("the cold runs (a flight recording's window, bench/JfrTop.java): %s %s%n", coldFrom, coldTo);
        System.out.printf("through /graphql, %d runs after %d warm-up: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n",
                RUNS, WARMUP, times.get(RUNS / 2) / 1000.0, times.get(RUNS * 9 / 10) / 1000.0, times.get(0) / 1000.0,
                times.get(RUNS - 1) / 1000.0);
        System.out.printf("without inflowByClient, cold, %d runs after %d warm-up: median %.1f ms, p90 %.1f ms%n", RUNS,
                WARMUP, leanColdTimes.get(RUNS / 2) / 1000.0, leanColdTimes.get(RUNS * 9 / 10) / 1000.0);
        System.out.printf("cached (same data version), the answer kept (ADR 91), %d runs after %d warm-up: median %.1f ms,"
                + " p90 %.1f ms, %d SQL statements per request; response cache %.0f hits, %.0f misses%n",
                cached.times().size(), cached.warmup(), cached.median(), cached.p90(), cached.statements(), hits, misses);
        System.out.printf("cached (same data version), computed from the kept picture (ADR 47; Cache-Control: no-cache),"
                + " %d runs after %d warm-up: median %.1f ms, p90 %.1f ms, %d SQL statements per request%n",
                fromPicture.times().size(), fromPicture.warmup(), fromPicture.median(), fromPicture.p90(),
                fromPicture.statements());
        System.out.printf("answer: %,d bytes, 104 weeks, %,d client inflows (a client parses it in %d ms, not counted)%n",
                answer.length, clientInflows, parseMs);
        System.out.printf("SQL statements per request (session lookup included): %d%n", statements);
        System.out.printf("the same reads straight from the repositories (no GraphQL, no computation): median %.1f ms,"
                + " p90 %.1f ms%n", dbTimes.get(RUNS / 2) / 1000.0, dbTimes.get(RUNS * 9 / 10) / 1000.0);

        reads.forEach((name, read) -> {
            List<Long> each = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                long t0 = System.nanoTime();
                read.block();
                each.add((System.nanoTime() - t0) / 1_000);
            }
            Collections.sort(each);
            System.out.printf("  %-16s median %.1f ms%n", name, each.get(7) / 1000.0);
        });

        // PostgreSQL's own time for the two heavy reads (the adapters' SQL, copied here), as EXPLAIN ANALYZE reports it
        System.out.printf("PostgreSQL alone (EXPLAIN ANALYZE execution time, median of 15):%n");
        System.out.printf("  %-16s %.1f ms%n", "receivables", explain("""
                SELECT id, client_id, project_id, status, issue_date, due_date, currency, amount_minor - paid_minor
                  FROM invoice WHERE agency_id = '%s'
                  AND status IN ('PLANNED', 'ISSUED') AND paid_minor < amount_minor""".formatted(agency.value())));
        System.out.printf("  %-16s %.1f ms%n", "paid history", explain("""
                SELECT array_agg(c.id), array_agg(last.due_date), array_agg(last.paid_date) FROM client c CROSS JOIN LATERAL (
                  SELECT due_date, paid_date FROM invoice i WHERE i.agency_id = '%1$s' AND i.client_id = c.id
                  AND i.status = 'PAID' ORDER BY i.paid_date DESC, i.id DESC LIMIT 12) last
                  WHERE c.agency_id = '%1$s'""".formatted(agency.value())));

        // the same forecast without the per-client breakdown of each week's inflow (what a chart's line needs)
        Measured lean = measure(() -> post(http, LEAN_QUERY));
        Measured leanComputed = measure(() -> postUncached(http, LEAN_QUERY));
        System.out.printf("without inflowByClient: the answer kept, %d runs after %d warm-up: median %.1f ms, p90 %.1f ms;"
                + " computed from the kept picture, %d runs after %d warm-up: median %.1f ms, p90 %.1f ms%n",
                lean.times().size(), lean.warmup(), lean.median(), lean.p90(), leanComputed.times().size(),
                leanComputed.warmup(), leanComputed.median(), leanComputed.p90());

        assertThat(statements).as("SQL statements per request").isLessThanOrEqualTo(10);
    }

    /**
     * Times of the measured requests, in microseconds, sorted; the most statements one sent; the requests sent to warm
     * up before them.
     */
    private record Measured(List<Long> times, int statements, int warmup) {

        double median() {
            return times.get(times.size() / 2) / 1000.0;
        }

        double p90() {
            return times.get(times.size() * 9 / 10) / 1000.0;
        }
    }

    /** {@link #CACHED_RUNS} requests timed after {@link #CACHED_WARMUP} of the same request untimed. */
    private Measured measure(Runnable request) {
        int warmup = 0;
        long warmUntil = System.nanoTime() + CACHED_WARMUP.toNanos();
        while (warmup < WARMUP || System.nanoTime() < warmUntil) {
            request.run();
            warmup++;
        }
        List<Long> times = new ArrayList<>();
        int statements = 0;
        for (int i = 0; i < CACHED_RUNS; i++) {
            counter.reset();
            long t0 = System.nanoTime();
            request.run();
            times.add((System.nanoTime() - t0) / 1_000);
            statements = Math.max(statements, counter.statements().size());
        }
        Collections.sort(times);
        return new Measured(times, statements, warmup);
    }

    /** The response cache's requests of {@code result} (hit, miss) counted so far (ADR 91). */
    private double responseCache(String result) {
        return meters.get(io.cordee.api.cache.ResponseCache.METRIC + ".requests").tag("result", result)
                .functionCounter().count();
    }

    /** A write that changes nothing but, like any write, moves the agency's data version. */
    private void touch(AgencyId agency) {
        db.sql("UPDATE overhead SET label = label WHERE agency_id = :agencyId").bind("agencyId", agency.value())
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }

    private double explain(String sql) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String plan = db.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + sql).map((row, meta) -> row.get(0, String.class))
                    .one().block();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Execution Time\": ([0-9.]+)").matcher(plan);
            ms.add(m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
        }
        Collections.sort(ms);
        return ms.get(7);
    }

    /** The forecast's reads, in the same order and overlap as {@code CashService}. */
    private Mono<Integer> databaseReadsOfOneForecast(AgencyId agency) {
        return agencies.findById(agency).flatMap(a -> Mono.zip(
                cash.latestBalance(agency, AS_OF.minusDays(1)).flatMap(balance -> Mono.zip(
                        billing.findPayments(agency, balance.date().plusDays(1), AS_OF.minusDays(1)).collectList(),
                        cash.oneOffs(agency, balance.date().plusDays(1), AS_OF.plusWeeks(104)).collectList())),
                billing.findReceivables(agency).collectList(), members.findAll(agency).collectList(),
                cash.overheads(agency).collectList(), clients.findAll(agency).collectList(),
                billing.findLastPaidDates(agency, 12).collectList())
                .map(t -> t.getT2().size() + t.getT6().size()));
    }
}
