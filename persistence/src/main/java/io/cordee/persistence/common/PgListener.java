package io.cordee.persistence.common;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One PostgreSQL channel heard on a dedicated driver connection outside the pool (so a listener never holds
 * a pooled connection), named in {@code pg_stat_activity}, reconnecting with backoff (200 ms doubling to
 * 10 s) whenever it fails or closes. Shared by the alert and the access listeners (ADR 13, 22, 77).
 */
public final class PgListener {

    private static final Logger log = LoggerFactory.getLogger(PgListener.class);

    private final ConnectionFactory dedicated;
    private final String channel;
    private final AtomicReference<PostgresqlConnection> listening = new AtomicReference<>();

    public PgListener(ConnectionFactory dedicated, String channel) {
        this.dedicated = dedicated;
        this.channel = channel;
    }

    /** A driver connection factory from the application's {@code spring.r2dbc.*} options, named {@code applicationName}. */
    public static ConnectionFactory dedicatedFactory(Environment env, String applicationName) {
        ConnectionFactoryOptions parsed = ConnectionFactoryOptions.parse(env.getRequiredProperty("spring.r2dbc.url"));
        ConnectionFactoryOptions.Builder options = parsed.mutate();
        String user = env.getProperty("spring.r2dbc.username");
        if (user != null && !user.isBlank()) {
            options.option(ConnectionFactoryOptions.USER, user);
        }
        String password = env.getProperty("spring.r2dbc.password");
        if (password != null && !password.isEmpty()) {
            options.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        return dedicatedFactory(options.build(), applicationName);
    }

    /** A driver connection factory from {@code options} (a pool's unwrapped), named {@code applicationName}. */
    public static ConnectionFactory dedicatedFactory(ConnectionFactoryOptions parsed, String applicationName) {
        ConnectionFactoryOptions.Builder options = parsed.mutate();
        if ("pool".equals(parsed.getValue(ConnectionFactoryOptions.DRIVER))) {
            options.option(ConnectionFactoryOptions.DRIVER, (String) parsed.getRequiredValue(ConnectionFactoryOptions.PROTOCOL));
            options.option(ConnectionFactoryOptions.PROTOCOL, "");
        }
        options.option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, applicationName);
        return new PostgresqlConnectionFactoryProvider().create(options.build());
    }

    /** The connection listening now, if any (a publisher may notify on it rather than take one from the pool). */
    public PostgresqlConnection connection() {
        return listening.get();
    }

    public boolean isListening() {
        return listening.get() != null;
    }

    /**
     * The channel's notifications read by {@code read} (a notification without a payload, or one {@code read}
     * turns into null, is skipped), each listening (re)start first announced by {@code started} when it is not
     * null; cold: each subscription opens its own connection.
     */
    public <T> Flux<T> listen(Function<String, T> read, T started) {
        return Flux.usingWhen(Mono.from(dedicated.create()).cast(PostgresqlConnection.class),
                        connection -> connection.createStatement("LISTEN " + channel).execute()
                                .flatMap(PostgresqlResult::getRowsUpdated)
                                .thenMany(Flux.defer(() -> {
                                    log.info("Listening to {}", channel);
                                    Flux<T> payloads = connection.getNotifications()
                                            .mapNotNull(Notification::getParameter)
                                            .mapNotNull(read)
                                            .doOnSubscribe(s -> listening.set(connection));
                                    return started == null ? payloads : payloads.startWith(started);
                                }))
                                // the connection ended: retry as for an error
                                .concatWith(Mono.error(() -> new IllegalStateException("listening connection closed"))),
                        connection -> {
                            listening.compareAndSet(connection, null);
                            return connection.close();
                        })
                .doOnError(e -> {
                    listening.set(null);
                    log.warn("Listening to {} failed ({}); reconnecting", channel, e.toString());
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
                        .transientErrors(true))
                .doFinally(signal -> listening.set(null));
    }
}
