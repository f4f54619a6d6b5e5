package io.cordee.api.mutation;

import io.cordee.core.idempotency.IdempotencyService;
import io.cordee.api.schedule.ClaimedPeriodicJob;
import io.cordee.core.schedule.BackgroundWorkRepository;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the idempotency keys older than 24 h, every {@code cordee.idempotency.cleanup-interval} (an
 * hour by default). Correctness does not depend on it — an expired key is taken over by its next use —
 * it only keeps the table small. One instance per half interval runs it (a claimed periodic job, ADR 66).
 */
@Component
public class IdempotencyKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyService idempotency;
    private final ClaimedPeriodicJob job;

    public IdempotencyKeyCleanup(IdempotencyService idempotency, BackgroundWorkRepository work, Clock clock,
                                 @Value("${cordee.idempotency.cleanup-interval:PT1H}") Duration interval) {
        this.idempotency = idempotency;
        this.job = new ClaimedPeriodicJob(work, clock, "idempotency-cleanup", interval);
    }

    @Scheduled(initialDelayString = "${cordee.idempotency.cleanup-interval:PT1H}",
            fixedDelayString = "${cordee.idempotency.cleanup-interval:PT1H}")
    public void deleteExpired() {
        ClaimedPeriodicJob.logDeleted(job.ifDue(idempotency::deleteExpired), log, "expired idempotency keys");
    }
}
