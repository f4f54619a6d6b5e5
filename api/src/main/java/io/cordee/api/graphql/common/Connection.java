package io.cordee.api.graphql.common;

import io.cordee.core.common.Page;
import java.util.List;

/** A Relay cursor connection, built from one page of a list. */
public record Connection<T>(List<Page.Edge<T>> edges, List<T> nodes, PageInfo pageInfo, long totalCount) {

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public static <T> Connection<T> of(Page<T> page, boolean afterCursor) {
        List<Page.Edge<T>> edges = page.edges();
        return new Connection<>(edges, page.items(), new PageInfo(page.hasNextPage(), afterCursor,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), page.totalCount());
    }
}
