package io.cordee.persistence.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.idempotency.IdempotencyKey;
import io.cordee.core.idempotency.IdempotencyRefused;
import io.cordee.core.idempotency.StoredResponse;
import io.cordee.persistence.common.R2dbcTransactionRunner;
import io.cordee.persistence.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Claiming keys on the real PostgreSQL: per agency, replayed within 24 h, taken over once expired. */
class IdempotencyPersistenceAdapterTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final DatabaseClient db = TestDatabase.client();
    private final IdempotencyPersistenceAdapter keys = new IdempotencyPersistenceAdapter(db);
    private final R2dbcTransactionRunner tx = new R2dbcTransactionRunner(
            new R2dbcTransactionManager(db.getConnectionFactory()), db);
    private final IdempotencyKey key = new IdempotencyKey("pay-0042");
    /** Two agencies of their own for each test (a new instance per test): one to use, one that must see none of it. */
    private final AgencyId agency = TestDatabase.newAgency();
    private final AgencyId otherAgency = TestDatabase.newAgency();

    @Test
    void aCommittedClaimIsReplayedAndTheSameKeyIsFreeInAnotherAgency() {
        assertThat(claimAndStore(agency, "f1", "{\"data\":1}", T0)).isNull();
        // 23 h 59 min later (expiry at T0 + 24 h): the stored response
        assertThat(claimAndStore(agency, "f2", "{\"data\":2}", T0.plus(Duration.ofMinutes(24 * 60 - 1))))
                .isEqualTo(new StoredResponse("f1", "{\"data\":1}"));
        // the same key in another agency is another key
        assertThat(claimAndStore(otherAgency, "f1", "{\"data\":3}", T0)).isNull();
    }

    @Test
    void anExpiredKeyIsTakenOverAndTheCleanupDeletesOnlyExpiredKeys() {
        claimAndStore(agency, "f1", "{\"data\":1}", T0);
        // exactly 24 h later the key has expired: claimed afresh, with the new request's response
        assertThat(claimAndStore(agency, "f2", "{\"data\":2}", T0.plus(Duration.ofHours(24)))).isNull();
        assertThat(claimAndStore(agency, "f2", "{\"data\":9}", T0.plus(Duration.ofHours(25))))
                .isEqualTo(new StoredResponse("f2", "{\"data\":2}"));

        // at T0 + 48 h the key claimed at T0 + 24 h expires; other agencies' keys are newer
        claimAndStore(otherAgency, "f1", "{}", T0.plus(Duration.ofHours(30)));
        assertThat(keys.deleteExpired(T0.plus(Duration.ofHours(48))).block()).isGreaterThanOrEqualTo(1L);
        assertThat(count(agency)).isZero();
        assertThat(count(otherAgency)).isEqualTo(1L);
    }

    @Test
    void aClaimRolledBackWithItsWorkLeavesTheKeyFree() {
        Mono<StoredResponse> failing = keys.claim(agency, key, "f1", T0, T0.plus(Duration.ofHours(24)))
                .then(Mono.error(new IllegalStateException("the work failed half way")));
        tx.inTransaction(failing).onErrorResume(IllegalStateException.class, e -> Mono.empty()).block();
        assertThat(count(agency)).isZero();
        assertThat(claimAndStore(agency, "f1", "{\"data\":1}", T0)).isNull();
    }

    @Test
    void aConcurrentClaimWaitsForTheFirstAndGetsItsResponseOrIsToldToRetryAfterTheWait() {
        // the first request holds the key for 1.5 s before it stores its response and commits
        Mono<StoredResponse> first = tx.inTransaction(keys.claim(agency, key, "f1", T0, T0.plus(Duration.ofHours(24)))
                .switchIfEmpty(Mono.delay(Duration.ofMillis(1500))
                        .then(keys.saveResponse(agency, key, "{\"data\":1}")).then(Mono.empty())));
        // a retry that starts 300 ms later waits (up to 10 s) and gets the committed response
        Mono<StoredResponse> patient = Mono.delay(Duration.ofMillis(300)).then(tx.inTransaction(
                keys.claim(agency, key, "f1", T0, T0.plus(Duration.ofHours(24)))));
        // one that may wait only 200 ms is told the key is still in use
        IdempotencyPersistenceAdapter hurried = new IdempotencyPersistenceAdapter(db, Duration.ofMillis(200));
        Mono<Object> impatient = Mono.delay(Duration.ofMillis(300)).then(tx.inTransaction(
                        hurried.claim(agency, key, "f1", T0, T0.plus(Duration.ofHours(24)))))
                .<Object>map(r -> r).onErrorResume(IdempotencyRefused.class, e -> Mono.just(e.reason()));

        long start = System.nanoTime();
        var results = Mono.zip(first.map(r -> (Object) r).defaultIfEmpty("claimed"), patient, impatient)
                .block(Duration.ofSeconds(20));
        assertThat(results.getT1()).isEqualTo("claimed");
        assertThat(results.getT2()).isEqualTo(new StoredResponse("f1", "{\"data\":1}"));
        assertThat(results.getT3()).isEqualTo(IdempotencyRefused.Reason.IN_PROGRESS);
        // the patient retry could only answer after the first committed, at 1.5 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    private StoredResponse claimAndStore(AgencyId agencyId, String fingerprint, String body, Instant now) {
        return tx.inTransaction(keys.claim(agencyId, key, fingerprint, now, now.plus(Duration.ofHours(24)))
                        .switchIfEmpty(keys.saveResponse(agencyId, key, body).then(Mono.empty())))
                .block(Duration.ofSeconds(10));
    }

    private long count(AgencyId agencyId) {
        return db.sql("SELECT count(*) FROM idempotency_key WHERE agency_id = :a").bind("a", agencyId.value())
                .mapValue(Long.class).one().block();
    }
}
