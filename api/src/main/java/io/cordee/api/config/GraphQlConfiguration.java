package io.cordee.api.config;

import graphql.TrivialDataFetcher;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.DataFetchingEnvironment;
import io.cordee.core.money.Money;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.StreamReadFeature;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Custom scalars — {@code Date} and {@code Long} strict ({@link StrictScalars}, ADR 26), {@code DateTime}
 * from graphql-java-extended-scalars (ISO offset date-time, already strict), answering a core instant in UTC
 * ({@link DateTimeScalar}) — and the fields of the {@code Money} type.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfiguration {

    /**
     * A JSON object that names a key twice is refused (ADR 26) instead of silently keeping the last value:
     * on the codec that reads GraphQL requests over HTTP and WebSocket (Boot's {@code JsonMapper}).
     */
    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /** Parsed and validated documents kept by their text (ADR 50); a size of 0 parses every request. */
    @Bean
    ParsedDocumentCache parsedDocumentCache(@Value("${cordee.graphql.document-cache-size:1000}") long size,
                                            ObjectProvider<GraphQlSource> graphQl) {
        return new ParsedDocumentCache(size, () -> graphQl.getObject().schema());
    }

    @Bean
    GraphQlSourceBuilderCustomizer cachedDocuments(ParsedDocumentCache documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    /**
     * The application's instrumentations, in the order Spring Boot chains them, in a chain that costs nothing per
     * field for the hooks none of them implements ({@link InstrumentationChain}, ADR 97).
     */
    @Bean
    GraphQlSourceBuilderCustomizer instrumentationChain(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> {
            List<Instrumentation> chained = instrumentations.orderedStream().toList();
            if (!chained.isEmpty()) {
                graphQl.instrumentation(new InstrumentationChain(chained));
            }
        });
    }

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring
                .scalar(StrictScalars.DATE)
                .scalar(DateTimeScalar.DATE_TIME)
                .scalar(StrictScalars.LONG);
    }

    /**
     * {@code Money { amountMinor currency amount }} read straight from the record: a forecast answer
     * holds tens of thousands of amounts, and an annotated controller method per field goes through
     * argument resolution and context propagation each time. Trivial fetchers are left undecorated.
     */
    @Bean
    RuntimeWiringConfigurer money() {
        return wiring -> wiring.type("Money", type -> type
                .dataFetcher("amountMinor", new MoneyField(Money::minorUnits))
                .dataFetcher("currency", new MoneyField(m -> m.currency().getCurrencyCode()))
                .dataFetcher("amount", new MoneyField(m -> m.amount().toPlainString())));
    }

    private record MoneyField(Function<Money, Object> read) implements TrivialDataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment env) {
            return read.apply(env.getSource());
        }
    }
}
