package io.cordee.api.benchmark;

import io.cordee.api.support.Tenants;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.PasswordHasher;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the benchmarks of the running application share: its port and database, and a signed-in FINANCE user
 * in an agency they generate straight in the database ({@link LargeAgency}, …), where {@link Tenants#create}
 * cannot reach. A subclass is an {@code @ApiTest}.
 */
abstract class BenchmarkFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;
    @Autowired
    Tenants tenants;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordHasher hasher;

    /** A FINANCE user of {@code agency}, {@code <prefix>-<8 characters of the agency id>@bench.example}, signed in: its session token. */
    String financeSession(AgencyId agency, String prefix) {
        String email = prefix + "-" + agency.value().toString().substring(0, 8) + "@bench.example";
        users.insert(new User(new UserId(UUID.randomUUID()), agency, email, "Bench", Role.FINANCE, null,
                hasher.hash(Tenants.PASSWORD))).block();
        return tenants.signIn(email, Tenants.PASSWORD);
    }

    /**
     * A client of this application sending {@code session}: the JDK's own HTTP client, on threads of its own, so the
     * time measured is the server's and the transfer's, not a Reactor Netty client sharing the server's event loops
     * in this JVM (which cost a kept 975 KB answer 18 ms where curl, in its own process, takes 3–5 ms).
     */
    Http client(String session) {
        return new Http(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                URI.create("http://localhost:" + port + "/graphql"), session);
    }

    /** The client, the application's /graphql and the session cookie sent. */
    record Http(HttpClient client, URI graphql, String session) {
    }

    /** POSTs {@code query} and returns the whole answer: the time measured is the time to its last byte. */
    static byte[] post(Http http, String query) {
        return send(http, query, false);
    }

    /**
     * The same with {@code Cache-Control: no-cache}: the answer is computed even when the response cache keeps it
     * (ADR 91), from whatever the services remember (the cash picture of ADR 47).
     */
    static byte[] postUncached(Http http, String query) {
        return send(http, query, true);
    }

    private static byte[] send(Http http, String query, boolean uncached) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.graphql()).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json").header("Cookie", "CORDEE_SESSION=" + http.session())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("query", query))));
        if (uncached) {
            request.header("Cache-Control", "no-cache");
        }
        try {
            HttpResponse<byte[]> response = http.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": "
                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** ADR 84's agency (OverheadBenchmark, RequestBytesBenchmark): 200 clients, a project and an issued invoice each; its FINANCE user's session. */
    String overheadAgency(UUID agency, String sessionPrefix) {
        sql(agency, """
                INSERT INTO agency (agency_id, name, currency, time_zone, safety_cash_threshold_minor, payday,
                  delay_startup_days, delay_sme_days, delay_enterprise_days, delay_public_days)
                VALUES (:a, 'Overhead Agency', 'EUR', 'Europe/Paris', 50000000, 25, 20, 5, 45, 40)""");
        sql(agency, """
                INSERT INTO client (agency_id, id, name, segment, payment_terms_days)
                SELECT :a, gen_random_uuid(), 'Client ' || lpad(g::text, 4, '0'), 'SME', 30 FROM generate_series(1, 200) g""");
        sql(agency, """
                INSERT INTO project (agency_id, id, client_id, name, status, start_date, launch_date, currency,
                  fee_budget_minor, payment_terms_days)
                SELECT :a, gen_random_uuid(), id, name || ' / P', 'ACTIVE', DATE '2026-01-05', DATE '2026-07-05', 'EUR',
                  5000000, 30 FROM client WHERE agency_id = :a""");
        sql(agency, """
                INSERT INTO invoice (agency_id, id, client_id, project_id, plan_key, label, status, issue_date,
                  due_date, currency, amount_minor, paid_minor, paid_date)
                SELECT :a, gen_random_uuid(), client_id, id, 'milestone:1', 'Milestone 1', 'ISSUED', DATE '2026-02-01',
                  DATE '2026-03-03', 'EUR', 1000000, 0, NULL FROM project WHERE agency_id = :a""");
        return financeSession(new AgencyId(agency), sessionPrefix);
    }

    void sql(UUID agency, String sql) {
        db.sql(sql).bind("a", agency).fetch().rowsUpdated().block(Duration.ofMinutes(2));
    }
}
