package io.cordee.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.reactive.GraphQlWebFluxAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

/**
 * The floor of the stack Cordée is built on (issue 16): a Spring Boot WebFlux (Reactor Netty) + Spring for GraphQL +
 * R2DBC application with nothing of Cordée's — no security, no session, no tenant, no interceptor, no limit, no
 * metrics — started in the benchmark's JVM beside Cordée's context. Its schema ({@code framework-floor/}) answers
 * {@code node(id)} with a constant, {@code client(agency, id)} with one client's row and {@code invoices(agency,
 * first)} with a page of invoices, each read by Spring's {@link DatabaseClient} through Boot's R2DBC pool, selecting
 * the columns asked for, mapped by position: what a minimal application would do, and a generic server does.
 *
 * <p>Used by {@link FrameworkFloorBenchmark} and, beside PostGraphile in the same run, by
 * {@link PostGraphileComparisonBenchmark}. Measure it through {@link #measure}, which turns off Reactor's automatic
 * context propagation that Cordée's context turned on for the whole JVM and a minimal application does not have.
 */
final class MinimalGraphQlApplication implements AutoCloseable {

    static final String TYPENAME = "{ __typename }";
    static final String BY_ID = "query($id: ID!) { node(id: $id) { id name version } }";
    static final String THING_ID = "VGhpbmc6MQ==";
    static final String CLIENT_BY_ID =
            "query($agency: ID!, $id: ID!) { client(agency: $agency, id: $id) { id name paymentTermsDays } }";
    static final String INVOICES =
            "query($agency: ID!) { invoices(agency: $agency, first: 100) { nodes { id label dueDate amountMinor } } }";

    /**
     * Set in this application only: Cordée's context scans {@code io.cordee} on the test class path too, and would
     * otherwise take these controllers and this configuration for its own.
     */
    static final String ONLY_HERE = "cordee.benchmark.minimal-application";

    private final ConfigurableApplicationContext context;

    private MinimalGraphQlApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts it on a free port over Cordée's database (with Cordée's pool size and binary rows). It has
     * no logging system of its own: starting and closing a second application would set Logback up again and then
     * tear it down under Cordée's running context (its levels, the JUL bridge).
     */
    static MinimalGraphQlApplication start(Environment cordee) {
        String r2dbcUrl = cordee.getRequiredProperty("spring.r2dbc.url");
        String username = cordee.getProperty("spring.r2dbc.username", "");
        String password = cordee.getProperty("spring.r2dbc.password", "");
        String loggingSystem = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Configuration.class)
                    .main(Configuration.class).web(WebApplicationType.REACTIVE).bannerMode(Banner.Mode.OFF)
                    // no application.properties (Cordée's), no classpath:graphql/ (Cordée's schema); a
                    // spring.r2dbc.url also keeps Cordée's DatabaseEnvironmentPostProcessor (spring.factories, so
                    // every application on this classpath) from starting an embedded PostgreSQL in ~/.cordee
                    .run("--" + ONLY_HERE + "=true", "--spring.config.name=framework-floor", "--server.port=0",
                            "--spring.graphql.schema.locations=classpath:framework-floor/",
                            "--spring.r2dbc.url=" + r2dbcUrl, "--spring.r2dbc.username=" + username,
                            "--spring.r2dbc.password=" + password, "--spring.r2dbc.properties.forceBinary=true",
                            "--spring.r2dbc.pool.max-size=10");
            MinimalGraphQlApplication app = new MinimalGraphQlApplication(context);
            assertThat(context.getEnvironment().getPropertySources().contains("cordeeDatabase"))
                    .as("Cordée's database settings in the minimal application").isFalse();
            assertThat(app.cordeeBeans()).as("Cordée's beans in the minimal application").isEmpty();
            return app;
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
            }
        }
    }

    /** Its GraphQL endpoint. */
    String url() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/graphql";
    }

    int beans() {
        return context.getBeanDefinitionCount();
    }

    /**
     * Runs {@code run} (a measurement of this application) with Reactor's automatic context propagation off, and
     * leaves it as it found it (on with Cordée's {@code auto}, off with {@code limited}).
     */
    static <T> T measure(Callable<T> run) throws Exception {
        boolean automatic = Hooks.isAutomaticContextPropagationEnabled();
        Hooks.disableAutomaticContextPropagation();
        try {
            return run.call();
        } finally {
            if (automatic) {
                Hooks.enableAutomaticContextPropagation();
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }

    private List<String> cordeeBeans() {
        return Arrays.stream(context.getBeanDefinitionNames()).map(context::getType)
                .filter(t -> t != null && t.getName().startsWith("io.cordee.")
                        && !t.getName().startsWith(MinimalGraphQlApplication.class.getName()))
                .map(Class::getName).toList();
    }

    /** Only what a WebFlux GraphQL server over R2DBC needs; no component scan (its controllers are imported). */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(ONLY_HERE)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, NettyReactiveWebServerAutoConfiguration.class,
        HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class,
        JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class, GraphQlWebFluxAutoConfiguration.class,
        R2dbcAutoConfiguration.class})
    @Import({ThingController.class, RowsController.class})
    static class Configuration {

        /**
         * Event loops of its own: by default Reactor Netty's are global, shared with Cordée's servers in this JVM, and
         * closing this application would dispose of them under Cordée's running context.
         */
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    /** The by-id data fetcher without a database: a constant, returned synchronously. */
    @Controller
    @ConditionalOnBooleanProperty(ONLY_HERE)
    static class ThingController {

        private static final Thing THING = new Thing(THING_ID, "The thing", 1);

        @QueryMapping
        Thing node(@Argument String id) {
            return THING;
        }
    }

    record Thing(String id, String name, int version) {
    }

    /** Rows read through {@link DatabaseClient}; the tenant is an argument, not a session. */
    @Controller
    @ConditionalOnBooleanProperty(ONLY_HERE)
    static class RowsController {

        private final DatabaseClient db;

        RowsController(ConnectionFactory connections) {
            this.db = DatabaseClient.create(connections);
        }

        @QueryMapping
        Mono<ClientRow> client(@Argument UUID agency, @Argument UUID id) {
            return db.sql("SELECT id, name, payment_terms_days FROM client WHERE agency_id = :agency AND id = :id")
                    .bind("agency", agency).bind("id", id)
                    .map(row -> new ClientRow(row.get(0, UUID.class).toString(), row.get(1, String.class),
                            row.get(2, Integer.class)))
                    .one();
        }

        @QueryMapping
        Mono<InvoicePage> invoices(@Argument UUID agency, @Argument int first) {
            return db.sql("SELECT id, label, due_date, amount_minor FROM invoice WHERE agency_id = :agency"
                            + " ORDER BY id LIMIT :first")
                    .bind("agency", agency).bind("first", first)
                    .map(row -> new InvoiceRow(row.get(0, UUID.class).toString(), row.get(1, String.class),
                            row.get(2, LocalDate.class), row.get(3, Long.class)))
                    .all().collectList().map(InvoicePage::new);
        }
    }

    record ClientRow(String id, String name, int paymentTermsDays) {
    }

    record InvoiceRow(String id, String label, LocalDate dueDate, long amountMinor) {
    }

    record InvoicePage(List<InvoiceRow> nodes) {
    }
}
