package io.cordee.api.graphql.common;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.cordee.api.security.SessionCookies;
import java.util.List;
import java.util.Set;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one gate of the GraphQL endpoint: an anonymous request may run {@code signIn} and nothing else;
 * any other operation is answered with an {@code UNAUTHORIZED} error before it executes. It also
 * carries the session token into the operation (for {@code signOut}) and the session cookie out of it
 * (set by {@code signIn}, cleared by {@code signOut}).
 */
@Component
public class GraphQlAuthentication implements WebGraphQlInterceptor {

    public static final String TOKEN = "cordee.sessionToken";
    public static final String SECURE = "cordee.secure";
    public static final String SET_COOKIE = "cordee.setCookie";

    private static final Set<String> ANONYMOUS_MUTATIONS = Set.of("signIn", "__typename");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return Callers.optional().hasElement().flatMap(signedIn -> {
            if (!signedIn && !isAnonymousOperation(request)) {
                return Mono.just(unauthorized(request));
            }
            String token = SessionCookies.token(request.getHeaders(), request.getCookies());
            boolean secure = "https".equalsIgnoreCase(request.getUri().getScheme());
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(ctx -> {
                if (token != null) {
                    ctx.put(TOKEN, token);
                }
                ctx.put(SECURE, secure);
            }).build());
            return chain.next(request).doOnNext(response -> {
                ResponseCookie cookie = response.getExecutionInput().getGraphQLContext().get(SET_COOKIE);
                if (cookie != null) {
                    response.getResponseHeaders().add(HttpHeaders.SET_COOKIE, cookie.toString());
                }
            });
        });
    }

    /** True when the operation to run is a mutation that selects only {@code signIn}. */
    static boolean isAnonymousOperation(WebGraphQlRequest request) {
        Document document;
        try {
            document = Parser.parse(request.getDocument());
        } catch (InvalidSyntaxException e) {
            return false;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        String name = request.getOperationName();
        List<OperationDefinition> chosen = operations.stream()
                .filter(op -> name == null ? operations.size() == 1 : name.equals(op.getName()))
                .toList();
        if (chosen.size() != 1) {
            return false;
        }
        OperationDefinition op = chosen.get(0);
        if (op.getOperation() != OperationDefinition.Operation.MUTATION) {
            return false;
        }
        List<Selection> selections = op.getSelectionSet().getSelections();
        return !selections.isEmpty() && selections.stream()
                .allMatch(s -> s instanceof Field f && ANONYMOUS_MUTATIONS.contains(f.getName()));
    }

    private static WebGraphQlResponse unauthorized(WebGraphQlRequest request) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().errorType(ErrorType.UNAUTHORIZED)
                        .message("Sign in first: this operation needs a signed-in user").build())
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
