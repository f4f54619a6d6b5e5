package io.cordee.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.cordee.core.limit.RateBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component
public class Limiter {

    private static final Logger log = LoggerFactory.getLogger(Limiter.class);
    private static final long MAX_BUCKETS = 100_000;
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private record Local(Bucket bucket, Duration period) {
    }

    private final RateBuckets shared;
    private final SharedBucketsProperties sharing;
    private final Clock clock;
    private final Cache<String, Local> local;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    public Limiter(RateBuckets shared, SharedBucketsProperties sharing, Clock clock) {
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
        Bucket bucket = local.get(bucketKey, k -> new Local(Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build(), period)).bucket();
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Mono.just(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
        if (!sharing.enabled()) {
            return Mono.just(Duration.ZERO);
        }
        return shared.take(bucketKey, capacity, period, clock.instant())
                .timeout(sharing.timeout())
                .doOnNext(wait -> {
                    if (!wait.isZero()) {
                        bucket.addTokens(1);
                    }
                })
                .onErrorResume(e -> {
                    warn(e);
                    return Mono.just(Duration.ZERO);
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
