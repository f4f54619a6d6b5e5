package io.cordee.api.config;

import io.cordee.api.pipeline.RequestPipeline;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A request body larger than the codecs buffer ({@code spring.http.codecs.max-in-memory-size}, 2 MB) is
 * the client's mistake, not a server error: 413 with a GraphQL-shaped error, instead of the 500 WebFlux
 * would answer. Nothing has run.
 */
@Component
@Order(RequestPipeline.REQUEST_SIZE_ANSWER) // before Spring Boot's error handler
public class RequestSizeLimit implements WebExceptionHandler {

    private final byte[] body;

    public RequestSizeLimit(@Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize limit) {
        String most = limit.toMegabytes() >= 1 && limit.toKilobytes() % 1024 == 0 ? limit.toMegabytes() + " MB"
                : limit.toKilobytes() + " KB";
        body = ("{\"errors\":[{\"message\":\"The request is too large (at most " + most + ")\","
                + "\"extensions\":{\"classification\":\"BAD_REQUEST\",\"code\":\"TOO_LONG\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!(ex instanceof DataBufferLimitException) || exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        exchange.getResponse().setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    }
}
