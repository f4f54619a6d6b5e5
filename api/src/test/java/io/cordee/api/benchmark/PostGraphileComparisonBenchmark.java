package io.cordee.api.benchmark;

import static io.cordee.api.benchmark.LoadDriver.body;
import static io.cordee.api.benchmark.LoadDriver.cpuTicks;
import static io.cordee.api.benchmark.LoadDriver.loadAverage;
import static io.cordee.api.benchmark.LoadDriver.medians;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.AgencyId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 16 point 6: Cordée beside PostGraphile 4 over the same PostgreSQL and the same large agency, the four
 * query shapes of the issue at a fixed concurrency, each server in turn, several rounds. Per shape and server:
 * requests/s, p50/p99 (from {@code bench/driver.mjs}, a separate node process, so that the driver's CPU is
 * neither server's), SQL statements per request ({@code pg_stat_statements}), CPU per request (the server
 * process's utime + stime from {@code /proc/<pid>/stat}), PostgreSQL's execution time per request. Then the
 * 104-week forecast cold (a write before each request moves the data version) beside PostgreSQL's own
 * execution time of the same request's statements, and the resident size of Cordée's process under 50
 * clients. Run by {@code bench/postgraphile-comparison.sh}, which starts the PostgreSQL (with
 * {@code pg_stat_statements} preloaded) and installs PostGraphile; skipped when run without it.
 *
 * <p>By id and the list of 100 also have a third server in each round: the stack's floor,
 * {@link MinimalGraphQlApplication} in this JVM (Spring WebFlux, Spring for GraphQL and R2DBC with none of Cordée's
 * security, tenancy or stages), so that the run shows how much of a ratio the stack itself allows.
 */
@ApiTest
// the per-user rate limit (300 a minute) is not what this measures; each shape sends thousands a minute
@TestPropertySource(properties = "cordee.limits.rate.caller-requests=100000000")
class PostGraphileComparisonBenchmark extends BenchmarkFixture {

    private static final Path OUT = Path.of(System.getProperty("bench.out", "/tmp/pgbench-run"));

    /** The four shapes of issue 16, Cordée's query then PostGraphile's (its names differ, nothing else). */
    private static final Map<String, String[]> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("by id", new String[] {
            "query($id: ID!) { client(id: $id) { id name paymentTermsDays } }",
            "query($a: UUID!, $id: UUID!) { clientByAgencyIdAndId(agencyId: $a, id: $id) { id name paymentTermsDays } }"});
        SHAPES.put("clients -> projects (100)", new String[] {
            "{ clients(first: 100) { nodes { name projects { name status } } } }",
            "{ allClients(first: 100) { nodes { name projectsByAgencyIdAndClientId { nodes { name status } } } } }"});
        SHAPES.put("a list of 100 invoices", new String[] {
            "{ invoices(first: 100) { nodes { id label dueDate amount { amount } } } }",
            "{ allInvoices(first: 100) { nodes { id label dueDate amountMinor } } }"});
        SHAPES.put("dashboard: 20 clients -> projects -> invoices -> payments", new String[] {
            "{ clients(first: 20) { nodes { name projects { name invoices { label amount { amount }"
                + " payments { receivedOn amount { amount } } } } } } }",
            "{ allClients(first: 20) { nodes { name projectsByAgencyIdAndClientId { nodes { name"
                + " invoicesByAgencyIdAndProjectId { nodes { label amountMinor"
                + " paymentsByAgencyIdAndInvoiceId { nodes { receivedOn amountMinor } } } } } } } } }"});
    }

    /**
     * The shapes the stack's floor also answers, {@link MinimalGraphQlApplication} in this JVM over the same database:
     * what Spring WebFlux, Spring for GraphQL and R2DBC cost without any of Cordée, beside PostGraphile in the same run.
     */
    private static final Map<String, String> FLOOR_SHAPES = Map.of("by id", MinimalGraphQlApplication.CLIENT_BY_ID,
            "a list of 100 invoices", MinimalGraphQlApplication.INVOICES);
    private static final String CORDEE = "Cordée";
    private static final String POSTGRAPHILE = "PostGraphile 4";
    private static final String FLOOR = "minimal WebFlux + GraphQL + R2DBC";

    private static final String FORECAST = """
            { cashForecast(asOf: "2026-11-23", horizonWeeks: 104) { opening { amount } lowestBalance { amount }
                lowestWeek firstWeekBelowThreshold
                weeks { weekStart inflow { amount } outflow { amount } closing { amount }
                  inflowByClient { client { name } amount { amount } } } } }""";
    private static final String LEAN_FORECAST = """
            { cashForecast(asOf: "2026-11-23", horizonWeeks: 104) { opening { amount } lowestBalance { amount }
                lowestWeek firstWeekBelowThreshold weeks { weekStart inflow { amount } outflow { amount } closing { amount } } } }""";

    @Autowired
    StatementCounter counter;
    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> report = new ArrayList<>();
    private String lastFirstError = "none";

    @Test
    void cordeeBesidePostGraphile() throws Exception {
        String cli = System.getProperty("bench.postgraphile");
        Assumptions.assumeTrue(cli != null, "run by bench/postgraphile-comparison.sh");
        int rounds = Integer.getInteger("bench.rounds", 5);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        int loadSeconds = Integer.getInteger("bench.loadSeconds", 60);
        counter.pause();
        Files.createDirectories(OUT);

        AgencyId agency = new AgencyId(UUID.randomUUID());
        long t0 = System.nanoTime();
        LargeAgency.generate(db, agency.value()).block(Duration.ofMinutes(10));
        line("large agency generated in %.1f s (200 people, 1,000 clients, 10,000 projects, 50,000 invoices,"
                + " 100,000 allocations)", (System.nanoTime() - t0) / 1e9);
        String session = financeSession(agency, "pgbench");
        String pgss = db.sql("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_stat_statements'")
                .map((row, meta) -> row.get(0, Long.class)).one().block() > 0 ? "available" : "missing";
        assertThat(pgss).as("pg_stat_statements in this PostgreSQL's binaries").isEqualTo("available");
        sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");

        List<UUID> clientIds = db.sql("SELECT id FROM client WHERE agency_id = :a ORDER BY id LIMIT 200")
                .bind("a", agency.value()).map((row, meta) -> row.get(0, UUID.class)).all().collectList().block();

        MinimalGraphQlApplication floor = MinimalGraphQlApplication.start(environment);
        Process postgraphile = null;
        try {
            postgraphile = startPostGraphile(cli);
            String pgUrl = "http://127.0.0.1:" + Integer.getInteger("bench.postgraphilePort", 18962) + "/graphql";
            String cordeeUrl = "http://127.0.0.1:" + port + "/graphql";
            Map<String, String> cookie = Map.of("cookie", "CORDEE_SESSION=" + session);
            long cordeePid = ProcessHandle.current().pid();
            long pgPid = postgraphile.pid();
            // a shape's results per server: rps, p50, p99, statements/request, non-utility statements/request,
            // CPU ms/request, PostgreSQL ms/request
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            List<String> details = new ArrayList<>();
            line("%d rounds; each run: %d s of warm-up then %d s measured at concurrency %d; load average %s",
                    rounds, 2, seconds, concurrency, loadAverage());
            int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 10);
            for (int round = -1; round < rounds; round++) {
                for (Map.Entry<String, String[]> shape : SHAPES.entrySet()) {
                    List<String> cordeeBodies = new ArrayList<>();
                    List<String> pgBodies = new ArrayList<>();
                    List<String> floorBodies = new ArrayList<>();
                    String floorQuery = FLOOR_SHAPES.get(shape.getKey());
                    String a = agency.value().toString();
                    if (shape.getKey().equals("by id")) {
                        for (UUID id : clientIds) {
                            cordeeBodies.add(body(shape.getValue()[0], Map.of("id", GlobalId.of("Client", id))));
                            pgBodies.add(body(shape.getValue()[1], Map.of("a", a, "id", id.toString())));
                            floorBodies.add(body(floorQuery, Map.of("agency", a, "id", id.toString())));
                        }
                    } else {
                        cordeeBodies.add(body(shape.getValue()[0], Map.of()));
                        pgBodies.add(body(shape.getValue()[1], Map.of()));
                        if (floorQuery != null) {
                            floorBodies.add(body(floorQuery, Map.of("agency", a)));
                        }
                    }
                    List<String> servers = floorQuery == null ? List.of(CORDEE, POSTGRAPHILE)
                            : List.of(CORDEE, POSTGRAPHILE, FLOOR);
                    // each server in turn, the first changing from round to round (the floor first in the warm-up:
                    // it has event loops of its own and no logging system, the two things suspected of slowing
                    // Cordée's runs after it in FrameworkFloorBenchmark's first design)
                    for (int side = 0; side < servers.size(); side++) {
                        String server = servers.get(Math.floorMod(side + round, servers.size()));
                        int runSeconds = round < 0 ? warmupSeconds : seconds; // round -1 warms each up, not kept
                        double[] r = switch (server) {
                            case CORDEE -> run(cordeeUrl, cookie, cordeeBodies, concurrency, runSeconds, 2, cordeePid,
                                    false);
                            case POSTGRAPHILE -> run(pgUrl, Map.of(), pgBodies, concurrency, runSeconds, 2, pgPid,
                                    false);
                            default -> MinimalGraphQlApplication.measure(() -> run(floor.url(), Map.of(), floorBodies,
                                    concurrency, runSeconds, 2, cordeePid, false));
                        };
                        if (round == rounds - 1) {
                            details.add("%s, %s: %s".formatted(shape.getKey(), server, topStatements((long) r[7])));
                        }
                        if (round >= 0) {
                            results.computeIfAbsent(shape.getKey() + "|" + server, k -> new ArrayList<>()).add(r);
                        }
                    }
                }
                line(round < 0 ? "warm-up done (%d s per shape and server), load average %s"
                        : "round %d done, load average %s", round < 0 ? warmupSeconds : round + 1, loadAverage());
            }
            line("");
            line("| shape | server | requests/s | p50 ms | p99 ms | SQL statements/request (of which BEGIN/COMMIT/SET) |"
                    + " CPU ms/request | PostgreSQL ms/request | ratio of requests/s |");
            line("|---|---|---|---|---|---|---|---|---|");
            for (String shape : SHAPES.keySet()) {
                double[] c = medians(results.get(shape + "|" + CORDEE));
                double[] p = medians(results.get(shape + "|" + POSTGRAPHILE));
                row(shape, CORDEE, c, "**%.2f×**".formatted(c[0] / p[0]));
                row(shape, POSTGRAPHILE, p, "");
                if (results.containsKey(shape + "|" + FLOOR)) {
                    double[] f = medians(results.get(shape + "|" + FLOOR));
                    row(shape, FLOOR + " (the stack's floor, in Cordée's JVM)", f, "%.2f×".formatted(f[0] / p[0]));
                }
            }
            line("(medians of %d rounds; each round's ratio: %s)", rounds, ratios(results));
            line("");
            line("Statements per request in the last round, the most frequent first (calls per request, statement):");
            details.forEach(d -> line("- %s", d));

            postgraphile.destroy();
            postgraphile.waitFor();
            postgraphile = null;
            floor.close();

            if (!Boolean.getBoolean("bench.skipForecast")) { // a profiling run of the shapes alone
                forecast(agency, cookie, cordeeUrl);
            }

            // resident size of this process (the application, plus the test's small harness) under 50 clients
            List<String> mix = new ArrayList<>();
            for (String[] q : SHAPES.values()) {
                mix.add(q[0].startsWith("query(") ? body(q[0], Map.of("id", GlobalId.of("Client", clientIds.get(0)))) : body(q[0], Map.of()));
            }
            mix.add(body(LEAN_FORECAST, Map.of()));
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(rssKb(), Math::max);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long before = rssKb();
            double[] load = run(cordeeUrl, cookie, mix, 50, loadSeconds, 5, cordeePid, true);
            sampler.interrupt();
            line("");
            line("50 clients, %d s (after 5 s of warm-up), the four shapes and the lean forecast in turn: %.0f requests/s,"
                    + " p50 %.1f ms, p99 %.1f ms, %.1f statements/request, CPU %.2f ms/request, %.0f failed requests"
                    + " (first: %s)", loadSeconds, load[0], load[1], load[2], load[3], load[5], load[8], lastFirstError);
            line("Cordée's process (%s): resident %.0f MB before, peak %.0f MB under the load, %.0f MB after;"
                    + " heap max %d MB; load average %s", System.getProperty("bench.jvm", "test JVM"), before / 1024.0,
                    peak.get() / 1024.0, rssKb() / 1024.0, Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAverage());
        } finally {
            if (postgraphile != null) {
                postgraphile.destroy();
            }
            floor.close();
            Files.write(OUT.resolve("report.md"), report);
            counter.resume();
        }
    }

    /** The 104-week forecast cold (a no-op write before each request moves the data version, ADR 47) and cached. */
    private void forecast(AgencyId agency, Map<String, String> cookie, String url) throws Exception {
        line("");
        line("| 104-week forecast | median ms | p90 ms | SQL statements/request | PostgreSQL: sum of the request's"
                + " statements, ms | PostgreSQL: longest statement, ms |");
        line("|---|---|---|---|---|---|");
        for (String[] q : new String[][] {{"full (with inflowByClient), cold", FORECAST, "cold"},
                {"lean (weeks only), cold", LEAN_FORECAST, "cold"}, {"full, cached", FORECAST, "cached"}}) {
            boolean cold = q[2].equals("cold");
            for (int i = 0; i < 15; i++) {
                if (cold) {
                    touch(agency);
                }
                post(url, cookie, body(q[1], Map.of()));
            }
            sql("SELECT pg_stat_statements_reset()");
            List<Double> times = new ArrayList<>();
            int runs = 30;
            for (int i = 0; i < runs; i++) {
                if (cold) {
                    touch(agency);
                }
                long t0 = System.nanoTime();
                post(url, cookie, body(q[1], Map.of()));
                times.add((System.nanoTime() - t0) / 1e6);
            }
            Collections.sort(times);
            double[] pg = db.sql("""
                    SELECT coalesce(sum(calls), 0)::float8, coalesce(sum(total_exec_time), 0)::float8,
                      coalesce(max(mean_exec_time), 0)::float8 FROM pg_stat_statements
                    WHERE query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE 'UPDATE overhead SET label%'""")
                    .map((row, meta) -> new double[] {row.get(0, Double.class), row.get(1, Double.class),
                        row.get(2, Double.class)}).one().block();
            line("| %s | **%.1f** | %.1f | %.1f | %.1f | %.1f |", q[0], times.get(runs / 2), times.get(runs * 9 / 10),
                    pg[0] / runs, pg[1] / runs, pg[2]);
        }
    }

    /** Runs the driver against one server; returns rps, p50, p99, statements, non-utility, CPU ms, PG ms per request. */
    private double[] run(String url, Map<String, String> headers, List<String> bodies, int concurrency, int seconds,
            int warmup, long pid, boolean errorsReported) throws Exception {
        sql("SELECT pg_stat_statements_reset()");
        long cpu0 = cpuTicks(pid);
        LoadDriver.Result r = LoadDriver.run(url, headers, bodies, concurrency, seconds, warmup);
        long cpu1 = cpuTicks(pid);
        if (!errorsReported) {
            r.withoutErrors(url);
        }
        lastFirstError = r.firstError();
        double total = r.total();
        double[] pg = db.sql("""
                SELECT coalesce(sum(calls), 0)::float8,
                  coalesce(sum(calls) FILTER (WHERE query ~* '^\\s*(begin|commit|rollback|set|reset|select set_config|discard|start transaction)'), 0)::float8,
                  coalesce(sum(total_exec_time), 0)::float8
                FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'""")
                .map((row, meta) -> new double[] {row.get(0, Double.class), row.get(1, Double.class),
                    row.get(2, Double.class)}).one().block();
        return new double[] {r.rps(), r.p50Ms(), r.p99Ms(), pg[0] / total, pg[1] / total, (cpu1 - cpu0) * 10.0 / total,
            pg[2] / total, total, r.errors()};
    }

    /** The statements of the last run, most called first, as calls per request. */
    private String topStatements(long total) {
        return String.join("; ", db.sql("""
                SELECT calls, regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS q FROM pg_stat_statements
                WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY calls DESC LIMIT 4""")
                .map((row, meta) -> "%.2f × `%s`".formatted(row.get(0, Long.class) / (double) total, row.get(1, String.class)))
                .all().collectList().block());
    }

    private Process startPostGraphile(String cli) throws Exception {
        int pgPort = Integer.getInteger("bench.postgraphilePort", 18962);
        Process p = new ProcessBuilder("node", cli, "-c", System.getProperty("bench.pgUrl"), "--schema", "public",
                "--host", "127.0.0.1", "--port", String.valueOf(pgPort), "--disable-query-log")
                .redirectErrorStream(true).redirectOutput(OUT.resolve("postgraphile.log").toFile()).start();
        await("PostGraphile answers (see " + OUT.resolve("postgraphile.log") + ")").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    assertThat(p.isAlive()).as("PostGraphile: see %s", OUT.resolve("postgraphile.log")).isTrue();
                    try {
                        return post("http://127.0.0.1:" + pgPort + "/graphql", Map.of(), body("{ __typename }", Map.of()))
                                .contains("Query");
                    } catch (IOException notYet) {
                        return false; // starting
                    }
                });
        return p;
    }

    private String post(String url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).as("answer of %s", url).doesNotContain("\"errors\"");
        return r.body();
    }

    private void touch(AgencyId agency) {
        db.sql("UPDATE overhead SET label = label WHERE agency_id = :agencyId").bind("agencyId", agency.value())
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }

    private void sql(String sql) {
        db.sql(sql).fetch().all().then().block(Duration.ofSeconds(30));
    }

    private static long rssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static String ratios(Map<String, List<double[]>> results) {
        StringBuilder s = new StringBuilder();
        for (String shape : SHAPES.keySet()) {
            List<double[]> c = results.get(shape + "|" + CORDEE);
            List<double[]> p = results.get(shape + "|" + POSTGRAPHILE);
            s.append(shape).append(":");
            for (int i = 0; i < c.size(); i++) {
                s.append(" %.2f".formatted(c.get(i)[0] / p.get(i)[0]));
            }
            s.append("; ");
        }
        return s.toString();
    }

    private void row(String shape, String server, double[] m, String ratio) {
        line("| %s | %s | %.0f | %.1f | %.1f | %.1f (%.1f) | %.2f | %.2f | %s |", shape, server, m[0], m[1], m[2], m[3],
                m[4], m[5], m[6], ratio);
    }

    private void line(String format, Object... args) {
        String s = args.length == 0 ? format : format.formatted(args);
        System.out.println(s);
        report.add(s);
    }
}
