package io.cordee.api.benchmark;

import io.cordee.api.support.Tenants;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.PasswordHasher;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the benchmarks of the running application share: its port and database, and a signed-in FINANCE user
 * in an agency they generate straight in the database ({@link LargeAgency}, …), where {@link Tenants#create}
 * cannot reach. A subclass is an {@code @ApiTest}.
 */
abstract class BenchmarkFixture {

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

    /** A client of this application sending {@code session}, for answers of up to 64 MB. */
    WebClient client(String session) {
        return WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultCookie("CORDEE_SESSION", session)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
    }

    /** POSTs {@code query} and returns the whole answer: the time measured is the time to its last byte. */
    static byte[] post(WebClient http, String query) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .retrieve().bodyToMono(byte[].class).block(Duration.ofMinutes(1));
    }

    /**
     * The same with {@code Cache-Control: no-cache}: the answer is computed even when the response cache keeps it
     * (ADR 91), from whatever the services remember (the cash picture of ADR 47).
     */
    static byte[] postUncached(WebClient http, String query) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-cache")
                .bodyValue(Map.of("query", query))
                .retrieve().bodyToMono(byte[].class).block(Duration.ofMinutes(1));
    }
}
