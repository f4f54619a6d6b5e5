package io.cordee.api.limits;

import io.cordee.api.schedule.ClaimedPeriodicJob;
import io.cordee.core.identity.IdentityService;
import io.cordee.core.limit.RateBuckets;
import io.cordee.core.schedule.BackgroundWorkRepository;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the limits' global tables small, every {@code cordee.limits.shared-buckets.purge-interval} (10 min):
 * deletes the rate-limit buckets that are full again (the same as no row) and the sign-in attempts whose
 * window has passed (forgotten anyway). Correctness does not depend on it. One instance per interval runs
 * it (a claimed periodic job, ADR 66 and ADR 82): the DELETEs would be harmless when repeated, but each
 * instance repeating them scans the tables for nothing.
 */
@Component
public class LimitTablesCleanup {

    private static final Logger log = LoggerFactory.getLogger(LimitTablesCleanup.class);

    private final RateBuckets buckets;
    private final IdentityService identity;
    private final Clock clock;
    private final ClaimedPeriodicJob job;

    public LimitTablesCleanup(RateBuckets buckets, IdentityService identity, Clock clock, BackgroundWorkRepository work,
                              @Value("${cordee.limits.shared-buckets.purge-interval:PT10M}") Duration interval) {
        this.buckets = buckets;
        this.identity = identity;
        this.clock = clock;
        this.job = new ClaimedPeriodicJob(work, clock, "limit-tables-cleanup", interval);
    }

    @Scheduled(initialDelayString = "${cordee.limits.shared-buckets.purge-interval:PT10M}",
            fixedDelayString = "${cordee.limits.shared-buckets.purge-interval:PT10M}")
    public void deleteExpired() {
        job.ifDue(() -> Mono.fromRunnable(this::deleteNow))
                .subscribe(done -> {
                }, e -> log.warn("Claiming the limit tables' cleanup failed: {}", e.toString()));
    }

    private void deleteNow() {
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
