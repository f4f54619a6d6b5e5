package io.cordee.api.graphql.common;

import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.cordee.api.pipeline.RequestDocuments;
import io.cordee.api.pipeline.RequestPipeline;
import io.cordee.api.pipeline.RootFields;
import io.cordee.api.security.CallerAuthentication;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.identity.ApiToken;
import io.cordee.core.identity.ApiTokenAccess;
import io.cordee.core.identity.ApiTokenArea;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one place where a partner API token's scope is enforced: before anything executes, every
 * mutation field of the document (through fragments too) must belong to an area the token may change
 * ({@link ApiTokenAreas}); otherwise the whole request is answered with a {@code FORBIDDEN} error and
 * nothing runs. Queries and subscriptions are reads, open to every token. What the token's creator may
 * do is checked further on by the services, with the creator's current role: a token never does more
 * than its creator can, nor more than its scope.
 *
 * <p>Ordered right after {@link WebSocketAuthentication} (which sets the caller of a WebSocket) and
 * before every other interceptor, so a refused mutation leaves no trace (no idempotency record, no
 * alert evaluation).
 */
@Component
@Order(RequestPipeline.API_TOKEN_SCOPES)
public class ApiTokenScopes implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication())
                .ofType(CallerAuthentication.class)
                .flatMap(auth -> Mono.justOrEmpty(auth.apiToken()))
                .flatMap(token -> refusal(token, request.getDocument())
                        .map(message -> Mono.just(forbidden(request, message)))
                        .orElseGet(() -> chain.next(request)))
                .switchIfEmpty(Mono.defer(() -> chain.next(request)));
    }

    /** Why {@code token} may not run {@code document}, or empty if it may. */
    static Optional<String> refusal(ApiToken token, String document) {
        Set<String> mutations = mutationFields(document);
        for (String field : mutations) {
            if (ApiTokenAreas.PEOPLE_ONLY.contains(field)) {
                return Optional.of(field + " is for signed-in people, not API tokens");
            }
            Optional<ApiTokenArea> area = ApiTokenAreas.of(field);
            if (area.isEmpty()) {
                return Optional.of(field + " is not open to API tokens");
            }
            if (token.access() == ApiTokenAccess.READ_ONLY) {
                return Optional.of("This API token is read-only: it cannot run " + field);
            }
            if (!token.mayChange(area.get())) {
                return Optional.of("This API token may change " + token.areas().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(", ")) + "; " + field + " belongs to " + area.get());
            }
        }
        return Optional.empty();
    }

    /**
     * The root fields of every mutation operation of the document, fragments expanded. A document that
     * does not parse runs nothing, so it has none; an unknown fragment counts as a field no token may run.
     */
    static Set<String> mutationFields(String document) {
        Document parsed = RequestDocuments.parsed(document).orElse(null);
        if (parsed == null) {
            return Set.of();
        }
        Set<String> fields = new LinkedHashSet<>();
        for (OperationDefinition op : parsed.getDefinitionsOfType(OperationDefinition.class)) {
            if (op.getOperation() == OperationDefinition.Operation.MUTATION) {
                RootFields.collect(parsed, op, fields, true);
            }
        }
        fields.remove("__typename");
        return fields;
    }

    private static WebGraphQlResponse forbidden(WebGraphQlRequest request, String message) {
        return Refusals.answer(request, GraphqlErrorBuilder.newError().errorType(ErrorType.FORBIDDEN).message(message)
                .extensions(Map.of("code", ErrorCode.FORBIDDEN.name())).build());
    }
}
