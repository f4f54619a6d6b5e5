package io.cordee.api.graphql.cash;

import io.cordee.api.graphql.client.ClientController;
import io.cordee.api.graphql.common.Callers;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.cash.CashService;
import io.cordee.core.cash.Exposure;
import io.cordee.core.client.Client;
import io.cordee.core.identity.Caller;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Client.exposure}: every client of a request goes to {@link #exposures} in one call (a DataLoader,
 * since the field takes arguments and {@code @BatchMapping} cannot). Null for roles that see no money.
 */
@Controller
public class ClientExposureController {

    private static final String LOADER = "clientExposure";

    record Key(Client client, LocalDate asOf, int weeks) {
    }

    private final CashService cash;
    private final AgencyService agencies;

    public ClientExposureController(CashService cash, AgencyService agencies, BatchLoaderRegistry loaders) {
        this.cash = cash;
        this.agencies = agencies;
        loaders.<Key, CashController.ClientExposure>forName(LOADER).registerMappedBatchLoader((keys, env) -> load(keys));
    }

    @SchemaMapping(typeName = ClientController.TYPE)
    public CompletableFuture<CashController.ClientExposure> exposure(Client client, @Argument LocalDate asOf,
                                                                     @Argument Integer weeks,
                                                                     graphql.schema.DataFetchingEnvironment env) {
        DataLoader<Key, CashController.ClientExposure> loader = env.getDataLoader(LOADER);
        return loader.load(new Key(client, asOf, weeks == null ? 26 : weeks));
    }

    private Mono<Map<Key, CashController.ClientExposure>> load(Set<Key> keys) {
        return Callers.current().flatMap(caller -> {
            if (!caller.seesMoney()) {
                return Mono.just(Map.<Key, CashController.ClientExposure>of());
            }
            // the keys of one request share their arguments; a group per distinct (asOf, weeks) otherwise
            Map<List<Object>, List<Key>> groups = keys.stream().collect(Collectors.groupingBy(
                    k -> java.util.Arrays.asList(k.asOf(), k.weeks()), LinkedHashMap::new, Collectors.toList()));
            return agencies.current(caller).map(cash::today).flatMap(today -> Flux.fromIterable(groups.values())
                    .<Map<Key, CashController.ClientExposure>>concatMap(group -> {
                        LocalDate asOf = group.get(0).asOf() == null ? today : group.get(0).asOf();
                        List<Client> clients = group.stream().map(Key::client).distinct().toList();
                        return exposures(caller, clients, asOf, group.get(0).weeks())
                                .<Map<Key, CashController.ClientExposure>>map(series -> {
                                    Map<Key, CashController.ClientExposure> result = new HashMap<>();
                                    group.stream().filter(k -> series.containsKey(k.client())).forEach(k ->
                                            result.put(k, CashController.view(k.client(), series.get(k.client()))));
                                    return result;
                                });
                    })
                    .collectList()
                    .map(maps -> {
                        Map<Key, CashController.ClientExposure> all = new HashMap<>();
                        maps.forEach(all::putAll);
                        return all;
                    }));
        });
    }

    /**
     * The exposure of every client of the batch from one agency cash picture (ADR 47, 54): the picture's
     * statements once, or one when it is remembered, whatever the number of clients.
     */
    private Mono<Map<Client, Exposure.Series>> exposures(Caller caller, List<Client> clients, LocalDate asOf,
                                                         int weeks) {
        return cash.exposuresOf(caller, clients.stream().map(Client::id).toList(), asOf, weeks)
                .map(byId -> {
                    Map<Client, Exposure.Series> result = new HashMap<>();
                    clients.stream().filter(c -> byId.containsKey(c.id())).forEach(c -> result.put(c, byId.get(c.id())));
                    return result;
                });
    }
}
