package io.cordee.persistence.identity;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.AccessChangeEvents;
import io.cordee.core.identity.UserId;
import io.cordee.persistence.common.PgChannelEvents;
import io.cordee.persistence.common.PgListener;
import io.r2dbc.spi.ConnectionFactory;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The access changes V13's triggers notify on {@value #CHANNEL} with the payload {@code K:agency:user[:id]}
 * (ADR 22, 77), heard on a dedicated connection named {@value #APPLICATION_NAME}: its own, not the alert
 * listener's, so a security notice never waits behind the alerts' re-reads.
 */
@Component
public class PostgresAccessChangeEvents extends PgChannelEvents<AccessChangeEvents.Heard>
        implements AccessChangeEvents {

    public static final String CHANNEL = "cordee_access_changes";
    /** The listening connection's {@code application_name}, to find it in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "cordee-access-listener";

    @Autowired
    public PostgresAccessChangeEvents(Environment env) {
        this(PgListener.dedicatedFactory(env, APPLICATION_NAME));
    }

    public PostgresAccessChangeEvents(ConnectionFactory dedicated) {
        super(dedicated, CHANNEL, PostgresAccessChangeEvents::read, new Heard.ListeningStarted());
    }

    /** {@code K:agency:user[:id]}: the user and agency it names, or {@link Heard.Unreadable}. */
    static Heard read(String payload) {
        String[] parts = payload.split(":");
        if (parts.length < 3) {
            return new Heard.Unreadable();
        }
        try {
            return new Heard.UserChanged(new AgencyId(UUID.fromString(parts[1])), new UserId(UUID.fromString(parts[2])));
        } catch (IllegalArgumentException e) {
            return new Heard.Unreadable();
        }
    }
}
