package io.cordee.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.GraphQLError;
import io.cordee.core.identity.UserId;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The limits of GraphQL over WebSocket ({@code cordee.limits.websocket.*}, ADR 22): how many operations a
 * connection and a user may start per period (token buckets, bucket4j, as for HTTP in {@link RateLimits}),
 * and how many subscriptions they may hold open. A user's counts are this instance's: a connection lives
 * on one instance, and its operations never reach another.
 *
 * <p>A refusal is a GraphQL error in the shape of the HTTP limits' ({@code RATE_LIMITED} with
 * {@code retryAfterSeconds}; {@code SUBSCRIPTION_LIMIT_EXCEEDED} with the limit); the connection stays open.
 */
@Component
@EnableConfigurationProperties(WebSocketLimitsProperties.class)
public class WebSocketLimits {

    static final String SUBSCRIPTION_LIMIT_EXCEEDED = "SUBSCRIPTION_LIMIT_EXCEEDED";
    private static final long MAX_USER_BUCKETS = 100_000;

    private final WebSocketLimitsProperties limits;
    private final Cache<UserId, Bucket> userBuckets;
    /** Open subscriptions per user on this instance; guarded by {@code this}. */
    private final Map<UserId, Integer> userSubscriptions = new HashMap<>();

    public WebSocketLimits(WebSocketLimitsProperties limits) {
        this.limits = limits;
        this.userBuckets = Caffeine.newBuilder().maximumSize(MAX_USER_BUCKETS)
                .expireAfterAccess(limits.operationsPeriod()).build();
    }

    public WebSocketLimitsProperties properties() {
        return limits;
    }

    /** A new connection's own operations bucket. */
    public Bucket newConnectionBucket() {
        return bucket(limits.connectionOperations());
    }

    /** Takes one operation from the connection's and the user's buckets; the refusal if either is empty. */
    public Optional<GraphQLError> refuseOperation(Bucket connection, UserId user) {
        ConsumptionProbe probe = connection.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Optional.of(rateLimited(probe, limits.connectionOperations(), "WebSocket connection"));
        }
        probe = userBuckets.get(user, u -> bucket(limits.userOperations())).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Optional.of(rateLimited(probe, limits.userOperations(), "user over WebSockets"));
        }
        return Optional.empty();
    }

    /** A subscription allowed to open ({@code slot}, released when it ends), or why not ({@code refusal}). */
    public record Admission(Slot slot, GraphQLError refusal) {
    }

    /** An open subscription's place in its connection's and its user's counts. */
    public final class Slot {

        private final Set<Slot> connection;
        private final UserId user;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(Set<Slot> connection, UserId user) {
            this.connection = connection;
            this.user = user;
        }

        /** Gives the place back; only the first call counts. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                synchronized (WebSocketLimits.this) {
                    connection.remove(this);
                    userSubscriptions.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
                }
            }
        }
    }

    /**
     * Admits one more subscription on a connection whose open ones are {@code connection}, for
     * {@code user}, unless the connection or the user already holds the most allowed.
     */
    public synchronized Admission openSubscription(Set<Slot> connection, UserId user) {
        if (connection.size() >= limits.subscriptionsPerConnection()) {
            return new Admission(null, subscriptionLimit(limits.subscriptionsPerConnection(), "connection"));
        }
        int ofUser = userSubscriptions.getOrDefault(user, 0);
        if (ofUser >= limits.subscriptionsPerUser()) {
            return new Admission(null, subscriptionLimit(limits.subscriptionsPerUser(), "user on this server"));
        }
        Slot slot = new Slot(connection, user);
        connection.add(slot);
        userSubscriptions.put(user, ofUser + 1);
        return new Admission(slot, null);
    }

    /** Subscriptions the user holds open on this instance. */
    public synchronized int openSubscriptions(UserId user) {
        return userSubscriptions.getOrDefault(user, 0);
    }

    private Bucket bucket(long operations) {
        return Bucket.builder().addLimit(limit -> limit.capacity(operations)
                .refillGreedy(operations, limits.operationsPeriod())).build();
    }

    private GraphQLError rateLimited(ConsumptionProbe probe, long limit, String per) {
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        Duration period = limits.operationsPeriod();
        return LimitErrors.error(LimitErrors.Classification.RATE_LIMITED, LimitErrors.RATE_LIMITED,
                "Too many operations: at most " + limit + " every " + RateLimits.describe(period) + " per " + per
                        + ". Retry in " + retryAfter + " s.",
                "retryAfterSeconds", retryAfter, "limit", limit, "periodSeconds", period.toSeconds());
    }

    private static GraphQLError subscriptionLimit(int limit, String per) {
        return LimitErrors.error(LimitErrors.Classification.BAD_REQUEST, SUBSCRIPTION_LIMIT_EXCEEDED,
                "Too many open subscriptions: at most " + limit + " per " + per
                        + ". Complete one before starting another.",
                "limit", limit);
    }
}
