package io.cordee.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.SameDatabaseInstance;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.cash.CashService;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ADR 91: a cacheable query's answer is kept per (agency, data version, today, role, …) and served byte for byte as
 * computed; a write on any instance, another role, a CLIENT contact or another day never gets a kept answer.
 */
@ApiTest
class ResponseCacheTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** 26 weeks: an answer over the 1 KB from which answers are compressed. */
    private static final String FORECAST = """
            query Forecast($h: Int) { cashForecast(asOf: "2026-07-06", horizonWeeks: $h) {
              asOf opening { amountMinor currency } lowestBalance { amount }
              weeks { weekStart isoWeek closing { amountMinor } inflowByClient { client { id name } amount { amount } } } } }""";
    private static final Map<String, Object> WEEKS = Map.of("h", 26);

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    CashService cash;
    @Autowired
    ResponseCache cache;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Environment environment;
    @Autowired
    TestClock clock;
    /** This instance, over HTTP. */
    WebTestClient here;

    @BeforeEach
    void overHttp() {
        here = overHttp(port);
    }

    @Test
    void aKeptAnswerIsTheComputedOneByteForByteUntilAnotherInstanceWrites() {
        Tenants.Tenant tenant = tenantWithBalance("Kept Answers Agency");
        String finance = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        long hits = cache.responses().hits();
        long misses = cache.responses().misses();
        double hitsCounted = counted("hit");

        EntityExchangeResult<byte[]> computed = post(here, finance, FORECAST, WEEKS);
        assertThat(cache.responses().misses()).isEqualTo(misses + 1);
        EntityExchangeResult<byte[]> kept = post(here, finance, FORECAST, WEEKS);
        assertThat(cache.responses().hits()).isEqualTo(hits + 1);
        assertThat(counted("hit")).isEqualTo(hitsCounted + 1);

        // the same bytes, compressed the same way, with the same headers
        assertThat(gunzip(kept)).isEqualTo(gunzip(computed));
        for (String header : new String[] {HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_ENCODING, HttpHeaders.VARY,
            HttpHeaders.CACHE_CONTROL}) {
            assertThat(kept.getResponseHeaders().get(header)).as(header)
                    .isEqualTo(computed.getResponseHeaders().get(header));
        }
        assertThat(computed.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
        JsonNode forecast = JSON.readTree(gunzip(computed)).path("data").path("cashForecast");
        // the balance of 50,000.00 EUR recorded on 1 July is the opening on 6 July: nothing was paid in between
        assertThat(forecast.path("opening").path("amountMinor").asLong()).isEqualTo(5_000_000L);
        assertThat(forecast.path("weeks").size()).isEqualTo(26);

        try (SameDatabaseInstance second = SameDatabaseInstance.start(environment,
                "--cordee.graphql.response-cache-bytes=0")) {
            WebTestClient there = overHttp(second.port());
            // an instance without the cache computes and writes the answer itself: the same bytes again
            assertThat(gunzip(post(there, finance, FORECAST, WEEKS))).isEqualTo(gunzip(kept));

            // the owner records a higher balance through the second instance
            String owner = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
            JsonNode recorded = JSON.readTree(gunzip(post(there, owner, """
                    mutation { recordBankBalance(input: {date: "2026-07-02", amount: {amountMinor: 6000000}}) {
                      userErrors { code } } }""", Map.of())));
            assertThat(recorded.path("data").path("recordBankBalance").path("userErrors").size()).isZero();
        }

        misses = cache.responses().misses();
        hits = cache.responses().hits();
        JsonNode after = JSON.readTree(gunzip(post(here, finance, FORECAST, WEEKS))).path("data").path("cashForecast");
        // computed again: the balance of 2 July, 60,000.00 EUR, is now the latest before 6 July
        assertThat(cache.responses().misses()).isEqualTo(misses + 1);
        assertThat(cache.responses().hits()).isEqualTo(hits);
        assertThat(after.path("opening").path("amountMinor").asLong()).isEqualTo(6_000_000L);
    }

    @Test
    void aWriteHereMakesTheNextAnswerComputedAgain() {
        Tenants.Tenant tenant = tenantWithBalance("Written Here Agency");
        String finance = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        post(here, finance, FORECAST, WEEKS);
        long hits = cache.responses().hits();
        post(here, finance, FORECAST, WEEKS);
        assertThat(cache.responses().hits()).isEqualTo(hits + 1);

        // a monthly overhead of 1,000.00 EUR on the 10th: paid in the week of 6 July
        JsonNode created = JSON.readTree(gunzip(post(here, finance, """
                mutation { createOverhead(input: {label: "Rent", monthlyAmount: {amountMinor: 100000}, dayOfMonth: 10,
                  startDate: "2026-07-01"}) { userErrors { code } } }""", Map.of())));
        assertThat(created.path("data").path("createOverhead").path("userErrors").size()).isZero();

        long misses = cache.responses().misses();
        JsonNode after = JSON.readTree(gunzip(post(here, finance, FORECAST, WEEKS))).path("data").path("cashForecast");
        assertThat(cache.responses().misses()).isEqualTo(misses + 1);
        // 50,000.00 opening − 1,000.00 rent on 10 July = 49,000.00 at the end of the first week
        assertThat(after.path("weeks").get(0).path("closing").path("amountMinor").asLong()).isEqualTo(4_900_000L);
    }

    @Test
    void rolesNeverShareAnAnswerAndAClientContactIsNeverServedOne() {
        Tenants.Tenant tenant = tenantWithBalance("Roles Agency");
        String finance = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        post(here, finance, FORECAST, WEEKS);
        post(here, finance, FORECAST, WEEKS); // kept for FINANCE now

        // a LEAD may not see the forecast: refused, not served FINANCE's answer, and the refusal is not kept
        String lead = tenants.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        long hits = cache.responses().hits();
        for (int i = 0; i < 2; i++) {
            JsonNode refused = JSON.readTree(gunzip(post(here, lead, FORECAST, WEEKS)));
            assertThat(refused.path("data").isNull()).isTrue();
            assertThat(refused.path("errors").get(0).path("extensions").path("classification").asString())
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(cache.responses().hits()).isEqualTo(hits);

        // a CLIENT contact is never looked up: refused the same way, and neither a hit nor a miss
        String contact = tenants.signIn(tenant.email(Role.CLIENT), Tenants.PASSWORD);
        long misses = cache.responses().misses();
        JsonNode refused = JSON.readTree(gunzip(post(here, contact, FORECAST, WEEKS)));
        assertThat(refused.path("data").isNull()).isTrue();
        assertThat(refused.path("errors").get(0).path("extensions").path("classification").asString())
                .isEqualTo("FORBIDDEN");
        assertThat(cache.responses().hits()).isEqualTo(hits);
        assertThat(cache.responses().misses()).isEqualTo(misses);

        // the OWNER sees the same figures as FINANCE, but under an entry of its own: computed first, then kept
        String owner = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        post(here, owner, FORECAST, WEEKS);
        assertThat(cache.responses().misses()).isEqualTo(misses + 1);
        assertThat(cache.responses().hits()).isEqualTo(hits);
        post(here, owner, FORECAST, WEEKS);
        assertThat(cache.responses().hits()).isEqualTo(hits + 1);
    }

    @Test
    void theAgencysNextDayIsAnotherAnswer() {
        // 23:30 in Paris on 6 July; signed in after the clock moved, so the session is the clock's
        clock.startAt(Instant.parse("2026-07-06T21:30:00Z"));
        try {
            Tenants.Tenant tenant = tenantWithBalance("Next Day Agency");
            String finance = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
                String today = "{ cashForecast(horizonWeeks: 2) { asOf } }";
            assertThat(asOf(post(here, finance, today, Map.of()))).isEqualTo("2026-07-06");
            long hits = cache.responses().hits();
            assertThat(asOf(post(here, finance, today, Map.of()))).isEqualTo("2026-07-06");
            assertThat(cache.responses().hits()).isEqualTo(hits + 1);

            // 00:30 in Paris: the agency's today is 7 July, nothing was written, and yet the answer is computed
            clock.startAt(Instant.parse("2026-07-06T22:30:00Z"));
            long misses = cache.responses().misses();
            assertThat(asOf(post(here, finance, today, Map.of()))).isEqualTo("2026-07-07");
            assertThat(cache.responses().misses()).isEqualTo(misses + 1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aQueryWithAFieldOffTheListOrAPipelineIsNeverLookedUp() {
        Tenants.Tenant tenant = tenantWithBalance("Off The List Agency");
        String finance = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        long hits = cache.responses().hits();
        long misses = cache.responses().misses();
        for (int i = 0; i < 2; i++) {
            // the viewer is per user; the pipeline's deals move no data version
            post(here, finance, "{ viewer { user { email } } cashForecast(asOf: \"2026-07-06\") { asOf } }", Map.of());
            post(here, finance, "{ cashForecast(asOf: \"2026-07-06\", withPipeline: true) { asOf } }", Map.of());
        }
        assertThat(cache.responses().hits()).isEqualTo(hits);
        assertThat(cache.responses().misses()).isEqualTo(misses);
    }

    private Tenants.Tenant tenantWithBalance(String name) {
        Tenants.Tenant tenant = tenants.create(name);
        cash.recordBalance(tenant.owner(), LocalDate.of(2026, 7, 1), Money.of(5_000_000, "EUR"))
                .block(Duration.ofSeconds(10));
        return tenant;
    }

    private static String asOf(EntityExchangeResult<byte[]> result) {
        return JSON.readTree(gunzip(result)).path("data").path("cashForecast").path("asOf").asString();
    }

    private double counted(String result) {
        return meters.get(ResponseCache.METRIC + ".requests").tag("result", result).functionCounter().count();
    }

    /**
     * A client that leaves the answer as it came: Spring's default connector would decompress it and drop its
     * {@code Content-Encoding}, hiding what is compared here.
     */
    private static WebTestClient overHttp(int port) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()))
                .baseUrl("http://localhost:" + port).build();
    }

    /** POSTs as a browser does, asking for gzip; the answer is taken as it came, compressed or not. */
    private static EntityExchangeResult<byte[]> post(WebTestClient client, String session, String document,
                                                     Map<String, Object> variables) {
        return client.mutate().responseTimeout(Duration.ofSeconds(30)).build().post().uri("/graphql")
                .cookie("CORDEE_SESSION", session)
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document, "variables", variables))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult();
    }

    /** The body as sent before compression (a small answer is not compressed at all). */
    private static byte[] gunzip(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        if (!"gzip".equals(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING))) {
            return body;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
