package io.cordee.api.benchmark;

import static io.cordee.api.benchmark.LoadDriver.body;
import static io.cordee.api.benchmark.LoadDriver.cpuTicks;
import static io.cordee.api.benchmark.LoadDriver.loadAverage;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/**
 * ADR 84: Cordée alone on issue 16's two cheapest shapes (by id, a list of 100 invoices), the CPU per request
 * of this JVM ({@code /proc/self/stat}) and the throughput from {@code bench/driver.mjs} (a separate node
 * process). Run once per configuration, alternately, by {@code bench/overhead.sh}, which passes the
 * configuration as system properties ({@code -Dcordee.limits.shared-buckets.batch-percent=0} … for "before");
 * each run appends its rows to {@code bench.out}. Skipped without {@code bench.label}.
 */
@ApiTest
@TestPropertySource(properties = "cordee.limits.rate.caller-requests=100000000")
class OverheadBenchmark extends BenchmarkFixture {

    @Test
    void byIdAndAListOfHundred() throws Exception {
        String label = System.getProperty("bench.label");
        Assumptions.assumeTrue(label != null, "run by bench/overhead.sh");
        int seconds = Integer.getInteger("bench.seconds", 10);
        int warmup = Integer.getInteger("bench.warmupSeconds", 20);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        Path out = Path.of(System.getProperty("bench.out", "/tmp/overhead-bench.md"));

        UUID agency = UUID.randomUUID();
        String session = overheadAgency(agency, "overhead");
        List<UUID> clients = db.sql("SELECT id FROM client WHERE agency_id = :a ORDER BY id").bind("a", agency)
                .map((row, meta) -> row.get(0, UUID.class)).all().collectList().block();

        List<String> byId = new ArrayList<>();
        for (UUID id : clients) {
            byId.add(body("query($id: ID!) { client(id: $id) { id name paymentTermsDays } }",
                    Map.of("id", GlobalId.of("Client", id))));
        }
        List<String> list = List.of(body("{ invoices(first: 100) { nodes { id label dueDate amount { amount } } } }", Map.of()));
        String url = "http://127.0.0.1:" + port + "/graphql";
        Map<String, String> cookie = Map.of("cookie", "CORDEE_SESSION=" + session);
        run(url, cookie, byId, concurrency, warmup, 1); // warm-up, both shapes
        run(url, cookie, list, concurrency, warmup, 1);
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> shape : Map.of("by id", byId, "a list of 100", list).entrySet()) {
            double[] r = run(url, cookie, shape.getValue(), concurrency, seconds, 2);
            rows.add("| %s | %s | %.0f | %.1f | %.1f | %.3f | %s |".formatted(label, shape.getKey(), r[0], r[1], r[2], r[3],
                    loadAverage()));
        }
        Files.write(out, rows, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        rows.forEach(System.out::println);
    }

    /** rps, p50, p99, CPU ms per request (every request sent, warm-up included, divides the CPU). */
    private double[] run(String url, Map<String, String> headers, List<String> bodies, int concurrency, int seconds,
                         int warmup) throws Exception {
        long cpu0 = cpuTicks();
        LoadDriver.Result r = LoadDriver.run(url, headers, bodies, concurrency, seconds, warmup).withoutErrors(url);
        long cpu1 = cpuTicks();
        return new double[] {r.rps(), r.p50Ms(), r.p99Ms(), (cpu1 - cpu0) * 10.0 / r.total()};
    }
}
