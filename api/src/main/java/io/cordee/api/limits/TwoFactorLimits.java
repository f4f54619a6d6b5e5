package io.cordee.api.limits;

import io.cordee.api.pipeline.RequestPipeline;
import io.cordee.api.security.SignInProperties;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Two-factor sign-in (ADR 44): {@code completeSignIn} and {@code disableTwoFactor} are each the only field of their
 * request and run in no request transaction ({@link #passThroughRootFields}, read by the mutation interceptor), like
 * {@code signIn} and {@code changePassword}: a wrong code or password must stay counted against the account's
 * sign-in throttle, which a rolled back request would forget. {@code completeSignIn} also takes from the per-address
 * bucket of {@code signIn} ({@code cordee.security.sign-in.address-*}): a code is a sign-in attempt.
 */
@Component
@Order(RequestPipeline.TWO_FACTOR_LIMITS)
public class TwoFactorLimits implements WebGraphQlInterceptor {

    static final String TWO_FACTOR_ALONE = "TWO_FACTOR_ALONE";

    private final AddressLimit.Bucket signInPerAddress;

    public TwoFactorLimits(LimitsProperties limits, SignInProperties signIn, Limiter limiter) {
        this.signInPerAddress = AddressLimit.Bucket.signIn(limits, signIn, limiter);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        List<String> complete = SignInLimits.mutationRootFields(request, "completeSignIn");
        List<String> fields = complete != null ? complete : SignInLimits.mutationRootFields(request, "disableTwoFactor");
        return fields == null ? chain.next(request) : AddressLimit.alone(request, fields, TWO_FACTOR_ALONE,
                "completeSignIn and disableTwoFactor must be the only field of their request",
                () -> complete == null ? chain.next(request) : signInPerAddress.take(request, chain));
    }

    /** The root fields of a mutation that selects {@code completeSignIn} or {@code disableTwoFactor}, else null. */
    public static List<String> passThroughRootFields(WebGraphQlRequest request) {
        return AddressLimit.mutationRootFields(request, "completeSignIn", "disableTwoFactor");
    }
}
