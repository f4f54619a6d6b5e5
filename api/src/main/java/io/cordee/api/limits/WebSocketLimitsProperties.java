package io.cordee.api.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one GraphQL WebSocket connection, and one user over all their connections to this instance, may
 * ask ({@code cordee.limits.websocket.*}); see ADR 22 and docs/api.md ("Limits", "WebSocket rules").
 *
 * @param connectionOperations       operations (queries, subscriptions) one connection may start per
 *                                   {@code operationsPeriod}
 * @param userOperations             operations one user may start per {@code operationsPeriod} over all
 *                                   their connections to this instance (an API token counts as its creator)
 * @param operationsPeriod           the period over which the operation buckets refill
 * @param subscriptionsPerConnection subscriptions open at once on one connection
 * @param subscriptionsPerUser       subscriptions open at once for one user on this instance
 * @param connectionsPerUser         WebSocket connections open at once for one user on this instance
 * @param recheckInterval            how often every open connection's session or token is checked again
 *                                   even without a change notification (expiry, notifications missed
 *                                   while the listener reconnected)
 */
@ConfigurationProperties("cordee.limits.websocket")
public record WebSocketLimitsProperties(
        @DefaultValue("60") long connectionOperations,
        @DefaultValue("300") long userOperations,
        @DefaultValue("1m") Duration operationsPeriod,
        @DefaultValue("10") int subscriptionsPerConnection,
        @DefaultValue("25") int subscriptionsPerUser,
        @DefaultValue("20") int connectionsPerUser,
        @DefaultValue("1m") Duration recheckInterval) {
}
