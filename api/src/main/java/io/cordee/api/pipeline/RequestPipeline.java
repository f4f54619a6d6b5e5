package io.cordee.api.pipeline;

import io.cordee.api.alert.AlertEvaluationInterceptor;
import io.cordee.api.cache.ResponseCache;
import io.cordee.api.config.RequestSizeLimit;
import io.cordee.api.graphql.common.ApiTokenScopes;
import io.cordee.api.graphql.common.GraphQlAuthentication;
import io.cordee.api.graphql.common.InputBounds;
import io.cordee.api.graphql.common.WebSocketAuthentication;
import io.cordee.api.http.GraphQlHttpErrors;
import io.cordee.api.http.GraphQlOverHttp;
import io.cordee.api.http.ResponseStatusMarker;
import io.cordee.api.http.StrictInput;
import io.cordee.api.http.SubscriptionsOverWebSocket;
import io.cordee.api.limits.PasswordResetLimits;
import io.cordee.api.limits.QueryLimits;
import io.cordee.api.limits.RateLimits;
import io.cordee.api.limits.RequestLimits;
import io.cordee.api.limits.SetupLimits;
import io.cordee.api.limits.SignInLimits;
import io.cordee.api.limits.TwoFactorLimits;
import io.cordee.api.mutation.MutationInterceptor;
import io.cordee.api.ops.DatabaseUnavailableErrors;
import io.cordee.api.ops.GraphQlOperationMetrics;
import io.cordee.api.ops.ManagementPortOnly;
import io.cordee.api.ops.RequestIds;
import io.cordee.api.web.StaticResourceCaching;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.security.web.server.WebFilterChainProxy;

/**
 * The request pipeline in one place (ADR 78): every web filter, GraphQL interceptor, error handler and
 * GraphQL instrumentation of the application, outermost first, with the order each one's {@code @Order}
 * names. To add a stage, give it a constant here between its neighbours, put it in its list, and annotate
 * the stage with {@code @Order(RequestPipeline.THAT_CONSTANT)}; {@code RequestPipelineTest} reads the live
 * application and fails when its chains and these lists differ.
 *
 * <p>Smaller order runs first (outermost: it sees the request first and the response last). The
 * numbers keep the places the stages had before they were gathered here; only ties were broken, in the
 * order the running application already had.
 */
public final class RequestPipeline {

    private RequestPipeline() {
    }

    // ---- 1. Web filters: every HTTP request and WebSocket handshake --------------------------------------

    /** The request id of the logs and the {@code X-Request-Id} header: first, so every later line has it. */
    public static final int REQUEST_IDS = Ordered.HIGHEST_PRECEDENCE;
    /** The actuator answers on the management port only. */
    public static final int MANAGEMENT_PORT_ONLY = Ordered.HIGHEST_PRECEDENCE + 1;
    /** GraphQL over HTTP's rules (methods, media types): a refused request is never authenticated. */
    public static final int GRAPHQL_OVER_HTTP = -200;
    /**
     * Spring Security's filter chain (its own order, not set here): session and API-token authentication,
     * CSRF, headers. Listed as the landmark the stages around it are placed by.
     */
    public static final int SPRING_SECURITY = -100;
    /** Requests per caller per second: after authentication, so a caller is known. */
    public static final int RATE_LIMITS = 0;
    /** The status every GraphQL answer carries (unordered until ADR 78: Spring's last place, kept). */
    public static final int RESPONSE_STATUS_MARKER = Ordered.LOWEST_PRECEDENCE - 1;
    /** {@code Vary: Accept-Encoding} on every answer (unordered until ADR 78: Spring's last place, kept). */
    public static final int VARY_ON_ACCEPT_ENCODING = Ordered.LOWEST_PRECEDENCE;

    public static final List<Class<?>> WEB_FILTERS = List.of(RequestIds.class, ManagementPortOnly.class,
            GraphQlOverHttp.class, WebFilterChainProxy.class, RateLimits.class, ResponseStatusMarker.class,
            StaticResourceCaching.VaryOnAcceptEncoding.class);

