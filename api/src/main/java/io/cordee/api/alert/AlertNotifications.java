package io.cordee.api.alert;

import io.cordee.api.schedule.SubscriptionLifecycle;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertChangeEvents;
import io.cordee.core.alert.AlertService;
import io.cordee.core.alert.StoredAlert;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The live alert feed of this instance (ADR 13, 77). Changes cross instances through core's
 * {@link AlertChangeEvents} port (PostgreSQL {@code LISTEN/NOTIFY} in persistence); while started, this
 * instance hears every notice, this one's included, re-reads the changed alerts of the agencies its
 * subscribers follow and pushes them to {@link #changes()}, which the subscriptions filter per caller. One
 * code path: an instance hears its own notifications like everyone else's.
 */
@Component
public class AlertNotifications extends SubscriptionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertNotifications.class);

    /** A change of one agency's alerts, as delivered to subscribers. */
    public record AgencyAlertChange(AgencyId agencyId, AlertChange.Type type, StoredAlert alert) {
    }

    private final AlertChangeEvents events;
    private final AlertService alerts;
    private final Sinks.Many<AgencyAlertChange> sink = Sinks.many().multicast().directBestEffort();
    private final Map<AgencyId, Integer> followers = new ConcurrentHashMap<>();
    private final AtomicInteger everyAgency = new AtomicInteger();

    public AlertNotifications(AlertChangeEvents events, AlertService alerts) {
        this.events = events;
        this.alerts = alerts;
    }

    /** Every change of every agency heard, from now on (hot; nothing is replayed). */
    public Flux<AgencyAlertChange> changes() {
        return Flux.defer(() -> {
            everyAgency.incrementAndGet();
            return sink.asFlux();
        }).doFinally(signal -> everyAgency.decrementAndGet());
    }

    /**
     * The changes of one agency, from now on. While nobody follows an agency (and nobody follows them all),
     * its notifications are dropped unread: an instance re-reads only the alerts its subscribers need. The
     * count per agency goes when its last subscriber does, so the map holds only followed agencies.
     */
    public Flux<AgencyAlertChange> changes(AgencyId agency) {
        return Flux.defer(() -> {
            followers.merge(agency, 1, Integer::sum);
            return sink.asFlux().filter(c -> c.agencyId().equals(agency));
        }).doFinally(signal -> followers.computeIfPresent(agency, (a, n) -> n <= 1 ? null : n - 1));
    }

    /** How many agencies have a follower here (tests: the map does not grow). */
    int followedAgencies() {
        return followers.size();
    }

    /** How many subscribers follow {@link #changes()} (tests wait for theirs). */
    public int subscriberCount() {
        return sink.currentSubscriberCount();
    }

    /** Whether this instance is listening to the other instances' changes. */
    public boolean isListening() {
        return events.isListening();
    }

    /** Tells every instance of an evaluation's committed changes; never fails ({@link AlertChangeEvents#publish}). */
    public Mono<Void> publish(AgencyId agencyId, List<AlertChange> changes) {
        return events.publish(agencyId, changes);
    }

    /**
     * Tells every instance of changes written by the current mutation (an acknowledgement, a snooze; ADR 75),
     * inside its transaction: delivered at commit, so a listener re-reading the alert sees the committed
     * state, and dropped on rollback, so a refused mutation announces nothing.
     */
    public Mono<Void> publishOnCommit(AgencyId agencyId, List<AlertChange> changes) {
        return events.publishOnCommit(agencyId, changes);
    }

    @Override
    protected Disposable subscribe() {
        return events.heard()
                .concatMap(this::toChanges)
                .subscribe(change -> sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))),
                        e -> log.error("The alert listener stopped", e));
    }

    /** A notice's changes, each alert re-read in its agency; nothing when no one here follows that agency. */
    private Flux<AgencyAlertChange> toChanges(AlertChangeEvents.Heard heard) {
        if (sink.currentSubscriberCount() == 0) {
            return Flux.empty();
        }
        AgencyId agency = heard.agencyId();
        if (everyAgency.get() == 0 && !followers.containsKey(agency)) {
            return Flux.empty(); // nobody here follows this agency: nothing to read
        }
        return alerts.stored(agency, List.copyOf(heard.changes().keySet()))
                .map(stored -> new AgencyAlertChange(agency, heard.changes().get(stored.id()), stored))
                .onErrorResume(e -> {
                    log.warn("Reading the changed alerts of agency {} failed", agency.value(), e);
                    return Flux.empty();
                });
    }
}
