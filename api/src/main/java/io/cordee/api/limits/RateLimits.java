package io.cordee.api.limits;

import io.cordee.api.pipeline.RequestPipeline;
import io.cordee.api.security.CallerAuthentication;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limits on {@code /graphql} (HTTP requests, and WebSocket handshakes): a token bucket (bucket4j)
 * per API token, else per user, else per client IP for anonymous requests (signIn), with the sizes of
 * {@code cordee.limits.rate.*}. Runs after Spring Security has recognised the caller and before the
 * body is read. A request over the limit is answered HTTP 429 with {@code Retry-After} and a GraphQL
 * error {@code RATE_LIMITED} carrying {@code retryAfterSeconds}; it never reaches GraphQL.
 *
 * <p>The buckets are shared by every instance through PostgreSQL, with a bucket in this instance's
 * memory in front that refuses what is over the limit without a round trip ({@link Limiter}, ADR 23):
 * behind a load balancer n instances enforce one limit, not n.
 */
@Component
@Order(RequestPipeline.RATE_LIMITS) // after the security filter chain (-100)
public class RateLimits implements WebFilter {

    private final LimitsProperties.Rate rate;
    private final String path;
    private final Limiter limiter;

    public RateLimits(LimitsProperties limits, @Value("${spring.graphql.http.path:/graphql}") String path,
                      Limiter limiter) {
        this.rate = limits.rate();
        this.path = path;
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requested = exchange.getRequest().getPath().pathWithinApplication().value();
        // The exports (ADR 42) draw from the same bucket as /graphql: a file is one request.
        if (!rate.enabled() || !path.equals(requested)
                && !requested.startsWith(io.cordee.api.security.SessionAuthenticationFilter.EXPORTS)
                && !requested.equals(io.cordee.api.security.SessionAuthenticationFilter.IMPORTS)
                && !requested.equals(io.cordee.api.imports.AgencyArchiveUploadController.PATH)) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .ofType(CallerAuthentication.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> {
                    String key = bucketKey(caller.orElse(null), exchange.getRequest());
                    boolean anonymous = caller.isEmpty();
                    long requests = anonymous ? rate.anonymousRequests() : rate.callerRequests();
                    Duration period = anonymous ? rate.anonymousPeriod() : rate.callerPeriod();
                    return limiter.take(key, requests, period).flatMap(wait -> wait.isZero() ? chain.filter(exchange)
                            : tooManyRequests(exchange, wait, anonymous));
                });
    }

    /**
     * Whose bucket a request draws from: a request made with a partner API token draws from the token's
     * own bucket, so a script cannot starve its creator's browser session; a signed-in user from the
     * user's; an anonymous request (signing in) from its address's.
     */
    static String bucketKey(CallerAuthentication caller, ServerHttpRequest request) {
        if (caller != null) {
            return caller.tokenId().map(id -> "token:" + id)
                    .orElseGet(() -> "user:" + caller.getPrincipal().userId().value());
        }
        return "ip:" + ClientAddresses.key(request.getRemoteAddress());
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, Duration wait, boolean anonymous) {
        long retryAfter = retryAfterSeconds(wait);
        long requests = anonymous ? rate.anonymousRequests() : rate.callerRequests();
        Duration period = anonymous ? rate.anonymousPeriod() : rate.callerPeriod();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return LimitErrors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                LimitErrors.Classification.RATE_LIMITED, LimitErrors.RATE_LIMITED,
                "Too many requests: at most " + requests + " every " + describe(period)
                        + (anonymous ? " from one address without signing in" : " per user") + ". Retry in "
                        + retryAfter + " s.",
                "retryAfterSeconds", retryAfter, "limit", requests, "periodSeconds", period.toSeconds());
    }

    /** Whole seconds, rounded up, at least 1: what {@code Retry-After} carries. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }

    static String describe(Duration period) {
        return period.toSeconds() % 60 == 0 ? period.toMinutes() + " min" : period.toSeconds() + " s";
    }
}
