package io.cordee.persistence.common;

import io.r2dbc.spi.ConnectionFactory;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * What an adapter of cross-instance events (ADR 77: alert changes, access changes) gets from its PostgreSQL
 * channel: the events heard on its own dedicated connection ({@link PgListener}), each payload read into an event
 * and shared by every subscriber, and whether it listens now.
 *
 * @param <H> the port's event
 */
public abstract class PgChannelEvents<H> {

    private final PgListener listener;
    private final Flux<H> heard;

    /** {@code started}, when not null, is heard first each time the listener (re)starts listening. */
    protected PgChannelEvents(ConnectionFactory dedicated, String channel, Function<String, H> read, H started) {
        this.listener = new PgListener(dedicated, channel);
        this.heard = listener.listen(read, started).share();
    }

    public Flux<H> heard() {
        return heard;
    }

    public boolean isListening() {
        return listener.isListening();
    }

    /** The listener, for an adapter that also sends on its connection. */
    protected PgListener listener() {
        return listener;
    }
}
