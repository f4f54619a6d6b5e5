package io.cordee.core.support;

import io.cordee.core.common.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walks a paged list from its first page to its last, for contracts that promise "each item exactly once". */
public final class Pages {

    /** Every item in the order read, each page's size and each page's {@code totalCount}. */
    public record Walk<T>(List<T> items, List<Integer> sizes, List<Long> totals) {
    }

    private Pages() {
    }

    /** Reads the page after each last cursor until one says no page follows (at most 100 pages). */
    public static <T> Walk<T> walk(Function<String, Page<T>> pageAfter) {
        List<T> items = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        String after = null;
        Page<T> page;
        do {
            page = pageAfter.apply(after);
            items.addAll(page.items());
            sizes.add(page.edges().size());
            totals.add(page.totalCount());
            after = page.edges().isEmpty() ? null : page.edges().get(page.edges().size() - 1).cursor();
        } while (page.hasNextPage() && sizes.size() < 100);
        return new Walk<>(items, sizes, totals);
    }
}
