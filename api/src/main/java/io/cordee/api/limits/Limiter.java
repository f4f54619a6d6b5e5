package io.cordee.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.cordee.core.limit.RateBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One rate limit — {@code capacity} requests, coming back evenly over {@code period} — checked twice:
 * first in this instance's memory (a bucket4j bucket: what this instance alone has let through), then
 * in the buckets shared by all instances in PostgreSQL ({@link RateBuckets}, ADR 23).
 *
 * <p>The local bucket only ever refuses what the shared one would refuse too (it counts a subset of the
 * same requests), so traffic over the limit — an attack — is refused in memory, without a database
 * round trip; only requests the local bucket allows ask the shared one. When the shared bucket refuses,
 * the local one gets its token back. If the shared buckets cannot answer within the timeout (database
 * away, pool full), the local bucket's answer stands: each instance still enforces the limit on its own.
 *
 * <p>The shared bucket is not asked on every request (ADR 84): an instance reserves a batch of its requests
 * in one statement ({@link SharedBucketsProperties#batch}: 10 % of the capacity, at most 100) and spends
 * them in memory; one reservation per bucket is under way at a time, the requests that find the reserve
 * empty meanwhile wait for it and share it. Reserved requests count in the shared bucket when reserved, so
 * at any one moment the instances together admit at most the capacity; a reserve spent later, after the
 * shared bucket has refilled, is the only over-admission: at most (batch - 1) per instance, and a reserve
 * older than one period is dropped.
 */
@Component
public class Limiter {

    private static final Logger log = LoggerFactory.getLogger(Limiter.class);
    private static final long MAX_BUCKETS = 100_000;
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private record Local(Bucket bucket, Duration period, Reserve reserve) {
    }

    /** Requests reserved from the shared bucket and not yet spent; guarded by itself. */
    private static final class Reserve {
        long tokens;
        Instant validUntil = Instant.MIN;
        Mono<RateBuckets.Grant> pending;
    }

    private static final Mono<Duration> TAKEN = Mono.just(Duration.ZERO);

    private final RateBuckets shared;
    private final SharedBucketsProperties sharing;
    private final Clock clock;
    private final TimeMeter time;
    private final Cache<String, Local> local;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    @Autowired
    public Limiter(RateBuckets shared, SharedBucketsProperties sharing, Clock clock) {
        this(shared, sharing, clock, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** With the local buckets' time from {@code time} (tests give it the application's clock). */
    Limiter(RateBuckets shared, SharedBucketsProperties sharing, Clock clock, TimeMeter time) {
        this.time = time;
        this.shared = shared;
        this.sharing = sharing;
        this.clock = clock;
        // a bucket unused for its period is full again: forgetting it then changes nothing
        this.local = Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfter(Expiry.<String, Local>accessing(
                (key, bucket) -> bucket.period())).build();
    }

    /**
     * Takes one request from bucket {@code key} under the limit {@code capacity}/{@code period}.
     *
     * @return {@link Duration#ZERO} when taken, else how long until a request will be allowed
     */
    public Mono<Duration> take(String key, long capacity, Duration period) {
        // the limit is part of the key: instances configured differently do not mix their counts
        String bucketKey = key + "|" + capacity + "/" + period.toSeconds();
        Local entry = local.get(bucketKey, k -> new Local(Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build(), period, new Reserve()));
        Bucket bucket = entry.bucket();
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Mono.just(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
        if (!sharing.enabled()) {
            return Mono.just(Duration.ZERO);
        }
        return fromShared(entry, bucketKey, capacity, period, sharing.batch(capacity));
    }

    /** One request from this instance's reserve, reserving a batch from the shared bucket when it is empty. */
    private Mono<Duration> fromShared(Local entry, String bucketKey, long capacity, Duration period, long batch) {
        Reserve reserve = entry.reserve();
        Instant now = clock.instant();
        Mono<RateBuckets.Grant> pending;
        synchronized (reserve) {
            if (reserve.tokens > 0 && now.isBefore(reserve.validUntil)) {
                reserve.tokens--;
                return TAKEN;
            }
            if (reserve.pending == null) {
                reserve.tokens = 0; // a reserve older than a period is dropped
                reserve.pending = shared.takeUpTo(bucketKey, capacity, period, now, batch)
                        .timeout(sharing.timeout())
                        // the reserve is filled (and the reservation forgotten) before any waiter sees the grant
                        .doOnNext(grant -> {
                            synchronized (reserve) {
                                reserve.tokens = grant.taken();
                                reserve.validUntil = now.plus(period);
                                reserve.pending = null;
                            }
                        })
                        .doOnError(e -> {
                            synchronized (reserve) {
                                reserve.pending = null;
                            }
                        })
                        .cache();
            }
            pending = reserve.pending;
        }
        return pending
                .flatMap(grant -> {
                    if (grant.taken() == 0) {
                        entry.bucket().addTokens(1);
                        return Mono.just(grant.retryAfter().isZero() ? Duration.ofMillis(1) : grant.retryAfter());
                    }
                    // taken into the reserve: this request spends one of it like any other (a new
                    // reservation if other waiters spent it first)
                    return Mono.defer(() -> fromShared(entry, bucketKey, capacity, period, batch));
                })
                .onErrorResume(e -> {
                    warn(e);
                    return TAKEN;
                })
                .defaultIfEmpty(Duration.ZERO);
    }

    /** One line a minute at most: an outage must not write a line per request. */
    private void warn(Throwable e) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Shared rate limits unavailable, each instance limits on its own meanwhile: {}", e.toString());
        }
    }
}
