package io.cordee.core.imports;

import io.cordee.core.agency.AgencyId;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Port: the column mapping each agency last used for each kind of import (header → field), remembered. */
public interface ImportMappingRepository {

    /** The remembered mapping; empty map when none. Keys are normalised headers ({@link ImportKind#normalise}). */
    Mono<Map<String, String>> find(AgencyId agencyId, ImportKind kind);

    Mono<Void> save(AgencyId agencyId, ImportKind kind, Map<String, String> mapping);
}
