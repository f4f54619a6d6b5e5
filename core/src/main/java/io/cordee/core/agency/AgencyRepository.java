package io.cordee.core.agency;

import reactor.core.publisher.Mono;

/** Port: agencies. */
public interface AgencyRepository {

    Mono<Agency> findById(AgencyId id);

    Mono<Agency> insert(Agency agency);

    /** Writes the settings if the stored version is still {@code agency.version()}; empty otherwise. */
    Mono<Agency> updateSettings(Agency agency);
}
