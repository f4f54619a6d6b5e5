package io.cordee.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cordee.api.security.CallerAuthentication;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
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
 * <p>The buckets live in this instance's memory (a bounded Caffeine cache, a bucket forgotten once
 * unused for its refill period, when it would be full again anyway): behind a load balancer each
 * instance counts on its own (ADR 15).
 */
@Component
@Order(0) // after the security filter chain (-100)
public class RateLimits implements WebFilter {

    private static final long MAX_BUCKETS = 100_000;

    private final LimitsProperties.Rate rate;
    private final String path;
    private final Cache<String, Bucket> buckets;

    public RateLimits(LimitsProperties limits, @Value("${spring.graphql.http.path:/graphql}") String path) {
        this.rate = limits.rate();
        this.path = path;
        Duration longest = rate.callerPeriod().compareTo(rate.anonymousPeriod()) > 0 ? rate.callerPeriod()
                : rate.anonymousPeriod();
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfterAccess(longest).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!rate.enabled() || !path.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
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
                    ConsumptionProbe probe = buckets.get(key, k -> newBucket(anonymous)).tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        return chain.filter(exchange);
                    }
                    return tooManyRequests(exchange, probe, anonymous);
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
        InetSocketAddress remote = request.getRemoteAddress();
        return "ip:" + (remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress());
    }

    private Bucket newBucket(boolean anonymous) {
        long requests = anonymous ? rate.anonymousRequests() : rate.callerRequests();
        Duration period = anonymous ? rate.anonymousPeriod() : rate.callerPeriod();
        return Bucket.builder().addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period)).build();
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, ConsumptionProbe probe, boolean anonymous) {
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
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

    private static String describe(Duration period) {
        return period.toSeconds() % 60 == 0 ? period.toMinutes() + " min" : period.toSeconds() + " s";
    }
}
