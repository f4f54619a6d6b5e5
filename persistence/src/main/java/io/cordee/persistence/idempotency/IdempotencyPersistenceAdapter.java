package io.cordee.persistence.idempotency;

import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.idempotency.IdempotencyKey;
import io.cordee.core.idempotency.IdempotencyRefused;
import io.cordee.core.idempotency.IdempotencyRepository;
import io.cordee.core.idempotency.StoredResponse;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Claims keys with {@code INSERT … ON CONFLICT}: PostgreSQL makes a second insert of the same key wait
 * until the first inserting transaction ends, so concurrent retries queue on the key's row instead of
 * doing the work again. An expired key is taken over in the same statement.
 */
@Component
public class IdempotencyPersistenceAdapter implements IdempotencyRepository {

    /** How long a retry waits for the request holding its key before it is told to retry later. */
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DatabaseClient db;
    private final Duration wait;

    @Autowired
    public IdempotencyPersistenceAdapter(DatabaseClient db) {
        this(db, WAIT);
    }

    IdempotencyPersistenceAdapter(DatabaseClient db, Duration wait) {
        this.db = db;
        this.wait = wait;
    }

    @Override
    public Mono<StoredResponse> claim(AgencyId agencyId, IdempotencyKey key, String fingerprint, Instant now,
                                      Instant expiresAt) {
        Mono<Void> boundedWait = db.sql("SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'").then();
        Mono<Boolean> claimed = db.sql("INSERT INTO idempotency_key (agency_id, key, fingerprint, created_at, expires_at)"
                        + " VALUES (:agencyId, :key, :fingerprint, :now, :expiresAt)"
                        + " ON CONFLICT (agency_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,"
                        + " response = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at"
                        + " WHERE idempotency_key.expires_at <= EXCLUDED.created_at"
                        + " RETURNING key")
                .bind("agencyId", agencyId.value()).bind("key", key.value()).bind("fingerprint", fingerprint)
                .bind("now", utc(now)).bind("expiresAt", utc(expiresAt))
                .mapValue(String.class).one().hasElement();
        Mono<StoredResponse> stored = db.sql("SELECT fingerprint, response FROM idempotency_key"
                        + " WHERE agency_id = :agencyId AND key = :key")
                .bind("agencyId", agencyId.value()).bind("key", key.value())
                .map((row, meta) -> new StoredResponse(row.get("fingerprint", String.class),
                        row.get("response", String.class)))
                .one();
        return boundedWait.then(claimed)
                .flatMap(mine -> mine ? Mono.<StoredResponse>empty() : stored)
                .onErrorMap(IdempotencyPersistenceAdapter::lockTimeout, e -> new IdempotencyRefused(
                        IdempotencyRefused.Reason.IN_PROGRESS, "A request with this Idempotency-Key is still running"
                        + " after " + wait.toMillis() + " ms; retry later with the same key"));
    }

    @Override
    public Mono<Void> saveResponse(AgencyId agencyId, IdempotencyKey key, String body) {
        return db.sql("UPDATE idempotency_key SET response = :body WHERE agency_id = :agencyId AND key = :key")
                .bind("body", body).bind("agencyId", agencyId.value()).bind("key", key.value())
                .then();
    }

    @Override
    public Mono<Long> deleteExpired(Instant now) {
        return db.sql("DELETE FROM idempotency_key WHERE expires_at <= :now")
                .bind("now", utc(now)).fetch().rowsUpdated();
    }

    private static boolean lockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof R2dbcException r && LOCK_NOT_AVAILABLE.equals(r.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
