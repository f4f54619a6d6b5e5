package io.cordee.api.support;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/**
 * Counts the SQL statements the application sends: the application's connection factory hands out
 * connections that note each {@code createStatement(sql)}. Only the connection is wrapped — statements,
 * results and rows are the driver's own — so counting costs nothing per row read (r2dbc-proxy wrapped
 * every result and row, which charged about a microsecond per column to the benchmark).
 */
public final class StatementCounter {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private volatile boolean paused;

    /** Stops noting statements (a load test would otherwise keep every one in memory) until {@link #resume()}. */
    public void pause() {
        paused = true;
        reset();
    }

    public void resume() {
        paused = false;
    }

    public void reset() {
        statements.clear();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    /**
     * The statements of the run of {@code request} that sent the fewest, out of three. The count of
     * a request depends on its shape (a batch per nested field), but a batch can split in two when its
     * parents' answers come back at different times under load, and other work of the application can
     * run alongside: noise only ever adds statements, so the fewest is the request's own count.
     */
    public List<String> fewest(Runnable request) {
        List<String> fewest = null;
        for (int run = 0; run < 3; run++) {
            reset();
            request.run();
            List<String> sent = statements();
            if (fewest == null || sent.size() < fewest.size()) {
                fewest = sent;
            }
        }
        return fewest;
    }

    ConnectionFactory counting(ConnectionFactory factory) {
        return proxy(ConnectionFactory.class, factory, (method, args) -> {
            Object result = invoke(factory, method, args);
            return method.getName().equals("create") ? Mono.from((org.reactivestreams.Publisher<?>) result)
                    .map(connection -> counting((Connection) connection)) : result;
        });
    }

    private Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            if (!paused && method.getName().equals("createStatement")) {
                statements.add((String) args[0]);
            }
            return invoke(connection, method, args);
        });
    }

    /**
     * A proxy of {@code target} that is equal only to itself (transactions find their connection by the
     * factory's identity) and unwraps to {@code target}.
     */
    private <T> T proxy(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type, Wrapped.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "unwrap" -> method.getParameterCount() == 0 ? target : call.invoke(method, args);
                    default -> call.invoke(method, args);
                }));
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        StatementCounter statementCounter() {
            return new StatementCounter();
        }

        @Bean
        static BeanPostProcessor countStatements(org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof ConnectionFactory factory && !Proxy.isProxyClass(bean.getClass())
                            ? counter.getObject().counting(factory) : bean;
                }
            };
        }
    }
}
