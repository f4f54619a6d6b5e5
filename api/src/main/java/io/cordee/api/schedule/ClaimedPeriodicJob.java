package io.cordee.api.schedule;

import io.cordee.core.schedule.BackgroundWorkRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import reactor.core.publisher.Mono;

/**
 * A periodic job that one instance runs per half interval, whichever instance's timer comes first (a claimed
 * periodic job, ADR 66 and ADR 82): half, so that a check that comes a little early is not skipped. Each
 * instance claims under its own owner ({@code <job>-<random UUID>}).
 */
public final class ClaimedPeriodicJob {

    private final BackgroundWorkRepository work;
    private final Clock clock;
    private final String job;
    private final Duration interval;
    private final String owner;

    public ClaimedPeriodicJob(BackgroundWorkRepository work, Clock clock, String job, Duration interval) {
        this.work = work;
        this.clock = clock;
        this.job = job;
        this.interval = interval;
        this.owner = job + "-" + UUID.randomUUID();
    }

    /** {@code task} when this instance has the turn; empty when another instance had it. */
    public <T> Mono<T> ifDue(Supplier<Mono<T>> task) {
        return work.claimPeriodicJob(job, clock.instant(), interval.dividedBy(2), owner)
                .filter(Boolean::booleanValue)
                .flatMap(claimed -> task.get());
    }

    /**
     * Runs {@code deletion} and tells {@code log} how many {@code what} it deleted (nothing when none), or that
     * it failed; a failure is tried again at the next turn.
     */
    public static void logDeleted(Mono<Long> deletion, Logger log, String what) {
        deletion.subscribe(n -> {
            if (n > 0) {
                log.info("Deleted {} " + what, n);
            }
        }, e -> log.warn("Deleting " + what + " failed", e));
    }
}
