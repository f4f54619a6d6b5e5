package io.cordee.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.cordee.api.ops.GraphQlOperationMetrics;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * ADR 78: the filters, interceptors, error handlers and instrumentations the running application chains
 * are the ones {@link RequestPipeline} lists, in its order — read from the live context the way Spring
 * builds the chains (WebFlux's handler builder, Boot's ordered stream of interceptors, the GraphQL
 * engine's chained instrumentation). A new stage without its place in the list fails here.
 */
@ApiTest
class RequestPipelineTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    GraphQlSource graphQl;
    @Autowired
    Tenants tenants;
    @Autowired
    MeterRegistry meters;

    @Test
    void aMutationIsParsedOncePerRequestAndItsTreeSharedByEveryStage() {
        HttpGraphQlTester owner = tenants.as(tenants.create("Pipeline"), Role.OWNER);
        // a text no other request sends (an alias of its own), so this request must parse it
        String alias = "c" + UUID.randomUUID().toString().replace("-", "");
        String mutation = "mutation Create($in: CreateClientInput!) { " + alias
                + ": createClient(input: $in) { client { name } userErrors { code } } }";

        long parsesBefore = RequestDocuments.parses();
        long lookupsBefore = RequestDocuments.lookups();
        owner.document(mutation).variable("in", Map.of("name", "Rope Ltd", "segment", "SME")).execute()
                .path(alias + ".client.name").entity(String.class).isEqualTo("Rope Ltd")
                .path(alias + ".userErrors").entityList(Object.class).hasSize(0);

        // one parse for: GraphQL over HTTP's read-only check, the strict input check, the sign-in gate's
        // anonymous check, the API-token scopes, the mutation's transaction, the alert evaluation after it,
        // the metrics and graphql-java's execution (validated from the shared tree); each of them used to
        // call the parser itself
        assertThat(RequestDocuments.parses() - parsesBefore).as("parses for one mutation request").isEqualTo(1);
        assertThat(RequestDocuments.lookups() - lookupsBefore).as("stages that read the shared tree")
                .isGreaterThanOrEqualTo(4);
        // the metrics read the operation from the same tree: type and name of the operation sent
        assertThat(meters.find(GraphQlOperationMetrics.METRIC).tag(GraphQlOperationMetrics.OPERATION_NAME, "Create")
                .tag("graphql.operation.type", "mutation").timer()).isNotNull();
    }

    @Test
    void theWebFiltersRunInTheDeclaredOrder() {
        List<Object> filters = new ArrayList<>();
        WebHttpHandlerBuilder.applicationContext(context).filters(filters::addAll);
        assertThat(ours(filters.stream())).isEqualTo(RequestPipeline.WEB_FILTERS);
    }

    @Test
    void theGraphQlInterceptorsRunInTheDeclaredOrder() {
        assertThat(ours(context.getBeanProvider(WebGraphQlInterceptor.class).orderedStream().map(o -> o)))
                .isEqualTo(RequestPipeline.GRAPHQL_INTERCEPTORS);
    }

    @Test
    void theErrorHandlersAnswerInTheDeclaredOrder() {
        List<Object> handlers = new ArrayList<>();
        WebHttpHandlerBuilder.applicationContext(context).exceptionHandlers(handlers::addAll);
        assertThat(ours(handlers.stream())).isEqualTo(RequestPipeline.ERROR_HANDLERS);
    }

    @Test
    void theInstrumentationsWrapExecutionInTheDeclaredOrder() {
        Instrumentation instrumentation = graphQl.graphQl().getInstrumentation();
        List<Instrumentation> chained = instrumentation instanceof ChainedInstrumentation chain
                ? chain.getInstrumentations() : List.of(instrumentation);
        assertThat(ours(chained.stream().map(o -> o))).isEqualTo(RequestPipeline.INSTRUMENTATIONS);
    }

    @Test
    void theDeclaredOrdersAreDistinctAndIncreaseDownEachList() {
        for (List<Class<?>> stages : List.of(RequestPipeline.WEB_FILTERS, RequestPipeline.GRAPHQL_INTERCEPTORS,
                RequestPipeline.ERROR_HANDLERS, RequestPipeline.INSTRUMENTATIONS)) {
            List<Integer> orders = stages.stream().map(RequestPipeline::orderOf).toList();
            assertThat(orders).as("orders of %s", stages).isSorted().doesNotHaveDuplicates();
        }
    }

    /** The application's own stages (Spring Security's chain included, as the landmark ours are placed by). */
    private static List<Class<?>> ours(Stream<Object> beans) {
        return beans.<Class<?>>map(AopUtils::getTargetClass)
                .filter(type -> type.getName().startsWith("io.cordee.")
                        || type == org.springframework.security.web.server.WebFilterChainProxy.class)
                .toList();
    }
}
