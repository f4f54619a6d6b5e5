package io.cordee.api.graphql.common;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import java.util.List;
import reactor.core.publisher.Mono;

/** A Relay cursor connection, built from one page of a list. */
public record Connection<T>(List<Page.Edge<T>> edges, List<T> nodes, PageInfo pageInfo, long totalCount) {

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** One page of a list, read by a caller. */
    @FunctionalInterface
    public interface Reader<T> {
        Mono<Page<T>> read(Caller caller, PageRequest page);
    }

    /** A connection field: the page {@code first}/{@code after} ask for, read by the caller of the request. */
    public static <T> Mono<Connection<T>> read(Integer first, String after, DataFetchingFieldSelectionSet selection,
                                               Reader<T> reader) {
        return read(Callers.current(), first, after, selection, reader);
    }

    /** The same, read by {@code caller} (a caller checked further, or an error). */
    public static <T> Mono<Connection<T>> read(Mono<Caller> caller, Integer first, String after,
                                               DataFetchingFieldSelectionSet selection, Reader<T> reader) {
        return caller.flatMap(c -> reader.read(c, request(first, after, selection)))
                .map(page -> of(page, after != null));
    }

    /**
     * The page a connection field asks for, counted only if the query selects {@code totalCount}: the
     * {@code count(*)} of the whole list is a statement of its own that a list page need not pay (ADR 0046).
     */
    public static PageRequest request(Integer first, String after, DataFetchingFieldSelectionSet selection) {
        return PageRequest.of(first, after, selection == null || selection.contains("totalCount"));
    }

    public static <T> Connection<T> of(Page<T> page, boolean afterCursor) {
        List<Page.Edge<T>> edges = page.edges();
        return new Connection<>(edges, page.items(), new PageInfo(page.hasNextPage(), afterCursor,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), page.totalCount());
    }
}
