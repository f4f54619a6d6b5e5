package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import io.cordee.api.graphql.common.ApiTokenAreas;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.identity.ApiTokenArea;
import io.cordee.core.identity.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/** Partner API tokens, attacked from every side: scope, role, tenant, revocation, expiry, where they are accepted. */
@ApiTest
class ApiTokenTest {

    private static final String CREATE = """
            mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) {
              token apiToken { id name access areas hint active lastUsedAt createdBy { role } }
              userErrors { field message code } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    GraphQlSource graphQlSource;
    /** The application's clock: expiries and last uses are its instants, whatever the machine's or the database's clock says. */
    @Autowired
    TestClock clock;
    @LocalServerPort
    int port;

    static Tenants.Tenant agencyA;
    static Tenants.Tenant agencyB;

    @BeforeAll
    static void createTenants(@Autowired Tenants tenants) {
        agencyA = tenants.create("Token Agency A");
        agencyB = tenants.create("Token Agency B");
    }

    record Created(String id, String value) {
    }

    private Created create(HttpGraphQlTester owner, String name, String access, List<String> areas) {
        var response = owner.document(CREATE)
                .variable("in", Map.of("name", name, "access", access, "areas", areas)).execute();
        response.path("createApiToken.userErrors").entityList(Object.class).hasSize(0);
        return new Created(response.path("createApiToken.apiToken.id").entity(String.class).get(),
                response.path("createApiToken.token").entity(String.class).get());
    }

    private HttpGraphQlTester withApiToken(String value) {
        return tenants.anonymous().mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + value).build();
    }

    private static List<String> errorTypes(HttpGraphQlTester tester, String document) {
        List<String> types = new java.util.ArrayList<>();
        tester.document(document).execute().errors().satisfy(errors -> errors.forEach(e -> {
            types.add(e.getErrorType().toString());
        }));
        return types;
    }

    private long clientCount(Tenants.Tenant tenant) {
        return db.sql("SELECT count(*) FROM client WHERE agency_id = :a").bind("a", tenant.agencyId().value())
                .mapValue(Long.class).one().block(Duration.ofSeconds(5));
    }

    private long tokenCount(Tenants.Tenant tenant) {
        return db.sql("SELECT count(*) FROM api_token WHERE agency_id = :a").bind("a", tenant.agencyId().value())
                .mapValue(Long.class).one().block(Duration.ofSeconds(5));
    }

    @Test
    void theValueIsShownOnceAndOnlyItsHashIsStored() throws Exception {
        HttpGraphQlTester owner = tenants.as(agencyA, Role.OWNER);
        Created token = create(owner, "Accounting sync", "READ_ONLY", List.of());

        // cordee_pat_ + 32 random bytes in unpadded base64url (ceil(256 / 6) = 43 characters) = 54 characters
        assertThat(token.value()).matches("cordee_pat_[A-Za-z0-9_-]{43}");

        // the list tells tokens apart by their first 4 characters after the prefix, never shows the value
        String list = owner.document("{ apiTokens { totalCount nodes { id name access hint active createdBy { role } } } }")
                .execute().path("apiTokens").entity(Object.class).get().toString();
        assertThat(list).contains("Accounting sync").contains(token.value().substring(0, 15))
                .doesNotContain(token.value().substring(15));

        // Relay's node(id:) finds it for the owner, without the value either
        owner.document("query($id: ID!) { node(id: $id) { ... on ApiToken { name access hint active } } }")
                .variable("id", token.id()).execute()
                .path("node.name").entity(String.class).isEqualTo("Accounting sync")
                .path("node.active").entity(Boolean.class).isEqualTo(true);

        // the row holds SHA-256(value) and nothing from which the value could be read back
        byte[] stored = db.sql("SELECT token_hash FROM api_token WHERE token_hash = :h")
                .bind("h", MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.UTF_8)))
                .mapValue(byte[].class).one().block(Duration.ofSeconds(5));
        assertThat(stored).hasSize(32);
        long leaks = db.sql("SELECT count(*) FROM api_token t WHERE t::text LIKE '%' || :secret || '%'")
                .bind("secret", token.value().substring(15)).mapValue(Long.class).one().block(Duration.ofSeconds(5));
        assertThat(leaks).isZero();
    }

    @Test
    void aReadOnlyTokenReadsWhatItsCreatorReadsAndCannotMutate() {
        HttpGraphQlTester owner = tenants.as(agencyA, Role.OWNER);
        HttpGraphQlTester token = withApiToken(create(owner, "BI export", "READ_ONLY", List.of()).value());
        long before = clientCount(agencyA);

        token.document("{ viewer { user { role } } clients { totalCount } }").execute()
                .path("viewer.user.role").entity(String.class).isEqualTo("OWNER")
                .path("clients.totalCount").entity(Long.class).isEqualTo(before);

        token.document("mutation { createClient(input: {name: \"Via token\", segment: SME}) { client { id } } }")
                .execute().errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN");
                    assertThat(errors.get(0).getMessage())
                            .isEqualTo("This API token is read-only: it cannot run createClient");
                });
        // nor smuggled in a fragment, an inline fragment, or a second operation of the same document
        for (String document : List.of(
                "mutation { ...M } fragment M on Mutation { createClient(input: {name: \"Via token\", segment: SME}) { client { id } } }",
                "mutation { ... on Mutation { createClient(input: {name: \"Via token\", segment: SME}) { client { id } } } }",
                "query Q { viewer { user { role } } } mutation M { createClient(input: {name: \"Via token\", segment: SME}) { client { id } } }",
                // fragments that spread each other (invalid GraphQL, but checked before validation: must not loop)
                "mutation { ...A } fragment A on Mutation { ...B } fragment B on Mutation { ...A createClient(input: {name: \"Via token\", segment: SME}) { client { id } } }")) {
            assertThat(errorTypes(token, document)).containsExactly("FORBIDDEN");
        }
        assertThat(clientCount(agencyA)).isEqualTo(before);
    }

    @Test
    void aScopedTokenRunsTheMutationsOfItsAreasOnly() {
        HttpGraphQlTester owner = tenants.as(agencyA, Role.OWNER);
        HttpGraphQlTester billing = withApiToken(create(owner, "Invoicing", "READ_WRITE", List.of("BILLING")).value());
        HttpGraphQlTester clients = withApiToken(create(owner, "CRM", "READ_WRITE", List.of("CLIENTS")).value());
        long before = clientCount(agencyA);

        billing.document("mutation { createClient(input: {name: \"Via billing\", segment: SME}) { client { id } } }")
                .execute().errors().satisfy(errors -> {
                    assertThat(errors).extracting(e -> e.getErrorType().toString()).containsExactly("FORBIDDEN");
                    assertThat(errors.get(0).getMessage())
                            .isEqualTo("This API token may change BILLING; createClient belongs to CLIENTS");
                });
        assertThat(clientCount(agencyA)).isEqualTo(before);

        clients.document("mutation { createClient(input: {name: \"Via CRM\", segment: SME}) { client { name } userErrors { code } } }")
                .execute().path("createClient.client.name").entity(String.class).isEqualTo("Via CRM");
        // the CRM token may not touch the settings, even though its creator may
        assertThat(errorTypes(clients, "mutation { updateAgencySettings(input: {version: 0, payday: 27}) { agency { id } } }"))
                .containsExactly("FORBIDDEN");
        assertThat(clientCount(agencyA)).isEqualTo(before + 1);
    }

    @Test
    void aTokenActsWithItsCreatorsCurrentRoleSoADemotedOwnersTokenLosesPower() {
        Tenants.Tenant agency = tenants.create("Token Demotion Agency");
        HttpGraphQlTester owner = tenants.as(agency, Role.OWNER);
        HttpGraphQlTester token = withApiToken(
                create(owner, "Everything", "READ_WRITE", List.of("SETTINGS", "CASH")).value());
        // (the forecast needs a bank balance; recording one is a CASH mutation the token may run)
        token.document("mutation { recordBankBalance(input: {date: \"2026-01-05\", amount: {amountMinor: 100000}}) {"
                        + " userErrors { code } } }")
                .execute().path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        long version = token.document("{ agency { version } }").execute().path("agency.version").entity(Long.class).get();
        token.document("mutation($v: Long!) { updateAgencySettings(input: {version: $v, payday: 27}) {"
                        + " agency { settings { payday } } userErrors { code } } }")
                .variable("v", version).execute()
                .path("updateAgencySettings.agency.settings.payday").entity(Integer.class).isEqualTo(27);

        setRole(agency, "FINANCE");
        token.document("{ viewer { user { role } } }").execute().path("viewer.user.role").entity(String.class)
                .isEqualTo("FINANCE");
        // the people of the agency are the OWNER's to read: the token of an owner now in finance reads them no more
        assertThat(errorTypes(token, "{ people { users { email } } }")).containsExactly("FORBIDDEN");
        token.document("{ cashForecast(horizonWeeks: 1) { weeks { closing { amountMinor } } } }").execute()
                .path("cashForecast.weeks").entityList(Object.class).hasSize(1);

        setRole(agency, "LEAD");
        // a lead sees no money: neither does the token of a former owner now a lead
        assertThat(errorTypes(token, "{ cashForecast(horizonWeeks: 1) { weeks { closing { amountMinor } } } }"))
                .containsExactly("FORBIDDEN");
        // settings are OWNER/FINANCE: the token's SETTINGS scope does not lift its creator's role
        assertThat(errorTypes(token, "mutation { updateAgencySettings(input: {version: " + (version + 1)
                + ", payday: 26}) { agency { id } } }")).containsExactly("FORBIDDEN");
        // the refused change changed nothing
        token.document("{ agency { settings { payday } } }").execute().path("agency.settings.payday")
                .entity(Integer.class).isEqualTo(27);
        owner = tenants.as(agency, Role.OWNER); // signs in again: still a lead, and a lead cannot create tokens
        assertThat(errorTypes(owner, "mutation { createApiToken(input: {name: \"x\", access: READ_ONLY}) { token } }"))
                .containsExactly("FORBIDDEN");
    }

    private void setRole(Tenants.Tenant agency, String role) {
        db.sql("UPDATE app_user SET role = :r WHERE agency_id = :a AND id = :u").bind("r", role)
                .bind("a", agency.agencyId().value()).bind("u", agency.owner().userId().value())
                .fetch().rowsUpdated().block(Duration.ofSeconds(5));
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceWith401() {
        HttpGraphQlTester owner = tenants.as(agencyA, Role.OWNER);
        Created token = create(owner, "Soon revoked", "READ_ONLY", List.of());
        withApiToken(token.value()).document("{ viewer { user { role } } }").execute()
                .path("viewer.user.role").entity(String.class).isEqualTo("OWNER");

        owner.document("mutation($id: ID!) { revokeApiToken(input: {id: $id}) { apiToken { active revokedAt } userErrors { code } } }")
                .variable("id", token.id()).execute()
                .path("revokeApiToken.apiToken.active").entity(Boolean.class).isEqualTo(false)
                .path("revokeApiToken.apiToken.revokedAt").hasValue();

        // the very next request: no cache stands between revocation and refusal
        web.post().uri("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.parseMediaType("application/graphql-response+json"))
                .bodyValue(Map.of("query", "{ viewer { user { role } } }"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectHeader().contentType("application/graphql-response+json")
                .expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).startsWith("This API token was revoked at "))
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");

        // revoked tokens leave the default list, stay in the full one
        owner.document("{ apiTokens(first: 100) { nodes { id } } }").execute().path("apiTokens.nodes[*].id")
                .entityList(String.class).doesNotContain(token.id());
        owner.document("{ apiTokens(first: 100, includeInactive: true) { nodes { id } } }").execute()
                .path("apiTokens.nodes[*].id").entityList(String.class).contains(token.id());
    }

    @Test
    void anExpiredTokenIsRefusedAndAnExpiryInThePastIsAUserError() {
        HttpGraphQlTester owner = tenants.as(agencyA, Role.OWNER);
        Created token = create(owner, "Short-lived", "READ_ONLY", List.of());
        db.sql("UPDATE api_token SET created_at = :created, expires_at = :expires WHERE agency_id = :a AND hint = :h")
                .bind("created", now().minusHours(2)).bind("expires", now().minusSeconds(1))
                .bind("a", agencyA.agencyId().value()).bind("h", token.value().substring(0, 15))
                .fetch().rowsUpdated().block(Duration.ofSeconds(5));
        web.post().uri("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ viewer { user { role } } }"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].message")
                .value(String.class, m -> assertThat(m).startsWith("This API token expired at "));

        long before = tokenCount(agencyA);
        owner.document(CREATE).variable("in", Map.of("name", "Past", "access", "READ_ONLY",
                        "expiresAt", now().minusMinutes(1).toString()))
                .execute()
                .path("createApiToken.token").valueIsNull()
                .path("createApiToken.userErrors[0].field").entityList(String.class).containsExactly("expiresAt")
                .path("createApiToken.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        // and a READ_WRITE token that names no area, a READ_ONLY one that names some
        owner.document(CREATE).variable("in", Map.of("name", "Nothing", "access", "READ_WRITE", "areas", List.of()))
                .execute().path("createApiToken.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED");
        owner.document(CREATE).variable("in", Map.of("name", "Odd", "access", "READ_ONLY", "areas", List.of("CASH")))
                .execute().path("createApiToken.userErrors[0].field").entityList(String.class).containsExactly("areas");
        assertThat(tokenCount(agencyA)).isEqualTo(before);
    }

    @Test
    void anUnknownTokenIsRefusedWith401() {
        web.post().uri("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer cordee_pat_" + "A".repeat(43))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ viewer { user { role } } }"))
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("Unknown API token");
    }

    @Test
    void onlyAnOwnerInABrowserSessionManagesTokens() {
        HttpGraphQlTester owner = tenants.as(agencyA, Role.OWNER);
        Created ownerToken = create(owner, "Full", "READ_WRITE",
                Arrays.stream(ApiTokenArea.values()).map(Enum::name).toList());
        long before = tokenCount(agencyA);
        String createDoc = "mutation { createApiToken(input: {name: \"x\", access: READ_ONLY}) { token } }";
        // (Spring for GraphQL answers a refused connection as an empty one: edges [], no totalCount)
        String listDoc = "{ apiTokens { edges { cursor } } }";
        String revokeDoc = "mutation { revokeApiToken(input: {id: \"" + ownerToken.id() + "\"}) { apiToken { active } } }";
        for (Role role : List.of(Role.FINANCE, Role.LEAD, Role.CLIENT)) {
            HttpGraphQlTester user = tenants.as(agencyA, role);
            assertThat(errorTypes(user, createDoc)).as(role + " creates").containsExactly("FORBIDDEN");
            assertThat(errorTypes(user, listDoc)).as(role + " lists").containsExactly("FORBIDDEN");
            assertThat(errorTypes(user, revokeDoc)).as(role + " revokes").containsExactly("FORBIDDEN");
        }
        // a token with every area is still not a person: it cannot mint, list, revoke tokens, nor sign in or out
        HttpGraphQlTester token = withApiToken(ownerToken.value());
        assertThat(errorTypes(token, createDoc)).containsExactly("FORBIDDEN");
        assertThat(errorTypes(token, listDoc)).containsExactly("FORBIDDEN");
        assertThat(errorTypes(token, revokeDoc)).containsExactly("FORBIDDEN");
        assertThat(errorTypes(token, "mutation { signOut { signedOut } }")).containsExactly("FORBIDDEN");
        assertThat(errorTypes(token, "{ node(id: \"" + ownerToken.id() + "\") { id } }")).containsExactly("NOT_FOUND");
        web.post().uri("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + ownerToken.value())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "mutation($e: String!) { signIn(input: {email: $e, password: \""
                        + Tenants.PASSWORD + "\"}) { userErrors { code } } }", "variables",
                        Map.of("e", agencyA.email(Role.OWNER))))
                .exchange().expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("FORBIDDEN");
        assertThat(tokenCount(agencyA)).isEqualTo(before);
        // the token survived every attempt to revoke it
        token.document("{ viewer { user { role } } }").execute().path("viewer.user.role").entity(String.class)
                .isEqualTo("OWNER");
    }

    @Test
    void tokensAreForTheApiNotForGraphiql() {
        Created token = create(tenants.as(agencyA, Role.OWNER), "Not a browser", "READ_ONLY", List.of());
        web.get().uri("/graphiql").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value()).exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/?next=/graphiql");
    }

    @Test
    void aTokenStaysInItsAgencyByIdNestedFieldAndNode() {
        HttpGraphQlTester ownerB = tenants.as(agencyB, Role.OWNER);
        String clientB = ownerB.document("{ clients { nodes { id name } } }").execute()
                .path("clients.nodes[0].id").entity(String.class).get();
        String projectB = ownerB.document("mutation($c: ID!) { createProject(input: {clientId: $c, name: \"B secret\","
                        + " startDate: \"2026-01-05\", feeBudget: {amountMinor: 100000}}) { project { id } userErrors { message } } }")
                .variable("c", clientB).execute().path("createProject.project.id").entity(String.class).get();
        Created tokenB = create(ownerB, "B's own", "READ_ONLY", List.of());

        HttpGraphQlTester tokenA = withApiToken(
                create(tenants.as(agencyA, Role.OWNER), "A everything", "READ_WRITE",
                        Arrays.stream(ApiTokenArea.values()).map(Enum::name).toList()).value());
        assertThat(errorTypes(tokenA, "{ client(id: \"" + clientB + "\") { name } }")).containsExactly("NOT_FOUND");
        tokenA.document("{ projects(clientId: \"" + clientB + "\") { totalCount nodes { name } } }").execute()
                .path("projects.totalCount").entity(Long.class).isEqualTo(0L);
        tokenA.document("{ nodes(ids: [\"" + clientB + "\", \"" + projectB + "\"]) { id } }").execute()
                .path("nodes").entityList(Object.class).containsExactly(null, null);
        assertThat(errorTypes(tokenA, "{ node(id: \"" + projectB + "\") { ... on Project { name client { name } } } }"))
                .containsExactly("NOT_FOUND");
        assertThat(errorTypes(tokenA, "{ node(id: \"" + tokenB.id() + "\") { id } }")).containsExactly("NOT_FOUND");
        // nor write there: B's client cannot be renamed with A's token
        tokenA.document("mutation($c: ID!) { updateClient(input: {id: $c, version: 0, name: \"Taken\"}) { client { id } userErrors { code } } }")
                .variable("c", clientB).execute()
                .path("updateClient.client").valueIsNull()
                .path("updateClient.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // and A's owner cannot revoke B's token
        tenants.as(agencyA, Role.OWNER).document("mutation($id: ID!) { revokeApiToken(input: {id: $id}) { apiToken { id } userErrors { code } } }")
                .variable("id", tokenB.id()).execute()
                .path("revokeApiToken.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        withApiToken(tokenB.value()).document("{ clients { nodes { name } } }").execute()
                .path("clients.nodes[*].name").entityList(String.class).contains("Own Client");
        ownerB.document("{ clients { nodes { name } } }").execute().path("clients.nodes[*].name")
                .entityList(String.class).doesNotContain("Taken");
    }

    @Test
    void lastUseIsRecordedAtMostOnceAMinute() {
        HttpGraphQlTester owner = tenants.as(agencyA, Role.OWNER);
        Created token = create(owner, "Meter", "READ_ONLY", List.of());
        UUID id = UUID.fromString(new String(java.util.Base64.getUrlDecoder().decode(token.id()), StandardCharsets.UTF_8)
                .substring("ApiToken:".length()));
        assertThat(lastUsed(id)).isNull();

        HttpGraphQlTester client = withApiToken(token.value());
        OffsetDateTime before = now().minusSeconds(1);
        client.document("{ viewer { user { role } } }").execute().path("viewer.user.role").hasValue();
        OffsetDateTime first = lastUsed(id);
        assertThat(first).isAfterOrEqualTo(before).isBeforeOrEqualTo(now().plusSeconds(1));

        // used 30 s ago: a new request within the minute writes nothing
        db.sql("UPDATE api_token SET last_used_at = :t WHERE id = :id").bind("t", now().minusSeconds(30)).bind("id", id)
                .fetch().rowsUpdated().block(Duration.ofSeconds(5));
        OffsetDateTime thirtySecondsAgo = lastUsed(id);
        client.document("{ viewer { user { role } } }").execute().path("viewer.user.role").hasValue();
        assertThat(lastUsed(id)).isEqualTo(thirtySecondsAgo);

        // used 2 min ago: the next request records itself
        db.sql("UPDATE api_token SET last_used_at = :t WHERE id = :id").bind("t", now().minusMinutes(2)).bind("id", id)
                .fetch().rowsUpdated().block(Duration.ofSeconds(5));
        OffsetDateTime beforeThird = now().minusSeconds(1);
        client.document("{ viewer { user { role } } }").execute().path("viewer.user.role").hasValue();
        assertThat(lastUsed(id)).isAfterOrEqualTo(beforeThird);
        owner.document("{ apiTokens(first: 100) { nodes { name lastUsedAt } } }").execute()
                .path("apiTokens.nodes[?(@.name == 'Meter')].lastUsedAt").entityList(String.class).hasSize(1);
    }

    /** The application's present instant, in UTC. */
    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private OffsetDateTime lastUsed(UUID id) {
        return db.sql("SELECT last_used_at FROM api_token WHERE id = :id").bind("id", id)
                .map(row -> java.util.Optional.ofNullable(row.get("last_used_at", OffsetDateTime.class))).one()
                .block(Duration.ofSeconds(5)).orElse(null);
    }

    @Test
    void overWebSocketATokenIsCheckedAtConnectionAndItsScopeStillHolds() {
        HttpGraphQlTester owner = tenants.as(agencyA, Role.OWNER);
        Created token = create(owner, "Socket", "READ_ONLY", List.of());
        WebSocketGraphQlClient socket = webSocket(token.value());
        try {
            ClientGraphQlResponse viewer = socket.document("{ viewer { user { role } } }").execute()
                    .block(Duration.ofSeconds(10));
            assertThat(viewer.field("viewer.user.role").toEntity(String.class)).isEqualTo("OWNER");
            // graphql-transport-ws could carry mutations, but no mutation runs over the WebSocket (ADR 22)
            long before = clientCount(agencyA);
            ClientGraphQlResponse mutation = socket.document(
                    "mutation { createClient(input: {name: \"Via socket\", segment: SME}) { client { id } } }")
                    .execute().block(Duration.ofSeconds(10));
            assertThat(mutation.getErrors()).extracting(e -> e.getErrorType().toString()).containsExactly("BAD_REQUEST");
            assertThat(clientCount(agencyA)).isEqualTo(before);
        } finally {
            socket.stop().block(Duration.ofSeconds(10));
        }

        owner.document("mutation($id: ID!) { revokeApiToken(input: {id: $id}) { userErrors { code } } }")
                .variable("id", token.id()).execute().path("revokeApiToken.userErrors").entityList(Object.class)
                .hasSize(0);
        WebSocketGraphQlClient revoked = webSocket(token.value());
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> revoked.document("{ viewer { user { role } } }")
                    .execute().block(Duration.ofSeconds(10))).hasMessageContaining("4401");
        } finally {
            revoked.stop().onErrorComplete().block(Duration.ofSeconds(10));
        }
    }

    private WebSocketGraphQlClient webSocket(String token) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("authorization", "Bearer " + token));
                    }
                }).build();
    }

    @Test
    void everyMutationHasAnAreaOrIsForPeopleAndTheSchemaSaysWhich() {
        GraphQLSchema schema = graphQlSource.schema();
        Set<String> mutations = schema.getMutationType().getFieldDefinitions().stream()
                .map(GraphQLFieldDefinition::getName).collect(Collectors.toSet());
        Set<String> covered = new java.util.HashSet<>(ApiTokenAreas.all().keySet());
        covered.addAll(ApiTokenAreas.PEOPLE_ONLY);
        assertThat(mutations).as("mutations without an API token area (add them to ApiTokenAreas)")
                .containsExactlyInAnyOrderElementsOf(covered);

        GraphQLEnumType areas = (GraphQLEnumType) schema.getType("ApiTokenArea");
        assertThat(areas.getValues()).extracting(v -> v.getName())
                .containsExactlyInAnyOrder(Arrays.stream(ApiTokenArea.values()).map(Enum::name).toArray(String[]::new));
        for (ApiTokenArea area : ApiTokenArea.values()) {
            Set<String> described = Arrays.stream(areas.getValue(area.name()).getDescription().split(","))
                    .map(String::strip).collect(Collectors.toSet());
            Set<String> mapped = ApiTokenAreas.all().entrySet().stream().filter(e -> e.getValue() == area)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(described).as("the description of " + area).isEqualTo(mapped);
        }
    }
}
