package io.cordee.api.http;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import io.cordee.api.graphql.common.Refusals;
import io.cordee.api.pipeline.RequestDocuments;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.cordee.api.pipeline.RequestPipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Text the database cannot keep, refused before anything runs (ADR 26): the NUL character (U+0000),
 * which PostgreSQL refuses in {@code text} (it used to surface as an internal error), and lone UTF-16
 * surrogates, which are not characters at all (their UTF-8 encoding is invalid; a browser never sends
 * them, a buggy client might). Looked for in the variables (any depth), the operation name, the
 * extensions and the document — in its raw text and, when it holds a {@code \\u} escape, in its string
 * literals once unescaped. The answer is a request error (no {@code data}; HTTP 400 for
 * {@code application/graphql-response+json}) with {@code code: INVALID_CHARACTER} and the {@code field}
 * path of each offending value ({@code ["variables", "input", "contacts", 0, "email"]}), over HTTP and
 * over WebSocket alike.
 */
@Component
@Order(RequestPipeline.STRICT_INPUT) // after the rate limit and the length limit, before anything reads the input
public class StrictInput implements WebGraphQlInterceptor {

    public static final String INVALID_CHARACTER = "INVALID_CHARACTER";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        List<GraphQLError> errors = new ArrayList<>();
        List<Object> root = new ArrayList<>();
        root.add("variables");
        walk(request.getVariables(), root, errors);
        if (request.getOperationName() != null && invalid(request.getOperationName()) != null) {
            errors.add(error(List.of("operationName"), invalid(request.getOperationName()), null));
        }
        List<Object> extensions = new ArrayList<>();
        extensions.add("extensions");
        walk(request.getExtensions(), extensions, errors);
        document(request.getDocument(), errors);
        if (errors.isEmpty()) {
            return chain.next(request);
        }
        return Mono.just(Refusals.answer(request, errors));
    }

    /** What is wrong with the text, or null when it is fine. */
    static String invalid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains the NUL character (U+0000), which cannot be stored";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains a lone UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase() + "), which is not a character";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a lone UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase() + "), which is not a character";
            }
        }
        return null;
    }

    private static void walk(Object value, List<Object> path, List<GraphQLError> errors) {
        if (value instanceof String text) {
            String problem = invalid(text);
            if (problem != null) {
                errors.add(error(List.copyOf(path), problem, null));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                path.add(key);
                String problem = invalid(key);
                if (problem != null) {
                    errors.add(error(List.copyOf(path), "has a name that " + problem, null));
                }
                walk(entry.getValue(), path, errors);
                path.remove(path.size() - 1);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                path.add(i);
                walk(list.get(i), path, errors);
                path.remove(path.size() - 1);
            }
        }
    }

    /**
     * The raw text first (a NUL typed into the document); then, only when the text holds an escape that
     * could spell one ({@code \\u0000}, {@code \\u{0}}, {@code \\ud800}), the unescaped string literals.
     */
    private static void document(String text, List<GraphQLError> errors) {
        if (text == null) {
            return;
        }
        String problem = invalid(text);
        if (problem != null) {
            errors.add(error(List.of("query"), problem, null));
            return;
        }
        if (!text.contains("\\u")) {
            return;
        }
        Document document = RequestDocuments.parsed(text).orElse(null);
        if (document == null) {
            return; // GraphQL answers the syntax error
        }
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitStringValue(StringValue node, TraverserContext<Node> context) {
                String literal = invalid(node.getValue());
                if (literal != null) {
                    errors.add(error(List.of("query"), "has a string literal that " + literal,
                            node.getSourceLocation()));
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
    }

    private static GraphQLError error(List<Object> field, String problem, SourceLocation location) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", INVALID_CHARACTER);
        extensions.put("field", field);
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
                .message(describe(field) + " " + problem).extensions(extensions);
        if (location != null) {
            error.location(location);
        }
        return error.build();
    }

    /** {@code variables.input.contacts[0].email}. */
    private static String describe(List<Object> field) {
        StringBuilder text = new StringBuilder();
        for (Object part : field) {
            if (part instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(part);
            }
        }
        return text.toString();
    }
}
