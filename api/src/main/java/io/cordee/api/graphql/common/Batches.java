package io.cordee.api.graphql.common;

import io.cordee.core.identity.Caller;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/** The last step of every {@code @BatchMapping}: each parent of the batch paired with what was loaded for it. */
public final class Batches {

    private Batches() {
    }

    /** One read for the whole batch, by the caller of the request, of what the given keys name. */
    @FunctionalInterface
    public interface Loader<K, V> {
        Mono<Map<K, V>> load(Caller caller, List<K> keys);
    }

    /**
     * Each parent paired with what {@code loader} reads for its key (a client, a project…), in one read for the
     * batch. A parent without a key (an optional reference) is not asked about and resolves to null, as does one
     * whose key has nothing loaded.
     */
    public static <P, K, V> Mono<Map<P, V>> load(List<P> batch, Function<P, K> key, Loader<K, V> loader) {
        List<P> keyed = batch.stream().filter(parent -> key.apply(parent) != null).toList();
        return Callers.current().flatMap(caller -> loader.load(caller, keyed.stream().map(key).toList()))
                .map(loaded -> join(keyed, key, loaded));
    }

    /**
     * Each parent paired with the list {@code loader} reads for its key (a client's projects, a version's
     * requirements…), in one read for the batch; an empty list for a parent that has none.
     */
    public static <P, K, V> Mono<Map<P, List<V>>> loadLists(List<P> batch, Function<P, K> key,
                                                           Loader<K, List<V>> loader) {
        return Callers.current().flatMap(caller -> loader.load(caller, batch.stream().map(key).toList()))
                .map(loaded -> batch.stream().distinct().collect(Collectors.toMap(Function.identity(),
                        parent -> loaded.getOrDefault(key.apply(parent), List.of()))));
    }

    /** Parents whose key has nothing loaded are left out, so their field resolves to null. */
    public static <P, K, V> Map<P, V> join(List<P> batch, Function<P, K> key, Map<K, V> loaded) {
        return batch.stream().distinct().filter(parent -> loaded.containsKey(key.apply(parent)))
                .collect(Collectors.toMap(Function.identity(), parent -> loaded.get(key.apply(parent))));
    }

    /** The same map with each value transformed. */
    public static <K, V, W> Map<K, W> mapValues(Map<K, V> map, Function<V, W> f) {
        return map.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> f.apply(e.getValue())));
    }
}
