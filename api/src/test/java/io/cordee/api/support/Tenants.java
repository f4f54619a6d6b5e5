package io.cordee.api.support;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.PasswordHasher;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Creates isolated agencies for tests, each with one user per role (and a client for the CLIENT
 * user), and signs them in over HTTP as a browser would.
 */
@TestComponent
public class Tenants {

    public static final String PASSWORD = "correct horse battery staple";

    private final AgencyRepository agencies;
    private final UserRepository users;
    private final ClientService clients;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final ObjectProvider<WebTestClient> webTestClient;
    private final ObjectProvider<HttpGraphQlTester> graphQlTester;

    public Tenants(AgencyRepository agencies, UserRepository users, ClientService clients, PasswordHasher hasher,
                   IdGenerator ids, ObjectProvider<WebTestClient> webTestClient,
                   ObjectProvider<HttpGraphQlTester> graphQlTester) {
        this.graphQlTester = graphQlTester;
        this.agencies = agencies;
        this.users = users;
        this.clients = clients;
        this.hasher = hasher;
        this.ids = ids;
        this.webTestClient = webTestClient;
    }

    /** An agency with an OWNER, FINANCE, LEAD, and a CLIENT user tied to its client "Own Client". */
    public Tenant create(String name) {
        AgencyId agencyId = new AgencyId(ids.newId());
        agencies.insert(new Agency(agencyId, name, AgencySettings.defaults(Currency.getInstance("EUR"),
                ZoneId.of("Europe/Paris")), 0)).block(Duration.ofSeconds(10));
        String hash = hasher.hash(PASSWORD);
        String prefix = agencyId.value().toString().substring(24);
        Caller owner = insertUser(agencyId, Role.OWNER, "owner-" + prefix + "@test.example", null, hash);
        insertUser(agencyId, Role.FINANCE, "finance-" + prefix + "@test.example", null, hash);
        insertUser(agencyId, Role.LEAD, "lead-" + prefix + "@test.example", null, hash);
        Client own = clients.create(owner, new ClientDraft("Own Client", Segment.SME, 30, List.of(), null))
                .block(Duration.ofSeconds(10));
        insertUser(agencyId, Role.CLIENT, "client-" + prefix + "@test.example", own, hash);
        return new Tenant(agencyId, owner, own, Map.of(
                Role.OWNER, "owner-" + prefix + "@test.example",
                Role.FINANCE, "finance-" + prefix + "@test.example",
                Role.LEAD, "lead-" + prefix + "@test.example",
                Role.CLIENT, "client-" + prefix + "@test.example"));
    }

    /** One more user of {@code role} in {@code tenant} (e.g. a second owner), signed in with {@link #PASSWORD}. */
    public String addUser(Tenant tenant, Role role, String name) {
        String email = name + "-" + tenant.agencyId().value().toString().substring(24) + "@test.example";
        insertUser(tenant.agencyId(), role, email, role == Role.CLIENT ? tenant.ownClient() : null,
                hasher.hash(PASSWORD));
        return email;
    }

    private Caller insertUser(AgencyId agencyId, Role role, String email, Client client, String hash) {
        User user = new User(new UserId(ids.newId()), agencyId, email, role.name() + " user", role,
                client == null ? null : client.id(), hash);
        return users.insert(user).block(Duration.ofSeconds(10)).asCaller();
    }

    /** Signs {@code email} in and returns the session token from the Set-Cookie header. */
    public String signIn(String email, String password) {
        // A harness bound, not an assertion: on a loaded CI machine a sign-in queues behind the hashing
        // pool (ADR 23) and the client's default 5 s can pass before the answer.
        ResponseCookie cookie = webTestClient.getObject().mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "mutation($in: SignInInput!) { signIn(input: $in) { userErrors { code } } }",
                        "variables", Map.of("in", Map.of("email", email, "password", password))))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("CORDEE_SESSION");
        if (cookie == null) {
            throw new AssertionError("sign-in of " + email + " set no session cookie");
        }
        return cookie.getValue();
    }

    /** A GraphQL client that sends the session cookie of {@code email}. */
    public HttpGraphQlTester as(String email, String password) {
        String token = signIn(email, password);
        return withToken(token);
    }

    public HttpGraphQlTester anonymous() {
        return graphQlTester.getObject();
    }

    /**
     * Asserts that {@code document}, sent with the session {@code token} (null: anonymously), is refused before
     * it runs: HTTP 401, {@code WWW-Authenticate}, one {@code UNAUTHORIZED} error and no data (ADR 27).
     */
    public void assertRefusedUnauthenticated(String token, String document) {
        WebTestClient.RequestBodySpec request = webTestClient.getObject().post().uri("/graphql");
        if (token != null) {
            request = request.cookie("CORDEE_SESSION", token);
        }
        request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", document)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"cordee\"")
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED")
                .jsonPath("$.data").doesNotExist();
    }

    /** A GraphQL client for large answers (the default buffer is 256 KB). */
    public HttpGraphQlTester as(String email, String password, int maxResponseBytes) {
        String token = signIn(email, password);
        return graphQlTester.getObject().mutate().webTestClient(client -> client
                .defaultCookie("CORDEE_SESSION", token)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(maxResponseBytes))).build();
    }

    /** A GraphQL client that sends {@code token} as the session cookie. */
    public HttpGraphQlTester withToken(String token) {
        return graphQlTester.getObject().mutate()
                .webTestClient(client -> client.defaultCookie("CORDEE_SESSION", token)).build();
    }

    public record Tenant(AgencyId agencyId, Caller owner, Client ownClient, Map<Role, String> emails) {
        public String email(Role role) {
            return emails.get(role);
        }
    }

    /** A tenant's user as the services see them once signed in (its real id, role and, for CLIENT, client). */
    public Caller caller(Tenant tenant, Role role) {
        return users.findByEmail(tenant.email(role)).block(Duration.ofSeconds(10)).asCaller();
    }

    /** A tenant's user, signed in. */
    public HttpGraphQlTester as(Tenant tenant, Role role) {
        return as(tenant.email(role), PASSWORD);
    }
}
