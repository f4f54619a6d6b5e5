package io.cordee.core.alert;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: an agency's alerts and alert thresholds, always within one agency. */
public interface AlertRepository {

    /** The saved thresholds; empty when the agency never changed them. */
    Mono<AgencyThresholds> findThresholds(AgencyId agencyId);

    /**
     * Saves the thresholds: inserts them when {@code expectedVersion} is negative (never saved), else updates
     * them if the stored version is still {@code expectedVersion}. Empty when the version is stale.
     */
    Mono<AgencyThresholds> saveThresholds(AgencyId agencyId, AlertThresholds thresholds, long expectedVersion);

    /** Every alert not yet resolved, oldest first. */
    Flux<StoredAlert> findUnresolved(AgencyId agencyId);

    Mono<StoredAlert> findById(AgencyId agencyId, AlertId id);

    /** The agency's alerts with these ids, in one statement; ids of other agencies or unknown are left out. */
    Flux<StoredAlert> findAllById(AgencyId agencyId, List<AlertId> ids);

    /** Newest first; {@code today} decides which alerts are still snoozed. An empty kinds set in a filter
     * narrowed to nothing lists nothing. */
    Mono<Page<StoredAlert>> findPage(AgencyId agencyId, AlertFilter filter, LocalDate today, PageRequest page);

    /**
     * Stores what reconciling changed: OPENED alerts are inserted, the others written over the stored row if
     * its version is still the one in {@code versions}. Fails with a {@link io.cordee.core.common.Conflict}
     * when a row changed meanwhile or a second unresolved alert of one condition would be stored.
     */
    Mono<Void> apply(AgencyId agencyId, List<AlertChange> changes, Map<AlertId, Long> versions);

    /** Writes the alert if the stored version is still {@code alert.version()}; empty otherwise. */
    Mono<StoredAlert> update(AgencyId agencyId, StoredAlert alert);

    /** Every agency, for the daily evaluation. */
    Flux<AgencyId> agencyIds();
}
