package io.cordee.api.alert;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Runs {@link AlertService#evaluate} for an agency, one evaluation at a time per agency, and folds
 * bursts together: while one runs, every request joins the single evaluation queued after it (it will
 * read the facts those requests changed). A failed evaluation is logged and ends empty; it never reaches
 * the caller. Within one application instance; across instances the unique index and version checks
 * keep the stored alerts right (ADR 10). Once stored, the changes are published to every instance's live
 * subscribers ({@link AlertNotifications}, ADR 13).
 *
 * <p>An evaluation starts when its first requester subscribes, and runs in that subscriber's context: the daily
 * pass subscribes as background work ({@link io.cordee.core.common.Computations#inBackground}), so its evaluations
 * run on the background thread and connections (ADRs 92–94). Started at the request instead, it ran in an empty
 * context, on the requests' threads and connections, whoever asked (issue 20). Once started it runs to its end
 * even if every requester cancels (a request's wait is bounded, the evaluation is not); one nobody subscribes to
 * starts {@link #START_ANYWAY} after the request.
 */
@Component
public class AlertEvaluations {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluations.class);
    /** When a requested evaluation starts if none of its requesters has subscribed yet. */
    static final Duration START_ANYWAY = Duration.ofSeconds(1);

    private final AlertService alerts;
    private final AlertNotifications notifications;
    private final Map<AgencyId, Queue> queues = new ConcurrentHashMap<>();

    public AlertEvaluations(AlertService alerts, AlertNotifications notifications) {
        this.alerts = alerts;
        this.notifications = notifications;
    }

    /** An evaluation as of today (the agency's time zone) that starts after this call, once subscribed; its changes. */
    public Mono<List<AlertChange>> request(AgencyId agencyId) {
        return request(agencyId, null);
    }

    /**
     * An evaluation as of {@code asOf} (null: today) that starts after this call, when the first of the requests
     * that share it subscribes (in that subscriber's context; {@link #START_ANYWAY} after the call when nobody
     * has), shared with the other requests made before it starts; completes with its changes (empty list if it
     * failed).
     */
    public Mono<List<AlertChange>> request(AgencyId agencyId, LocalDate asOf) {
        while (true) {
            Queue queue = queues.computeIfAbsent(agencyId, id -> new Queue());
            synchronized (queue) {
                if (queue.retired) {
                    continue; // emptied and removed between the lookup and the lock: take the new one
                }
                return enqueue(agencyId, asOf, queue);
            }
        }
    }

    /** Called holding the queue's lock. */
    private Mono<List<AlertChange>> enqueue(AgencyId agencyId, LocalDate asOf, Queue queue) {
        if (queue.waiting != null && Objects.equals(queue.waitingAsOf, asOf)) {
            return queue.waiting;
        }
        AtomicReference<Mono<List<AlertChange>>> self = new AtomicReference<>();
        AtomicBoolean subscribed = new AtomicBoolean();
        Mono<List<AlertChange>> previous = queue.tail;
        // the whole evaluation in its first subscriber's context, pinned: a cached Mono otherwise answers each later
        // lookup (a connection, a computation) with whichever subscriber is still there, so a request that gave up
        // waiting could move the rest of a background evaluation onto the requests' connections, or the reverse
        Mono<List<AlertChange>> next = Mono.deferContextual(first -> previous.onErrorResume(e -> Mono.empty())
                .then(Mono.defer(() -> {
                    synchronized (queue) {
                        // started: later requests queue a new evaluation, which will see their changes
                        if (queue.waiting == self.get()) {
                            queue.waiting = null;
                            queue.waitingAsOf = null;
                        }
                    }
                    return run(agencyId, asOf);
                }))
                // ended with nothing queued after it: the agency's queue goes, so the map holds only the
                // agencies being evaluated, not every agency ever evaluated (issue 20)
                .doOnNext(changes -> {
                    synchronized (queue) {
                        if (queue.tail == self.get() && queue.waiting == null) {
                            queue.retired = true;
                            queues.remove(agencyId, queue);
                        }
                    }
                })
                .contextWrite(context -> Context.of(first)))
                .doOnSubscribe(subscription -> subscribed.set(true))
                .cache();
        self.set(next);
        queue.waiting = next;
        queue.waitingAsOf = asOf;
        queue.tail = next;
        // not subscribed here: the first requester's subscription starts it, in its context (background or not);
        // cache() keeps it running when its subscribers cancel. A request nobody subscribes to starts anyway a
        // little later (a later subscription then just joins it), so it never stays unrun with its queue behind.
        Mono.delay(START_ANYWAY).filter(tick -> !subscribed.get()).flatMap(tick -> next)
                .subscribe(changes -> { }, e -> { });
        return next;
    }

    /** How many agencies have an evaluation running or queued (tests: the map does not grow). */
    int queued() {
        return queues.size();
    }

    private Mono<List<AlertChange>> run(AgencyId agencyId, LocalDate asOf) {
        Mono<LocalDate> day = asOf != null ? Mono.just(asOf) : alerts.today(agencyId);
        return day.flatMapMany(d -> alerts.evaluate(agencyId, d)).collectList()
                .doOnNext(changes -> {
                    if (!changes.isEmpty()) {
                        log.info("Alerts of agency {}: {} change(s)", agencyId.value(), changes.size());
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Evaluating the alerts of agency {} failed", agencyId.value(), e);
                    return Mono.just(List.of());
                })
                // committed: tell every instance (publishing never fails)
                .flatMap(changes -> notifications.publish(agencyId, changes).thenReturn(changes));
    }

    private static final class Queue {
        Mono<List<AlertChange>> tail = Mono.just(List.of());
        Mono<List<AlertChange>> waiting;
        LocalDate waitingAsOf;
        boolean retired;
    }
}
