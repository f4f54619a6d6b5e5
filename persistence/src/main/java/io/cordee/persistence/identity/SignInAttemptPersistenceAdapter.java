package io.cordee.persistence.identity;

import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.identity.SignInAttemptRepository;
import io.cordee.core.identity.SignInThrottle;
import java.time.Duration;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The sign-in throttle's table (V14). An attempt is claimed in ONE statement — count it, or say how
 * long the account must still wait — so that parallel attempts on one account queue on its row and
 * cannot all pass before the first failure is known. Autocommitted: the row lock is held for the
 * statement only, never across the password hash.
 *
 * <p>Not claimed means the row's latest version (the one ON CONFLICT saw) makes the account wait, so the
 * wait is at least the shortest delay there is. The statement's snapshot may be older than that version
 * (a concurrent claim committed in between) and show a lock already over: the wait read from it is then
 * raised to that shortest delay, never answered as "retry in 1 ms".
 */
@Repository
public class SignInAttemptPersistenceAdapter implements SignInAttemptRepository {

    /** The attempt being made: the first of a new series once the last one is forgotten. */
    private static final String NEXT = "(CASE WHEN a.expires_at <= :now THEN 1 ELSE a.attempts + 1 END)";
    private static final String CLAIM = """
            WITH claimed AS (
                INSERT INTO sign_in_attempt AS a (account_key, attempts, blocked_until, expires_at)
                VALUES (:key, 1, :now + sign_in_delay(1, :free, :firstMs, :maxMs),
                        :now + sign_in_delay(1, :free, :firstMs, :maxMs) + :windowMs * interval '1 millisecond')
                ON CONFLICT (account_key) DO UPDATE SET
                    attempts = NEXT,
                    blocked_until = :now + sign_in_delay(NEXT, :free, :firstMs, :maxMs),
                    expires_at = :now + sign_in_delay(NEXT, :free, :firstMs, :maxMs)
                                 + :windowMs * interval '1 millisecond'
                WHERE a.blocked_until <= :now
                RETURNING 1)
            SELECT 0::bigint AS wait_ms FROM claimed
            UNION ALL
            SELECT GREATEST(1, LEAST(:firstMs, :maxMs), ceil(extract(epoch FROM a.blocked_until - :now) * 1000))::bigint
            FROM sign_in_attempt a WHERE a.account_key = :key AND NOT EXISTS (SELECT 1 FROM claimed)
            """.replace("NEXT", NEXT);

    private final DatabaseClient db;

    public SignInAttemptPersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Duration> claim(byte[] accountKey, Instant now, SignInThrottle throttle) {
        return db.sql(CLAIM)
                .bind("key", accountKey).bind("now", utc(now))
                .bind("free", throttle.freeAttempts()).bind("firstMs", throttle.firstDelay().toMillis())
                .bind("maxMs", throttle.maxDelay().toMillis()).bind("windowMs", throttle.window().toMillis())
                .map(row -> row.get("wait_ms", Long.class)).one()
                .map(Duration::ofMillis)
                // Not counted, yet no row to say why: a concurrent first attempt inserted the row after this
                // statement's snapshot and made the account wait. Refused for the shortest wait.
                .defaultIfEmpty(throttle.firstDelay().isZero() ? Duration.ofMillis(1) : throttle.firstDelay());
    }

    @Override
    public Mono<Void> reset(byte[] accountKey) {
        return db.sql("DELETE FROM sign_in_attempt WHERE account_key = :key").bind("key", accountKey).then();
    }

    @Override
    public Mono<Long> deleteExpired(Instant now) {
        return db.sql("DELETE FROM sign_in_attempt WHERE expires_at <= :now")
                .bind("now", utc(now))
                .fetch().rowsUpdated();
    }
}
