package io.cordee.api.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import io.cordee.api.pipeline.RequestDocuments;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
    /** The schema documents are validated against; null leaves parsing and validating to graphql-java. */
    private final Supplier<GraphQLSchema> schema;

    /**
     * Validating against {@code schema} the tree the pipeline's earlier stages already parsed
     * ({@link RequestDocuments}, ADR 78), so that execution does not parse the document once more.
     */
    public ParsedDocumentCache(long maximumSize, Supplier<GraphQLSchema> schema) {
        this(maximumSize, null, schema);
    }

    /** With {@code executor} running the evictions (tests pass {@code Runnable::run} to see them at once). */
    ParsedDocumentCache(long maximumSize, Executor executor) {
        this(maximumSize, executor, null);
    }

    private ParsedDocumentCache(long maximumSize, Executor executor, Supplier<GraphQLSchema> schema) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maximumSize).recordStats();
        this.documents = (executor == null ? builder : builder.executor(executor)).build();
        this.schema = schema;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Key key = new Key(input.getQuery(), Objects.requireNonNullElse(input.getLocale(), Locale.ROOT));
        return CompletableFuture.completedFuture(documents.get(key,
                k -> schema == null ? parseAndValidate.apply(input) : validate(input, k.locale())));
    }

    /** What graphql-java's own parse-and-validate answers, from the shared tree. */
    private PreparsedDocumentEntry validate(ExecutionInput input, Locale locale) {
        Document document;
        try {
            document = RequestDocuments.parse(input.getQuery());
        } catch (InvalidSyntaxException e) {
            return new PreparsedDocumentEntry(e.toInvalidSyntaxError());
        }
        Predicate<Class<?>> rules = input.getGraphQLContext()
                .getOrDefault(ParseAndValidate.INTERNAL_VALIDATION_PREDICATE_HINT, rule -> true);
        List<ValidationError> errors = ParseAndValidate.validate(schema.get(), document, rules, locale);
        return errors.isEmpty() ? new PreparsedDocumentEntry(document) : new PreparsedDocumentEntry(document, errors);
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
