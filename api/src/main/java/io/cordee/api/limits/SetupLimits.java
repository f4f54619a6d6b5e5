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
 * {@code setUp} and {@code signUp} (ADR 27), like {@code signIn}: the only field of their request (aliases
 * cannot create ten agencies under one request's limit), and a bucket per client address shared by both
 * ({@code cordee.signup.address-*}, 5 an hour by default; shared by all instances like the other limits):
 * refused with {@code RATE_LIMITED}, over HTTP 429 with {@code Retry-After}.
 */
@Component
@Order(RequestPipeline.SETUP_LIMITS)
public class SetupLimits implements WebGraphQlInterceptor {

    static final String SETUP_ALONE = "SETUP_ALONE";

    private final AddressLimit.LoneMutations setUpOrSignUp;

    public SetupLimits(LimitsProperties limits, Limiter limiter,
                       @Value("${cordee.signup.address-requests:5}") int requests,
                       @Value("${cordee.signup.address-period:1h}") Duration period) {
        this.setUpOrSignUp = new AddressLimit.LoneMutations(List.of("setUp", "signUp"), SETUP_ALONE,
                "setUp and signUp must be the only field of their request",
                new AddressLimit.Bucket(limits.rate(), limiter, "setup-ip", requests, period, "Too many agencies set up"));
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return setUpOrSignUp.intercept(request, chain);
    }
}
