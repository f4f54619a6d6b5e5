package io.cordee.api.limits;

import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.cordee.api.graphql.common.Refusals;
import io.cordee.api.pipeline.RequestDocuments;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.pipeline.RequestPipeline;
import io.cordee.api.pipeline.RootFields;
import io.cordee.api.security.SignInProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What only {@code signIn} gets (ADR 23), whoever the caller:
 * <ul>
 *   <li>it is the only field of its request ({@code __typename} aside): one attempt per request, so
 *       aliases cannot pack thirty guesses into one, and never inside another mutation's transaction;</li>
 *   <li>a rate limit per client address ({@code cordee.security.sign-in.address-*}, 10 a minute by
 *       default), shared by all instances like the other limits: {@code RATE_LIMITED};</li>
 *   <li>its refusals for now — this limit, the account's throttle ({@code TOO_MANY_ATTEMPTS}), too many
 *       sign-ins under way ({@code TOO_MANY_REQUESTS}) — go out over HTTP as 429 with
 *       {@code Retry-After}, like the other rate limits.</li>
 * </ul>
 */
@Component
@Order(RequestPipeline.SIGN_IN_LIMITS) // after the request limits, before the sign-in gate and the mutation's transaction
public class SignInLimits implements WebGraphQlInterceptor {

    public static final String SIGN_IN = "signIn";
    static final String SIGN_IN_ALONE = "SIGN_IN_ALONE";
    /** Set on a GraphQL response to send as 429; removed by {@link Status} before the headers leave. */
    private static final Set<String> RETRY_LATER_CODES = Set.of("TOO_MANY_ATTEMPTS", "TOO_MANY_REQUESTS",
            LimitErrors.RATE_LIMITED);

    private final AddressLimit.Bucket perAddress;

    public SignInLimits(LimitsProperties limits, SignInProperties signIn, Limiter limiter) {
        this.perAddress = AddressLimit.Bucket.signIn(limits, signIn, limiter);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        List<String> rootFields = signInRootFields(request);
        if (rootFields == null) {
            return chain.next(request);
        }
        long signIns = rootFields.stream().filter(SIGN_IN::equals).count();
        boolean others = rootFields.stream().anyMatch(f -> !f.equals(SIGN_IN) && !f.equals("__typename"));
        if (signIns > 1 || others) {
            // an anonymous caller's other fields are the sign-in gate's to refuse (UNAUTHORIZED), as ever
            return Callers.optional().hasElement().flatMap(signedIn -> signedIn || signIns > 1
                    ? Mono.just(Refusals.answer(request, LimitErrors.error(LimitErrors.Classification.BAD_REQUEST,
                            SIGN_IN_ALONE, "signIn must be the only field of its request: one attempt per request")))
                    : chain.next(request));
        }
        return perAddress.waitFor(request).flatMap(wait -> wait.isZero() ? chain.next(request)
                        : Mono.just(Refusals.answer(request, rateLimited(wait))))
                .doOnNext(response -> markRetryLater(request, response));
    }

    private GraphQLError rateLimited(Duration wait) {
        long retryAfter = RateLimits.retryAfterSeconds(wait);
        return LimitErrors.error(LimitErrors.Classification.RATE_LIMITED, LimitErrors.RATE_LIMITED,
                "Too many sign-in attempts: at most " + perAddress.requests() + " every "
                        + RateLimits.describe(perAddress.period()) + " from one address. Retry in " + retryAfter
                        + " s.",
                "retryAfterSeconds", retryAfter, "limit", perAddress.requests(),
                "periodSeconds", perAddress.period().toSeconds());
    }

    /** An answer that says "later" becomes HTTP 429 with {@code Retry-After} (over HTTP; a socket has no status). */
    private static void markRetryLater(WebGraphQlRequest request, WebGraphQlResponse response) {
        response.getErrors().stream()
                .map(org.springframework.graphql.ResponseError::getExtensions)
                .filter(ext -> ext != null && RETRY_LATER_CODES.contains(ext.get("code"))
                        && ext.get("retryAfterSeconds") instanceof Number)
                .map(ext -> ((Number) ext.get("retryAfterSeconds")).longValue())
                .max(Long::compare)
                .ifPresent(seconds -> AddressLimit.retryLater(request, response, seconds));
    }

    /**
     * The root fields of the request's selected operation, fragments expanded, when it is a mutation that
     * selects {@code signIn}; null otherwise (most requests: the document is not even parsed).
     */
    public static List<String> signInRootFields(WebGraphQlRequest request) {
        return mutationRootFields(request, SIGN_IN);
    }

    /**
     * The root fields of the request's selected operation, fragments expanded, when it is a mutation that
     * selects {@code field}; null otherwise.
     */
    public static List<String> mutationRootFields(WebGraphQlRequest request, String field) {
        if (!request.getDocument().contains(field)) {
            return null;
        }
        Document document = RequestDocuments.parsed(request.getDocument()).orElse(null);
        if (document == null) {
            return null; // answered by GraphQL's own syntax error
        }
        OperationDefinition chosen = RequestDocuments.operation(document, request.getOperationName());
        if (chosen == null || chosen.getOperation() != OperationDefinition.Operation.MUTATION) {
            return null;
        }
        List<String> fields = RootFields.collect(document, chosen, new ArrayList<>(), false);
        return fields.contains(field) ? fields : null;
    }
}
