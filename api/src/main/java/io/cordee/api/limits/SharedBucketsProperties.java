package io.cordee.api.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate-limit buckets shared by every instance through PostgreSQL ({@code cordee.limits.shared-buckets.*},
 * ADR 23).
 *
 * @param enabled       off: each instance counts on its own, in memory only (ADR 15's behaviour)
 * @param poolSize      connections of the buckets' own pool (beside the application's)
 * @param timeout       longest wait for the shared answer; beyond it (or if the database fails) the
 *                      request is judged by this instance's own bucket alone
 * @param purgeInterval how often buckets full again (and forgotten sign-in attempts) are deleted
 * @param batchPercent  an instance reserves this share of a shared bucket's capacity in one statement and
 *                      spends it in memory (ADR 84); 0 = one statement per request, exact (ADR 23)
 * @param batchMax      at most this many requests per reservation, whatever the capacity
 */
@ConfigurationProperties("cordee.limits.shared-buckets")
public record SharedBucketsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") int poolSize,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("10m") Duration purgeInterval,
        @DefaultValue("10") int batchPercent,
        @DefaultValue("100") int batchMax) {

    /** How many requests of a bucket of {@code capacity} one reservation takes: at least 1 (ADR 84). */
    public long batch(long capacity) {
        return Math.max(1, Math.min(batchMax, capacity * Math.max(0, batchPercent) / 100));
    }
}
