package io.cordee.core.search;

import reactor.core.publisher.Flux;

/**
 * Finds records of one agency whose name holds {@code folded} (already passed through
 * {@link SearchText#fold}): prefix matches first, then matches at the start of a word, then the rest;
 * ties by title. One statement whatever the number of hits (ADR 0068).
 */
public interface SearchRepository {

    Flux<SearchHit> find(SearchScope scope, String folded, int limit);
}
