package io.cordee.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.cash.CashRepository;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.identity.PasswordHasher;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import io.cordee.core.staffing.TeamMemberRepository;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The cash forecast of a large agency through {@code /graphql}: 200 people, 1,000 clients, 10,000
 * projects, 50,000 invoices, 100,000 allocations. Not part of the test suite (its name does not end in
 * Test); run it with {@code ./mvnw -B -Pbenchmark verify} — see docs/benchmarks.md. It prints its figures.
 */
@ApiTest
class CashForecastBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 30;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final String QUERY = """
            { cashForecast(asOf: "2026-11-23", horizonWeeks: 104) { opening { amount } lowestBalance { amount }
                lowestWeek firstWeekBelowThreshold
                weeks { weekStart inflow { amount } outflow { amount } closing { amount }
                  inflowByClient { client { name } amount { amount } } } } }""";

    private static final String LEAN_QUERY = """
            { cashForecast(asOf: "2026-11-23", horizonWeeks: 104) { opening { amount } lowestBalance { amount }
                lowestWeek firstWeekBelowThreshold weeks { weekStart inflow { amount } outflow { amount } closing { amount } } } }""";

    @Autowired
    DatabaseClient db;
    @Autowired
    Tenants tenants;
    @Autowired
    StatementCounter counter;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordHasher hasher;
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

    @Test
    void cashForecastOfALargeAgency() {
        AgencyId agency = new AgencyId(UUID.randomUUID());
        long started = System.nanoTime();
        LargeAgency.generate(db, agency.value()).block(Duration.ofMinutes(10));
        long generatedMs = (System.nanoTime() - started) / 1_000_000;

        String email = "bench-" + agency.value().toString().substring(0, 8) + "@bench.example";
        users.insert(new User(new UserId(UUID.randomUUID()), agency, email, "Bench", Role.FINANCE, null,
                hasher.hash(Tenants.PASSWORD))).block();
        HttpGraphQlTester finance = tenants.as(email, Tenants.PASSWORD, 64 * 1024 * 1024);

        for (int i = 0; i < WARMUP; i++) {
            finance.document(QUERY).execute().path("cashForecast.weeks").entityList(Object.class).hasSize(104);
        }
        List<Long> times = new ArrayList<>();
        int statements = 0;
        for (int i = 0; i < RUNS; i++) {
            counter.reset();
            long t0 = System.nanoTime();
            finance.document(QUERY).execute().path("cashForecast.weeks").entityList(Object.class).hasSize(104);
            times.add((System.nanoTime() - t0) / 1_000);
            statements = Math.max(statements, counter.statements().size());
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
        List<ClientId> clientIds = billing.findReceivables(agency).map(i -> i.clientId()).distinct().collectList()
                .block();
        java.util.Map<String, Mono<?>> reads = new java.util.LinkedHashMap<>();
        reads.put("agency", agencies.findById(agency));
        reads.put("latest balance", cash.latestBalance(agency, AS_OF.minusDays(1)));
        reads.put("receivables", billing.findReceivables(agency).collectList());
        reads.put("team", members.findAll(agency).collectList());
        reads.put("overheads", cash.overheads(agency).collectList());
        reads.put("one-offs", cash.oneOffs(agency, AS_OF, AS_OF.plusWeeks(104)).collectList());
        reads.put("clients", clients.findAllById(agency, clientIds).collectList());
        reads.put("paid history", billing.findLastPaidDates(agency, clientIds, 12).collectList());
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        System.out.printf("%n=== cashForecast(horizonWeeks: 104) on a large agency ===%n");
        System.out.printf("data: 200 people, 1,000 clients, 10,000 projects, 50,000 invoices, 100,000 allocations"
                + " (generated in %d ms)%n", generatedMs);
        System.out.printf("JVM max heap: %d MB%n", heapMb);
        System.out.printf("through /graphql, %d runs after %d warm-up: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n",
                RUNS, WARMUP, times.get(RUNS / 2) / 1000.0, times.get(RUNS * 9 / 10) / 1000.0, times.get(0) / 1000.0,
                times.get(RUNS - 1) / 1000.0);
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
        String uuids = "ARRAY(SELECT id FROM client WHERE agency_id = '" + agency.value() + "')";
        System.out.printf("PostgreSQL alone (EXPLAIN ANALYZE execution time, median of 15):%n");
        System.out.printf("  %-16s %.1f ms%n", "receivables", explain("""
                SELECT id, client_id, project_id, status, issue_date, due_date, currency,
                  amount_minor - paid_minor AS balance_minor FROM invoice WHERE agency_id = '%s'
                  AND status IN ('PLANNED', 'ISSUED') AND paid_minor < amount_minor""".formatted(agency.value())));
        System.out.printf("  %-16s %.1f ms%n", "paid history", explain("""
                SELECT client_id, due_date, paid_date FROM (SELECT client_id, due_date, paid_date,
                  row_number() OVER (PARTITION BY client_id ORDER BY paid_date DESC, id DESC) AS rank
                  FROM invoice WHERE agency_id = '%s' AND status = 'PAID' AND client_id = ANY(%s)) last
                  WHERE rank <= 12""".formatted(agency.value(), uuids)));

        // the same forecast without the per-client breakdown of each week's inflow (what a chart's line needs)
        List<Long> lean = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            finance.document(LEAN_QUERY).execute().path("cashForecast.weeks").entityList(Object.class).hasSize(104);
            if (i >= WARMUP) {
                lean.add((System.nanoTime() - t0) / 1_000);
            }
        }
        Collections.sort(lean);
        System.out.printf("without inflowByClient: median %.1f ms, p90 %.1f ms%n", lean.get(RUNS / 2) / 1000.0,
                lean.get(RUNS * 9 / 10) / 1000.0);

        assertThat(statements).as("SQL statements per request").isLessThanOrEqualTo(10);
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

    /** The forecast's reads: agency, balance, open invoices, team, overheads, payments, one-offs, clients, history. */
    private Mono<Integer> databaseReadsOfOneForecast(AgencyId agency) {
        return Mono.zip(agencies.findById(agency), cash.latestBalance(agency, AS_OF.minusDays(1)),
                        billing.findReceivables(agency).collectList(), members.findAll(agency).collectList(),
                        cash.overheads(agency).collectList())
                .flatMap(t -> {
                    List<ClientId> ids = t.getT3().stream().map(i -> i.clientId()).distinct().toList();
                    return Mono.zip(billing.findPayments(agency, t.getT2().date().plusDays(1), AS_OF.minusDays(1))
                                    .collectList(),
                            cash.oneOffs(agency, t.getT2().date().plusDays(1), AS_OF.plusWeeks(104)).collectList(),
                            clients.findAllById(agency, ids).collectList(),
                            billing.findLastPaidDates(agency, ids, 12).collectList())
                            .map(u -> t.getT3().size() + u.getT4().size());
                });
    }
}
