package io.cordee.api.limits;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.cordee.api.http.ResponseStatusMarker;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.graphql.server.WebGraphQlInterceptor.Chain;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * A bucket per client address for an anonymous operation (setup, password resets): the address keyed as
 * {@link ClientAddresses} keys it (an IPv6 client by its /64, so rotating addresses inside one network does
 * not reset the count), shared by every instance; over the limit the request is refused with
 * {@code RATE_LIMITED}, over HTTP 429 with {@code Retry-After}.
 */
final class AddressLimit {

    private AddressLimit() {
    }

    /** Runs the request if the address's bucket {@code bucket} has room, else refuses it saying "{@code what}". */
    static Mono<WebGraphQlResponse> take(LimitsProperties.Rate rate, Limiter limiter, String bucket, int requests,
                                         Duration period, String what, WebGraphQlRequest request, Chain chain) {
        Mono<Duration> perAddress = rate.enabled()
                ? limiter.take(bucket + ":" + ClientAddresses.key(request.getRemoteAddress()), requests, period)
                : Mono.just(Duration.ZERO);
        return perAddress.flatMap(wait -> {
            if (wait.isZero()) {
                return chain.next(request);
            }
            long retryAfter = RateLimits.retryAfterSeconds(wait);
            WebGraphQlResponse response = refused(request, LimitErrors.error(LimitErrors.Classification.RATE_LIMITED,
                    LimitErrors.RATE_LIMITED, what + " from one address: at most " + requests
                            + " every " + RateLimits.describe(period) + ". Retry in " + retryAfter + " s.",
                    "retryAfterSeconds", retryAfter, "limit", requests, "periodSeconds", period.toSeconds()));
            if (!(request instanceof WebSocketGraphQlRequest)) {
                response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                ResponseStatusMarker.mark(response, HttpStatus.TOO_MANY_REQUESTS);
            }
            return Mono.just(response);
        });
    }

    /** A bucket per address: its name, {@code requests} every {@code period}, and what a refusal says is too many. */
    record Bucket(LimitsProperties.Rate rate, Limiter limiter, String name, int requests, Duration period,
                  String what) {

        Mono<WebGraphQlResponse> take(WebGraphQlRequest request, Chain chain) {
            return AddressLimit.take(rate, limiter, name, requests, period, what, request, chain);
        }
    }

    /** The root fields of a mutation that selects one of {@code names} (the first it selects), else null. */
    static List<String> mutationRootFields(WebGraphQlRequest request, String... names) {
        for (String name : names) {
            List<String> fields = SignInLimits.mutationRootFields(request, name);
            if (fields != null) {
                return fields;
            }
        }
        return null;
    }

    /**
     * A mutation that must be the only field of its request ({@code __typename} aside, so aliases cannot repeat
     * it under one request's limits): {@code next} when {@code fields} (its request's root fields) hold nothing
     * else, else refused with {@code BAD_REQUEST} {@code code} saying {@code message}.
     */
    static Mono<WebGraphQlResponse> alone(WebGraphQlRequest request, List<String> fields, String code, String message,
                                          Supplier<Mono<WebGraphQlResponse>> next) {
        return fields.stream().filter(f -> !f.equals("__typename")).count() > 1
                ? Mono.just(refused(request, LimitErrors.error(LimitErrors.Classification.BAD_REQUEST, code, message)))
                : next.get();
    }

    /** A GraphQL answer holding only {@code error}: nothing of the request ran. */
    static WebGraphQlResponse refused(WebGraphQlRequest request, GraphQLError error) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
