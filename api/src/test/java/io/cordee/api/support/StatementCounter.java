package io.cordee.api.support;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the SQL statements the application sends, through an r2dbc-proxy around its connection factory. */
public final class StatementCounter implements ProxyExecutionListener {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public void afterQuery(QueryExecutionInfo execInfo) {
        execInfo.getQueries().forEach(q -> statements.add(q.getQuery()));
    }

    public void reset() {
        statements.clear();
    }

    public List<String> statements() {
        return List.copyOf(statements);
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
                    if (bean instanceof ConnectionFactory cf && !(bean instanceof io.r2dbc.proxy.callback.ProxyConfigHolder)) {
                        return ProxyConnectionFactory.builder(cf).listener(counter.getObject()).build();
                    }
                    return bean;
                }
            };
        }
    }
}
