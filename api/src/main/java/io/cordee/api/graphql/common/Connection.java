package io.cordee.api.graphql.common;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import java.util.List;

/** A Relay cursor connection, built from one page of a list. */
public record Connection<T>(List<Page.Edge<T>> edges, List<T> nodes, PageInfo pageInfo, long totalCount) {

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
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
