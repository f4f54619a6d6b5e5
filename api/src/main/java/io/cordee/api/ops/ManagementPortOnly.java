package io.cordee.api.ops;

import io.cordee.api.pipeline.RequestPipeline;
import java.net.InetSocketAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The management port serves the actuator and nothing else (ADR 26). Its child context sees the
 * application's handlers too (WebFlux looks them up in ancestor contexts), so without this the SPA and
 * {@code /graphql} would answer there as well: a second door, on a port meant for probes and scrapers.
 * The port is the one the management server actually bound ({@code local.management.port}, random in
 * tests); with the actuator on the main port (the same port number) nothing is filtered.
 */
@Component
@Order(RequestPipeline.MANAGEMENT_PORT_ONLY) // right after the request id
public class ManagementPortOnly implements WebFilter {

    private final Environment environment;
    private final String actuatorPath;

    public ManagementPortOnly(Environment environment,
                              @Value("${management.endpoints.web.base-path:/actuator}") String actuatorPath) {
        this.environment = environment;
        this.actuatorPath = actuatorPath;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        if (management == null || management.equals(server) || local == null || local.getPort() != management) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals(actuatorPath) || path.startsWith(actuatorPath + "/")) {
            return chain.filter(exchange);
        }
        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
        return exchange.getResponse().setComplete();
    }
}
