package io.cordee.api.benchmark;

import static io.cordee.api.benchmark.LoadDriver.cpuTicks;
import static io.cordee.api.benchmark.LoadDriver.loadAverage;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues 16 and 20: what one request costs the server besides its answer, as bytes allocated on the heap and processor
 * time, for four shapes sent by {@code bench/driver.mjs} (a node process of its own, so nothing of the client is
 * counted): the cockpit's 26-week forecast as the scale benchmark sends it, as the demo owner, answered from the
 * response cache (ADR 91) and computed again from the kept picture ({@code Cache-Control: no-cache}, ADR 47); a
 * client by id and a list of 100 invoices (ADR 84's shapes). Each shape is warmed up, then measured over
 * {@code bench.rounds} runs: the bytes every live thread of this JVM allocated ({@code ThreadMXBean}) and the
 * processor time of the process ({@code /proc/self/stat}, GC and JIT included), divided by the requests sent.
 * Run by {@code bench/request-bytes.sh} (docs/benchmarks.md, "Bytes per request"); skipped without {@code bench.label}.
 */
@ApiTest
@TestPropertySource(properties = "cordee.limits.rate.caller-requests=100000000")
class RequestBytesBenchmark extends BenchmarkFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FORECAST = "{ cashForecast(horizonWeeks: 26) { opening { amount } lowestBalance { amount }"
            + " lowestWeek firstWeekBelowThreshold weeks { weekStart inflow { amount } outflow { amount } closing { amount } } } }";

    @Autowired
    StatementCounter counter;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void bytesAndProcessorTimePerRequest() throws Exception {
        String label = System.getProperty("bench.label");
        Assumptions.assumeTrue(label != null, "run by bench/request-bytes.sh");
        int seconds = Integer.getInteger("bench.seconds", 10);
        int warmup = Integer.getInteger("bench.warmupSeconds", 20);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int concurrency = Integer.getInteger("bench.concurrency", 4);
        Path out = Path.of(System.getProperty("bench.out", "/tmp/request-bytes.md"));
        counter.pause(); // the counter would keep every statement of the run

        String owner = tenants.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        UUID agency = UUID.randomUUID();
        String finance = overheadAgency(agency, "bytes");
        List<UUID> clients = db.sql("SELECT id FROM client WHERE agency_id = :a ORDER BY id").bind("a", agency)
                .map((row, meta) -> row.get(0, UUID.class)).all().collectList().block();
        List<String> byId = new ArrayList<>();
        for (UUID id : clients) {
            byId.add(body("query($id: ID!) { client(id: $id) { id name paymentTermsDays } }",
                    Map.of("id", GlobalId.of("Client", id))));
        }

        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("forecast, kept answer", new Shape(owner, Map.of(), List.of(body(FORECAST, Map.of()))));
        shapes.put("forecast, computed", new Shape(owner, Map.of("cache-control", "no-cache"),
                List.of(body(FORECAST, Map.of()))));
        shapes.put("by id", new Shape(finance, Map.of(), byId));
        shapes.put("a list of 100", new Shape(finance, Map.of(),
                List.of(body("{ invoices(first: 100) { nodes { id label dueDate amount { amount } } } }", Map.of()))));

        // the answer itself, so that a change can be seen to leave it alone: the demo's forecast holds no id
        byte[] answer = answer(owner, body(FORECAST, Map.of()));
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(answer)).substring(0, 16);
        System.out.printf("%n=== Bytes per request (%s), %d × %d s after %d s of warm-up, concurrency %d ===%n", label,
                rounds, seconds, warmup, concurrency);
        System.out.printf("the forecast's answer: %,d bytes, SHA-256 %s…%n", answer.length, digest);

        String url = "http://127.0.0.1:" + port + "/graphql";
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, Shape> shape : shapes.entrySet()) {
            run(url, shape.getValue(), concurrency, warmup); // untimed: the JIT reaches its last tiers
            List<double[]> measured = new ArrayList<>();
            Instant from = Instant.now();
            for (int i = 0; i < rounds; i++) {
                measured.add(run(url, shape.getValue(), concurrency, seconds));
            }
            Instant to = Instant.now();
            double[] bytes = measured.stream().mapToDouble(m -> m[0]).sorted().toArray();
            double[] cpu = measured.stream().mapToDouble(m -> m[1]).sorted().toArray();
            double rps = measured.stream().mapToDouble(m -> m[2]).average().orElse(0);
            String row = "| %s | %s | %,.0f (%,.0f–%,.0f) | %.3f (%.3f–%.3f) | %.0f | %s |".formatted(label,
                    shape.getKey(), bytes[bytes.length / 2], bytes[0], bytes[bytes.length - 1], cpu[cpu.length / 2],
                    cpu[0], cpu[cpu.length - 1], rps, loadAverage());
            rows.add(row);
            System.out.printf("%s   measured %s – %s%n", row, from, to);
        }
        Files.write(out, rows, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Whose session, which headers besides it, which bodies (taken in turn). */
    private record Shape(String session, Map<String, String> headers, List<String> bodies) {
    }

    /**
     * One run of the driver: bytes allocated and processor milliseconds per request sent, requests a second. Every
     * request sent divides (the driver's {@code total}): the counters run for the whole run.
     */
    private double[] run(String url, Shape shape, int concurrency, int seconds) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(shape.headers());
        headers.put("cookie", "CORDEE_SESSION=" + shape.session());
        long bytes0 = allocatedByEveryThread();
        long cpu0 = cpuTicks();
        LoadDriver.Result r = LoadDriver.run(url, headers, shape.bodies(), concurrency, seconds, 0).withoutErrors(url);
        long cpu1 = cpuTicks();
        long bytes1 = allocatedByEveryThread();
        double total = r.total();
        return new double[] {(bytes1 - bytes0) / total, (cpu1 - cpu0) * 10.0 / total, r.rps()};
    }

    /**
     * Bytes allocated so far by the live threads. A thread that ends between two readings takes its count with it: the
     * server's threads (event loops, the R2DBC loops, the pools' workers) live for the whole run.
     */
    private long allocatedByEveryThread() {
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    /** One answer, read with the JDK's client (outside any measured run). */
    private byte[] answer(String session, String body) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/graphql")).header("Content-Type", "application/json")
                .header("Cookie", "CORDEE_SESSION=" + session).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body())).startsWith("{\"data\"").doesNotContain("\"errors\"");
        return response.body();
    }

    /** The POST body; without {@code variables} when there are none, as bench/scale.sh sends the forecast. */
    private static String body(String query, Map<String, Object> variables) {
        return JSON.writeValueAsString(variables.isEmpty() ? Map.of("query", query)
                : Map.of("query", query, "variables", variables));
    }
}
