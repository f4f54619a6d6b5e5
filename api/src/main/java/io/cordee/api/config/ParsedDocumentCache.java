package io.cordee.api.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Parsed and validated GraphQL documents, kept by their text (ADR 50): the SPA and partner scripts send the
 * same few documents over and over, and parsing plus validating one costs more CPU than a by-id read.
 *
 * <p>Bounded by count ({@code cordee.graphql.document-cache-size}, 0 turns it off), least recently used out
 * first, so a client sending endless distinct documents only churns the cache. The schema is fixed for the
 * process's life, so an entry never goes stale; invalid documents are kept too (their errors are the answer
 * again). Validation messages depend on the request's locale, which is part of the key.
 */
public final class ParsedDocumentCache implements PreparsedDocumentProvider {

    private record Key(String query, Locale locale) {
    }

    private final Cache<Key, PreparsedDocumentEntry> documents;

    public ParsedDocumentCache(long maximumSize) {
        this(maximumSize, null);
    }

    /** With {@code executor} running the evictions (tests pass {@code Runnable::run} to see them at once). */
    ParsedDocumentCache(long maximumSize, Executor executor) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maximumSize).recordStats();
        this.documents = (executor == null ? builder : builder.executor(executor)).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Key key = new Key(input.getQuery(), Objects.requireNonNullElse(input.getLocale(), Locale.ROOT));
        return CompletableFuture.completedFuture(documents.get(key, k -> parseAndValidate.apply(input)));
    }

    /** Misses are parses: how many documents were parsed and validated, and how many were found kept. */
    public CacheStats stats() {
        return documents.stats();
    }

    public long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }
}
