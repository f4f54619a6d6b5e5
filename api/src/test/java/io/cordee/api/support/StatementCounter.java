package io.cordee.api.support;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * Counts the SQL statements the application sends: the application's connection factory hands out
 * connections that note each {@code createStatement(sql)}. Only the connection is wrapped — statements,
 * results and rows are the driver's own — so counting costs nothing per row read (r2dbc-proxy wrapped
 * every result and row, which charged about a microsecond per column to the benchmark).
 */
public final class StatementCounter {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    public void reset() {
        statements.clear();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    ConnectionFactory counting(ConnectionFactory factory) {
        InvocationHandler onFactory = (proxy, method, args) -> {
            Object result = invoke(factory, method, args);
            return method.getName().equals("create") ? Flux.from((org.reactivestreams.Publisher<?>) result)
                    .map(connection -> counting((Connection) connection)) : result;
        };
        return (ConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConnectionFactory.class, Wrapped.class}, (proxy, method, args) ->
                        method.getName().equals("unwrap") && method.getParameterCount() == 0 ? factory
                                : onFactory.invoke(proxy, method, args));
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class, Wrapped.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createStatement")) {
                        statements.add((String) args[0]);
                    }
                    if (method.getName().equals("unwrap") && method.getParameterCount() == 0) {
                        return connection;
                    }
                    return invoke(connection, method, args);
                });
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
