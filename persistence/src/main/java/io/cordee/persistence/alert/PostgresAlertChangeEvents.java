package io.cordee.persistence.alert;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertChangeEvents;
import io.cordee.core.alert.AlertId;
import io.cordee.persistence.common.PgChannelEvents;
import io.cordee.persistence.common.PgListener;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Alert changes across instances through PostgreSQL {@code LISTEN/NOTIFY} on {@value #CHANNEL} (ADR 13, 77).
 * A payload is {@code agencyId;T:alertId,T:alertId…} with T the change type's code (O, W, U, S, R; A
 * acknowledged, Z snoozed), split so that each stays under {@value #MAX_PAYLOAD_BYTES} bytes. The listener
 * holds one dedicated connection named {@value #APPLICATION_NAME}.
 */
@Component
public class PostgresAlertChangeEvents extends PgChannelEvents<AlertChangeEvents.Heard>
        implements AlertChangeEvents {

    public static final String CHANNEL = "cordee_alert_changes";
    /** The listening connection's {@code application_name}, to find it in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "cordee-alert-listener";
    /** PostgreSQL's payload limit is 8000 bytes; stay clear of it. */
    static final int MAX_PAYLOAD_BYTES = 7_900;

    private static final Logger log = LoggerFactory.getLogger(PostgresAlertChangeEvents.class);
    private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', $1)";

    private final DatabaseClient pool;

    @Autowired
    public PostgresAlertChangeEvents(Environment env, DatabaseClient pool) {
        this(PgListener.dedicatedFactory(env, APPLICATION_NAME), pool);
    }

    /** {@code dedicated} opens the listener's connection; {@code pool} the statements of publishers and transactions. */
    public PostgresAlertChangeEvents(ConnectionFactory dedicated, DatabaseClient pool) {
        super(dedicated, CHANNEL, PostgresAlertChangeEvents::read, null);
        this.pool = pool;
    }

    /** One {@code NOTIFY} (several only when the ids would not fit), on the listening connection or through the pool while it reconnects. */
    @Override
    public Mono<Void> publish(AgencyId agencyId, List<AlertChange> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(payloads(agencyId, changes))
                .concatMap(this::notifyNow)
                .then()
                .onErrorResume(e -> {
                    log.warn("Notifying the alert changes of agency {} failed", agencyId.value(), e);
                    return Mono.empty();
                });
    }

    /**
     * Through the pool, so inside the caller's transaction (ADR 17, 75): PostgreSQL delivers a {@code NOTIFY}
     * at commit and drops it on rollback.
     */
    @Override
    public Mono<Void> publishOnCommit(AgencyId agencyId, List<AlertChange> changes) {
        return Flux.fromIterable(changes.isEmpty() ? List.of() : payloads(agencyId, changes))
                .concatMap(this::notifyThroughPool)
                .then();
    }

    private Mono<Void> notifyNow(String payload) {
        PostgresqlConnection connection = listener().connection();
        if (connection != null) {
            return connection.createStatement(NOTIFY).bind("$1", payload).execute()
                    .flatMap(PostgresqlResult::getRowsUpdated).then()
                    .onErrorResume(e -> notifyThroughPool(payload));
        }
        return notifyThroughPool(payload);
    }

    private Mono<Void> notifyThroughPool(String payload) {
        return pool.sql(NOTIFY).bind("$1", payload).fetch().rowsUpdated().then();
    }

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
    static Heard parse(String payload) {
        int semi = payload.indexOf(';');
        AgencyId agency = new AgencyId(UUID.fromString(payload.substring(0, semi)));
        Map<AlertId, AlertChange.Type> ids = new LinkedHashMap<>();
        String rest = payload.substring(semi + 1);
        if (!rest.isEmpty()) {
            for (String item : rest.split(",")) {
                ids.put(new AlertId(UUID.fromString(item.substring(2))), type(item.charAt(0)));
            }
        }
        return new Heard(agency, ids);
    }

    /** A payload read, or null (skipped, logged) when it is malformed. */
    private static Heard read(String payload) {
        try {
            return parse(payload);
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed alert notification ({} bytes)", payload.getBytes(StandardCharsets.UTF_8).length);
            return null;
        }
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
}