    // ---- 2. GraphQL interceptors: every GraphQL request over HTTP or WebSocket, once its body is read -----

    /** A WebSocket's caller, from its handshake (HTTP requests have theirs from Spring Security). */
    public static final int WEBSOCKET_AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE;
    /** Latency by operation: outermost of the GraphQL stages, so refusals are timed too. */
    public static final int OPERATION_METRICS = Ordered.HIGHEST_PRECEDENCE + 1;
    /** Length, time and concurrency limits of one request. */
    public static final int REQUEST_LIMITS = Ordered.HIGHEST_PRECEDENCE + 2;
    /** Characters and shapes the input may not hold: before anything reads the input. */
    public static final int STRICT_INPUT = Ordered.HIGHEST_PRECEDENCE + 3;
    /** Subscriptions over WebSocket only. */
    public static final int SUBSCRIPTIONS_OVER_WEBSOCKET = Ordered.HIGHEST_PRECEDENCE + 4;
    /** The first-run setup alone in its request, and its throttle. */
    public static final int SETUP_LIMITS = Ordered.HIGHEST_PRECEDENCE + 50;
    /** {@code signIn} alone in its request, and its throttle: before the sign-in gate and the transaction. */
    public static final int SIGN_IN_LIMITS = Ordered.HIGHEST_PRECEDENCE + 51;
    /** Password reset alone in its request, and its throttle. */
    public static final int PASSWORD_RESET_LIMITS = Ordered.HIGHEST_PRECEDENCE + 52;
    /** Two-factor steps alone in their request, and their throttle. */
    public static final int TWO_FACTOR_LIMITS = Ordered.HIGHEST_PRECEDENCE + 53;
    /** What an API token may reach. */
    public static final int API_TOKEN_SCOPES = Ordered.HIGHEST_PRECEDENCE + 100;
    /** Marks an answer given while the database was unreachable. */
    public static final int DATABASE_UNAVAILABLE_MARKER = 0;
    /** Re-evaluates the alerts after a mutation: outside its transaction, so it reads what was committed. */
    public static final int ALERT_EVALUATION = Ordered.LOWEST_PRECEDENCE - 10;
    /** The sign-in gate: anonymous callers reach only the anonymous operations. */
    public static final int GRAPHQL_AUTHENTICATION = Ordered.LOWEST_PRECEDENCE - 2;
    /**
     * Whole answers of read-only queries kept per data version (ADR 91): inside the gate and every limit, so a kept
     * answer is still authenticated, rate limited and timed; outside the transaction, which a query never opens.
     */
    public static final int RESPONSE_CACHE = Ordered.LOWEST_PRECEDENCE - 1;
    /** The mutation's one transaction and its idempotency key: innermost, right around execution. */
    public static final int MUTATION_TRANSACTION = Ordered.LOWEST_PRECEDENCE;

    public static final List<Class<?>> GRAPHQL_INTERCEPTORS = List.of(WebSocketAuthentication.class,
            GraphQlOperationMetrics.class, RequestLimits.class, StrictInput.class, SubscriptionsOverWebSocket.class,
            SetupLimits.class, SignInLimits.class, PasswordResetLimits.class, TwoFactorLimits.class,
            ApiTokenScopes.class, DatabaseUnavailableErrors.ResponseMarker.class, AlertEvaluationInterceptor.class,
            GraphQlAuthentication.class, ResponseCache.class, MutationInterceptor.class);

    // ---- 3. Error handlers: an exception that left the filters, before Spring Boot's own (-1) --------------

    /** The database is unreachable: a 503 with a GraphQL-shaped body. */
    public static final int DATABASE_UNAVAILABLE_ANSWER = -5;
    /** A body over the size limit. */
    public static final int REQUEST_SIZE_ANSWER = -4;
    /** A GraphQL request over HTTP that could not be read (duplicate keys, bad JSON). */
    public static final int GRAPHQL_HTTP_ERRORS_ANSWER = -3;
    /** A request that ran out of time. */
    public static final int TIMEOUT_ANSWER = -2;

