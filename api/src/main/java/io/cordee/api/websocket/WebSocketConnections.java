package io.cordee.api.websocket;

import io.cordee.api.limits.WebSocketLimits;
import io.cordee.api.security.Authenticator;
import io.cordee.api.security.CallerAuthentication;
import io.cordee.core.common.DomainException;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.Unauthenticated;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.UserId;
import io.github.bucket4j.Bucket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The GraphQL WebSocket connections open on this instance, by user, and the one rule that decides
 * whether a connection may go on: its session or token, checked again against the database, must still
 * authenticate the same caller (same user, agency, role and client). Used before every operation
 * ({@code WebSocketAuthentication}), on every access change notified by PostgreSQL
 * ({@link AccessChangeListener}), and on a periodic sweep.
 */
@Component
public class WebSocketConnections {

    private static final String ATTRIBUTE = "cordee.webSocketConnection";
    private static final Logger log = LoggerFactory.getLogger(WebSocketConnections.class);
    /** Connections re-checked at once by a sweep: each is one indexed read. */
    private static final int RECHECK_CONCURRENCY = 4;

    private final Authenticator authenticator;
    private final Map<UserId, Set<WebSocketConnection>> byUser = new ConcurrentHashMap<>();

    public WebSocketConnections(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** What a re-check found: the caller now ({@code current}), or why the connection must close. */
    public record Check(CallerAuthentication current, int closeCode, String reason,
                        DomainException error) {

        public boolean passed() {
            return current != null;
        }
    }

    /**
     * Registers the connection whose session attributes are {@code attributes}, authenticated by
     * {@code token} as {@code authentication}, and keeps it in those attributes; unless its user already
     * has {@code maxPerUser} connections on this instance: then it is closed with 4429 and empty returned.
     */
    public Optional<WebSocketConnection> open(Map<String, Object> attributes, String token,
                                              CallerAuthentication authentication, Bucket operations, int maxPerUser) {
        if (!(attributes.get(ClosableWebSocketSession.ATTRIBUTE) instanceof ClosableWebSocketSession session)) {
            throw new IllegalStateException("GraphQL WebSocket sessions come through WebSocketConfiguration's handler");
        }
        WebSocketConnection connection = new WebSocketConnection(session, token, authentication, operations);
        boolean[] admitted = new boolean[1];
        byUser.compute(connection.userId(), (u, set) -> {
            Set<WebSocketConnection> of = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (of.size() < maxPerUser) {
                of.add(connection);
                admitted[0] = true;
            }
            return of.isEmpty() ? null : of;
        });
        if (!admitted[0]) {
            connection.close(WebSocketConnection.TOO_MANY, "Too many connections: at most " + maxPerUser
                    + " per user on this server");
            return Optional.empty();
        }
        attributes.put(ATTRIBUTE, connection);
        return Optional.of(connection);
    }

    /** The connection kept in a session's attributes by {@link #open}; empty before {@code connection_init}. */
    public static Optional<WebSocketConnection> of(Map<String, Object> attributes) {
        return attributes.get(ATTRIBUTE) instanceof WebSocketConnection c ? Optional.of(c) : Optional.empty();
    }

    /** Forgets a closed connection and gives back its subscriptions' places. */
    public void closed(Map<String, Object> attributes) {
        of(attributes).ifPresent(connection -> {
            byUser.computeIfPresent(connection.userId(), (u, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            });
            List.copyOf(connection.subscriptions()).forEach(WebSocketLimits.Slot::release);
        });
    }

    /** The user's open connections on this instance. */
    public List<WebSocketConnection> of(UserId user) {
        Set<WebSocketConnection> set = byUser.get(user);
        return set == null ? List.of() : List.copyOf(set);
    }

    /** How many connections are open on this instance. */
    public int count() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    /** Checks the connection's session or token again, as HTTP checks every request's. */
    public Mono<Check> check(WebSocketConnection connection) {
        return authenticator.authenticate(connection.token())
                .map(current -> sameCaller(connection.caller(), current.getPrincipal())
                        ? new Check(current, 0, null, null)
                        : roleChanged(connection.caller(), current.getPrincipal()))
                .onErrorResume(Unauthenticated.class, e -> Mono.just(new Check(null, WebSocketConnection.UNAUTHORIZED,
                        "Unauthorized: " + e.getMessage(), e)));
    }

    /** Re-checks the user's connections on this instance; closes those that may not go on. */
    public Mono<Void> recheck(UserId user) {
        return recheck(Flux.fromIterable(of(user)));
    }

    /** Re-checks every connection on this instance (expiry; notifications missed while reconnecting). */
    public Mono<Void> recheckAll() {
        return recheck(Flux.fromIterable(byUser.values()).flatMapIterable(List::copyOf));
    }

    private Mono<Void> recheck(Flux<WebSocketConnection> connections) {
        return connections.filter(c -> !c.isClosing())
                .flatMap(connection -> check(connection)
                        .doOnNext(check -> {
                            if (!check.passed()) {
                                log.info("Closing WebSocket connection {} of user {}: {}", connection.id(),
                                        connection.userId().value(), check.reason());
                                connection.close(check.closeCode(), check.reason());
                            }
                        })
                        .onErrorResume(e -> {
                            // the database is away: keep the connection, the next check decides
                            log.warn("Re-checking WebSocket connection {} failed ({})", connection.id(), e.toString());
                            return Mono.empty();
                        }), RECHECK_CONCURRENCY)
                .then();
    }

    private static boolean sameCaller(Caller before, Caller now) {
        return before.equals(now);
    }

    private static Check roleChanged(Caller before, Caller now) {
        String change = before.role() == now.role() ? "Your access changed"
                : "Your role changed from " + before.role() + " to " + now.role();
        return new Check(null, WebSocketConnection.FORBIDDEN, "Forbidden: " + change + "; reconnect",
                new Forbidden(change + ": reconnect to go on with your current rights"));
    }
}
