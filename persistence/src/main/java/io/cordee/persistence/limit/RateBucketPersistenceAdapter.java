package io.cordee.persistence.limit;

import io.cordee.core.limit.RateBuckets;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Rate-limit buckets in PostgreSQL (V14's {@code rate_limit_bucket}), one statement per request: GCRA
 * in an {@code INSERT … ON CONFLICT DO UPDATE … WHERE} that takes a request if the bucket has one and
 * otherwise says how long until it will (ADR 23).
 *
 * <p>It runs on a small connection pool of its own, opened on the same server as the application's:
 * the check in front of every request never waits behind the application's pool (which a burst of
 * requests is exactly what fills), and the application's pool is not charged for it — nor are the
 * statement counts of the tests, which count what a request's own work sends.
 */
@Repository
public class RateBucketPersistenceAdapter implements RateBuckets, DisposableBean {

    // A stored TAT never lies more than a period ahead of its writer's clock. Further ahead of ours, it was
    // written by a clock running ahead (an instance with skew, a clock stepped back) and means nothing here:
    // the bucket counts as full again rather than refusing everyone until our clock catches up (ADR 23).
    // With :most = 1 this is ADR 23's single take; with more it reserves min(:most, what the bucket holds)
    // requests in the same step, and stores how many in `taken` (V56) so that RETURNING can say it.
    private static final String TAKE = """
            WITH taken AS (
                INSERT INTO rate_limit_bucket AS b (bucket_key, tat, taken) VALUES (:key, :now + :first * :interval, :first)
                ON CONFLICT (bucket_key) DO UPDATE SET
                  taken = LEAST(:most, (:now + :period - (CASE WHEN b.tat > :now + :period THEN :now ELSE GREATEST(b.tat, :now) END)) / :interval),
                  tat = (CASE WHEN b.tat > :now + :period THEN :now ELSE GREATEST(b.tat, :now) END)
                        + LEAST(:most, (:now + :period - (CASE WHEN b.tat > :now + :period THEN :now ELSE GREATEST(b.tat, :now) END)) / :interval) * :interval
                WHERE (CASE WHEN b.tat > :now + :period THEN :now ELSE GREATEST(b.tat, :now) END) + :interval - :now <= :period
                RETURNING b.taken AS taken, 0::bigint AS wait_us)
            SELECT taken, wait_us FROM taken
            UNION ALL
            SELECT 0::bigint, (CASE WHEN b.tat > :now + :period THEN :now ELSE GREATEST(b.tat, :now) END) + :interval - :period - :now FROM rate_limit_bucket b
            WHERE b.bucket_key = :key AND NOT EXISTS (SELECT 1 FROM taken)
            """;

    private final ConnectionPool pool;
    private final DatabaseClient db;

    public RateBucketPersistenceAdapter(ConnectionFactory application,
                                        @Value("${cordee.limits.shared-buckets.pool-size:4}") int poolSize,
                                        @Value("${spring.r2dbc.pool.max-acquire-time:2s}") Duration maxAcquireTime) {
        this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(driverFactory(application))
                .name("rate-limits").initialSize(1).maxSize(Math.max(1, poolSize))
                .maxAcquireTime(maxAcquireTime).maxCreateConnectionTime(maxAcquireTime)
                .maxIdleTime(Duration.ofMinutes(10)).build());
        this.db = DatabaseClient.create(pool);
        // one connection opened now, not by the first request (the database may still be starting: then later)
        pool.warmup().onErrorComplete().subscribe();
    }

    /** The driver's own factory under the application's pool (and any wrapper around it). */
    static ConnectionFactory driverFactory(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner
                && inner != current) {
            current = inner;
        }
        return current;
    }

    @Override
    public Mono<Duration> take(String key, long capacity, Duration period, Instant now) {
        return takeUpTo(key, capacity, period, now, 1).map(Grant::retryAfter);
    }

    @Override
    public Mono<Grant> takeUpTo(String key, long capacity, Duration period, Instant now, long most) {
        long periodMicros = period.toNanos() / 1_000;
        long interval = Math.max(1, periodMicros / Math.max(1, capacity)); // one request comes back every interval
        long atMost = Math.max(1, most);
        long first = Math.min(atMost, Math.max(1, periodMicros / interval)); // a new bucket is full
        return db.sql(TAKE)
                .bind("key", key).bind("now", micros(now)).bind("interval", interval).bind("period", periodMicros)
                .bind("most", atMost).bind("first", first)
                .map(row -> new long[] {row.get("taken", Long.class), row.get("wait_us", Long.class)}).one()
                // refused, yet no row to say why: a concurrent first request created the bucket after this
                // statement's snapshot. One interval is when the next request comes back at the earliest.
                .defaultIfEmpty(new long[] {0, interval})
                .map(r -> new Grant(r[0], r[0] > 0 ? Duration.ZERO : Duration.of(Math.max(0, r[1]), ChronoUnit.MICROS)));
    }

    @Override
    public Mono<Long> deleteFull(Instant now) {
        return db.sql("DELETE FROM rate_limit_bucket WHERE tat <= :now").bind("now", micros(now))
                .fetch().rowsUpdated();
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    @Override
    public void destroy() {
        pool.dispose();
    }
}
