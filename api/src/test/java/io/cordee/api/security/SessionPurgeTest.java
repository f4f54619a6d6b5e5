package io.cordee.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import io.cordee.core.schedule.BackgroundWorkRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** Dead sessions are purged (issue 20, ADR 66); live ones, and each user's last sign-in, stay. */
@ApiTest
class SessionPurgeTest {

    @Autowired
    SessionPurge purge;
    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;
    @Autowired
    Clock clock;
    @Autowired
    BackgroundWorkRepository work;

    @Test
    void expiredAndRevokedSessionsDisappearLiveOnesStay() {
        var tenant = tenants.create("Purge");
        String ownerEmail = tenant.email(Role.OWNER);
        String token = tenants.signIn(ownerEmail, Tenants.PASSWORD); // a live session, made now
        UUID owner = userId(ownerEmail);
        UUID finance = userId(tenant.email(Role.FINANCE));
        Instant now = clock.instant();
        Duration day = Duration.ofDays(1);
        // the owner: two sessions expired 10 and 5 days ago, one revoked yesterday (would expire in 5 days)
        insert(tenant.agencyId().value(), owner, now.minus(day.multipliedBy(40)), now.minus(day.multipliedBy(10)), null);
        insert(tenant.agencyId().value(), owner, now.minus(day.multipliedBy(35)), now.minus(day.multipliedBy(5)), null);
        insert(tenant.agencyId().value(), owner, now.minus(day.multipliedBy(2)), now.plus(day.multipliedBy(5)),
                now.minus(day));
        // finance signed in 30 and 20 days ago, both sessions expired since: only the newest stays
        UUID older = insert(tenant.agencyId().value(), finance, now.minus(day.multipliedBy(30)), now.minus(day), null);
        UUID newest = insert(tenant.agencyId().value(), finance, now.minus(day.multipliedBy(20)), now.minus(Duration.ofHours(1)), null);
        assertThat(sessionsOf(owner)).hasSize(4);

        assertThat(purge.purgeAll().block(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(4);

        // the owner keeps only the live session: it still signs in
        assertThat(sessionsOf(owner)).hasSize(1);
        assertThat(db.sql("SELECT count(*) FROM user_session WHERE user_id = :u AND revoked_at IS NULL AND expires_at > :now")
                .bind("u", owner).bind("now", now.atOffset(ZoneOffset.UTC)).mapValue(Long.class).one()
                .block(Duration.ofSeconds(10))).isEqualTo(1);
        tenants.withToken(token).document("{ agency { name } }").execute().path("agency.name").entity(String.class)
                .isEqualTo("Purge");
        // finance keeps its newest session: the people page still says when they last signed in
        assertThat(sessionsOf(finance)).containsExactly(newest).doesNotContain(older);
        // nothing more to delete
        assertThat(purge.purgeAll().block(Duration.ofSeconds(30))).isZero();
    }

    @Test
    void onePurgePerIntervalAcrossInstances() {
        String job = "test-purge-" + UUID.randomUUID();
        Instant now = Instant.parse("2030-01-15T12:00:00Z");
        Duration interval = Duration.ofMinutes(30);
        assertThat(work.claimPeriodicJob(job, now, interval, "first").block(Duration.ofSeconds(10))).isTrue();
        assertThat(work.claimPeriodicJob(job, now.plusSeconds(5), interval, "second").block(Duration.ofSeconds(10)))
                .isFalse();
        assertThat(work.claimPeriodicJob(job, now.plus(interval).minusSeconds(1), interval, "second")
                .block(Duration.ofSeconds(10))).isFalse();
        assertThat(work.claimPeriodicJob(job, now.plus(interval), interval, "second").block(Duration.ofSeconds(10)))
                .isTrue();
    }

    private UUID insert(UUID agency, UUID user, Instant created, Instant expires, Instant revoked) {
        UUID id = UUID.randomUUID();
        var spec = db.sql("INSERT INTO user_session (agency_id, id, user_id, token_hash, created_at, expires_at, revoked_at)"
                        + " VALUES (:a, :id, :u, :hash, :created, :expires, :revoked)")
                .bind("a", agency).bind("id", id).bind("u", user).bind("hash", UUID.randomUUID().toString().getBytes())
                .bind("created", utc(created)).bind("expires", utc(expires));
        spec = revoked == null ? spec.bindNull("revoked", OffsetDateTime.class) : spec.bind("revoked", utc(revoked));
        spec.then().block(Duration.ofSeconds(10));
        return id;
    }

    private UUID userId(String email) {
        return db.sql("SELECT id FROM app_user WHERE email = :e").bind("e", email).mapValue(UUID.class).one()
                .block(Duration.ofSeconds(10));
    }

    private List<UUID> sessionsOf(UUID user) {
        return db.sql("SELECT id FROM user_session WHERE user_id = :u ORDER BY created_at").bind("u", user)
                .mapValue(UUID.class).all().collectList().block(Duration.ofSeconds(10));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
