package io.cordee.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.cordee.api.ops.GraphQlOperationMetrics;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
        long mutationsTimed = timed("mutation");
        owner.document(mutation).variable("in", Map.of("name", "Rope Ltd", "segment", "SME")).execute()
                .path(alias + ".client.name").entity(String.class).isEqualTo("Rope Ltd")
                .path(alias + ".userErrors").entityList(Object.class).hasSize(0);

        // one parse, read by at least: the mutation's transaction, the alert evaluation after it, graphql-java's
        // execution (validated from the shared tree) and the metrics; each of them used to parse it itself
        assertThat(RequestDocuments.parses() - parsesBefore).as("parses for one mutation request").isEqualTo(1);
        assertThat(RequestDocuments.lookups() - lookupsBefore).as("stages that read the shared tree")
                .isGreaterThanOrEqualTo(4);
        // the metrics read the operation's type from the same tree (names past the cap of 200 are "other")
        assertThat(timed("mutation") - mutationsTimed).as("requests timed as mutations").isEqualTo(1);
    }

    @Test
    void aQueryIsParsedOncePerRequestAndExecutedFromThatTree() {
        HttpGraphQlTester owner = tenants.as(tenants.create("Pipeline query"), Role.OWNER);
        String alias = "q" + UUID.randomUUID().toString().replace("-", "");
        String query = "query Viewer { " + alias + ": viewer { user { role } } }";

        long parsesBefore = RequestDocuments.parses();
        long lookupsBefore = RequestDocuments.lookups();
        long queriesTimed = timed("query");
        owner.document(query).execute().path(alias + ".user.role").entity(String.class).isEqualTo("OWNER");

        // execution (graphql-java's validation, from the shared tree) and the metrics read it: one parse, 2 reads
        assertThat(RequestDocuments.parses() - parsesBefore).as("parses for one query request").isEqualTo(1);
        assertThat(RequestDocuments.lookups() - lookupsBefore).as("stages that read the shared tree")
                .isGreaterThanOrEqualTo(2);
        assertThat(timed("query") - queriesTimed).as("requests timed as queries").isEqualTo(1);

        // the same text again is not parsed at all
        owner.document(query).execute().path(alias + ".user.role").entity(String.class).isEqualTo("OWNER");
        assertThat(RequestDocuments.parses() - parsesBefore).as("parses after the second request").isEqualTo(1);
    }

    @Test
    void theOperationIsChosenAsGraphQlJavaChoosesIt() {
        String two = "query A { viewer { user { role } } } mutation B { signOut { signedOut } }";
        assertThat(RequestDocuments.operation(two, "B").getOperation())
                .isEqualTo(graphql.language.OperationDefinition.Operation.MUTATION);
        assertThat(RequestDocuments.operation(two, "A").getName()).isEqualTo("A");
        // no name and two operations, a name no operation has, or a syntax error: no operation runs
        assertThat(RequestDocuments.operation(two, null)).isNull();
        assertThat(RequestDocuments.operation(two, "C")).isNull();
        assertThat(RequestDocuments.operation("query { viewer ", null)).isNull();
        assertThat(RequestDocuments.operation("{ viewer { user { role } } }", null).getOperation())
                .isEqualTo(graphql.language.OperationDefinition.Operation.QUERY);
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
        // ADR 97's chain, not graphql-java's: the per-field hooks no stage implements answer a no-op
        assertThat(instrumentation).isInstanceOf(io.cordee.api.config.InstrumentationChain.class);
        List<Instrumentation> chained = ((ChainedInstrumentation) instrumentation).getInstrumentations();
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

    /** How many GraphQL requests the metrics timed with this operation type. */
    private long timed(String type) {
        return meters.find(GraphQlOperationMetrics.METRIC).tag("graphql.operation.type", type).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    /** The application's own stages (Spring Security's chain included, as the landmark ours are placed by). */
    private static List<Class<?>> ours(Stream<Object> beans) {
        return beans.<Class<?>>map(AopUtils::getTargetClass)
                .filter(type -> type.getName().startsWith("io.cordee.")
                        || type == org.springframework.security.web.server.WebFilterChainProxy.class)
                .toList();
    }
}
