package io.cordee.api.mutation;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import io.cordee.api.pipeline.MutationOutcome;
import io.cordee.api.pipeline.RequestDocuments;
import io.cordee.api.graphql.common.Refusals;
import io.cordee.api.limits.SignInLimits;
import io.cordee.api.ops.RequestIds;
import io.cordee.api.pipeline.RequestPipeline;
import io.cordee.api.security.CallerAuthentication;
import io.cordee.core.common.Actor;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.idempotency.IdempotencyKey;
import io.cordee.core.idempotency.IdempotencyRefused;
import io.cordee.core.idempotency.IdempotencyService;
import io.cordee.core.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every mutation of a signed-in caller runs as ONE transaction attributed to its caller (the audit
 * trail's actor, ADR 17) and is kept only if it succeeded — no GraphQL error and no payload with
 * {@code userErrors}; otherwise everything it wrote is rolled back. With an {@code Idempotency-Key}
 * header the key is claimed and the response stored in that transaction (ADR 16): a retry within 24 h
 * gets the first response (and an {@code Idempotent-Replayed: true} header) without the work being
 * done again; a concurrent retry waits for the first to finish. The same key with another request
 * (another caller, operation, document or variables) is refused with {@code IDEMPOTENCY_KEY_REUSED}.
 * A key on a query or subscription is ignored: reads are idempotent already. Anonymous requests, and
 * {@code signIn} and {@code changePassword} (each alone in its request; ADR 39) from anyone, pass through untouched.
 *
 * <p>Innermost of the interceptors, so the alert evaluation that follows a mutation reads committed data.
 */
@Component
@Order(RequestPipeline.MUTATION_TRANSACTION)
public class MutationInterceptor implements WebGraphQlInterceptor {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** Map keys sorted: the same variables give the same fingerprint whatever their order in the body. */
    private final JsonMapper canonical = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final IdempotencyService idempotency;

    public MutationInterceptor(IdempotencyService idempotency) {
        this.idempotency = idempotency;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        OperationDefinition mutation = selectedMutation(request);
        // signIn (alone in its request, SignInLimits) runs in no transaction: its slow hash must not hold a
        // connection (ADR 23), and its writes are single statements
        if (mutation == null || SignInLimits.signInRootFields(request) != null
                || io.cordee.api.limits.PasswordResetLimits.changePasswordRootFields(request) != null
                || io.cordee.api.limits.TwoFactorLimits.passThroughRootFields(request) != null) {
            return chain.next(request);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication())
                .filter(auth -> auth.getPrincipal() instanceof Caller)
                .flatMap(auth -> Mono.deferContextual(context -> run(request, chain, mutation,
                        (Caller) auth.getPrincipal(), tokenId(auth).orElse(null), requestId(request, context))))
                .switchIfEmpty(Mono.defer(() -> chain.next(request)));
    }

    /**
     * The request id of the logs and the {@code X-Request-Id} response header ({@link RequestIds}: the
     * caller's own when well-formed), so that the audit trail's entries can be found from either; over
     * WebSocket, the handshake's when it reached the context, else Spring's id of the request.
     */
    static String requestId(WebGraphQlRequest request, ContextView context) {
        return context.getOrDefault(RequestIds.KEY, request.getId());
    }

    private Mono<WebGraphQlResponse> run(WebGraphQlRequest request, Chain chain, OperationDefinition mutation,
                                         Caller caller, UUID tokenId, String requestId) {
        String operation = mutation.getSelectionSet().getSelections().stream()
                .filter(Field.class::isInstance).map(s -> ((Field) s).getName())
                .collect(Collectors.joining(","));
        Actor actor = new Actor(caller.agencyId(), caller.userId(), tokenId, requestId, operation);
        IdempotencyKey key;
        try {
            key = idempotencyKey(request);
        } catch (InvalidInput e) {
            return Mono.just(refused(request, "IDEMPOTENCY_KEY_INVALID", e.getMessage()));
        }
        String fingerprint = key == null ? null : fingerprint(actor, request);
        return idempotency.run(actor, key, fingerprint, chain.next(request), MutationOutcome::succeeded,
                        this::body)
                .map(outcome -> outcome instanceof IdempotencyService.Replayed<WebGraphQlResponse> replayed
                        ? replay(request, replayed.body())
                        : markPartialRollBack(((IdempotencyService.Fresh<WebGraphQlResponse>) outcome).result()))
                .onErrorResume(IdempotencyRefused.class,
                        e -> Mono.just(refused(request, e.reason().code(), e.getMessage())));
    }

    /** The partner API token the request was authenticated with; empty for a browser session. */
    static Optional<UUID> tokenId(Authentication auth) {
        return auth instanceof CallerAuthentication c ? c.tokenId() : Optional.empty();
    }

    /** The header's key, null without one or over WebSocket (a socket's headers are its handshake's). */
    static IdempotencyKey idempotencyKey(WebGraphQlRequest request) {
        if (request instanceof WebSocketGraphQlRequest) {
            return null;
        }
        List<String> values = request.getHeaders().get(IdempotencyKey.HEADER);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw InvalidInput.of(IdempotencyKey.HEADER, "must be sent once",
                    io.cordee.core.common.ErrorCode.INVALID_FORMAT);
        }
        return new IdempotencyKey(values.get(0).strip());
    }

    /** SHA-256 of who sends it and what it asks: the same key may only ever replay the same request. */
    String fingerprint(Actor actor, WebGraphQlRequest request) {
        String canonicalRequest = String.join("\n", actor.userId().value().toString(),
                String.valueOf(actor.tokenId()), String.valueOf(request.getOperationName()), request.getDocument(),
                canonical.writeValueAsString(request.getVariables() == null ? Map.of() : request.getVariables()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The mutation the request runs, or null for a query, a subscription or a document that does not parse. */
    public static OperationDefinition selectedMutation(WebGraphQlRequest request) {
        // a mutation's document says so: queries (most requests, some large) are not parsed a second time
        if (!request.getDocument().contains("mutation")) {
            return null;
        }
        OperationDefinition chosen = RequestDocuments.operation(request.getDocument(), request.getOperationName());
        return chosen != null && chosen.getOperation() == OperationDefinition.Operation.MUTATION ? chosen : null;
    }

    private String body(WebGraphQlResponse response) {
        return json.writeValueAsString(response.toMap());
    }

    /**
     * A document with several mutation fields is one transaction: when one failed, the others' writes were
     * rolled back too, and their answers must not pretend otherwise.
     */
    private static WebGraphQlResponse markPartialRollBack(WebGraphQlResponse response) {
        if (MutationOutcome.succeeded(response) || !(response.getData() instanceof Map<?, ?> fields) || fields.size() < 2
                || fields.values().stream().noneMatch(p -> p instanceof Map<?, ?> m
                && m.get("userErrors") instanceof List<?> errors && errors.isEmpty())) {
            return response;
        }
        return response.transform(builder -> builder.errors(appended(response,
                GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
                        .message("One of this request's mutations failed, so none of them was kept: the request is"
                                + " one transaction. Fix the failing one and send the request again")
                        .extensions(Map.of("code", "MUTATION_ROLLED_BACK")).build())));
    }

    private static List<graphql.GraphQLError> appended(WebGraphQlResponse response, graphql.GraphQLError error) {
        List<graphql.GraphQLError> errors = new java.util.ArrayList<>();
        response.getExecutionResult().getErrors().forEach(errors::add);
        errors.add(error);
        return errors;
    }

    private WebGraphQlResponse replay(WebGraphQlRequest request, String body) {
        Map<String, Object> stored = json.readValue(body, MAP);
        ExecutionResult.Builder<?> result = ExecutionResult.newExecutionResult().data(stored.get("data"));
        if (stored.get("extensions") instanceof Map<?, ?> extensions) {
            Map<Object, Object> copy = new LinkedHashMap<>(extensions);
            result.extensions(copy);
        }
        WebGraphQlResponse response = new WebGraphQlResponse(
                new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result.build()));
        response.getResponseHeaders().set(REPLAYED_HEADER, "true");
        return response;
    }

    private static WebGraphQlResponse refused(WebGraphQlRequest request, String code, String message) {
        return Refusals.answer(request, GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message)
                .extensions(Map.of("code", code)).build());
    }
}
