package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordee.api.alert.AlertNotifications;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.limits.WebSocketLimits;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.SameDatabaseInstance;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.api.websocket.AccessChangeListener;
import io.cordee.api.websocket.WebSocketConnection;
import io.cordee.api.websocket.WebSocketConnections;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.persistence.common.PgListener;
import io.cordee.persistence.identity.PostgresAccessChangeEvents;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * GraphQL over WebSocket obeys the rules of HTTP (ADR 22): every operation re-checks the session or
 * token; sign-out, token revocation, deactivation and a role change close the affected connections
 * on every instance (PostgreSQL triggers notify, each instance's listener re-checks); no
 * mutation runs over the socket; operations and open subscriptions are limited per connection and per
 * user; the query limits apply. Latencies are printed, from the moment the change was committed (the
 * HTTP mutation answered, the SQL statement done) to the moment the client saw its socket closed, beside
 * issue 13's target of 2 s: a target the tests print, not one they fail on (ADR 89).
 *
 * <p>A second application on the same database ("the second instance") runs with tight WebSocket limits:
 * 5 operations per connection and 8 per user an hour, 2 subscriptions per connection and 3 per user, 3
 * connections per user.
 */
@ApiTest
class WebSocketSecurityTest {

    static final String SUBSCRIPTION = "subscription { alertChanged { type } }";
    static final String VIEWER = "{ viewer { user { role } } }";
    /** A safety net for a loaded machine, not a speed requirement (ADR 89). */
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Issue 13's target: affected subscriptions close within 2 s. Printed beside each latency, not asserted. */
    static final Duration CLOSE_TARGET = Duration.ofSeconds(2);
    /**
     * How long a close is awaited: generous, and still well under the periodic re-check's minute
     * ({@code cordee.limits.websocket.recheck-interval}), so that a close is the notification's doing.
     */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(20);

    static SameDatabaseInstance second;

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;
    @Autowired
    WebTestClient web;
    @Autowired
    Environment environment;
    @Autowired
    AccessChangeListener listener;
    @Autowired
    WebSocketConnections connections;
    @Autowired
    WebSocketLimits limits;
    /** The application's clock, against which a session's expiry is checked. */
    @Autowired
    TestClock clock;

    Tenants.Tenant tenant;
    final List<WebSocketGraphQlClient> clients = new ArrayList<>();
    final List<Disposable> opened = new ArrayList<>();

    @BeforeEach
    void agency() {
        tenant = tenants.create("Socket Agency");
        waitFor(listener::isListening);
    }

    @AfterEach
    void closeClients() {
        opened.forEach(Disposable::dispose);
        clients.forEach(c -> c.stop().onErrorComplete().block(WAIT));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    // ---- changes close the affected connections ------------------------------------------------

    @Test
    void aRevokedTokensOpenSubscriptionCloses() {
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        var created = owner.document("""
                        mutation { createApiToken(input: {name: "Dashboard", access: READ_ONLY}) {
                          token apiToken { id } userErrors { code } } }""").execute();
        String token = created.path("createApiToken.token").entity(String.class).get();
        String id = created.path("createApiToken.apiToken.id").entity(String.class).get();
        Live live = subscribe(bearer(port, token), limits, user(Role.OWNER));

        long sent = System.nanoTime();
        owner.document("mutation($id: ID!) { revokeApiToken(input: {id: $id}) { userErrors { code } } }")
                .variable("id", id).execute().path("revokeApiToken.userErrors").entityList(Object.class).hasSize(0);
        long committed = System.nanoTime();
        assertClosed(live, 4401, "revoked token", sent, committed);
    }

    @Test
    void aSignedOutSessionsSubscriptionCloses() {
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        Live live = subscribe(cookie(port, session), limits, user(Role.FINANCE));

        long sent = System.nanoTime();
        tenants.withToken(session).document("mutation { signOut { signedOut } }").execute()
                .path("signOut.signedOut").entity(Boolean.class).isEqualTo(true);
        long committed = System.nanoTime();
        assertClosed(live, 4401, "signed-out session", sent, committed);
    }

    @Test
    void aRoleChangeClosesTheConnectionAndTheNextOneHasTheNewRole() {
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        Live live = subscribe(cookie(port, session), limits, user(Role.OWNER));

        // no mutation changes roles yet (issue 14): the database is changed as a future one will
        long sent = System.nanoTime();
        db.sql("UPDATE app_user SET role = 'LEAD' WHERE email = :e").bind("e", tenant.email(Role.OWNER))
                .fetch().rowsUpdated().block(WAIT);
        long committed = System.nanoTime();
        Throwable closed = assertClosed(live, 4403, "role change OWNER -> LEAD", sent, committed);
        assertThat(closed.getMessage()).contains("Your role changed from OWNER to LEAD");

        // the same session on a new connection acts with the current role: no money for a LEAD
        WebSocketGraphQlClient again = cookie(port, session);
        ClientGraphQlResponse viewer = again.document(VIEWER).execute().block(WAIT);
        assertThat(viewer.field("viewer.user.role").toEntity(String.class)).isEqualTo("LEAD");
        ClientGraphQlResponse money = again.document("{ cashForecast(horizonWeeks: 4) { asOf } }")
                .execute().block(WAIT);
        assertThat(money.getErrors()).extracting(ResponseError::getErrorType).extracting(Object::toString)
                .containsExactly("FORBIDDEN");
    }

    @Test
    void aDeactivatedUserIsClosedOutOfTheSocketAndRefusedOverHttp() {
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        Live live = subscribe(cookie(port, session), limits, user(Role.FINANCE));

        long sent = System.nanoTime();
        db.sql("UPDATE app_user SET deactivated_at = now() WHERE email = :e").bind("e", tenant.email(Role.FINANCE))
                .fetch().rowsUpdated().block(WAIT);
        long committed = System.nanoTime();
        assertClosed(live, 4401, "deactivation", sent, committed);

        // HTTP: the session no longer authenticates, and signing in again is refused as a wrong password is
        tenants.assertRefusedUnauthenticated(session, VIEWER);
        tenants.anonymous().document("""
                        mutation($in: SignInInput!) { signIn(input: $in) { userErrors { code } } }""")
                .variable("in", Map.of("email", tenant.email(Role.FINANCE), "password", Tenants.PASSWORD))
                .execute().path("signIn.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        // and a new WebSocket is refused at connection_init
        assertThat(failure(() -> cookie(port, session).document(VIEWER).execute().block(WAIT))).contains("4401");
    }

    @Test
    void anApiTokenOfADeactivatedCreatorIsRefusedOverHttpWithTheReason() {
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        String token = owner.document("""
                        mutation { createApiToken(input: {name: "CRM", access: READ_ONLY}) { token } }""")
                .execute().path("createApiToken.token").entity(String.class).get();
        db.sql("UPDATE app_user SET deactivated_at = now() WHERE email = :e").bind("e", tenant.email(Role.OWNER))
                .fetch().rowsUpdated().block(WAIT);
        web.post().uri("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", VIEWER))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("The creator of this API token was deactivated")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aChangeMadeThroughOneInstanceClosesTheSubscriptionOnAnother() {
        SameDatabaseInstance other = secondInstance();
        int otherPort = other.port();
        waitFor(other.bean(AccessChangeListener.class)::isListening);
        String session = tenants.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        Live live = subscribe(cookie(otherPort, session), other.bean(WebSocketLimits.class), user(Role.LEAD));

        // signed out over HTTP on this instance; the subscription is on the other one
        long sent = System.nanoTime();
        tenants.withToken(session).document("mutation { signOut { signedOut } }").execute()
                .path("signOut.signedOut").entity(Boolean.class).isEqualTo(true);
        long committed = System.nanoTime();
        assertClosed(live, 4401, "sign-out on the other instance", sent, committed);
    }

    @Test
    void theTriggersNotifyIdsOnly() {
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        var created = owner.document("""
                        mutation { createApiToken(input: {name: "Ids", access: READ_ONLY}) { apiToken { id } } }""")
                .execute();
        UUID tokenId = GlobalId.decode(created.path("createApiToken.apiToken.id").entity(String.class).get(),
                "ApiToken", "id");
        UUID ownerId = tenant.owner().userId().value();
        UUID agencyId = tenant.agencyId().value();
        PostgresqlConnection connection = Mono.from(PgListener.dedicatedFactory(environment,
                "cordee-test-listener").create()).cast(PostgresqlConnection.class).block(WAIT);
        try {
            connection.createStatement("LISTEN " + PostgresAccessChangeEvents.CHANNEL).execute()
                    .flatMap(PostgresqlResult::getRowsUpdated).then().block(WAIT);
            // the first two notifications of this agency: had the last use notified, it would be the first
            CompletableFuture<List<String>> heard = connection.getNotifications()
                    .map(n -> n.getParameter()).filter(p -> p.contains(agencyId.toString())).take(2).collectList()
                    .toFuture();
            // last use is written by every request (once a minute): it takes no right away and notifies nothing
            db.sql("UPDATE api_token SET last_used_at = now() WHERE id = :id").bind("id", tokenId)
                    .fetch().rowsUpdated().block(WAIT);
            owner.document("mutation($id: ID!) { revokeApiToken(input: {id: $id}) { userErrors { code } } }")
                    .variable("id", GlobalId.of("ApiToken", tokenId)).execute();
            db.sql("UPDATE app_user SET role = 'FINANCE' WHERE id = :id").bind("id", ownerId)
                    .fetch().rowsUpdated().block(WAIT);
            assertThat(heard.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsExactly(
                    "T:" + agencyId + ":" + ownerId + ":" + tokenId,
                    "U:" + agencyId + ":" + ownerId);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            Mono.from(connection.close()).block(WAIT);
        }
    }

    // ---- every operation is checked again ----------------------------------------------------

    @Test
    void anOperationAfterASilentSignOutIsRefusedAsOverHttpAndClosesTheConnection() {
        // a change whose notification was lost (the listener was reconnecting): the next operation finds it
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        WebSocketGraphQlClient client = cookie(port, session);
        Live live = subscribe(client, limits, user(Role.OWNER));
        silently("UPDATE user_session SET revoked_at = now() WHERE user_id = '" + tenant.owner().userId().value()
                + "'");

        long sent = System.nanoTime();
        ClientGraphQlResponse refused = client.document(VIEWER).execute().block(WAIT);
        long answered = System.nanoTime();
        assertThat(refused.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("UNAUTHORIZED");
            assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
            assertThat(error.getMessage()).isEqualTo("Your session has expired; sign in again");
        });
        assertClosed(live, 4401, "operation after a silent sign-out", sent, answered);
    }

    @Test
    void anOperationAfterASilentRoleChangeIsRefusedAndClosesWith4403() {
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        WebSocketGraphQlClient client = cookie(port, session);
        Live live = subscribe(client, limits, user(Role.OWNER));
        silently("UPDATE app_user SET role = 'LEAD' WHERE id = '" + tenant.owner().userId().value() + "'");

        long sent = System.nanoTime();
        ClientGraphQlResponse refused = client.document(VIEWER).execute().block(WAIT);
        long answered = System.nanoTime();
        assertThat(refused.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN");
            assertThat(error.getMessage()).startsWith("Your role changed from OWNER to LEAD");
        });
        assertClosed(live, 4403, "operation after a silent role change", sent, answered);
    }

    @Test
    void theSweepClosesAConnectionWhoseSessionExpired() {
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        Live live = subscribe(cookie(port, session), limits, user(Role.FINANCE));
        // expiry changes nothing in the database at the moment it happens: the periodic re-check finds it
        silently("UPDATE user_session SET expires_at = '" + clock.instant().minusSeconds(1) + "' WHERE user_id = (SELECT id"
                + " FROM app_user WHERE email = '" + tenant.email(Role.FINANCE) + "')");
        long sent = System.nanoTime();
        connections.recheckAll().block(WAIT);
        assertClosed(live, 4401, "sweep after expiry", sent, System.nanoTime());
    }

    // ---- no mutation over the socket -----------------------------------------------------------

    @Test
    void signInAndEveryOtherMutationAreRefusedOverTheSocketAndChangeNothing() {
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        WebSocketGraphQlClient client = cookie(port, session);
        long sessionsBefore = sessions(tenant.email(Role.OWNER));

        ClientGraphQlResponse signIn = client.document("""
                        mutation($in: SignInInput!) { signIn(input: $in) { userErrors { code } } }""")
                .variable("in", Map.of("email", tenant.email(Role.OWNER), "password", Tenants.PASSWORD))
                .execute().block(WAIT);
        assertMutationRefused(signIn);
        assertMutationRefused(client.document("mutation { signOut { signedOut } }").execute().block(WAIT));
        // a mutation hidden in a document whose chosen operation is a query: the whole document is refused
        assertMutationRefused(client.document("query A { viewer { user { role } } } mutation B { signOut { signedOut } }")
                .operationName("A").execute().block(WAIT));

        assertThat(sessions(tenant.email(Role.OWNER))).isEqualTo(sessionsBefore);
        // signOut did not run: the session still works, over HTTP and on the socket
        assertThat(client.document(VIEWER).execute().block(WAIT).field("viewer.user.role").toEntity(String.class))
                .isEqualTo("OWNER");
    }

    // ---- limits --------------------------------------------------------------------------------

    @Test
    void theEleventhSubscriptionOnAConnectionIsRefused() {
        WebSocketGraphQlClient client = cookie(port, tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD));
        UserId owner = tenant.owner().userId();
        List<Live> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(subscribe(client, limits, user(Role.OWNER)));
        }
        waitFor(() -> openSubscriptions(owner) == 10);

        ClientGraphQlResponse eleventh = client.document(SUBSCRIPTION).executeSubscription().blockFirst(WAIT);
        assertThat(eleventh.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "SUBSCRIPTION_LIMIT_EXCEEDED")
                    .containsEntry("limit", 10);
            assertThat(error.getMessage()).isEqualTo("Too many open subscriptions: at most 10 per connection."
                    + " Complete one before starting another.");
        });
        assertThat(ten).allMatch(live -> !live.closed.isDone());

        // completing one gives its place back
        ten.get(0).subscription.dispose();
        waitFor(() -> openSubscriptions(owner) == 9);
        subscribe(client, limits, user(Role.OWNER));
        waitFor(() -> openSubscriptions(owner) == 10);
    }

    @Test
    void subscriptionsArePerConnectionAndPerUser() {
        SameDatabaseInstance other = secondInstance();
        int otherPort = other.port();
        AlertNotifications otherNotifications = other.bean(AlertNotifications.class);
        WebSocketLimits otherLimits = other.bean(WebSocketLimits.class);
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);

        // the second instance allows 2 per connection and 3 per user
        WebSocketGraphQlClient first = cookie(otherPort, session);
        subscribe(first, otherLimits, user(Role.FINANCE));
        subscribe(first, otherLimits, user(Role.FINANCE));
        assertThat(subscriptionRefusal(first)).isEqualTo("Too many open subscriptions: at most 2 per connection."
                + " Complete one before starting another.");
        WebSocketGraphQlClient secondConnection = cookie(otherPort, session);
        subscribe(secondConnection, otherLimits, user(Role.FINANCE));
        assertThat(subscriptionRefusal(secondConnection)).isEqualTo("Too many open subscriptions: at most 3 per user"
                + " on this server. Complete one before starting another.");

        // closing a connection gives its subscriptions' places back: 3 - 2 = 1 open, so 2 more may open
        UserId finance = user(Role.FINANCE);
        assertThat(otherLimits.openSubscriptions(finance)).isEqualTo(3);
        int streams = otherNotifications.subscriberCount();
        first.stop().block(WAIT);
        waitFor(() -> otherLimits.openSubscriptions(finance) == 1);
        // and the two server-side streams of the closed connection ended with it
        waitFor(() -> otherNotifications.subscriberCount() <= streams - 2);
        subscribe(secondConnection, otherLimits, user(Role.FINANCE));
        assertThat(otherLimits.openSubscriptions(finance)).isEqualTo(2);
    }

    @Test
    void aUsersFourthConnectionIsRefusedWhenThreeAreAllowed() {
        SameDatabaseInstance other = secondInstance();
        int otherPort = other.port();
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        List<WebSocketGraphQlClient> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WebSocketGraphQlClient client = cookie(otherPort, session);
            assertThat(client.document(VIEWER).execute().block(WAIT).getErrors()).isEmpty();
            three.add(client);
        }
        String refused = failure(() -> cookie(otherPort, session).document(VIEWER).execute().block(WAIT));
        assertThat(refused).contains("4429").contains("Too many connections: at most 3 per user on this server");

        three.get(0).stop().block(WAIT);
        WebSocketConnections otherConnections = other.bean(WebSocketConnections.class);
        waitFor(() -> otherConnections.of(tenant.owner().userId()).size() == 2);
        assertThat(cookie(otherPort, session).document(VIEWER).execute().block(WAIT).getErrors()).isEmpty();
    }

    @Test
    void operationsAreRateLimitedPerConnectionAndPerUser() {
        SameDatabaseInstance other = secondInstance();
        int otherPort = other.port();
        String session = tenants.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);

        // 5 operations per connection and 8 per user an hour: a refill takes 12 minutes (per connection)
        // and 7.5 minutes (per user), far longer than this test
        WebSocketGraphQlClient first = cookie(otherPort, session);
        for (int i = 1; i <= 5; i++) {
            assertThat(first.document(VIEWER).execute().block(WAIT).getErrors()).as("operation %d", i).isEmpty();
        }
        ResponseError perConnection = first.document(VIEWER).execute().block(WAIT).getErrors().get(0);
        assertThat(perConnection.getErrorType().toString()).isEqualTo("RATE_LIMITED");
        assertThat(perConnection.getExtensions()).containsEntry("code", "RATE_LIMITED").containsEntry("limit", 5)
                .containsKey("retryAfterSeconds");
        assertThat(perConnection.getMessage()).startsWith("Too many operations: at most 5 every 60 min per WebSocket"
                + " connection.");

        // the user has used 5 of 8 (the refused one took none): a second connection gets 3 more
        WebSocketGraphQlClient secondConnection = cookie(otherPort, session);
        for (int i = 6; i <= 8; i++) {
            assertThat(secondConnection.document(VIEWER).execute().block(WAIT).getErrors()).as("operation %d", i)
                    .isEmpty();
        }
        ResponseError perUser = secondConnection.document(VIEWER).execute().block(WAIT).getErrors().get(0);
        assertThat(perUser.getExtensions()).containsEntry("code", "RATE_LIMITED").containsEntry("limit", 8);
        assertThat(perUser.getMessage()).startsWith("Too many operations: at most 8 every 60 min per user over"
                + " WebSockets.");
    }

    @Test
    void theQueryLimitsApplyOverTheSocket() {
        WebSocketGraphQlClient client = cookie(port, tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD));
        // clients 1, nodes 2, then projects/client pairs: 3..16, name 17 > 15
        String deep = "{ clients(first: 1) { nodes { " + "projects { client { ".repeat(7) + "name"
                + " } }".repeat(7) + " } } }";
        assertThat(code(client.document(deep).execute().block(WAIT))).isEqualTo("DEPTH_LIMIT_EXCEEDED");
        // 1 + 100 × (1 + (1 + 100 × (1 + 1 + 101))) = 1,030,201 > 50,000 (QueryLimitsTest works it out)
        String costly = """
                { clients(first: 100) { nodes { interactions(first: 100) { nodes {
                    client { interactions(first: 100) { nodes { id } } } } } } } }""";
        assertThat(code(client.document(costly).execute().block(WAIT))).isEqualTo("COST_LIMIT_EXCEEDED");
        String aliases = IntStream.range(0, 31).mapToObj(i -> "c" + i + ": clients(first: 1) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        assertThat(code(client.document(aliases).execute().block(WAIT))).isEqualTo("ALIAS_LIMIT_EXCEEDED");
        // one fragment spread 31 times under aliases: counted with the fragment expanded
        String spread = "fragment F on ClientConnection { totalCount } { "
                + IntStream.range(0, 31).mapToObj(i -> "c" + i + ": clients(first: 1) { ...F }")
                        .collect(Collectors.joining(" ")) + " }";
        assertThat(code(client.document(spread).execute().block(WAIT))).isEqualTo("ALIAS_LIMIT_EXCEEDED");
        String longDocument = "{ viewer { user { role } } }" + " ".repeat(20_001);
        assertThat(code(client.document(longDocument).execute().block(WAIT))).isEqualTo("DOCUMENT_TOO_LONG");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** An open subscription and how it ended, with the moment the client saw it end. */
    record Live(Disposable subscription, CompletableFuture<Throwable> closed, long[] endedAt) {
    }

    /**
     * Subscribes and returns once the server holds the subscription open (its place is counted for the
     * user, whom only this test uses).
     */
    private Live subscribe(WebSocketGraphQlClient client, WebSocketLimits on, UserId user) {
        int before = on.openSubscriptions(user);
        CompletableFuture<Throwable> closed = new CompletableFuture<>();
        long[] endedAt = new long[1];
        Disposable subscription = client.document(SUBSCRIPTION).retrieveSubscription("alertChanged")
                .toEntity(Map.class)
                .subscribe(event -> { }, error -> {
                    endedAt[0] = System.nanoTime();
                    closed.complete(error);
                }, () -> {
                    endedAt[0] = System.nanoTime();
                    closed.complete(null);
                });
        opened.add(subscription);
        waitFor(() -> on.openSubscriptions(user) > before);
        return new Live(subscription, closed, endedAt);
    }

    private UserId user(Role role) {
        return new UserId(db.sql("SELECT id FROM app_user WHERE email = :e").bind("e", tenant.email(role))
                .mapValue(UUID.class).one().block(WAIT));
    }

    /**
     * Awaits the close ({@link #CLOSE_WAIT} at most) and prints the time from the moment the change was sent
     * ({@code sentNanos}; the notification can overtake the answer) and from its commit ({@code committedNanos}:
     * its HTTP answer or SQL statement returned), beside issue 13's target.
     */
    private static Throwable assertClosed(Live live, int code, String what, long sentNanos, long committedNanos) {
        Throwable error;
        try {
            error = live.closed.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the subscription was still open " + CLOSE_WAIT + " after the " + what);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        System.out.printf("WebSocket closed %d ms after the %s was sent, %d ms after it was committed and answered"
                + " (target %d ms)%n", (live.endedAt[0] - sentNanos) / 1_000_000, what,
                (live.endedAt[0] - committedNanos) / 1_000_000, CLOSE_TARGET.toMillis());
        assertThat(error).as("the subscription ended with the socket's close").isNotNull();
        assertThat(error.getMessage()).contains(String.valueOf(code));
        return error;
    }

    private String subscriptionRefusal(WebSocketGraphQlClient client) {
        ClientGraphQlResponse response = client.document(SUBSCRIPTION).executeSubscription().blockFirst(WAIT);
        assertThat(response.getErrors()).singleElement().satisfies(error -> assertThat(error.getExtensions())
                .containsEntry("code", "SUBSCRIPTION_LIMIT_EXCEEDED"));
        return response.getErrors().get(0).getMessage();
    }

    private static void assertMutationRefused(ClientGraphQlResponse response) {
        assertThat(response.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(error.getExtensions()).containsEntry("code", "MUTATION_OVER_WEBSOCKET");
            assertThat(error.getMessage()).startsWith("Mutations go over HTTP POST to /graphql, not over the WebSocket");
        });
    }

    private static String code(ClientGraphQlResponse response) {
        assertThat(response.getErrors()).isNotEmpty();
        return (String) response.getErrors().get(0).getExtensions().get("code");
    }

    private int openSubscriptions(UserId user) {
        return connections.of(user).stream().mapToInt(WebSocketConnection::openSubscriptions).sum();
    }

    private long sessions(String email) {
        return db.sql("SELECT count(*) FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = :e")
                .bind("e", email).mapValue(Long.class).one().block(WAIT);
    }

    /** Runs {@code sql} with the triggers off, as if its notification were lost. */
    private void silently(String sql) {
        db.sql("DO $$ BEGIN SET LOCAL session_replication_role = replica; " + sql + "; END $$")
                .fetch().rowsUpdated().block(WAIT);
    }

    private WebSocketGraphQlClient cookie(int port, String session) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(url(port), new ReactorNettyWebSocketClient())
                .headers(h -> h.add(HttpHeaders.COOKIE, "CORDEE_SESSION=" + session)).build();
        clients.add(client);
        return client;
    }

    private WebSocketGraphQlClient bearer(int port, String token) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(url(port), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("authorization", "Bearer " + token));
                    }
                }).build();
        clients.add(client);
        return client;
    }

    private static String url(int port) {
        return "ws://localhost:" + port + "/graphql";
    }

    private static String failure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
        }
        throw new AssertionError("expected a failure");
    }

    /** Another application on the same database, with tight WebSocket limits (see the class comment). */
    private SameDatabaseInstance secondInstance() {
        if (second == null) {
            second = SameDatabaseInstance.start(environment,
                    "--cordee.limits.websocket.connection-operations=5",
                    "--cordee.limits.websocket.user-operations=8",
                    "--cordee.limits.websocket.operations-period=1h",
                    "--cordee.limits.websocket.subscriptions-per-connection=2",
                    "--cordee.limits.websocket.subscriptions-per-user=3",
                    "--cordee.limits.websocket.connections-per-user=3");
        }
        return second;
    }

    private static void waitFor(BooleanSupplier condition) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
    }
}
