package io.cordee.api.limits;

import io.cordee.api.graphql.common.Refusals;
import io.cordee.api.http.ResponseStatusMarker;
import io.cordee.api.security.SignInProperties;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.graphql.server.WebGraphQlInterceptor.Chain;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * A bucket per client address for an anonymous operation (setup, password resets, sign-in): the address keyed as
 * {@link ClientAddresses} keys it (an IPv6 client by its /64, so rotating addresses inside one network does
 * not reset the count), shared by every instance; over the limit the request is refused with
 * {@code RATE_LIMITED}, over HTTP 429 with {@code Retry-After}.
 */
final class AddressLimit {

    private AddressLimit() {
    }

    /** A bucket per address: its name, {@code requests} every {@code period}, and what a refusal says is too many. */
    record Bucket(LimitsProperties.Rate rate, Limiter limiter, String name, int requests, Duration period,
                  String what) {

        /**
         * The bucket of {@code signIn} ({@code cordee.security.sign-in.address-*}), which {@code completeSignIn}
         * takes from too: a code is a sign-in attempt.
         */
        static Bucket signIn(LimitsProperties limits, SignInProperties signIn, Limiter limiter) {
            return new Bucket(limits.rate(), limiter, "sign-in-ip", (int) signIn.addressRequests(),
                    signIn.addressPeriod(), "Too many sign-in attempts");
        }

        /** {@link Duration#ZERO} when the request's address had room (one taken), else how long until it has. */
        Mono<Duration> waitFor(WebGraphQlRequest request) {
            return rate.enabled()
                    ? limiter.take(name + ":" + ClientAddresses.key(request.getRemoteAddress()), requests, period)
                    : Mono.just(Duration.ZERO);
        }

        /** Runs the request if its address has room, else refuses it saying "{@code what} from one address". */
        Mono<WebGraphQlResponse> take(WebGraphQlRequest request, Chain chain) {
            return waitFor(request).flatMap(wait -> {
                if (wait.isZero()) {
                    return chain.next(request);
                }
                long retryAfter = RateLimits.retryAfterSeconds(wait);
                WebGraphQlResponse response = Refusals.answer(request, LimitErrors.error(
                        LimitErrors.Classification.RATE_LIMITED, LimitErrors.RATE_LIMITED,
                        what + " from one address: at most " + requests + " every " + RateLimits.describe(period)
                                + ". Retry in " + retryAfter + " s.",
                        "retryAfterSeconds", retryAfter, "limit", requests, "periodSeconds", period.toSeconds()));
                retryLater(request, response, retryAfter);
                return Mono.just(response);
            });
        }
    }

    /**
     * Anonymous mutations ({@code names}) that must each be the only field of their request and share one bucket
     * per address: {@code setUp} and {@code signUp}; {@code requestPasswordReset} and {@code resetPassword}.
     * Refused with {@code BAD_REQUEST} {@code code} saying {@code message} when not alone, else counted against
     * {@code perAddress}; any other request passes untouched.
     */
    record LoneMutations(List<String> names, String code, String message, Bucket perAddress) {

        Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
            List<String> fields = mutationRootFields(request, names.toArray(String[]::new));
            return fields == null ? chain.next(request)
                    : alone(request, fields, code, message, () -> perAddress.take(request, chain));
        }
    }

    /** An answer that says "later" goes out over HTTP as 429 with {@code Retry-After} (a socket has no status). */
    static void retryLater(WebGraphQlRequest request, WebGraphQlResponse response, long retryAfterSeconds) {
        if (!(request instanceof WebSocketGraphQlRequest)) {
            response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            ResponseStatusMarker.mark(response, HttpStatus.TOO_MANY_REQUESTS);
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
                ? Mono.just(Refusals.answer(request,
                        LimitErrors.error(LimitErrors.Classification.BAD_REQUEST, code, message)))
                : next.get();
    }
}
