package io.cordee.api.alert;

import io.cordee.api.ops.GraphQlOperationMetrics;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.AlertService;
import io.cordee.core.common.Computations;
import io.cordee.core.schedule.BackgroundWorkRepository;
import io.cordee.core.schedule.BackgroundWorkRepository.AgencyDay;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Once a day for every agency, even when nobody writes: overdue days grow, snoozes end, months and
 * forecast weeks move. Checked every {@code cordee.alerts.daily-check} (15 minutes by default).
 *
 * <p>Shared out between instances and resumed after a restart (ADR 66): the last day done per agency is
 * in the database ({@code agency_daily_run}, V47); a pass enrols the agencies created since the last one (ADR 93),
 * then claims due agencies — those whose local day (their
 * time zone, by the application's {@code Clock}) is after the last one done — in batches of
 * {@code cordee.alerts.daily-batch}, each leased for {@code cordee.alerts.daily-lease}, evaluates them
 * {@code cordee.alerts.daily-concurrency} at a time, records each as done and claims the next batch until
 * none is due. A check that comes while this instance's pass still runs does nothing.
 *
 * <p>Paced (ADRs 90, 98, 99): after each batch the pass rests {@code cordee.alerts.daily-rest} times as long
 * as the batch took when requests came since the previous batch began, so that it then works at most
 * 1 / (1 + rest) of the time: on a small machine a request that runs beside an evaluation is slower whatever the
 * evaluation's priority (docs/benchmarks.md), so what keeps requests' latency is how seldom that happens. When no
 * request came in that time, it rests {@code cordee.alerts.daily-rest-idle} times as long (none by default): at
 * night the pass runs flat out. The day's work is spread anyway (each agency's day starts at its own midnight).
 */
@Component
public class DailyAlertEvaluation {

    static final String JOB = "alert-daily";
    private static final Logger log = LoggerFactory.getLogger(DailyAlertEvaluation.class);

    private final BackgroundWorkRepository work;
    private final Clock clock;
    private final BiFunction<AgencyId, LocalDate, Mono<?>> evaluate;
    private final String job;
    private final int batchSize;
    private final int concurrency;
    private final Duration lease;
    private final String owner = "alerts-" + UUID.randomUUID();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AlertService alerts;
    private final double rest;
    private final double idleRest;
    private final LongSupplier requests;
    /** The requests counted when the pass last chose its rest (or began): those since are the ones it weighs. */
    private final java.util.concurrent.atomic.AtomicLong requestsSeen = new java.util.concurrent.atomic.AtomicLong();
    private final LongSupplier nanoTime;
    private final Function<Duration, Mono<?>> pause;

    @Autowired
    public DailyAlertEvaluation(AlertService alerts, AlertEvaluations evaluations, BackgroundWorkRepository work,
                                Clock clock,
                                @Value("${cordee.alerts.daily-batch:16}") int batchSize,
                                @Value("${cordee.alerts.daily-concurrency:1}") int concurrency,
                                @Value("${cordee.alerts.daily-lease:PT10M}") Duration lease,
                                @Value("${cordee.alerts.daily-rest:49}") double rest,
                                @Value("${cordee.alerts.daily-rest-idle:0}") double idleRest,
                                GraphQlOperationMetrics metrics) {
        this(work, clock, evaluations::request, JOB, batchSize, concurrency, lease, alerts, rest, idleRest,
                metrics::requests, System::nanoTime, Mono::delay);
    }

    /** An evaluator over any evaluation (tests count them), for {@code job}'s rows, never resting. */
    public DailyAlertEvaluation(BackgroundWorkRepository work, Clock clock,
                                BiFunction<AgencyId, LocalDate, Mono<?>> evaluate, String job, int batchSize,
                                int concurrency, Duration lease, AlertService alerts) {
        this(work, clock, evaluate, job, batchSize, concurrency, lease, alerts, 0, System::nanoTime, Mono::delay);
    }

    /**
     * An evaluator that rests {@code rest} times each batch's duration, measured by {@code nanoTime} and waited
     * by {@code pause} (tests record it instead of waiting).
     */
    public DailyAlertEvaluation(BackgroundWorkRepository work, Clock clock,
                                BiFunction<AgencyId, LocalDate, Mono<?>> evaluate, String job, int batchSize,
                                int concurrency, Duration lease, AlertService alerts, double rest,
                                LongSupplier nanoTime, Function<Duration, Mono<?>> pause) {
        this(work, clock, evaluate, job, batchSize, concurrency, lease, alerts, rest, rest, () -> 0L, nanoTime, pause);
    }

