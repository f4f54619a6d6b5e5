package io.cordee.api.websocket;

import io.cordee.api.alert.AlertNotifications;
import io.cordee.api.limits.WebSocketLimitsProperties;
import io.cordee.api.security.SessionCache;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.UserId;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Hears the access changes that PostgreSQL's triggers notify on {@value #CHANNEL} (sign-out, token
 * revocation, deactivation, a role change: V13, ADR 22), from whichever instance or tool made them, and
 * has the affected user's WebSocket connections on this instance re-checked at once. It also re-checks
 * every connection each {@code cordee.limits.websocket.recheck-interval} (expiry has no notification)
 * and whenever it starts listening again (changes made while it was not listening were not heard).
 *
 * <p>One dedicated connection outside the pool, like the alert listener's ({@link AlertNotifications}),
 * but its own: a security notification must not wait behind the alerts' re-reads.
 */
@Component
public class AccessChangeListener implements SmartLifecycle {

    public static final String CHANNEL = "cordee_access_changes";
    /** The listening connection's {@code application_name}, to find it in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "cordee-access-listener";

    private static final Logger log = LoggerFactory.getLogger(AccessChangeListener.class);

    private final ConnectionFactory dedicated;
    private final WebSocketConnections connections;
    private final SessionCache sessions;
    private final Duration recheckInterval;
    private final AtomicBoolean listening = new AtomicBoolean();
    private volatile Disposable running;

    public AccessChangeListener(Environment env, WebSocketConnections connections,
                                WebSocketLimitsProperties limits, SessionCache sessions) {
        this.sessions = sessions;
        this.dedicated = AlertNotifications.dedicatedFactory(env, APPLICATION_NAME);
        this.connections = connections;
        this.recheckInterval = limits.recheckInterval();
    }

    /** Whether the dedicated connection is listening. */
    public boolean isListening() {
        return listening.get();
    }

    /** The user a notification's payload names ({@code K:agency:user[:id]}), if it is well formed. */
    static Optional<UserId> user(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String[] parts = payload.split(":");
        if (parts.length < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UserId(UUID.fromString(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The agency a notification's payload names, if it is well formed. */
    static Optional<AgencyId> agency(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(":");
        try {
            return parts.length < 3 ? Optional.empty() : Optional.of(new AgencyId(UUID.fromString(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The session lookups kept on this instance (ADR 50) forget the user the notification names. */
    private void forget(String payload) {
        Optional<AgencyId> agency = agency(payload);
        Optional<UserId> user = user(payload);
        if (agency.isPresent() && user.isPresent()) {
            sessions.userChanged(agency.get(), user.get());
        } else {
            sessions.clear();
        }
    }

    @Override
    public void start() {
        Disposable notifications = listen()
                .doOnNext(notification -> forget(notification.getParameter()))
                .flatMap(notification -> user(notification.getParameter())
                        .map(connections::recheck)
                        .orElseGet(() -> {
                            log.warn("Ignoring a malformed access notification");
                            return Mono.empty();
                        }))
                .subscribe(v -> { }, e -> log.error("The access change listener stopped", e));
        Disposable sweep = recheckInterval.isNegative() || recheckInterval.isZero() ? Disposables.disposed()
                : Flux.interval(recheckInterval, recheckInterval)
                        .onBackpressureDrop()
                        .concatMap(tick -> connections.recheckAll(), 1)
                        .subscribe(v -> { }, e -> log.error("The WebSocket re-check sweep stopped", e));
        running = Disposables.composite(notifications, sweep);
    }

    /** The notifications of the channel, on one dedicated connection, reconnecting with backoff. */
    private Flux<Notification> listen() {
        return Flux.usingWhen(Mono.from(dedicated.create()).cast(PostgresqlConnection.class),
                        connection -> connection.createStatement("LISTEN " + CHANNEL).execute()
                                .flatMap(PostgresqlResult::getRowsUpdated)
                                .thenMany(Flux.defer(() -> {
                                    log.info("Listening to {}", CHANNEL);
                                    sessions.clear();
                                    // whatever changed while no one listened is caught up now, while listening
                                    return connection.getNotifications()
                                            .mergeWith(connections.recheckAll().then(Mono.<Notification>empty()))
                                            .doOnSubscribe(s -> listening.set(true));
                                }))
                                .concatWith(Mono.error(() -> new IllegalStateException("listening connection closed"))),
                        connection -> {
                            listening.set(false);
                            return connection.close();
                        })
                .doOnError(e -> {
                    listening.set(false);
                    log.warn("Listening to {} failed ({}); reconnecting", CHANNEL, e.toString());
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
                        .transientErrors(true));
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        listening.set(false);
    }

    @Override
    public boolean isRunning() {
        Disposable d = running;
        return d != null && !d.isDisposed();
    }
}
