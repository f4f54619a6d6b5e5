package io.cordee.api.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.webflux.GraphiQlHandler;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GraphiQL from the application itself (ADR 59). Spring for GraphQL's page loads React and GraphiQL from a
 * public CDN through an inline import map and module script: on a machine without internet it stays on
 * "Loading…", and it needs a policy that names the CDN and allows inline scripts. This route, ahead of Spring
 * Boot's, keeps Spring's handler (the redirect that adds {@code ?path=}) with our page, which loads only files
 * of the jar: the graphiql, react and react-dom WebJars and {@code /graphiql/start.js}. It exists only while
 * {@code spring.graphql.graphiql.enabled} is true, like Boot's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.graphql.graphiql.enabled", havingValue = "true")
public class GraphiQlPage {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphiQlFromTheJar(
            @Value("${spring.graphql.graphiql.path:/graphiql}") String graphiQlPath,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath,
            @Value("${spring.graphql.websocket.path:#{null}}") String webSocketPath) {
        // the WebSocket path too, as Boot's handler does: the redirect adds &wsPath= and start.js subscribes there
        GraphiQlHandler handler = new GraphiQlHandler(graphQlPath, webSocketPath,
                new ClassPathResource("META-INF/resources/graphiql/index.html"));
        return RouterFunctions.route().GET(graphiQlPath, handler::handleRequest).build();
    }
}
