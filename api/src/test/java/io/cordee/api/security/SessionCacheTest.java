package io.cordee.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * ADR 50: a session's caller is kept a few seconds, so a page's burst of requests looks the session up once;
 * a sign-out, a deactivation or a role change made through this instance is seen by the very next request,
 * and one made by another instance or a tool as soon as PostgreSQL's notification arrives.
 */
@ApiTest
class SessionCacheTest {

    static final String VIEWER = "{ viewer { user { role } } }";
    static final String MONEY = "{ cashForecast(horizonWeeks: 4) { asOf } }";

    @Autowired
    Tenants tenants;
    @Autowired
    StatementCounter counter;
    @Autowired
    DatabaseClient db;
    @Autowired
    TestClock clock;

    @Test
    void theSecondRequestOfASessionDoesNotLookItUpAndASignOutIsSeenByTheNextOne() {
        Tenants.Tenant tenant = tenants.create("Session Cache Sign Out");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        HttpGraphQlTester finance = tenants.withToken(session);
        finance.document(VIEWER).execute().path("viewer.user.role").entity(String.class).isEqualTo("FINANCE");

        counter.reset();
        finance.document(VIEWER).execute().path("viewer.user.role").entity(String.class).isEqualTo("FINANCE");
        List<String> second = counter.statements();
        assertThat(second).as("statements of the second request").isNotEmpty()
                .noneMatch(s -> s.contains("user_session"));

        finance.document("mutation { signOut { signedOut } }").execute()
                .path("signOut.signedOut").entity(Boolean.class).isEqualTo(true);
        tenants.assertRefusedUnauthenticated(session, VIEWER);
    }

    @Test
    void aDeactivationAndARoleChangeAreSeenByTheNextRequest() {
        Tenants.Tenant tenant = tenants.create("Session Cache People");
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        String financeSession = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        String leadSession = tenants.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        // both kept
        // FINANCE passes the role check (no balance is recorded yet: the forecast asks for one, a BAD_REQUEST)
        tenants.withToken(financeSession).document(MONEY).execute().errors()
                .expect(e -> "BAD_REQUEST".equals(e.getErrorType().toString())).verify();
        tenants.withToken(leadSession).document(VIEWER).execute().path("viewer.user.role").entity(String.class)
                .isEqualTo("LEAD");

        String financeId = personId(owner, tenant.email(Role.FINANCE));
        owner.document("mutation($id: ID!) { changeRole(input: {id: $id, role: LEAD}) { userErrors { code } } }")
                .variable("id", financeId).execute().path("changeRole.userErrors").entityList(Object.class).hasSize(0);
        // the kept FINANCE caller is gone: the next request acts as the LEAD it now is, and sees no money
        tenants.withToken(financeSession).document(MONEY).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getErrorType().toString())).verify();

        String leadId = personId(owner, tenant.email(Role.LEAD));
        owner.document("mutation($id: ID!) { deactivateUser(input: {id: $id}) { userErrors { code } } }")
                .variable("id", leadId).execute().path("deactivateUser.userErrors").entityList(Object.class)
                .hasSize(0);
        tenants.assertRefusedUnauthenticated(leadSession, VIEWER);
    }

    @Test
    void aSignOutByAnotherInstanceIsSeenWhenItsNotificationArrives() {
        Tenants.Tenant tenant = tenants.create("Session Cache Elsewhere");
        // the application's clock stands still: the caller kept below never reaches its 5 s of life by that clock,
        // so only the notification can end it, however late it comes on a loaded machine (ADR 89)
        clock.stop();
        try {
            String session = tenants.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
            tenants.withToken(session).document(VIEWER).execute().path("viewer.user.role").entity(String.class)
                    .isEqualTo("LEAD");
            // as another instance would: straight in the database; the trigger notifies every instance
            db.sql("UPDATE user_session SET revoked_at = now() WHERE agency_id = :a AND revoked_at IS NULL")
                    .bind("a", tenant.agencyId().value()).fetch().rowsUpdated().block(Duration.ofSeconds(30));
            // the notification takes milliseconds; 30 s is a safety net (at most 120 requests of the caller's 300
            // a minute, which with the clock stopped are not given back)
            await("the notification ends the kept session").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> tenants.assertRefusedUnauthenticated(session, VIEWER));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aLookupThatAnswersAfterAChangeIsNotKeptAndTheCacheIsBounded() {
        SessionCache cache = new SessionCache(Duration.ofSeconds(5), 3,
                Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
        Caller caller = new Caller(new UserId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), Role.OWNER, null);
        AtomicInteger lookups = new AtomicInteger();

        // started before the user's sessions were revoked, answered after: what it read may be what was revoked
        Sinks.One<Caller> slow = Sinks.one();
        var answer = cache.caller("token-a", () -> {
            lookups.incrementAndGet();
            return slow.asMono();
        }).toFuture();
        cache.userChanged(caller.agencyId(), caller.userId());
        slow.tryEmitValue(caller);
        assertThat(answer.join()).isEqualTo(caller);
        cache.caller("token-a", () -> {
            lookups.incrementAndGet();
            return Mono.just(caller);
        }).block();
        assertThat(lookups).as("looked up again: the late answer was not kept").hasValue(2);
        // now kept: a third request looks nothing up
        cache.caller("token-a", () -> {
            lookups.incrementAndGet();
            return Mono.just(caller);
        }).block();
        assertThat(lookups).hasValue(2);

        for (int i = 0; i < 10; i++) {
            cache.caller("token-" + i, () -> Mono.just(caller)).block();
        }
        assertThat(cache.size()).as("10 sessions through a cache of 3").isLessThanOrEqualTo(3);
    }

    private static String personId(HttpGraphQlTester owner, String email) {
        return owner.document("{ people { users { id email } } }").execute()
                .path("people.users[?(@.email == '" + email + "')].id").entityList(String.class).get().get(0);
    }
}
