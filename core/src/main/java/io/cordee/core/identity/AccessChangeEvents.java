package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;
import reactor.core.publisher.Flux;

/**
 * Outbound port: changes to who may do what (sign-out, token revocation, deactivation, a role change),
 * heard from whichever instance or tool made them (ADR 22, ADR 77). Unlike {@link AccessChanges}, which
 * is told on this instance only, this is what every instance hears; the database announces the changes
 * itself (V13's triggers), so there is nothing to publish here.
 */
public interface AccessChangeEvents {

    /**
     * The access changes, from the subscription on (hot). One listener is shared by every subscriber; it
     * listens while at least one subscribes and reconnects by itself, announcing each (re)start with
     * {@link Heard.ListeningStarted}.
     */
    Flux<Heard> heard();

    /** Whether the listener is listening now. */
    boolean isListening();

    /** What a listener hears. */
    sealed interface Heard {

        /** The user's sessions, tokens, role or activation changed. */
        record UserChanged(AgencyId agencyId, UserId userId) implements Heard {
        }

        /** Listening (re)started: whatever changed while no one listened was not heard. */
        record ListeningStarted() implements Heard {
        }

        /** A notice that names no user this instance can read: anything of anyone may have changed. */
        record Unreadable() implements Heard {
        }
    }
}
