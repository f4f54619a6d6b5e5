package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.http.TrustedForwardedHeaders;
import io.cordee.api.limits.ClientAddresses;
import io.cordee.api.ops.RequestIds;
import io.cordee.api.support.AgencyRows;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * Strict input (issue 13 point 9, ADR 26): what the API used to take and should not — NUL characters and
 * lone surrogates, empty or non-object bodies, numbers sent as strings, duplicate JSON keys, dates that
 * do not exist, a subscription over POST — is refused with a typed error, and nothing is written. Plus
 * the caller's {@code X-Request-Id} in the audit trail and the {@code Secure} cookie behind a TLS proxy.
 */
@ApiTest
class StrictInputTest {

    static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    static final String CREATE_CLIENT = "mutation($in: CreateClientInput!) { createClient(input: $in) { client { id } userErrors { code } } }";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @LocalServerPort
    int port;

    static Tenants.Tenant tenant;
    static String ownerSession;
    static String clientId;

    @BeforeAll
    static void createTenant(@Autowired Tenants tenants) {
        tenant = tenants.create("Strict Input Agency");
        ownerSession = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        clientId = tenants.as(tenant, Role.OWNER).document("{ clients { nodes { id } } }").execute()
                .path("clients.nodes[0].id").entity(String.class).get();
    }

    private long count(String table) {
        return AgencyRows.count(db, tenant.agencyId(), table);
    }

    /** Everything the requests of this class could write. */
    private List<Long> written() {
        return List.of(count("client"), count("team_member"), count("interaction"), count("audit_entry"));
    }

    /** A raw JSON body, exactly as written (escapes such as {@code \\u0000} included), as the owner. */
    private WebTestClient.ResponseSpec postRaw(String json) {
        return web.post().uri("/graphql").cookie("CORDEE_SESSION", ownerSession).contentType(MediaType.APPLICATION_JSON)
                .accept(GRAPHQL_RESPONSE).bodyValue(json).exchange();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedNamingTheFieldAndNothingIsWritten() {
        List<Long> before = written();
        String query = quoted(CREATE_CLIENT);
        // NUL in a variable, nested: {"in": {"name": "Acme\u0000"}}; PostgreSQL would refuse it (an internal error before)
        postRaw("{\"query\": " + query + ", \"variables\": {\"in\": {\"name\": \"Acme\\u0000\", \"segment\": \"SME\"}}}")
                .expectStatus().isBadRequest().expectHeader().contentType(GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_CHARACTER")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].extensions.field").isEqualTo(List.of("variables", "in", "name"))
                .jsonPath("$.errors[0].message").isEqualTo("variables.in.name contains the NUL character (U+0000), which cannot be stored");
        // a lone high surrogate deep in a list: contacts[1].email
        postRaw("{\"query\": " + query + ", \"variables\": {\"in\": {\"name\": \"Acme\", \"segment\": \"SME\","
                + " \"contacts\": [{\"name\": \"A\"}, {\"name\": \"B\", \"email\": \"b\\ud800@x.example\"}]}}}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_CHARACTER")
                .jsonPath("$.errors[0].extensions.field").isEqualTo(List.of("variables", "in", "contacts", 1, "email"))
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("lone UTF-16 surrogate (U+D800)"));
        // a lone low surrogate
        postRaw("{\"query\": " + query + ", \"variables\": {\"in\": {\"name\": \"\\udc00\", \"segment\": \"SME\"}}}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.field").isEqualTo(List.of("variables", "in", "name"));
        // in the document: an escape in a string literal ("Acme\u0000" in GraphQL), and a raw NUL in a comment
        postRaw("{\"query\": " + quoted("mutation { createClient(input: {name: \"Acme\\u0000\", segment: SME}) { client { id } } }") + "}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_CHARACTER")
                .jsonPath("$.errors[0].extensions.field").isEqualTo(List.of("query"))
                .jsonPath("$.errors[0].locations[0].line").isEqualTo(1);
        postRaw("{\"query\": \"# \\u0000\\n{ __typename }\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_CHARACTER");
        assertThat(written()).isEqualTo(before);
        // a pair of surrogates is one character (an emoji) and is kept as it is
        postRaw("{\"query\": " + query + ", \"variables\": {\"in\": {\"name\": \"Acme \\ud83d\\ude80\", \"segment\": \"SME\"}}}")
                .expectStatus().isOk().expectBody().jsonPath("$.data.createClient.client.id").isNotEmpty();
        assertThat(db.sql("SELECT name FROM client WHERE agency_id = :a AND name LIKE 'Acme %'")
                .bind("a", tenant.agencyId().value()).mapValue(String.class).one().block()).isEqualTo("Acme \uD83D\uDE80");
    }

