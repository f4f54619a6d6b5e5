package io.cordee.api.security;

import io.cordee.api.schedule.ClaimedPeriodicJob;
import io.cordee.core.identity.SessionRepository;
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
 * Deletes dead sessions (expired or revoked) every {@code cordee.sessions.purge-interval} (an hour by
 * default), so {@code user_session} holds the live sessions plus one per user, not every sign-in ever
 * made. Each user's newest session stays: it is the people page's "last signed in". One instance per
 * interval does it (a claimed periodic job, ADR 66), in batches of {@value #BATCH} rows.
 */
@Component
public class SessionPurge {

    static final String JOB = "session-purge";
    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(SessionPurge.class);

    private final SessionRepository sessions;
    private final Clock clock;
    private final ClaimedPeriodicJob job;

    public SessionPurge(SessionRepository sessions, BackgroundWorkRepository work, Clock clock,
                        @Value("${cordee.sessions.purge-interval:PT1H}") Duration interval) {
        this.sessions = sessions;
        this.clock = clock;
        this.job = new ClaimedPeriodicJob(work, clock, JOB, interval);
    }

    @Scheduled(initialDelayString = "${cordee.sessions.purge-interval:PT1H}",
            fixedDelayString = "${cordee.sessions.purge-interval:PT1H}")
    public void purge() {
        ClaimedPeriodicJob.logDeleted(purgeIfDue(), log, "dead sessions");
    }

    /**
     * Deletes the dead sessions if no instance did in the last half interval (half: a check that comes a
     * little early is not skipped); how many were deleted, empty when another instance had the turn.
     */
    public Mono<Long> purgeIfDue() {
        return job.ifDue(this::purgeAll);
    }

    /** Deletes every session dead now, a batch at a time; how many. */
    Mono<Long> purgeAll() {
        var now = clock.instant();
        return Mono.defer(() -> sessions.deleteDead(now, BATCH)).repeat().takeUntil(n -> n < BATCH)
                .reduce(0L, Long::sum);
    }
}
