package io.cordee.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertService;
import io.cordee.core.common.Computations;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * One evaluation of the daily pass (issue 20): {@link AlertService#evaluate} of the demo agency, subscribed as
 * background work as the pass subscribes it, repeated. It prints per evaluation the memory allocated (by every
 * thread of the JVM: the evaluation hops between the event loops and the computation threads), the processor time of
 * those threads, the wall time and the SQL statements sent (counted on one more evaluation of each setting, subscribed
 * without the background mark: the background connections are not the counted ones; the statements are the same), in
 * two settings:
 * <ul>
 *   <li><b>cold</b>: a write that changes nothing (the agency's name set to itself) before each evaluation moves the
 *       data version, so the cash picture is loaded again — what the pass meets at 10,000 agencies, where the 64
 *       pictures remembered are the requests' (ADR 47);</li>
 *   <li><b>warm</b>: nothing written between evaluations, the picture remembered.</li>
 * </ul>
 * Not part of the test suite; see docs/benchmarks.md ("One daily evaluation made cheaper"). To profile:
 * {@code -Dbenchmark.jvmArgs="-XX:StartFlightRecording=filename=/tmp/eval.jfr,settings=profile"}, then
 * {@code java bench/JfrTop.java /tmp/eval.jfr <from> <to>} with the instants the run prints.
 */
@ApiTest
class DailyEvaluationBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final boolean FOREGROUND = Boolean.getBoolean("bench.foreground");

    @Autowired
    AlertService alerts;
    @Autowired
    StatementCounter counter;
    @Autowired
    DatabaseClient db;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void oneEvaluationOfTheDemoAgency() {
        LocalDate today = alerts.today(DemoAgency.ID).block(Duration.ofSeconds(30));
        // the demo's alerts were opened at start-up; this one leaves them as they are
        evaluate(today);

        Measured cold = measure(today, true);
        Measured warm = measure(today, false);

        System.out.printf("%n=== One daily evaluation of the demo agency (as of %s), %d runs after %d warm-up, %s ===%n",
                today, RUNS, WARMUP, FOREGROUND ? "as a request's work" : "as background work");
        cold.print("cold (data version moved before each: the picture loaded)");
        warm.print("warm (the picture remembered)");
        System.out.printf("statements of one cold evaluation:%n");
        cold.statementsOfOne().forEach((sql, n) -> System.out.printf("  %2d × %s%n", n, sql));
        System.out.println();

        assertThat(cold.changes()).as("an evaluation over unchanged facts changes no alert").isZero();
        assertThat(warm.changes()).isZero();
        assertThat(cold.statements()).isNotEmpty();
    }

    private Measured measure(LocalDate today, boolean cold) {
        for (int i = 0; i < WARMUP; i++) {
            if (cold) {
                touch();
            }
            evaluate(today);
        }
        List<Long> micros = new ArrayList<>();
        List<Long> cpuMicros = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        List<Integer> statements = new ArrayList<>();
        List<String> sent = List.of();
        int changes = 0;
        Instant from = Instant.now();
        for (int i = 0; i < RUNS; i++) {
            if (cold) {
                touch();
            }
            counter.reset();
            long allocated = allocatedByEveryThread();
            long cpu = cpuOfEveryThread();
            long t0 = System.nanoTime();
            changes = Math.max(changes, evaluate(today).size());
            long t1 = System.nanoTime();
            cpuMicros.add((cpuOfEveryThread() - cpu) / 1_000);
            bytes.add(allocatedByEveryThread() - allocated);
            micros.add((t1 - t0) / 1_000);
        }
        Instant to = Instant.now();
        for (int i = 0; i < 5; i++) {
            if (cold) {
                touch();
            }
            counter.reset();
            changes = Math.max(changes, alerts.evaluate(DemoAgency.ID, today).collectList()
                    .block(Duration.ofSeconds(60)).size());
            sent = counter.statements();
            statements.add(sent.size());
        }
        return new Measured(micros, cpuMicros, bytes, statements, sent, changes, from, to);
    }

    private List<AlertChange> evaluate(LocalDate today) {
        var evaluation = alerts.evaluate(DemoAgency.ID, today).collectList();
        // -Dbench.foreground=true: as a request's work, on the requests' threads and connections
        return (FOREGROUND ? evaluation : evaluation.contextWrite(Computations::inBackground))
                .block(Duration.ofSeconds(60));
    }

    /** A write that changes no fact but moves the agency's data version (ADR 47): the next picture is loaded. */
    private void touch() {
        db.sql("UPDATE agency SET name = name WHERE agency_id = :agencyId").bind("agencyId", DemoAgency.ID.value())
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }

    /** Processor time so far of the live threads, in nanoseconds. */
    private long cpuOfEveryThread() {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    /** Bytes allocated so far by the live threads (the evaluation hops between several). */
    private long allocatedByEveryThread() {
        long[] ids = threads.getAllThreadIds();
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(ids)) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    private record Measured(List<Long> micros, List<Long> cpuMicros, List<Long> bytes, List<Integer> statements, List<String> lastSent,
                            int changes, Instant from, Instant to) {

        void print(String what) {
            List<Long> t = sorted(micros);
            List<Long> b = sorted(bytes);
            List<Long> c = sorted(cpuMicros);
            List<Integer> s = sorted(statements);
            System.out.printf("%s, %s – %s:%n", what, from, to);
            System.out.printf("  wall time: median %.1f ms, p90 %.1f ms, min %.1f ms%n", t.get(t.size() / 2) / 1000.0,
                    t.get(t.size() * 9 / 10) / 1000.0, t.get(0) / 1000.0);
            System.out.printf("  processor time (every thread of the JVM): median %.1f ms, p90 %.1f ms%n",
                    c.get(c.size() / 2) / 1000.0, c.get(c.size() * 9 / 10) / 1000.0);
            System.out.printf("  allocated (every thread): median %.2f MB, p90 %.2f MB, min %.2f MB%n",
                    b.get(b.size() / 2) / 1e6, b.get(b.size() * 9 / 10) / 1e6, b.get(0) / 1e6);
            System.out.printf("  SQL statements (5 more runs, counted): median %d (min %d, max %d); alert changes: %d%n", s.get(s.size() / 2),
                    s.get(0), s.get(s.size() - 1), changes);
        }

        /** The statements of the last run, by their first words, with how many times each was sent. */
        Map<String, Long> statementsOfOne() {
            return new TreeMap<>(lastSent.stream().map(sql -> sql.replaceAll("\\s+", " ").strip())
                    .map(sql -> sql.length() > 110 ? sql.substring(0, 110) + "…" : sql)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        }

        private static <T extends Comparable<T>> List<T> sorted(List<T> values) {
            List<T> copy = new ArrayList<>(values);
            Collections.sort(copy);
            return copy;
        }
    }
}
