package io.cordee.api.graphql.common;

import io.cordee.api.http.ResponseStatusMarker;
import graphql.GraphqlErrorBuilder;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import io.cordee.api.pipeline.RequestDocuments;
import io.cordee.api.pipeline.RequestPipeline;
import io.cordee.api.security.SessionCookies;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one gate of the GraphQL endpoint: an anonymous request may run {@code signIn}, the first-run
 * {@code setUp}/{@code signUp}, {@code acceptInvitation} (ADR 30), {@code unsubscribeDigest} (ADR 40),
 * {@code requestPasswordReset}/{@code resetPassword} (ADR 39) and the {@code setupStatus} query (ADR 27), and nothing else; any other
 * operation is answered with an {@code UNAUTHORIZED} error before it executes — over HTTP with status 401
 * and {@code WWW-Authenticate: Bearer realm="cordee"} (set by {@link Status}). It also
 * carries the session token into the operation (for {@code signOut}) and the session cookie out of it
 * (set by {@code signIn}, cleared by {@code signOut}).
 */
@Component
@Order(RequestPipeline.GRAPHQL_AUTHENTICATION)
public class GraphQlAuthentication implements WebGraphQlInterceptor {

    public static final String TOKEN = "cordee.sessionToken";
    public static final String SECURE = "cordee.secure";
    public static final String SET_COOKIE = "cordee.setCookie";

    private static final Set<String> ANONYMOUS_MUTATIONS = Set.of("signIn", "setUp", "signUp", "acceptInvitation",
            "unsubscribeDigest", "requestPasswordReset", "resetPassword", "completeSignIn", "__typename");
    private static final Set<String> ANONYMOUS_QUERIES = Set.of("setupStatus", "__typename");
    /** Set on a refused anonymous response to send as 401; removed by {@link Status} before the headers leave. */
    public static final String WWW_AUTHENTICATE = "Bearer realm=\"cordee\"";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return Callers.optional().hasElement().flatMap(signedIn -> {
            if (!signedIn && !isAnonymousOperation(request)) {
                WebGraphQlResponse refused = unauthorized(request);
                if (!(request instanceof WebSocketGraphQlRequest)) {
                    refused.getResponseHeaders().set(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE);
                    ResponseStatusMarker.mark(refused, HttpStatus.UNAUTHORIZED);
                }
                return Mono.just(refused);
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

    /** True when the operation to run selects only anonymous fields: signIn, setUp, signUp; setupStatus. */
    static boolean isAnonymousOperation(WebGraphQlRequest request) {
        OperationDefinition op = RequestDocuments.operation(request.getDocument(), request.getOperationName());
        if (op == null) {
            return false;
        }
        List<Selection> selections = op.getSelectionSet().getSelections();
        if (op.getOperation() == OperationDefinition.Operation.QUERY) {
            // a query needs setupStatus itself: an anonymous `{ __typename }` stays refused
            return selections.stream().anyMatch(s -> s instanceof Field f && f.getName().equals("setupStatus"))
                    && selections.stream().allMatch(s -> s instanceof Field f && ANONYMOUS_QUERIES.contains(f.getName()));
        }
        if (op.getOperation() != OperationDefinition.Operation.MUTATION) {
            return false;
        }
        return !selections.isEmpty() && selections.stream()
                .allMatch(s -> s instanceof Field f && ANONYMOUS_MUTATIONS.contains(f.getName()));
    }


    private static WebGraphQlResponse unauthorized(WebGraphQlRequest request) {
        return Refusals.answer(request, GraphqlErrorBuilder.newError().errorType(ErrorType.UNAUTHORIZED)
                .message("Sign in first: this operation needs a signed-in user").build());
    }
}
