package io.cordee.api.alert;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertId;
import io.cordee.core.alert.AlertService;
import io.cordee.core.alert.StoredAlert;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Alert changes across application instances through PostgreSQL {@code LISTEN/NOTIFY} (ADR 13). After an
 * evaluation has committed, {@link #publish} sends its changes as {@code NOTIFY cordee_alert_changes}
 * (agency id and the changed alert ids, each with its change type). Every instance, this one included,
 * holds one dedicated connection outside the pool that listens on the channel, reconnecting with backoff
 * when it drops; each notification is turned back into changes by re-reading the alerts of that agency
 * and pushed to {@link #changes()}, which the subscriptions filter per caller. One code path: an
 * instance hears its own notifications like everyone else's.
 */
@Component
public class AlertNotifications implements SmartLifecycle {

    public static final String CHANNEL = "cordee_alert_changes";
    /** The listening connection's {@code application_name}, to find it in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "cordee-alert-listener";
    /** PostgreSQL's payload limit is 8000 bytes; stay clear of it. */
    static final int MAX_PAYLOAD_BYTES = 7_900;

    private static final Logger log = LoggerFactory.getLogger(AlertNotifications.class);

    /** A change of one agency's alerts, as delivered to subscribers. */
    public record AgencyAlertChange(AgencyId agencyId, AlertChange.Type type, StoredAlert alert) {
    }

    private final ConnectionFactory dedicated;
    private final DatabaseClient pool;
    private final AlertService alerts;
    private final Sinks.Many<AgencyAlertChange> sink = Sinks.many().multicast().directBestEffort();
    private final Map<AgencyId, Integer> followers = new ConcurrentHashMap<>();
    private final AtomicInteger everyAgency = new AtomicInteger();
    private final AtomicReference<PostgresqlConnection> listening = new AtomicReference<>();
    private volatile Disposable listener;

    public AlertNotifications(Environment env, DatabaseClient pool, AlertService alerts) {
        this.dedicated = dedicatedFactory(env);
        this.pool = pool;
        this.alerts = alerts;
    }

    /** A driver connection factory from the same options as the pool, so the listener never takes a pooled connection. */
    static ConnectionFactory dedicatedFactory(Environment env) {
        return dedicatedFactory(env, APPLICATION_NAME);
    }

    /**
     * A driver connection factory from the same options as the pool, its connections named
     * {@code applicationName} in {@code pg_stat_activity}: for a listener outside the pool.
     */
    public static ConnectionFactory dedicatedFactory(Environment env, String applicationName) {
        ConnectionFactoryOptions parsed = ConnectionFactoryOptions.parse(env.getRequiredProperty("spring.r2dbc.url"));
        ConnectionFactoryOptions.Builder options = parsed.mutate();
        if ("pool".equals(parsed.getValue(ConnectionFactoryOptions.DRIVER))) {
            options.option(ConnectionFactoryOptions.DRIVER, (String) parsed.getRequiredValue(ConnectionFactoryOptions.PROTOCOL));
            options.option(ConnectionFactoryOptions.PROTOCOL, "");
        }
        String user = env.getProperty("spring.r2dbc.username");
        if (user != null && !user.isBlank()) {
            options.option(ConnectionFactoryOptions.USER, user);
        }
        String password = env.getProperty("spring.r2dbc.password");
        if (password != null && !password.isEmpty()) {
            options.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        options.option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, applicationName);
        return new PostgresqlConnectionFactoryProvider().create(options.build());
    }

    /** Every change of every agency heard on the channel, from now on (hot; nothing is replayed). */
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

    /** Whether the dedicated connection is listening. */
    public boolean isListening() {
        return listening.get() != null;
    }

    /**
     * Notifies every instance of an evaluation's committed changes: one {@code NOTIFY} (several only when
     * the ids would not fit in one payload). Sent on the listening connection, or through the pool while it
     * reconnects. Never fails: a lost notification costs a live update, not a stored alert.
     */
    public Mono<Void> publish(AgencyId agencyId, List<AlertChange> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(payloads(agencyId, changes))
                .concatMap(this::notify)
                .then()
                .onErrorResume(e -> {
                    log.warn("Notifying the alert changes of agency {} failed", agencyId.value(), e);
                    return Mono.empty();
                });
    }

    /**
     * Notifies every instance of changes written by the current mutation (an acknowledgement, a snooze; ADR 75)
     * through the pool, so inside the mutation's transaction (ADR 17): PostgreSQL delivers a {@code NOTIFY} at
     * commit and drops it on rollback, so a listener re-reading the alert sees the committed state and a
     * refused mutation announces nothing.
     */
    public Mono<Void> publishOnCommit(AgencyId agencyId, List<AlertChange> changes) {
        String sql = "SELECT pg_notify('" + CHANNEL + "', $1)";
        return Flux.fromIterable(changes.isEmpty() ? List.of() : payloads(agencyId, changes))
                .concatMap(payload -> notifyThroughPool(sql, payload))
                .then();
    }

    private Mono<Void> notify(String payload) {
        String sql = "SELECT pg_notify('" + CHANNEL + "', $1)";
        PostgresqlConnection connection = listening.get();
        if (connection != null) {
            return connection.createStatement(sql).bind("$1", payload).execute()
                    .flatMap(PostgresqlResult::getRowsUpdated).then()
                    .onErrorResume(e -> notifyThroughPool(sql, payload));
        }
        return notifyThroughPool(sql, payload);
    }

    private Mono<Void> notifyThroughPool(String sql, String payload) {
        return pool.sql(sql).bind("$1", payload).fetch().rowsUpdated().then();
    }

    /**
     * {@code agencyId;T:alertId,T:alertId…} with T the change type's code (O, W, U, S, R; A acknowledged, Z snoozed); split so that
     * every payload stays under {@link #MAX_PAYLOAD_BYTES}.
     */
    static List<String> payloads(AgencyId agencyId, List<AlertChange> changes) {
        List<String> payloads = new ArrayList<>();
        String head = agencyId.value() + ";";
        StringBuilder current = new StringBuilder(head);
        for (AlertChange change : changes) {
            String item = code(change.type()) + ":" + change.alert().id().value();
            if (current.length() > head.length()
                    && current.length() + 1 + item.length() > MAX_PAYLOAD_BYTES) {
                payloads.add(current.toString());
                current = new StringBuilder(head);
            }
            if (current.length() > head.length()) {
                current.append(',');
            }
            current.append(item);
        }
        payloads.add(current.toString());
        return payloads;
    }

    /** The payload read back: the agency and its changed alert ids with their change types, in order. */
    static Map.Entry<AgencyId, Map<AlertId, AlertChange.Type>> parse(String payload) {
        int semi = payload.indexOf(';');
        AgencyId agency = new AgencyId(UUID.fromString(payload.substring(0, semi)));
        Map<AlertId, AlertChange.Type> ids = new LinkedHashMap<>();
        String rest = payload.substring(semi + 1);
        if (!rest.isEmpty()) {
            for (String item : rest.split(",")) {
                ids.put(new AlertId(UUID.fromString(item.substring(2))), type(item.charAt(0)));
            }
        }
        return Map.entry(agency, ids);
    }

    private static char code(AlertChange.Type type) {
        return switch (type) {
            case OPENED -> 'O';
            case WORSENED -> 'W';
            case UPDATED -> 'U';
            case SNOOZE_ENDED -> 'S';
            case RESOLVED -> 'R';
            case ACKNOWLEDGED -> 'A';
            case SNOOZED -> 'Z';
        };
    }

    private static AlertChange.Type type(char code) {
        return switch (code) {
            case 'O' -> AlertChange.Type.OPENED;
            case 'W' -> AlertChange.Type.WORSENED;
            case 'S' -> AlertChange.Type.SNOOZE_ENDED;
            case 'R' -> AlertChange.Type.RESOLVED;
            case 'A' -> AlertChange.Type.ACKNOWLEDGED;
            case 'Z' -> AlertChange.Type.SNOOZED;
            default -> AlertChange.Type.UPDATED;
        };
    }

    // ---- the listener --------------------------------------------------------------------------

    @Override
    public void start() {
        listener = listen()
                .concatMap(this::toChanges)
                .subscribe(change -> sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))),
                        e -> log.error("The alert listener stopped", e));
    }

    /** The notifications of the channel, on one dedicated connection, reconnecting with backoff. */
    private Flux<Notification> listen() {
        return Flux.usingWhen(Mono.from(dedicated.create()).cast(PostgresqlConnection.class),
                        connection -> connection.createStatement("LISTEN " + CHANNEL).execute()
                                .flatMap(PostgresqlResult::getRowsUpdated)
                                .thenMany(Flux.defer(() -> {
                                    listening.set(connection);
                                    log.info("Listening to {}", CHANNEL);
                                    return connection.getNotifications();
                                }))
                                // the connection ended: retry as for an error
                                .concatWith(Mono.error(() -> new IllegalStateException("listening connection closed"))),
                        connection -> {
                            listening.compareAndSet(connection, null);
                            return connection.close();
                        })
                .doOnError(e -> {
                    listening.set(null);
                    log.warn("Listening to {} failed ({}); reconnecting", CHANNEL, e.toString());
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
                        .transientErrors(true));
    }

    /** A notification's changes, each alert re-read in its agency; nothing when no one listens. */
    private Flux<AgencyAlertChange> toChanges(Notification notification) {
        if (sink.currentSubscriberCount() == 0 || notification.getParameter() == null) {
            return Flux.empty();
        }
        Map.Entry<AgencyId, Map<AlertId, AlertChange.Type>> parsed;
        try {
            parsed = parse(notification.getParameter());
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed alert notification ({} bytes)",
                    notification.getParameter().getBytes(StandardCharsets.UTF_8).length);
            return Flux.empty();
        }
        AgencyId agency = parsed.getKey();
        if (everyAgency.get() == 0 && !followers.containsKey(agency)) {
            return Flux.empty(); // nobody here follows this agency: nothing to read
        }
        return alerts.stored(agency, List.copyOf(parsed.getValue().keySet()))
                .map(stored -> new AgencyAlertChange(agency, parsed.getValue().get(stored.id()), stored))
                .onErrorResume(e -> {
                    log.warn("Reading the changed alerts of agency {} failed", agency.value(), e);
                    return Flux.empty();
                });
    }

    @Override
    public void stop() {
        Disposable d = listener;
        if (d != null) {
            d.dispose();
        }
        listening.set(null);
    }

    @Override
    public boolean isRunning() {
        Disposable d = listener;
        return d != null && !d.isDisposed();
    }
}
