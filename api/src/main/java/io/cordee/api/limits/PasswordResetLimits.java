package io.cordee.api.limits;

import io.cordee.api.pipeline.RequestPipeline;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code requestPasswordReset} and {@code resetPassword} (ADR 39), like {@code setUp}: the only field of their
 * request (aliases cannot ask for a hundred addresses under one request's limit), and a bucket per client address
 * shared by both ({@code cordee.password-reset.address-*}, 10 an hour by default; shared by all instances like the
 * other limits): refused with {@code RATE_LIMITED}, over HTTP 429 with {@code Retry-After}.
 */
@Component
@Order(RequestPipeline.PASSWORD_RESET_LIMITS)
public class PasswordResetLimits implements WebGraphQlInterceptor {

    static final String RESET_ALONE = "PASSWORD_RESET_ALONE";

    private final AddressLimit.LoneMutations resets;

    public PasswordResetLimits(LimitsProperties limits, Limiter limiter,
                       @Value("${cordee.password-reset.address-requests:10}") int requests,
                       @Value("${cordee.password-reset.address-period:1h}") Duration period) {
        this.resets = new AddressLimit.LoneMutations(List.of("requestPasswordReset", "resetPassword"), RESET_ALONE,
                "requestPasswordReset and resetPassword must be the only field of their request",
                new AddressLimit.Bucket(limits.rate(), limiter, "password-reset-ip", requests, period,
                        "Too many password resets"));
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        List<String> change = changePasswordRootFields(request);
        if (change != null) {
            // changePassword runs outside the request's transaction (MutationInterceptor), like signIn: alone
            return AddressLimit.alone(request, change, RESET_ALONE, "changePassword must be the only field of its request",
                    () -> chain.next(request));
        }
        return resets.intercept(request, chain);
    }

    /**
     * The root fields of a mutation that selects {@code changePassword}, else null. Like {@code signIn} it runs in
     * no request transaction: a wrong current password must stay counted against the sign-in throttle (a rolled
     * back request would forget it), and its slow hash must not hold a connection (ADR 23); its writes run in a
     * transaction of their own.
     */
    public static List<String> changePasswordRootFields(WebGraphQlRequest request) {
        return SignInLimits.mutationRootFields(request, "changePassword");
    }
}