    /** The same check over WebSocket: the interceptor sits in front of both transports. */
    @Test
    void aNulOverWebSocketIsRefusedToo() {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql",
                new ReactorNettyWebSocketClient()).headers(h -> h.add(HttpHeaders.COOKIE, "CORDEE_SESSION=" + ownerSession)).build();
        try {
            ClientGraphQlResponse response = client.document("query($n: String) { clients(filter: {nameContains: $n}) { totalCount } }")
                    .variable("n", "Own\u0000").execute().block(Duration.ofSeconds(10));
            assertThat(response.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("code", "INVALID_CHARACTER")
                        .containsEntry("field", List.of("variables", "n"));
            });
            Object data = response.getData();
            assertThat(data).isNull();
            // the socket still serves the next, well-formed request
            ClientGraphQlResponse next = client.document("query($n: String) { clients(filter: {nameContains: $n}) { totalCount } }")
                    .variable("n", "Own").execute().block(Duration.ofSeconds(10));
            Integer total = next.field("clients.totalCount").toEntity(Integer.class);
            assertThat(total).isEqualTo(1);
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void anEmptyOrNonObjectBodyIsA400() {
        for (String body : List.of("", "   \n", "null", "[]", "5", "\"query\"", "hello")) {
            for (MediaType accept : List.of(GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)) {
                web.post().uri("/graphql").cookie("CORDEE_SESSION", ownerSession).contentType(MediaType.APPLICATION_JSON)
                        .accept(accept).bodyValue(body).exchange()
                        .expectStatus().isBadRequest().expectHeader().contentType(accept)
                        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_REQUEST")
                        .jsonPath("$.errors[0].message").isNotEmpty();
            }
        }
        postRaw("").expectBody().jsonPath("$.errors[0].message").isEqualTo("The body is empty: send JSON {\"query\": \"…\"}");
        postRaw("[{\"query\": \"{ __typename }\"}]").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("The body is not a JSON object: send {\"query\": \"…\"}");
        // no body at all (no Content-Length, nothing sent)
        web.post().uri("/graphql").cookie("CORDEE_SESSION", ownerSession).contentType(MediaType.APPLICATION_JSON)
                .accept(GRAPHQL_RESPONSE).exchange().expectStatus().isBadRequest();
    }

    @Test
    void numbersMustBeJsonNumbers() {
        List<Long> before = written();
        String createMember = quoted("mutation($cost: Long!) { createTeamMember(input: {name: \"Ada\","
                + " monthlyLoadedCost: {amountMinor: $cost}, dailyBillRate: {amountMinor: 70000}}) { teamMember { id } } }");
        // Money's amountMinor (Long) as the string "600000"
        postRaw("{\"query\": " + createMember + ", \"variables\": {\"cost\": \"600000\"}}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_NUMBER")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .startsWith("Variable 'cost' has an invalid value").contains("not a string"));
        // inside an input object variable
        postRaw("{\"query\": " + quoted("mutation($in: CreateTeamMemberInput!) { createTeamMember(input: $in) { teamMember { id } } }")
                + ", \"variables\": {\"in\": {\"name\": \"Ada\", \"monthlyLoadedCost\": {\"amountMinor\": \"600000\"},"
                + " \"dailyBillRate\": {\"amountMinor\": 70000}}}}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_NUMBER");
        // as a string literal in the document
        postRaw("{\"query\": " + quoted("mutation { createTeamMember(input: {name: \"Ada\", monthlyLoadedCost: {amountMinor: \"600000\"},"
                + " dailyBillRate: {amountMinor: 70000}}) { teamMember { id } } }") + "}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("ValidationError");
        // an Int (payment terms) as a string, and a fractional Long
        postRaw("{\"query\": " + quoted(CREATE_CLIENT) + ", \"variables\": {\"in\": {\"name\": \"Terms\", \"segment\": \"SME\","
                + " \"paymentTermsDays\": \"30\"}}}").expectStatus().isBadRequest();
        postRaw("{\"query\": " + createMember + ", \"variables\": {\"cost\": 600000.5}}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_NUMBER");
        assertThat(written()).isEqualTo(before);
        // the same as a JSON number is taken, and read back as a number
        postRaw("{\"query\": " + createMember + ", \"variables\": {\"cost\": 600000}}").expectStatus().isOk()
                .expectBody().jsonPath("$.data.createTeamMember.teamMember.id").isNotEmpty();
        assertThat(count("team_member")).isEqualTo(before.get(1) + 1);
    }

