package io.cordee.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Re-evaluating all nine rules for the large agency of {@link LargeAgency} (200 people, 1,000 clients,
 * 10,000 projects, 50,000 invoices, 100,000 allocations): reading the facts, running the rules,
 * reconciling with the stored alerts and writing the changes. Not part of the test suite; run it with
 * {@code ./mvnw -B -Pbenchmark verify} — see docs/benchmarks.md. Target: under 2 s.
 */
@ApiTest
class AlertEvaluationBenchmark {

    private static final int WARMUP = 3;
    private static final int RUNS = 10;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Autowired
    DatabaseClient db;
    @Autowired
    AlertService alerts;
    @Autowired
    StatementCounter counter;

    @Test
    void reEvaluateAllRulesOfALargeAgency() {
        AgencyId agency = new AgencyId(UUID.randomUUID());
        LargeAgency.generate(db, agency.value()).block(Duration.ofMinutes(10));

        long t0 = System.nanoTime();
        List<AlertChange> first = alerts.evaluate(agency, AS_OF).collectList().block(Duration.ofMinutes(5));
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        Map<String, Long> opened = new TreeMap<>(first.stream().collect(Collectors.groupingBy(
                c -> c.alert().kind().name(), Collectors.counting())));

        for (int i = 0; i < WARMUP; i++) {
            alerts.evaluate(agency, AS_OF).collectList().block(Duration.ofMinutes(5));
        }
        List<Long> times = new ArrayList<>();
        int statements = 0;
        int changes = 0;
        for (int i = 0; i < RUNS; i++) {
            counter.reset();
            long t = System.nanoTime();
            changes = Math.max(changes, alerts.evaluate(agency, AS_OF).collectList().block(Duration.ofMinutes(5)).size());
            times.add((System.nanoTime() - t) / 1_000_000);
            statements = Math.max(statements, counter.statements().size());
        }
        Collections.sort(times);
        System.out.printf("%nAlert evaluation of the large agency (%s)%n", AS_OF);
        System.out.printf("  first evaluation (opens every alert): %d ms, %d alerts %s%n", firstMs, first.size(), opened);
        System.out.printf("  re-evaluation, median of %d: %d ms (p90 %d ms, min %d ms), %d changes%n", RUNS,
                times.get(RUNS / 2), times.get((int) Math.ceil(RUNS * 0.9) - 1), times.get(0), changes);
        System.out.printf("  SQL statements per re-evaluation: %d%n%n", statements);
        assertThat(first).isNotEmpty();
        assertThat(changes).isZero();
    }
}
