package io.cordee.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.Tenants.Tenant;
import io.cordee.api.support.TestClock;
import io.cordee.core.identity.Role;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bounded load test against loopback: {@value #CLIENTS} concurrent clients (two signed-in users in
 * each of {@value #AGENCIES} agencies, an OWNER and a FINANCE) run a mix of the SPA's dashboard queries
 * and mutations for 5 minutes ({@code -Dcordee.load.duration=PT30S} for a short run). Not part of the
 * test suite; see docs/benchmarks.md.
 *
 * <p>It prints p50/p99 latency per operation and the throughput, and checks that nothing failed but the
 * deliberate conflicts (two users of an agency change the same client with the version each read), that
 * the heap after a full GC at the end is within 20 % of the one after the warm-up, and that the rows in
 * PostgreSQL match the acknowledged writes exactly: one project per acknowledged {@code createProject},
 * one payment per acknowledged {@code recordPayment}, and the invoice's paid amount their sum.
 */
@ApiTest
// Each of the 50 clients is its own user; at 3 requests a second each they would run into the per-user
// rate limit (300 a minute), which is not what this test measures (ProductionLimitsTest checks it).
@TestPropertySource(properties = "cordee.limits.rate.caller-requests=100000")
class LoadBenchmark {

    private static final int AGENCIES = 25;
    private static final int CLIENTS = 2 * AGENCIES;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final long PAYMENT_MINOR = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String COCKPIT = """
            query Cockpit($h: Int) {
              cashForecast(horizonWeeks: $h) {
                asOf lowestBalance { amountMinor currency } lowestWeek firstWeekBelowThreshold
                weeks { weekStart inflow { amountMinor } outflow { amountMinor } closing { amountMinor }
                  inflowByClient { client { id name } amount { amountMinor } } } }
              clients(first: 100) { nodes { id name projects { id name status startDate timeToFirstCashDays } } } }""";
    private static final String ALERTS = """
            query Alerts { alerts(first: 50, filter: {status: [OPEN]}) { totalCount
              nodes { id kind severity client { name } evidence { name value } suggestedAction version } } }""";
    private static final String CLIENT_LIST = """
            query Clients { clients(first: 20) { totalCount nodes { id name version paymentTermsDays
              projects { id name status feeBudget { amountMinor } }
              relationship { lateCommitments health { score } } } } }""";
    private static final String CLIENT = "query($id: ID!) { client(id: $id) { version paymentTermsDays } }";
    private static final String UPDATE_CLIENT = """
            mutation($in: UpdateClientInput!) { updateClient(input: $in) {
              client { version } userErrors { field message code } } }""";
    private static final String CREATE_PROJECT = """
            mutation($in: CreateProjectInput!) { createProject(input: $in) {
              project { id } userErrors { field message code } } }""";
    private static final String PAY = """
            mutation($in: RecordPaymentInput!) { recordPayment(input: $in) {
              invoice { id } userErrors { field message code } } }""";

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;
    @Autowired
    StatementCounter counter;
    /** The application's clock: the dates sent are the server's "today" in Paris, not the machine's. */
    @Autowired
    TestClock clock;

    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong[] projectsCreated = counters();
    private final AtomicLong[] paymentsRecorded = counters();
    private volatile boolean measuring;

    @Test
    void fiftyClientsForFiveMinutes() {
        counter.pause();
        try {
            load();
        } finally {
            counter.resume();
        }
    }

    private void load() {
        Duration duration = Duration.parse(System.getProperty("cordee.load.duration", "PT5M"));
        ConnectionProvider pool = ConnectionProvider.builder("load").maxConnections(CLIENTS * 2)
                .pendingAcquireMaxCount(-1).build();
        WebClient http = WebClient.builder().baseUrl("http://localhost:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();

        List<Agency> agencies = new ArrayList<>();
        for (int i = 0; i < AGENCIES; i++) {
            agencies.add(setUp(http, i));
        }
        long projectsBefore = count("project", agencies);

        // Warm-up (not measured), then the heap after a full GC is the baseline.
        run(http, agencies, WARM_UP);
        long heapStart = heapAfterGc();
        errors.clear();
        conflicts.set(0);
        measuring = true;
        long t0 = System.nanoTime();
        run(http, agencies, duration);
        double seconds = (System.nanoTime() - t0) / 1e9;
        measuring = false;
        long heapEnd = heapAfterGc();

        long requests = latencies.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
        System.out.printf("%nLoad: %d clients, %d agencies, %.0f s measured (after %d s of warm-up)%n",
                CLIENTS, AGENCIES, seconds, WARM_UP.toSeconds());
        System.out.printf("  %-14s %8s %8s %8s %8s%n", "operation", "count", "p50 ms", "p99 ms", "max ms");
        List<Long> all = new ArrayList<>();
        new TreeMap<>(latencies).forEach((op, values) -> {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            all.addAll(sorted);
            System.out.printf("  %-14s %8d %8.1f %8.1f %8.1f%n", op, sorted.size(), ms(percentile(sorted, 0.50)),
                    ms(percentile(sorted, 0.99)), ms(sorted.get(sorted.size() - 1)));
        });
        Collections.sort(all);
        System.out.printf("  all: %d requests, %.1f requests/s, p50 %.1f ms, p99 %.1f ms%n", requests,
                requests / seconds, ms(percentile(all, 0.50)), ms(percentile(all, 0.99)));
        System.out.printf("  deliberate conflicts: %d; errors: %d%n", conflicts.get(), errors.size());
        System.out.printf("  heap after GC: %.1f MB after the warm-up, %.1f MB at the end (%+.1f %%)%n%n",
                heapStart / 1e6, heapEnd / 1e6, 100.0 * (heapEnd - heapStart) / heapStart);

        assertThat(errors.stream().limit(10).toList()).as("failures other than deliberate conflicts (the first 10 of %d)",
                errors.size()).isEmpty();
        assertThat(conflicts.get()).as("the two users of an agency did collide").isPositive();
        assertThat((double) heapEnd).as("heap after GC at the end vs after the warm-up")
                .isLessThanOrEqualTo(heapStart * 1.2);
        // Every acknowledged write is there, and nothing else: warm-up writes count too (they were acknowledged).
        long acknowledgedProjects = 0;
        for (int i = 0; i < AGENCIES; i++) {
            Agency agency = agencies.get(i);
            acknowledgedProjects += projectsCreated[i].get();
            long[] payments = db.sql("SELECT count(*) AS n, coalesce(sum(amount_minor), 0)::bigint AS total FROM payment WHERE agency_id = $1")
                    .bind(0, agency.tenant.agencyId().value())
                    .map(row -> new long[] {row.get("n", Long.class), row.get("total", Long.class)})
                    .one().block(Duration.ofSeconds(10));
            assertThat(payments[0]).as("payments of agency %d", i).isEqualTo(paymentsRecorded[i].get());
            assertThat(payments[1]).as("sum paid in agency %d", i).isEqualTo(paymentsRecorded[i].get() * PAYMENT_MINOR);
            Long paid = db.sql("SELECT paid_minor FROM invoice WHERE agency_id = $1 AND id = $2")
                    .bind(0, agency.tenant.agencyId().value()).bind(1, agency.invoiceUuid)
                    .map(row -> row.get("paid_minor", Long.class)).one().block(Duration.ofSeconds(10));
            assertThat(paid).as("invoice paid in agency %d", i).isEqualTo(paymentsRecorded[i].get() * PAYMENT_MINOR);
        }
        assertThat(count("project", agencies) - projectsBefore).isEqualTo(acknowledgedProjects);
        System.out.printf("  rows: %d projects and %d payments acknowledged = in PostgreSQL%n%n", acknowledgedProjects,
                Arrays.stream(paymentsRecorded).mapToLong(AtomicLong::get).sum());
        pool.dispose();
    }

    /** Runs every client's loop until {@code duration} has passed. */
    private void run(WebClient http, List<Agency> agencies, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        Flux.range(0, CLIENTS)
                .flatMap(n -> {
                    int index = n / 2;
                    Agency agency = agencies.get(index);
                    String session = n % 2 == 0 ? agency.owner : agency.finance;
                    Random random = new Random(n * 31L + System.nanoTime());
                    return Mono.defer(() -> step(http, agency, index, session, random))
                            .repeat(() -> System.nanoTime() < deadline);
                }, CLIENTS)
                .blockLast(duration.plusMinutes(2));
    }

    /** One operation of the mix: 60 % dashboard reads, 40 % writes. */
    private Mono<Void> step(WebClient http, Agency agency, int index, String session, Random random) {
        int pick = random.nextInt(100);
        if (pick < 30) {
            return call(http, session, "cockpit", COCKPIT, Map.of("h", 26)).then();
        }
        if (pick < 45) {
            return call(http, session, "alerts", ALERTS, Map.of()).then();
        }
        if (pick < 60) {
            return call(http, session, "clients", CLIENT_LIST, Map.of()).then();
        }
        if (pick < 75) {
            // Read the client's version, then change it: the other user of the agency may have changed it
            // in between, which is the deliberate conflict.
            return call(http, session, "client", CLIENT, Map.of("id", agency.clientId)).flatMap(data -> {
                JsonNode client = data.path("client");
                int terms = client.path("paymentTermsDays").asInt() == 30 ? 45 : 30;
                return call(http, session, "updateClient", UPDATE_CLIENT, Map.of("in", Map.of(
                        "id", agency.clientId, "version", client.path("version").asLong(), "paymentTermsDays", terms)));
            }).then();
        }
        if (pick < 88) {
            return call(http, session, "createProject", CREATE_PROJECT, Map.of("in", Map.of(
                    "clientId", agency.clientId, "name", "Load " + random.nextInt(1_000_000),
                    "startDate", clock.todayInParis().plusDays(random.nextInt(60)).toString(),
                    "feeBudget", Map.of("amountMinor", 100_000 + random.nextInt(5_000_000)))))
                    .doOnNext(data -> {
                        if (!data.path("createProject").path("project").isNull()) {
                            projectsCreated[index].incrementAndGet();
                        }
                    }).then();
        }
        return call(http, session, "recordPayment", PAY, Map.of("in", Map.of(
                "invoiceId", agency.invoiceId, "amount", Map.of("amountMinor", PAYMENT_MINOR),
                "receivedOn", clock.todayInParis().toString())))
                .doOnNext(data -> {
                    if (!data.path("recordPayment").path("invoice").isNull()) {
                        paymentsRecorded[index].incrementAndGet();
                    }
                }).then();
    }

    /**
     * Posts one operation and returns its {@code data}. Anything but a 200 answer with no GraphQL error
     * and no user error other than a version conflict is recorded as an error.
     */
    private Mono<JsonNode> call(WebClient http, String session, String operation, String query,
                                Map<String, Object> variables) {
        long start = System.nanoTime();
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .cookie("CORDEE_SESSION", session)
                .bodyValue(Map.of("query", query, "variables", variables))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> {
                            if (measuring) {
                                latencies.computeIfAbsent(operation, k -> new ConcurrentLinkedQueue<>())
                                        .add(System.nanoTime() - start);
                            }
                            if (response.statusCode().value() != 200) {
                                errors.add(operation + ": HTTP " + response.statusCode().value() + " " + body);
                                return JSON.createObjectNode();
                            }
                            JsonNode answer = JSON.readTree(body);
                            if (answer.has("errors")) {
                                errors.add(operation + ": " + answer.path("errors"));
                            }
                            JsonNode data = answer.path("data");
                            data.forEach(payload -> payload.path("userErrors").forEach(error -> {
                                if ("CONFLICT".equals(error.path("code").asString())) {
                                    conflicts.incrementAndGet();
                                } else {
                                    errors.add(operation + ": " + error);
                                }
                            }));
                            return data;
                        }))
                .onErrorResume(e -> {
                    errors.add(operation + ": " + e);
                    return Mono.just(JSON.createObjectNode());
                });
    }

    /** An agency with its client, one project whose 100 % deposit invoice is issued, and two sessions. */
    private Agency setUp(WebClient http, int n) {
        Tenant tenant = tenants.create("Load " + n);
        String owner = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        String finance = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        String clientId = GlobalId.of("Client", tenant.ownClient().id().value());
        call(http, owner, "setup", """
                mutation($d: Date!) { recordBankBalance(input: {date: $d, amount: {amountMinor: 25000000}}) {
                  userErrors { field message code } } }""", Map.of("d", clock.todayInParis().minusDays(1).toString())).block();
        JsonNode project = call(http, owner, "setup", CREATE_PROJECT, Map.of("in", Map.of(
                "clientId", clientId, "name", "Retainer", "startDate", clock.todayInParis().toString(),
                "feeBudget", Map.of("amountMinor", 100_000_000)))).block();
        String projectId = project.path("createProject").path("project").path("id").asString();
        call(http, owner, "setup", """
                mutation($p: ID!) { setBillingPlan(input: {projectId: $p, depositPercent: 100, milestones: []}) {
                  billingPlan { version } userErrors { field message code } } }""", Map.of("p", projectId)).block();
        JsonNode invoices = call(http, owner, "setup",
                "query($p: ID!) { invoices(projectId: $p, first: 1) { nodes { id version } } }",
                Map.of("p", projectId)).block();
        JsonNode invoice = invoices.path("invoices").path("nodes").path(0);
        String invoiceId = invoice.path("id").asString();
        call(http, owner, "setup", """
                mutation($id: ID!, $v: Long!, $d: Date!) { issueInvoice(input: {id: $id, version: $v, issueDate: $d}) {
                  invoice { status } userErrors { field message code } } }""",
                Map.of("id", invoiceId, "v", invoice.path("version").asLong(), "d", clock.todayInParis().toString())).block();
        assertThat(errors.stream().limit(10).toList()).as("setting up agency %d", n).isEmpty();
        return new Agency(tenant, owner, finance, clientId, invoiceId,
                GlobalId.decode(invoiceId, "Invoice", "invoiceId"));
    }

    private long count(String table, List<Agency> agencies) {
        long total = 0;
        for (Agency agency : agencies) {
            total += db.sql("SELECT count(*) AS n FROM " + table + " WHERE agency_id = $1")
                    .bind(0, agency.tenant.agencyId().value())
                    .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
        }
        return total;
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static AtomicLong[] counters() {
        AtomicLong[] counters = new AtomicLong[AGENCIES];
        for (int i = 0; i < AGENCIES; i++) {
            counters[i] = new AtomicLong();
        }
        return counters;
    }

    private record Agency(Tenant tenant, String owner, String finance, String clientId, String invoiceId,
                          UUID invoiceUuid) {
    }
}
