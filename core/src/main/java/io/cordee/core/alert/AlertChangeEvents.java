package io.cordee.core.alert;

import io.cordee.core.agency.AgencyId;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Outbound port: alert changes told to every application instance, this one included (ADR 13, ADR 77).
 * What crosses is the agency and the ids of its changed alerts with their change types, never the alerts
 * themselves: a listener re-reads what it needs, so it sees the committed state.
 */
public interface AlertChangeEvents {

    /**
     * Tells every instance of changes already committed (an evaluation's). Never fails: a lost
     * notification costs a live update, not a stored alert.
     */
    Mono<Void> publish(AgencyId agencyId, List<AlertChange> changes);

    /**
     * Tells every instance of changes written by the current transaction: delivered when it commits,
     * dropped when it rolls back. Fails with the transaction's work, as any statement in it would.
     */
    Mono<Void> publishOnCommit(AgencyId agencyId, List<AlertChange> changes);

    /**
     * What every instance published, from the subscription on (hot: nothing is replayed). One listener is
     * shared by every subscriber; it listens while at least one subscribes and reconnects by itself.
     */
    Flux<Heard> heard();

    /** Whether the listener is listening now (while it reconnects, changes are not heard). */
    boolean isListening();

    /** One notice: an agency and its changed alerts, each with its change type, in the publisher's order. */
    record Heard(AgencyId agencyId, Map<AlertId, AlertChange.Type> changes) {
        public Heard {
            changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
        }
    }
}
