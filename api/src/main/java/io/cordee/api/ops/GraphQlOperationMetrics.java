package io.cordee.api.ops;

import graphql.language.OperationDefinition;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationPredicate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;

/**
 * GraphQL request latency by operation (ADR 18). Spring for GraphQL times every request as
 * {@code graphql.request} with {@code graphql.operation.type} and {@code graphql.outcome}, and keeps the
 * operation name as a high-cardinality key (traces only), since clients choose it. Here the name also
 * becomes a metric tag, bounded: a well-formed name up to 64 characters, at most
 * {@code cordee.metrics.max-operation-names} distinct names per instance (the app's and the partners'
 * named queries); an unnamed operation is {@code anonymous}, anything past the cap or malformed
 * {@code other}, so a client sending random names cannot grow the registry without bound.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlOperationMetrics {

    public static final String OPERATION_NAME = "graphql.operation.name";
    static final String ANONYMOUS = "anonymous";
    static final String OTHER = "other";

    @Bean
    ExecutionRequestObservationConvention boundedOperationNameConvention(
            @Value("${cordee.metrics.max-operation-names:200}") int maxNames) {
        return new BoundedOperationNames(maxNames);
    }

    /**
     * Per-field timers ({@code graphql.datafetcher}) are left out: a forecast answer runs thousands of
     * fetchers, and the request timer with its operation name is what is watched.
     */
    @Bean
    ObservationPredicate noDataFetcherObservations() {
        return (name, context) -> !"graphql.datafetcher".equals(name);
    }

    static final class BoundedOperationNames extends DefaultExecutionRequestObservationConvention {

        private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

        private final int maxNames;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        BoundedOperationNames(int maxNames) {
            this.maxNames = maxNames;
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
            return super.getLowCardinalityKeyValues(context).and(KeyValue.of(OPERATION_NAME, boundedOperationName(context)));
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
            return KeyValues.of(executionId(context));
        }

        String boundedOperationName(ExecutionRequestObservationContext context) {
            String name = null;
            if (context.getExecutionContext() != null) {
                OperationDefinition operation = context.getExecutionContext().getOperationDefinition();
                name = operation == null ? null : operation.getName();
            }
            if (name == null && context.getExecutionInput() != null) {
                name = context.getExecutionInput().getOperationName();
            }
            return bounded(name);
        }

        String bounded(String name) {
            if (name == null || name.isEmpty()) {
                return ANONYMOUS;
            }
            if (!NAME.matcher(name).matches()) {
                return OTHER;
            }
            if (seen.contains(name)) {
                return name;
            }
            synchronized (seen) {
                if (seen.size() < maxNames) {
                    seen.add(name);
                    return name;
                }
            }
            return seen.contains(name) ? name : OTHER;
        }
    }
}
