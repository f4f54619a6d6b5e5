package io.cordee.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/driver.mjs}, the node load driver (a process of its own, so that its CPU is no server's), and what the
 * benchmarks read around one of its runs: a process's CPU ticks, the load average, medians of rounds.
 */
final class LoadDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LoadDriver() {
    }

    /**
     * What the driver printed: requests/s and latencies of the measured window; {@code total} every request sent,
     * warm-up included (what divides a server's CPU or statements read over the whole run); {@code errors} any.
     */
    record Result(double rps, double p50Ms, double p99Ms, double total, long errors, String firstError) {

        Result withoutErrors(String url) {
            assertThat(errors).as("errors against %s: %s", url, firstError).isZero();
            return this;
        }
    }

    /** One closed-loop run: {@code concurrency} connections, {@code warmup} s unmeasured then {@code seconds} s. */
    static Result run(String url, Map<String, String> headers, List<String> bodies, int concurrency, int seconds,
            int warmup) throws IOException, InterruptedException {
        String config = JSON.writeValueAsString(Map.of("url", url, "headers", headers, "bodies", bodies,
                "concurrency", concurrency, "seconds", seconds, "warmup", warmup));
        Process driver = new ProcessBuilder("node", driver(), config)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out;
        try {
            out = new String(driver.getInputStream().readAllBytes()).trim();
            assertThat(driver.waitFor(warmup + seconds + 60L, java.util.concurrent.TimeUnit.SECONDS))
                    .as("driver still running %d s after its run should have ended", 60).isTrue();
        } finally {
            driver.destroyForcibly();
        }
        assertThat(driver.exitValue()).as("driver: %s", out).isZero();
        JsonNode r = JSON.readTree(out);
        return new Result(r.path("rps").asDouble(), r.path("p50Ms").asDouble(), r.path("p99Ms").asDouble(),
                r.path("total").asDouble(), r.path("errors").asLong(),
                r.path("firstError").isNull() ? "none" : r.path("firstError").asString());
    }

    /** {@code bench.driver}, else {@code bench/driver.mjs} in the working directory or above it (Surefire runs in api/). */
    private static String driver() {
        String given = System.getProperty("bench.driver");
        if (given != null) {
            return given;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bench/driver.mjs"))) {
                return dir.resolve("bench/driver.mjs").toString();
            }
        }
        throw new IllegalStateException("bench/driver.mjs not found above " + Path.of("").toAbsolutePath()
                + ": pass -Dbench.driver");
    }

    /** A GraphQL POST body. */
    static String body(String query, Map<String, Object> variables) {
        return JSON.writeValueAsString(Map.of("query", query, "variables", variables));
    }

    /** utime + stime of a process in clock ticks (100 a second on Linux). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The same for this JVM. */
    static long cpuTicks() throws IOException {
        return cpuTicks(ProcessHandle.current().pid());
    }

    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "?";
        }
    }

    /** Column by column, the median of several runs' figures. */
    static double[] medians(List<double[]> runs) {
        double[] m = new double[runs.get(0).length];
        for (int i = 0; i < m.length; i++) {
            List<Double> v = new ArrayList<>();
            for (double[] r : runs) {
                v.add(r[i]);
            }
            Collections.sort(v);
            m[i] = v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
        }
        return m;
    }
}
