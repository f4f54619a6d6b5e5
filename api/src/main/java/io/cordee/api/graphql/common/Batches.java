package io.cordee.api.graphql.common;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The last step of every {@code @BatchMapping}: each parent of the batch paired with what was loaded for it. */
public final class Batches {

    private Batches() {
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
