package io.cordee.core.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with each item's cursor, whether more follow, and the size of the whole list. */
public record Page<T>(List<Edge<T>> edges, boolean hasNextPage, long totalCount) {

    /** The {@code totalCount} of a page read without counting ({@link PageRequest#withTotal()} false). */
    public static final long NOT_COUNTED = -1;

    public record Edge<T>(T node, String cursor) {
    }

    public Page {
        edges = List.copyOf(edges);
    }

    public List<T> items() {
        return edges.stream().map(Edge::node).toList();
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(edges.stream().map(e -> new Edge<>(f.apply(e.node()), e.cursor())).toList(),
                hasNextPage, totalCount);
    }
}
