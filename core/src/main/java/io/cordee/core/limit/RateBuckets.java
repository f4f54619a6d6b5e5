package io.cordee.core.limit;

import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Port: rate-limit buckets kept where every instance of the application sees them, so that n instances
 * enforce one limit, not n. A bucket holds {@code capacity} requests and gets them back evenly over
 * {@code period} (a token bucket with greedy refill, kept as GCRA's one "theoretical arrival time").
 */
public interface RateBuckets {

    /**
     * Takes one request from bucket {@code key} at {@code now}.
     *
     * @return {@link Duration#ZERO} when taken, else how long until one will be free (nothing taken)
     */
    Mono<Duration> take(String key, long capacity, Duration period, Instant now);

    /**
     * Takes as many requests as the bucket has, at most {@code most}, in one step (an instance reserving a
     * batch to spend in memory, ADR 84).
     *
     * @return how many were taken (0 to {@code most}) and, when none, how long until one will be free
     */
    Mono<Grant> takeUpTo(String key, long capacity, Duration period, Instant now, long most);

    /** What {@link #takeUpTo} took: {@code taken} requests, or none and the time ({@code retryAfter}) until one is free. */
    record Grant(long taken, Duration retryAfter) {
    }

    /** Deletes the buckets that are full again at {@code now} (an absent bucket is a full one); returns how many. */
    Mono<Long> deleteFull(Instant now);
}
