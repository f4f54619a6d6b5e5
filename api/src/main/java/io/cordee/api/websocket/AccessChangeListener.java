package io.cordee.api.websocket;

import io.cordee.api.limits.WebSocketLimitsProperties;
import io.cordee.api.schedule.SubscriptionLifecycle;
import io.cordee.api.security.SessionCache;
import io.cordee.core.identity.AccessChangeEvents;
import io.cordee.core.identity.AccessChangeEvents.Heard;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hears the access changes (sign-out, token revocation, deactivation, a role change: V13, ADR 22) through
 * core's {@link AccessChangeEvents} port (PostgreSQL's notifications in persistence, ADR 77), from whichever
 * instance or tool made them, and has the affected user's WebSocket connections on this instance re-checked
 * at once. It also re-checks every connection each {@code cordee.limits.websocket.recheck-interval} (expiry
 * has no notification) and whenever listening starts again (changes made while it was not listening were
 * not heard).
 */
@Component
public class AccessChangeListener extends SubscriptionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessChangeListener.class);

    private final AccessChangeEvents events;
    private final WebSocketConnections connections;
    private final SessionCache sessions;
    private final Duration recheckInterval;

    public AccessChangeListener(AccessChangeEvents events, WebSocketConnections connections,
                                WebSocketLimitsProperties limits, SessionCache sessions) {
        this.events = events;
        this.sessions = sessions;
        this.connections = connections;
        this.recheckInterval = limits.recheckInterval();
    }

    /** Whether this instance is listening to the access changes. */
    public boolean isListening() {
        return events.isListening();
    }

    /**
     * What a notice asks of this instance: the session lookups kept here (ADR 50) forget the user it names
     * and that user's connections are re-checked; after a (re)start, everything is forgotten and every
     * connection re-checked; an unreadable notice makes the lookups forget everything.
     */
    private Mono<Void> handle(Heard heard) {
        if (heard instanceof Heard.UserChanged changed) {
            sessions.userChanged(changed.agencyId(), changed.userId());
            return connections.recheck(changed.userId());
        }
        sessions.clear();
        if (heard instanceof Heard.ListeningStarted) {
            return connections.recheckAll();
        }
        log.warn("Ignoring a malformed access notification");
        return Mono.empty();
    }

    @Override
    protected Disposable subscribe() {
        Disposable notifications = events.heard()
                .flatMap(this::handle)
                .subscribe(v -> { }, e -> log.error("The access change listener stopped", e));
        Disposable sweep = recheckInterval.isNegative() || recheckInterval.isZero() ? Disposables.disposed()
                : Flux.interval(recheckInterval, recheckInterval)
                        .onBackpressureDrop()
                        .concatMap(tick -> connections.recheckAll(), 1)
                        .subscribe(v -> { }, e -> log.error("The WebSocket re-check sweep stopped", e));
        return Disposables.composite(notifications, sweep);
    }
}
