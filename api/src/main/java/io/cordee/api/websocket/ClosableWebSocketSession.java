package io.cordee.api.websocket;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket session as Spring for GraphQL's handler sees it, with one addition: the server can close
 * it with a status of its choosing, at once ({@link #closeNow(CloseStatus)} from anywhere, e.g. on a
 * notification) or right after the answer to one operation ({@link #closeAfter}), so that a client first
 * reads why its operation was refused and then sees the close code.
 *
 * <p>The close frame is sent with the status while the connection is still whole (ending the outgoing or
 * incoming stream first would make the server close without a status, 1005). For {@link #closeAfter} it
 * is sent from the outgoing stream itself, just after the awaited message has been handed to the
 * connection, so Netty writes the two in that order.
 */
final class ClosableWebSocketSession implements WebSocketSession {

    /** Where the handler leaves this session in the session's attributes, for the interceptor. */
    static final String ATTRIBUTE = "cordee.closableSession";
    /** The longest a refused operation's answer may take to go out before the connection is closed anyway. */
    private static final Duration CLOSE_AFTER_GRACE = Duration.ofSeconds(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocketSession delegate;
    private final AtomicReference<CloseStatus> closing = new AtomicReference<>();
    private final AtomicBoolean closeSent = new AtomicBoolean();
    private volatile String closeAfterId;

    ClosableWebSocketSession(WebSocketSession delegate) {
        this.delegate = delegate;
    }

    /** Closes the connection with {@code status} now; what was on its way out may be cut. */
    void closeNow(CloseStatus status) {
        closing.compareAndSet(null, status);
        sendClose().subscribe(v -> { }, e -> { });
    }

    /**
     * Closes the connection with {@code status} as soon as the operation {@code id} has been answered
     * (its {@code complete} or {@code error} message handed to the connection), or after a second at the
     * latest.
     */
    void closeAfter(String id, CloseStatus status) {
        closing.compareAndSet(null, status);
        closeAfterId = id;
        Mono.delay(CLOSE_AFTER_GRACE).flatMap(tick -> sendClose()).subscribe(v -> { }, e -> { });
    }

    /** Whether a close was asked for (the connection takes no more operations). */
    boolean isClosing() {
        return closing.get() != null;
    }

    /** Sends the close frame with the status asked for, once. */
    private Mono<Void> sendClose() {
        CloseStatus status = closing.get();
        if (status == null || !closeSent.compareAndSet(false, true) || !delegate.isOpen()) {
            return Mono.empty();
        }
        return delegate.close(status);
    }

    @Override
    public Mono<Void> send(Publisher<WebSocketMessage> messages) {
        return delegate.send(Flux.from(messages).concatMap(message -> endsTheAwaitedOperation(message)
                ? Mono.just(message).concatWith(Mono.defer(this::sendClose).then(Mono.empty()))
                : Mono.just(message)));
    }

    /** True for the message that ends the operation awaited by {@link #closeAfter}. */
    private boolean endsTheAwaitedOperation(WebSocketMessage message) {
        String id = closeAfterId;
        if (id == null || message.getType() != WebSocketMessage.Type.TEXT) {
            return false;
        }
        try {
            JsonNode node = JSON.readTree(message.getPayloadAsText());
            String type = node.path("type").asString("");
            return id.equals(node.path("id").asString("")) && (type.equals("complete") || type.equals("error"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String getId() {
        return delegate.getId();
    }

    @Override
    public HandshakeInfo getHandshakeInfo() {
        return delegate.getHandshakeInfo();
    }

    @Override
    public DataBufferFactory bufferFactory() {
        return delegate.bufferFactory();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return delegate.getAttributes();
    }

    @Override
    public Flux<WebSocketMessage> receive() {
        return delegate.receive();
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public Mono<Void> close(CloseStatus status) {
        return delegate.close(status);
    }

    @Override
    public Mono<CloseStatus> closeStatus() {
        return delegate.closeStatus();
    }

    @Override
    public WebSocketMessage textMessage(String payload) {
        return delegate.textMessage(payload);
    }

    @Override
    public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        return delegate.binaryMessage(payloadFactory);
    }

    @Override
    public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        return delegate.pingMessage(payloadFactory);
    }

    @Override
    public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        return delegate.pongMessage(payloadFactory);
    }
}
