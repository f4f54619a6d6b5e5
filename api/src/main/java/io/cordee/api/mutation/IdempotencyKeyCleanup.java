package io.cordee.api.mutation;

import io.cordee.core.idempotency.IdempotencyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the idempotency keys older than 24 h, every {@code cordee.idempotency.cleanup-interval} (an
 * hour by default). Correctness does not depend on it — an expired key is taken over by its next use —
 * it only keeps the table small. Every instance runs it; the DELETE is harmless when repeated.
 */
@Component
public class IdempotencyKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyService idempotency;

    public IdempotencyKeyCleanup(IdempotencyService idempotency) {
        this.idempotency = idempotency;
    }

    @Scheduled(initialDelayString = "${cordee.idempotency.cleanup-interval:PT1H}",
            fixedDelayString = "${cordee.idempotency.cleanup-interval:PT1H}")
    public void deleteExpired() {
        idempotency.deleteExpired().subscribe(n -> {
            if (n > 0) {
                log.info("Deleted {} expired idempotency keys", n);
            }
        }, e -> log.warn("Deleting expired idempotency keys failed", e));
    }
}
