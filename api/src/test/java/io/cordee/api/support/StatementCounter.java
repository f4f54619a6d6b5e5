package io.cordee.api.support;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.callback.ProxyConfig;
import io.r2dbc.proxy.callback.ProxyFactory;
import io.r2dbc.proxy.callback.QueriesExecutionContext;
import io.r2dbc.proxy.core.ConnectionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.StatementInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends, through an r2dbc-proxy around its connection factory.
 * A statement is counted when it is sent; results and rows are handed over unwrapped, so that counting
 * adds nothing per row read (a proxied row cost about a microsecond per column, which the benchmark
 * would otherwise charge to the application).
 */
public final class StatementCounter implements ProxyExecutionListener {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public void beforeQuery(QueryExecutionInfo execInfo) {
        execInfo.getQueries().forEach(q -> statements.add(q.getQuery()));
    }

    public void reset() {
        statements.clear();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** r2dbc-proxy's own factory for connections and statements; results and rows left as they are. */
    private record ResultsUnwrapped(ProxyFactory proxies) implements ProxyFactory {

        @Override
        public ConnectionFactory wrapConnectionFactory(ConnectionFactory connectionFactory) {
            return proxies.wrapConnectionFactory(connectionFactory);
        }

        @Override
        public Connection wrapConnection(Connection connection, ConnectionInfo info) {
            return proxies.wrapConnection(connection, info);
        }

        @Override
        public Batch wrapBatch(Batch batch, ConnectionInfo info) {
            return proxies.wrapBatch(batch, info);
        }

        @Override
        public Statement wrapStatement(Statement statement, StatementInfo statementInfo, ConnectionInfo info) {
            return proxies.wrapStatement(statement, statementInfo, info);
        }

        @Override
        public Result wrapResult(Result result, QueryExecutionInfo info, QueriesExecutionContext context) {
            return result;
        }

        @Override
        public Row wrapRow(Row row, QueryExecutionInfo info) {
            return row;
        }

        @Override
        public Result.RowSegment wrapRowSegment(Result.RowSegment segment, QueryExecutionInfo info) {
            return segment;
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
                    if (bean instanceof ConnectionFactory cf && !(bean instanceof io.r2dbc.proxy.callback.ProxyConfigHolder)) {
                        ProxyConfig config = ProxyConfig.builder().listener(counter.getObject()).build();
                        ProxyFactory proxies = config.getProxyFactory();
                        config.setProxyFactoryFactory(c -> new ResultsUnwrapped(proxies));
                        return ProxyConnectionFactory.builder(cf).proxyConfig(config).build();
                    }
                    return bean;
                }
            };
        }
    }
}