    @Test
    void duplicateJsonKeysAreRefused() {
        List<Long> before = written();
        // the last "name" used to win silently
        postRaw("{\"query\": " + quoted(CREATE_CLIENT) + ", \"variables\": {\"in\": {\"name\": \"First\", \"name\": \"Second\","
                + " \"segment\": \"SME\"}}}")
                .expectStatus().isBadRequest().expectHeader().contentType(GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("DUPLICATE_KEY")
                .jsonPath("$.errors[0].message").isEqualTo("The JSON body names the key 'name' twice: each key may appear once");
        postRaw("{\"query\": \"{ __typename }\", \"query\": \"{ viewer { user { role } } }\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("DUPLICATE_KEY");
        // GET's variables parameter too
        web.get().uri(b -> b.path("/graphql").queryParam("query", "{q}").queryParam("variables", "{v}")
                        .build("query($f: Int) { clients(first: $f) { totalCount } }", "{\"f\": 1, \"f\": 2}"))
                .cookie("CORDEE_SESSION", ownerSession).accept(GRAPHQL_RESPONSE).exchange()
                .expectStatus().isBadRequest();
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void datesThatDoNotExistAreRefused() {
        List<Long> before = written();
        String create = quoted("mutation($c: ID!, $d: Date!) { createInteraction(input: {clientId: $c, date: $d, kind: CALL,"
                + " summary: \"Call\"}) { interaction { date } userErrors { code } } }");
        // 2026 is not a leap year: February has 28 days (it used to be stored as 2026-02-28)
        for (String impossible : List.of("2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10")) {
            postRaw("{\"query\": " + create + ", \"variables\": {\"c\": \"" + clientId + "\", \"d\": \"" + impossible + "\"}}")
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.data").doesNotExist()
                    .jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_DATE")
                    .jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                            .isEqualTo("Variable 'd' has an invalid value: '" + impossible + "' is not a date of the calendar"));
        }
        for (String malformed : List.of("2026-2-3", "03/02/2026", "2026-02-03T10:00:00Z", "")) {
            postRaw("{\"query\": " + create + ", \"variables\": {\"c\": \"" + clientId + "\", \"d\": \"" + malformed + "\"}}")
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_DATE");
        }
        // as a literal in the document
        postRaw("{\"query\": " + quoted("mutation { createInteraction(input: {clientId: \"" + clientId
                + "\", date: \"2026-02-30\", kind: CALL, summary: \"Call\"}) { userErrors { code } } }") + "}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("'2026-02-30' is not a date of the calendar"));
        assertThat(written()).isEqualTo(before);
        // 2024 was a leap year: its 29 February exists and is kept as sent
        postRaw("{\"query\": " + create + ", \"variables\": {\"c\": \"" + clientId + "\", \"d\": \"2024-02-29\"}}")
                .expectStatus().isOk().expectBody().jsonPath("$.data.createInteraction.interaction.date").isEqualTo("2024-02-29");
    }

    @Test
    void aSubscriptionSentAsPostIsToldToUseTheWebSocket() {
        postRaw("{\"query\": \"subscription { alertChanged { type } }\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("SUBSCRIPTION_OVER_HTTP")
                .jsonPath("$.errors[0].message").isEqualTo(
                        "Subscriptions run over WebSocket (graphql-transport-ws) at /graphql, not over HTTP POST");
    }

    @Test
    void theCallersRequestIdIsTheAuditTrailsAndTheResponses() {
        String created = web.post().uri("/graphql").cookie("CORDEE_SESSION", ownerSession)
                .header(RequestIds.HEADER, "partner-abc-123").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", CREATE_CLIENT, "variables", Map.of("in", Map.of("name", "Audited", "segment", "SME"))))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(RequestIds.HEADER, "partner-abc-123")
                .expectBody().jsonPath("$.data.createClient.client.id").isNotEmpty()
                .returnResult().getResponseHeaders().getFirst(RequestIds.HEADER);
        assertThat(auditRequestIds("Audited")).containsExactly(created);

        // too long (65 characters) or with a space: replaced by a generated id, the same in the header and the trail
        for (String invalid : List.of("x".repeat(65), "partner abc")) {
            String name = "Audited " + invalid.length();
            String generated = web.post().uri("/graphql").cookie("CORDEE_SESSION", ownerSession)
                    .header(RequestIds.HEADER, invalid).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", CREATE_CLIENT, "variables", Map.of("in", Map.of("name", name, "segment", "SME"))))
                    .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst(RequestIds.HEADER);
            assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(auditRequestIds(name)).containsExactly(generated);
        }
    }

    private List<String> auditRequestIds(String clientName) {
        return db.sql("SELECT request_id FROM audit_entry WHERE agency_id = :a AND entity_type = 'Client'"
                        + " AND record = 'client' AND changes->'name'->>'new' = :n").bind("a", tenant.agencyId().value()).bind("n", clientName)
                .mapValue(String.class).all().collectList().block(Duration.ofSeconds(5));
    }

    @Test
    void theSessionCookieIsSecureBehindATlsProxyAndPlainOnLocalHttp() {
        String signIn = "mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { userErrors { code } } }";
        Map<String, Object> body = Map.of("query", signIn, "variables", Map.of("e", tenant.email(Role.LEAD), "p", Tenants.PASSWORD));
        // the proxy (here: a loopback address, trusted by default) terminated TLS
        String behindProxy = web.post().uri("/graphql").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "cordee.example").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(behindProxy).startsWith("CORDEE_SESSION=").contains("; Secure").contains("HttpOnly").contains("SameSite=Strict");
        // a developer on http://localhost: no Secure, or the browser would drop the cookie
        String plain = web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(plain).startsWith("CORDEE_SESSION=").doesNotContain("Secure").contains("HttpOnly");
    }

    /** The forwarded headers of a client that is not a trusted proxy are removed, not believed. */
    @Test
    void forwardedHeadersAreBelievedOnlyFromTrustedProxies() {
        TrustedForwardedHeaders forwarded = new TrustedForwardedHeaders(List.of(TrustedForwardedHeaders.DEFAULT_TRUSTED_PROXIES.split(",")));
        for (String proxy : List.of("127.0.0.1", "10.1.2.3", "172.31.255.254", "192.168.0.7", "::1", "fd12::1")) {
            ServerHttpRequest applied = forwarded.apply(forwardedFrom(proxy));
            assertThat(applied.getURI().getScheme()).as(proxy).isEqualTo("https");
            assertThat(applied.getURI().getHost()).as(proxy).isEqualTo("cordee.example");
            assertThat(applied.getRemoteAddress().getHostString()).as(proxy).isEqualTo("203.0.113.9");
            assertThat(applied.getHeaders().containsHeader("X-Forwarded-Proto")).isFalse();
        }
        // the internet, and the addresses just outside the private ranges (172.16.0.0/12 ends at 172.31.255.255)
        for (String stranger : List.of("203.0.113.50", "172.32.0.1", "11.0.0.1", "2001:db8::1")) {
            ServerHttpRequest stripped = forwarded.apply(forwardedFrom(stranger));
            assertThat(stripped.getURI().getScheme()).as(stranger).isEqualTo("http");
            assertThat(stripped.getRemoteAddress()).as(stranger).isEqualTo(new InetSocketAddress(stranger, 40000));
            assertThat(stripped.getHeaders().containsHeader("X-Forwarded-Proto")).as(stranger).isFalse();
            assertThat(stripped.getHeaders().containsHeader("X-Forwarded-For")).as(stranger).isFalse();
        }
        // no forwarded header at all, from a proxy or from anyone: the request goes on as it came, not copied
        for (String peer : List.of("127.0.0.1", "203.0.113.50")) {
            ServerHttpRequest plain = MockServerHttpRequest.post("http://app.internal:8080/graphql")
                    .remoteAddress(new InetSocketAddress(peer, 40000)).build();
            assertThat(forwarded.apply(plain)).as(peer).isSameAs(plain);
        }
        // an operator's own list: only its proxy is believed
        TrustedForwardedHeaders own = new TrustedForwardedHeaders(List.of("203.0.113.50/32"));
        assertThat(own.apply(forwardedFrom("203.0.113.50")).getURI().getScheme()).isEqualTo("https");
        assertThat(own.apply(forwardedFrom("127.0.0.1")).getURI().getScheme()).isEqualTo("http");
    }

    /**
     * A proxy that appends (nginx's {@code $proxy_add_x_forwarded_for}, load balancers) keeps what the client
     * wrote on the left: the client address is read from the right, the first entry that is not a trusted
     * proxy, so a forged left part never becomes the address the per-address limits count.
     */
    @Test
    void theClientAddressIsReadFromTheRightOfTheForwardedChain() {
        TrustedForwardedHeaders forwarded = new TrustedForwardedHeaders(List.of(TrustedForwardedHeaders.DEFAULT_TRUSTED_PROXIES.split(",")));
        // client 198.51.100.7 forged "1.2.3.4"; the edge proxy appended the client, an inner proxy 10.0.0.5 itself
        assertThat(forwarded.apply(chain("127.0.0.1", "X-Forwarded-For", "1.2.3.4, 198.51.100.7, 10.0.0.5"))
                .getRemoteAddress().getAddress().getHostAddress()).isEqualTo("198.51.100.7");
        // the same through the standard header, with a port and an IPv6 client in brackets
        assertThat(forwarded.apply(chain("127.0.0.1", "Forwarded",
                        "for=1.2.3.4, for=\"[2001:db8:cafe::17]:4711\", for=10.0.0.5"))
                .getRemoteAddress().getAddress().getHostAddress()).isEqualTo("2001:db8:cafe:0:0:0:0:17");
        // "unknown" or a name in the chain: nothing left of it is believed, the last proxy's peer is the client
        assertThat(forwarded.apply(chain("127.0.0.1", "X-Forwarded-For", "1.2.3.4, unknown, 10.0.0.5"))
                .getRemoteAddress().getAddress().getHostAddress()).isEqualTo("10.0.0.5");
        assertThat(forwarded.apply(chain("127.0.0.1", "X-Forwarded-For", "evil.example.com"))
                .getRemoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    /** Per-address limits count an IPv6 client by its /64, an IPv4 client by its address. */
    @Test
    void perAddressLimitsCountAnIpv6ClientByItsSlash64() {
        assertThat(ClientAddresses.key(new InetSocketAddress("2001:db8:cafe:1:aaaa::1", 1)))
                .isEqualTo(ClientAddresses.key(new InetSocketAddress("2001:db8:cafe:1:bbbb::2", 1)))
                .isEqualTo("2001:db8:cafe:1:0:0:0:0/64");
        assertThat(ClientAddresses.key(new InetSocketAddress("2001:db8:cafe:2::1", 1))).isEqualTo("2001:db8:cafe:2:0:0:0:0/64");
        assertThat(ClientAddresses.key(new InetSocketAddress("198.51.100.7", 1))).isEqualTo("198.51.100.7");
    }

    private static ServerHttpRequest chain(String peer, String header, String value) {
        return MockServerHttpRequest.post("http://app.internal:8080/graphql")
                .remoteAddress(new InetSocketAddress(peer, 40000)).header(header, value).build();
    }

    private static ServerHttpRequest forwardedFrom(String address) {
        return MockServerHttpRequest.post("http://app.internal:8080/graphql")
                .remoteAddress(new InetSocketAddress(address, 40000))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "cordee.example")
                .header("X-Forwarded-For", "203.0.113.9").build();
    }
}
