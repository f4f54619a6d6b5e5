package io.cordee.api.limits;

import io.cordee.core.identity.IdentityService;
import io.cordee.core.limit.RateBuckets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the limits' global tables small, every {@code cordee.limits.shared-buckets.purge-interval} (10 min):
 * deletes the rate-limit buckets that are full again (the same as no row) and the sign-in attempts whose
 * window has passed (forgotten anyway). Correctness does not depend on it. Every instance runs it; the
 * DELETEs are harmless when repeated.
 */
@Component
public class LimitTablesCleanup {

    private static final Logger log = LoggerFactory.getLogger(LimitTablesCleanup.class);

    private final RateBuckets buckets;
    private final IdentityService identity;
    private final Clock clock;

    public LimitTablesCleanup(RateBuckets buckets, IdentityService identity, Clock clock) {
        this.buckets = buckets;
        this.identity = identity;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${cordee.limits.shared-buckets.purge-interval:PT10M}",
            fixedDelayString = "${cordee.limits.shared-buckets.purge-interval:PT10M}")
    public void deleteExpired() {
        buckets.deleteFull(clock.instant()).subscribe(n -> {
            if (n > 0) {
                log.debug("Deleted {} full rate-limit buckets", n);
            }
        }, e -> log.warn("Deleting full rate-limit buckets failed: {}", e.toString()));
        identity.deleteExpiredAttempts().subscribe(n -> {
            if (n > 0) {
                log.debug("Deleted {} expired sign-in throttles", n);
            }
        }, e -> log.warn("Deleting expired sign-in throttles failed: {}", e.toString()));
    }
}
