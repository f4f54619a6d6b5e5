package io.cordee.api.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one parser of a request's GraphQL document (ADR 78): every stage of the pipeline that reads the
 * document — the strict input check, the sign-in and setup gates, the authentication of anonymous
 * operations, the API-token scopes, the mutation's transaction, the alert evaluation, the metrics — and
 * graphql-java's execution (through {@code ParsedDocumentCache}) ask here, so a document is parsed once
 * and its tree shared, instead of once per stage.
 *
 * <p>Trees are kept by their text, least recently used out first, bounded by the characters of the texts kept
 * ({@value #KEPT_CHARACTERS}: a thousand documents of 2,000 characters, or a hundred at the 20,000 of
 * {@code cordee.limits.max-document-length}), not by their count: the gates before sign-in parse anonymous
 * documents too, and a tree weighs in proportion to its text (ADR 78). A {@link Document} is
 * immutable, so sharing one between stages and requests is safe. A document that does not parse is kept
 * too: every stage gets the same {@link InvalidSyntaxException} without parsing it again. The options are
 * graphql-java's for operations, so the tree is the one execution would have built.
 */
public final class RequestDocuments {

    static final long KEPT_CHARACTERS = 2_000_000;
    private static final Cache<String, Parsed> PARSED = Caffeine.newBuilder().maximumWeight(KEPT_CHARACTERS)
            .weigher((String text, Parsed parsed) -> text.length())
            .executor(Runnable::run) // evicted as it is written, not later on the common pool
            .build();
    private static final AtomicLong PARSES = new AtomicLong();
    private static final AtomicLong LOOKUPS = new AtomicLong();

    private record Parsed(Document document, InvalidSyntaxException error) {
    }

    private RequestDocuments() {
    }

    /** The tree of {@code text}, parsed on its first use; throws its syntax error if it has one. */
    public static Document parse(String text) {
        LOOKUPS.incrementAndGet();
        Parsed parsed = PARSED.get(text, RequestDocuments::parseNow);
        if (parsed.error() != null) {
            throw parsed.error();
        }
        return parsed.document();
    }

    /**
     * The tree of {@code text}, parsed on its first use; empty when it does not parse. For the stages that only
     * look at a document: graphql-java answers its syntax error, and nothing of it runs.
     */
    public static Optional<Document> parsed(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The operation a request runs, chosen as graphql-java chooses it: the one {@code operationName} names,
     * or the document's only operation when no name is given. Null when the document does not parse or that
     * choice finds no single operation (graphql-java then answers the error, and nothing runs).
     */
    public static OperationDefinition operation(String text, String operationName) {
        return parsed(text).map(document -> operation(document, operationName)).orElse(null);
    }

    /** The operation of {@code document} that {@code operationName} chooses, as {@link #operation(String, String)}. */
    public static OperationDefinition operation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        List<OperationDefinition> chosen = operations.stream()
                .filter(op -> operationName == null ? operations.size() == 1 : operationName.equals(op.getName()))
                .toList();
        return chosen.size() == 1 ? chosen.get(0) : null;
    }

    /** How many documents this process has parsed (not found kept): one per distinct text while it is kept. */
    public static long parses() {
        return PARSES.get();
    }

    /** How many times a stage asked for a tree, parsed or found kept. */
    public static long lookups() {
        return LOOKUPS.get();
    }

    private static Parsed parseNow(String text) {
        PARSES.incrementAndGet();
        try {
            return new Parsed(new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(text)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build()), null);
        } catch (InvalidSyntaxException e) {
            return new Parsed(null, e);
        }
    }
}
