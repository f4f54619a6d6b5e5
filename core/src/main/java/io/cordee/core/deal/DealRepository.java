package io.cordee.core.deal;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: deals, always within one agency. */
public interface DealRepository {

    Mono<Deal> findById(AgencyId agencyId, DealId id);

    /** Ordered by expected start, then id; {@code stages} null or empty for every stage. */
    Mono<Page<Deal>> findPage(AgencyId agencyId, Set<DealStage> stages, PageRequest page);

    /** The deals still in LEAD or PROPOSAL, in one statement: the pipeline the forecast weighs. */
    Flux<Deal> findOpen(AgencyId agencyId);

    /** Every deal of the agency, in every stage, ordered by id, in one statement: the complete export (ADR 61). */
    Flux<Deal> findAll(AgencyId agencyId);

    Mono<Deal> insert(Deal deal);

    /**
     * Writes if the stored deal is still open (LEAD or PROPOSAL) and its version is still {@code deal.version()};
     * empty otherwise: a won or lost deal is never written again.
     */
    Mono<Deal> update(Deal deal);
}
