package io.cordee.api.websocket;

import io.cordee.api.security.CallerAuthentication;
import io.cordee.core.identity.Caller;
import io.cordee.api.limits.WebSocketLimits;
import io.cordee.core.identity.UserId;
import io.github.bucket4j.Bucket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * One authenticated GraphQL WebSocket connection: the bearer value it was opened with (kept in memory
 * only, to re-check it), the caller it authenticated as, its operations bucket and its open
 * subscriptions. Created at {@code connection_init}, forgotten when the socket closes.
 */
public final class WebSocketConnection {

    /** 4401: the session or token no longer authenticates anyone (signed out, revoked, expired, deactivated). */
    public static final int UNAUTHORIZED = 4401;
    /** 4403: the user's rights changed (role, client): the client reconnects to go on with the new ones. */
    public static final int FORBIDDEN = 4403;
    /** 4429: the user already holds the most connections allowed on this instance. */
    public static final int TOO_MANY = 4429;

    private final ClosableWebSocketSession session;
    private final String token;
    private final CallerAuthentication authentication;
    private final Bucket operations;
    private final Set<WebSocketLimits.Slot> subscriptions = ConcurrentHashMap.newKeySet();

    WebSocketConnection(ClosableWebSocketSession session, String token, CallerAuthentication authentication,
                        Bucket operations) {
        this.session = session;
        this.token = token;
        this.authentication = authentication;
        this.operations = operations;
    }

    public String id() {
        return session.getId();
    }

    /** The bearer value of the connection: a session token or an API token. Never logged. */
    String token() {
        return token;
    }

    /** The caller as authenticated when the connection opened. */
    public CallerAuthentication authentication() {
        return authentication;
    }

    public Caller caller() {
        return authentication.getPrincipal();
    }

    public UserId userId() {
        return caller().userId();
    }

    public Bucket operations() {
        return operations;
    }

    /** The places of the connection's open subscriptions (in {@link WebSocketLimits}' counts). */
    public Set<WebSocketLimits.Slot> subscriptions() {
        return subscriptions;
    }

    /** How many subscriptions are open on this connection. */
    public int openSubscriptions() {
        return subscriptions.size();
    }

    /** Whether the server is closing the connection (it starts no more operations). */
    public boolean isClosing() {
        return session.isClosing();
    }

    /** Closes the connection now with {@code code} and a short reason (at most 123 bytes). */
    public void close(int code, String reason) {
        session.closeNow(new CloseStatus(code, shorten(reason)));
    }

    /** Closes the connection once the answer to operation {@code operationId} has been written. */
    public void closeAfter(String operationId, int code, String reason) {
        session.closeAfter(operationId, new CloseStatus(code, shorten(reason)));
    }

    /** A close reason fits in 123 bytes of UTF-8 (RFC 6455). */
    static String shorten(String reason) {
        if (reason.getBytes(StandardCharsets.UTF_8).length <= 123) {
            return reason;
        }
        String cut = reason;
        while (cut.getBytes(StandardCharsets.UTF_8).length > 120) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "...";
    }
}
