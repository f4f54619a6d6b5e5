package io.cordee.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.cash.CashRiskSettings;
import io.cordee.core.cash.CashService;
import io.cordee.core.cash.ForecastInput;
import io.cordee.core.cash.MonteCarlo;
import io.cordee.core.cash.Scenario;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The probabilistic forecast of the large benchmark agency (200 people, 1,000 clients, 50,000 invoices of
 * which 30,000 open): 2,000 paths × 104 weeks, beside the deterministic forecast's time. Not part of the
 * suite; see docs/benchmarks.md. It prints its figures.
 */
@ApiTest
class CashRiskBenchmark extends BenchmarkFixture {

    private static final int WARMUP = 10;
    private static final int RUNS = 15;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final String RISK = """
            { cashRisk(asOf: "2026-11-23", horizonWeeks: 104, paths: 2000, seed: 1) { probabilityUnderWithin13Weeks
                probabilityUnderWithin52Weeks expectedShortfall { amount }
                weeks { weekStart p10 { amount } p50 { amount } p90 { amount } base { amount } probabilityUnder }
                badPathClients { client { name } share } } }""";
    private static final String BASE = """
            { cashForecast(asOf: "2026-11-23", horizonWeeks: 104) { opening { amount } lowestBalance { amount }
                lowestWeek firstWeekBelowThreshold weeks { weekStart inflow { amount } outflow { amount } closing { amount } } } }""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CashService cash;
    @Autowired
    BillingRepository billing;
    @Autowired
    AgencyRepository agencies;

    @Test
    void cashRiskOfALargeAgency() {
        AgencyId agency = new AgencyId(UUID.randomUUID());
        LargeAgency.generate(db, agency.value()).block(Duration.ofMinutes(10));
        Http http = client(financeSession(agency, "risk"));

        List<Long> base = time(() -> post(http, BASE));
        byte[][] answer = new byte[1][];
        List<Long> risk = time(() -> answer[0] = post(http, RISK));
        JsonNode json = JSON.readTree(answer[0]);
        assertThat(json.path("errors").isMissingNode()).as("errors: %s", json.path("errors")).isTrue();
        assertThat(json.path("data").path("cashRisk").path("weeks").size()).isEqualTo(104);

        // the computation alone, on the facts already read
        Caller finance = new Caller(new UserId(UUID.randomUUID()), agency, Role.FINANCE, null);
        ForecastInput in = cash.input(finance, AS_OF, 104).block();
        List<PaidDates> paid = billing.findLastPaidDates(agency, 12).collectList().block();
        var settings = agencies.findById(agency).block().settings();
        var histories = MonteCarlo.delayHistories(settings,
                in.clients().values().stream().map(ForecastInput.ClientProfile::client).toList(), paid);
        List<Long> compute = time(() -> MonteCarlo.simulate(in, Scenario.BASE, histories, CashRiskSettings.defaults(),
                2_000, 1, List.of(), () -> false));

        // CPU time of the computation's own thread: what the machine's load (other builds) does not inflate
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            MonteCarlo.simulate(in, Scenario.BASE, histories, CashRiskSettings.defaults(), 2_000, 1, List.of(), () -> false);
            cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1_000);
        }
        Collections.sort(cpu);

        System.out.printf("%n=== cashRisk(paths: 2000, horizonWeeks: 104) on a large agency ===%n");
        System.out.printf("open receivables: %,d; clients: %,d; JVM max heap %d MB%n", in.receivables().size(),
                in.clients().size(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        print("cashForecast (deterministic, /graphql)", base);
        print("cashRisk (2,000 paths, /graphql)", risk);
        print("MonteCarlo.simulate alone", compute);
        print("MonteCarlo.simulate alone, CPU time", cpu);
        System.out.printf("answer: %,d bytes; P(under within 13 weeks) %s%n", answer[0].length,
                json.path("data").path("cashRisk").path("probabilityUnderWithin13Weeks"));
    }

    private static List<Long> time(Supplier<Object> run) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            run.get();
            if (i >= WARMUP) {
                times.add((System.nanoTime() - t0) / 1_000);
            }
        }
        Collections.sort(times);
        return times;
    }

    private static void print(String what, List<Long> times) {
        System.out.printf("%-40s median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n", what,
                times.get(RUNS / 2) / 1000.0, times.get(RUNS * 9 / 10) / 1000.0, times.get(0) / 1000.0,
                times.get(RUNS - 1) / 1000.0);
    }
}
