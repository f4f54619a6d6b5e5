package io.cordee.api.alert;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs {@link AlertService#evaluate} for an agency, one evaluation at a time per agency, and folds
 * bursts together: while one runs, every request joins the single evaluation queued after it (it will
 * read the facts those requests changed). A failed evaluation is logged and ends empty; it never reaches
 * the caller. Within one application instance; across instances the unique index and version checks
 * keep the stored alerts right (ADR 10). Once stored, the changes are published to every instance's live
 * subscribers ({@link AlertNotifications}, ADR 13).
 */
@Component
public class AlertEvaluations {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluations.class);

    private final AlertService alerts;
    private final AlertNotifications notifications;
    private final Map<AgencyId, Queue> queues = new ConcurrentHashMap<>();

    public AlertEvaluations(AlertService alerts, AlertNotifications notifications) {
        this.alerts = alerts;
        this.notifications = notifications;
    }

    /** An evaluation as of today (the agency's time zone) that starts after this call; its changes. */
    public Mono<List<AlertChange>> request(AgencyId agencyId) {
        return request(agencyId, null);
    }

    /**
     * An evaluation as of {@code asOf} (null: today) that starts after this call, shared with the other
     * requests made before it starts; completes with its changes (empty list if it failed).
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
        Mono<List<AlertChange>> next = queue.tail.onErrorResume(e -> Mono.empty())
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
                .cache();
        self.set(next);
        queue.waiting = next;
        queue.waitingAsOf = asOf;
        queue.tail = next;
        next.subscribe();
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
