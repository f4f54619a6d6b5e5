package io.cordee.core.support;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientFilter;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An in-memory {@link ClientRepository} with the same tenant and version rules as the real one. */
public final class InMemoryClients implements ClientRepository {

    private final Map<ClientId, Client> rows = new ConcurrentHashMap<>();

    @Override
    public Mono<Client> findById(AgencyId agencyId, ClientId id) {
        return Mono.justOrEmpty(rows.get(id)).filter(c -> c.agencyId().equals(agencyId));
    }

    @Override
    public Flux<Client> findAllById(AgencyId agencyId, Collection<ClientId> ids) {
        return Flux.fromIterable(ids).flatMap(id -> findById(agencyId, id));
    }

    @Override
    public Flux<Client> findAll(AgencyId agencyId) {
        return Flux.fromIterable(rows.values()).filter(c -> c.agencyId().equals(agencyId));
    }

    @Override
    public Mono<Page<Client>> findPage(AgencyId agencyId, ClientFilter filter, PageRequest page) {
        List<Client> all = rows.values().stream()
                .filter(c -> c.agencyId().equals(agencyId))
                .filter(c -> filter.onlyClient() == null || c.id().equals(filter.onlyClient()))
                .filter(c -> filter.segment() == null || c.segment() == filter.segment())
                .filter(c -> filter.includeArchived() || !c.archived())
                .sorted(Comparator.comparing(Client::name)).toList();
        int from = page.after() == null ? 0 : Integer.parseInt(page.after());
        List<Page.Edge<Client>> edges = all.stream().skip(from).limit(page.first())
                .map(c -> new Page.Edge<>(c, String.valueOf(all.indexOf(c) + 1))).toList();
        return Mono.just(new Page<>(edges, from + page.first() < all.size(), all.size()));
    }

    @Override
    public Mono<Client> insert(Client client) {
        rows.put(client.id(), client);
        return Mono.just(client);
    }

    @Override
    public Mono<Client> update(Client client) {
        Client current = rows.get(client.id());
        if (current == null || !current.agencyId().equals(client.agencyId()) || current.version() != client.version()) {
            return Mono.empty();
        }
        Client next = new Client(client.id(), client.agencyId(), client.name(), client.segment(),
                client.paymentTermsDays(), client.contacts(), client.funding(), client.archived(), client.version() + 1);
        rows.put(next.id(), next);
        return Mono.just(next);
    }
}