    public static final List<Class<?>> ERROR_HANDLERS = List.of(DatabaseUnavailableErrors.Handler.class,
            RequestSizeLimit.class, GraphQlHttpErrors.class, RequestLimits.TimeoutAnswer.class);

    // ---- 4. Instrumentations: inside graphql-java's execution, after the document is validated -------------

    /** Bounds of each field's arguments (unordered until ADR 78; the place it had is kept). */
    public static final int INPUT_BOUNDS = Ordered.LOWEST_PRECEDENCE - 1;
    /** Depth, aliases, cost and list sizes of the operation, before any field runs. */
    public static final int QUERY_LIMITS = Ordered.LOWEST_PRECEDENCE;

    public static final List<Class<?>> INSTRUMENTATIONS = List.of(InputBounds.class, QueryLimits.class);

    private static final Map<Class<?>, Integer> ORDERS = Map.ofEntries(
            Map.entry(RequestIds.class, REQUEST_IDS), Map.entry(ManagementPortOnly.class, MANAGEMENT_PORT_ONLY),
            Map.entry(GraphQlOverHttp.class, GRAPHQL_OVER_HTTP), Map.entry(WebFilterChainProxy.class, SPRING_SECURITY),
            Map.entry(RateLimits.class, RATE_LIMITS), Map.entry(ResponseStatusMarker.class, RESPONSE_STATUS_MARKER),
            Map.entry(StaticResourceCaching.VaryOnAcceptEncoding.class, VARY_ON_ACCEPT_ENCODING),
            Map.entry(WebSocketAuthentication.class, WEBSOCKET_AUTHENTICATION),
            Map.entry(GraphQlOperationMetrics.class, OPERATION_METRICS), Map.entry(RequestLimits.class, REQUEST_LIMITS),
            Map.entry(StrictInput.class, STRICT_INPUT),
            Map.entry(SubscriptionsOverWebSocket.class, SUBSCRIPTIONS_OVER_WEBSOCKET),
            Map.entry(SignInLimits.class, SIGN_IN_LIMITS), Map.entry(SetupLimits.class, SETUP_LIMITS),
            Map.entry(PasswordResetLimits.class, PASSWORD_RESET_LIMITS),
            Map.entry(TwoFactorLimits.class, TWO_FACTOR_LIMITS), Map.entry(ApiTokenScopes.class, API_TOKEN_SCOPES),
            Map.entry(DatabaseUnavailableErrors.ResponseMarker.class, DATABASE_UNAVAILABLE_MARKER),
            Map.entry(AlertEvaluationInterceptor.class, ALERT_EVALUATION),
            Map.entry(GraphQlAuthentication.class, GRAPHQL_AUTHENTICATION),
            Map.entry(ResponseCache.class, RESPONSE_CACHE),
            Map.entry(MutationInterceptor.class, MUTATION_TRANSACTION),
            Map.entry(DatabaseUnavailableErrors.Handler.class, DATABASE_UNAVAILABLE_ANSWER),
            Map.entry(RequestSizeLimit.class, REQUEST_SIZE_ANSWER),
            Map.entry(GraphQlHttpErrors.class, GRAPHQL_HTTP_ERRORS_ANSWER),
            Map.entry(RequestLimits.TimeoutAnswer.class, TIMEOUT_ANSWER),
            Map.entry(QueryLimits.class, QUERY_LIMITS), Map.entry(InputBounds.class, INPUT_BOUNDS));

    /** The declared order of a stage listed above. */
    public static int orderOf(Class<?> stage) {
        Integer order = ORDERS.get(stage);
        if (order == null) {
            throw new IllegalArgumentException(stage.getName() + " is not a stage of the request pipeline");
        }
        return order;
    }
}
