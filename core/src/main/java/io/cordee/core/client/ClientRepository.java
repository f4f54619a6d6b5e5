package io.cordee.core.client;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: clients, always within one agency. */
public interface ClientRepository {

    Mono<Client> findById(AgencyId agencyId, ClientId id);

    /** Many clients in one statement, for batched nested fields. Missing ids are left out. */
    Flux<Client> findAllById(AgencyId agencyId, Collection<ClientId> ids);

    /** Every client of the agency, archived ones included: for computations over the whole agency. */
    Flux<Client> findAll(AgencyId agencyId);

    /** Ordered by name then id. */
    Mono<Page<Client>> findPage(AgencyId agencyId, ClientFilter filter, PageRequest page);

    Mono<Client> insert(Client client);

    /** Inserts many clients (an import's batch, ADR 56): one statement in the database adapter. */
    default Mono<Void> insertAll(java.util.List<Client> clients) {
        return Flux.fromIterable(clients).concatMap(this::insert).then();
    }

    /**
     * Writes {@code client} if the stored version is still {@code client.version()}, and returns it
     * with the next version; empty if the stored version moved on (or the row is gone).
     */
    Mono<Client> update(Client client);
}
