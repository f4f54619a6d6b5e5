package io.cordee.api.limits;

import io.cordee.core.common.Computations;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * Background work's database connections kept apart from the requests' (ADR 93). The daily alert pass subscribes
 * with {@link Computations#inBackground} (ADR 92); every connection asked for under that mark comes from a small
 * pool of its own ({@code cordee.background.connections}, 2 by default), opened lazily on the first background
 * use, whose connections live on one event-loop thread of their own at the lowest scheduling priority (nice 19,
 * as {@link BackgroundThreads}). So a pass never takes a connection a request waits for, and the decoding of
 * its rows never holds an event loop a request's connection lives on. Their PostgreSQL sessions are named
 * {@code cordee-background} ({@code application_name}, seen in {@code pg_stat_activity}).
 *
 * <p>The application's connection factory (Spring Boot's pool, bean {@code connectionFactory}) is wrapped, not
 * replaced: everything else about it — its pool, its metrics, the transactions and the {@code DatabaseClient}
 * built on it — is as Boot made it; requests, with no mark in their context, go straight to it.
 *
 * <p>Each new background connection's PostgreSQL backend is reniced to 19 too when it is a process of this
 * machine ({@link BackgroundBackends}, ADR 94; {@code cordee.background.lower-database-priority}, on by default).
 */
@Configuration(proxyBeanMethods = false)
class BackgroundConnections {

    static final String APPLICATION_NAME = "cordee-background";

    @Bean
    static BeanPostProcessor backgroundConnectionsApart(Environment env) {
        int size = env.getProperty("cordee.background.connections", Integer.class, 2);
        boolean lowerBackends = env.getProperty("cordee.background.lower-database-priority", Boolean.class, true);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if ("connectionFactory".equals(name) && bean instanceof ConnectionFactory application && size > 0) {
                    return new Routing(application, () -> pool(env, size, lowerBackends));
                }
                return bean;
            }
        };
    }

    /** A pool and the event loop its connections live on. */
    record Pool(ConnectionPool connections, LoopResources loops) {

        void dispose() {
            connections.dispose();
            loops.dispose();
        }
    }

    /** The background pool: the application's URL, credentials and driver properties, its own event loop. */
    private static Pool pool(Environment env, int size, boolean lowerBackends) {
        LoopResources loops = LoopResources.create("cordee-background-db", 1, true);
        // the loop's one thread runs this first, before any connection is registered on it
        loops.onClient(LoopResources.DEFAULT_NATIVE).next().execute(BackgroundThreads::lowerOwnPriority);
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions
                .parse(env.getRequiredProperty("spring.r2dbc.url")).mutate();
        String user = env.getProperty("spring.r2dbc.username");
        if (user != null) {
            options.option(ConnectionFactoryOptions.USER, user);
        }
        String password = env.getProperty("spring.r2dbc.password");
        if (password != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        Binder.get(env).bind("spring.r2dbc.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of())
                .forEach((key, value) -> options.option(Option.valueOf(key), value));
        options.option(Option.valueOf("applicationName"), APPLICATION_NAME);
        options.option(Option.valueOf("loopResources"), loops);
        Duration acquire = env.getProperty("spring.r2dbc.pool.max-acquire-time", Duration.class, Duration.ofSeconds(2));
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration
                .builder(ConnectionFactories.get(options.build()))
                .name("background").initialSize(0).maxSize(size)
                // a pass waits for its own connections as long as it needs: it is not in front of anyone
                .maxAcquireTime(Duration.ofMinutes(1)).maxCreateConnectionTime(acquire)
                .maxIdleTime(Duration.ofMinutes(10))
                .postAllocate(lowerBackends ? BackgroundBackends.oncePerConnection() : connection -> Mono.empty())
                .build());
        return new Pool(pool, loops);
    }

    /** Routes by the subscriber's context: marked background, the background pool; otherwise the application's. */
    static final class Routing implements ConnectionFactory, Wrapped<ConnectionFactory>, Disposable {

        private final ConnectionFactory application;
        private final Supplier<Pool> opener;
        private volatile Pool background;
        private volatile boolean disposed;

        Routing(ConnectionFactory application, Supplier<Pool> opener) {
            this.application = application;
            this.opener = opener;
        }

        @Override
        public Publisher<? extends Connection> create() {
            return Mono.deferContextual(context -> Mono.from(Computations.isBackground(context)
                    ? background().connections().create() : application.create()));
        }

        /** The background pool, opened on first use. */
        Pool background() {
            Pool pool = background;
            if (pool == null) {
                synchronized (this) {
                    if (background == null) {
                        background = opener.get();
                    }
                    pool = background;
                }
            }
            return pool;
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return application.getMetadata();
        }

        @Override
        public ConnectionFactory unwrap() {
            return application;
        }

        /**
         * The background pool and its loop, then the application's pool: Boot's bean is now this wrapper, and its
         * destroy method ({@code dispose}, or {@code close} when inferred) reaches both through here.
         */
        @Override
        public synchronized void dispose() {
            if (disposed) {
                return;
            }
            disposed = true;
            Pool pool = background;
            if (pool != null) {
                pool.dispose();
            }
            if (application instanceof Disposable disposable) {
                disposable.dispose();
            }
        }

        public void close() {
            dispose();
        }

        @Override
        public boolean isDisposed() {
            return disposed;
        }
    }
}