    /**
     * The same, resting {@code rest} times a batch's duration when {@code requests} (a count of requests served
     * so far) moved while the batch ran, {@code idleRest} times when it did not.
     */
    public DailyAlertEvaluation(BackgroundWorkRepository work, Clock clock,
                                BiFunction<AgencyId, LocalDate, Mono<?>> evaluate, String job, int batchSize,
                                int concurrency, Duration lease, AlertService alerts, double rest, double idleRest,
                                LongSupplier requests, LongSupplier nanoTime, Function<Duration, Mono<?>> pause) {
        if (batchSize < 1 || concurrency < 1 || lease.isNegative() || lease.isZero() || !(rest >= 0 && rest <= 100)
                || !(idleRest >= 0 && idleRest <= 100)) {
            throw new IllegalArgumentException(
                    "daily evaluation: batch and concurrency at least 1, a positive lease, rests from 0 to 100");
        }
        this.rest = rest;
        this.idleRest = idleRest;
        this.requests = requests;
        this.nanoTime = nanoTime;
        this.pause = pause;
        this.work = work;
        this.clock = clock;
        this.evaluate = evaluate;
        this.job = job;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.lease = lease;
        this.alerts = alerts;
    }

    @Scheduled(initialDelayString = "${cordee.alerts.daily-check:PT15M}",
            fixedDelayString = "${cordee.alerts.daily-check:PT15M}")
    public void check() {
        evaluateNewDays().subscribe(n -> {
            if (n > 0) {
                log.info("Daily alert evaluation: {} agencies", n);
            }
        }, e -> log.warn("Daily alert evaluation failed", e));
    }

    /**
     * One pass: evaluates every due agency this instance can claim; how many it evaluated. Empty, doing
     * nothing, when this instance's previous pass has not ended.
     */
    public Mono<Long> evaluateNewDays() {
        return Mono.defer(() -> {
            if (!running.compareAndSet(false, true)) {
                log.debug("Daily alert evaluation still running; this check is skipped");
                return Mono.<Long>empty();
            }
            requestsSeen.set(requests.getAsLong());
            // agencies created since the last pass first, once (it reads every agency), then claims by index
            return work.enrolAgencies(job)
                    .then(Mono.defer(this::oneBatch).repeat().takeUntil(n -> n == 0).reduce(0L, Long::sum))
                    // before the end reaches the subscriber (doFinally would run after it: a caller told
                    // "done" could still see the pass running)
                    .doOnTerminate(() -> running.set(false))
                    .doOnCancel(() -> running.set(false));
        });
    }

    /**
     * Claims a batch of due agencies and evaluates them, then rests; how many were claimed (0: none is due, no
     * rest).
     */
    private Mono<Long> oneBatch() {
        var now = clock.instant();
        long started = nanoTime.getAsLong();
        return work.claimDueAgencies(job, now, batchSize, now.plus(lease), owner).collectList()
                .flatMap(batch -> Flux.fromIterable(batch)
                        .flatMap(this::evaluateAndFinish, concurrency)
                        .then(Mono.just((long) batch.size())))
                .delayUntil(claimed -> {
                    long counted = requests.getAsLong();
                    double factor = requestsSeen.getAndSet(counted) != counted ? rest : idleRest;
                    return claimed == 0 || factor == 0 ? Mono.empty()
                            : pause.apply(Duration.ofNanos((long) ((nanoTime.getAsLong() - started) * factor)));
                });
    }

    private Mono<Void> evaluateAndFinish(AgencyDay claimed) {
        return evaluate.apply(claimed.agencyId(), claimed.day())
                // its computations (a Monte Carlo run each) on the background thread, never queued before a
                // request's (ADR 92)
                .contextWrite(Computations::inBackground)
                .then(work.finishAgency(job, claimed, owner))
                // not recorded as done: claimed again once its lease ends
                .onErrorResume(e -> {
                    log.warn("Daily alert evaluation of agency {} failed", claimed.agencyId().value(), e);
                    return Mono.empty();
                });
    }

    /** Evaluates every agency as of {@code day}, whatever was evaluated before (tests, catching up). */
    public Flux<AgencyId> evaluateAll(LocalDate day) {
        return alerts.agencyIds().concatMap(agency -> evaluate.apply(agency, day).thenReturn(agency));
    }

    /** Whether this instance's pass is running (tests). */
    boolean running() {
        return running.get();
    }

    /** This instance's lease owner name. */
    String owner() {
        return owner;
    }
}
