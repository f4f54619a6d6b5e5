package io.cordee.api.limits;

import graphql.GraphQLError;
import io.cordee.api.graphql.common.Refusals;
import io.cordee.api.pipeline.RequestPipeline;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The limits checked around a GraphQL request, before its document is even parsed: its length, and
 * how long it may run ({@code cordee.limits.timeout}). A request still running then is cancelled, its
 * running fields with it ({@link InFlight}), and answered {@code TIMEOUT}: HTTP 504 over HTTP, a GraphQL
 * error on a WebSocket. For a subscription the timeout covers only its start.
 */
@Component
@Order(RequestPipeline.REQUEST_LIMITS) // right after the WebSocket's caller is known, before the sign-in gate parses
public class RequestLimits implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RequestLimits.class);

    private final LimitsProperties limits;

    public RequestLimits(LimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        int length = request.getDocument().length();
        if (length > limits.maxDocumentLength()) {
            return Mono.just(Refusals.answer(request, LimitErrors.error(LimitErrors.Classification.BAD_REQUEST,
                    LimitErrors.DOCUMENT_TOO_LONG, "The query document has " + length + " characters; at most "
                            + limits.maxDocumentLength() + " are allowed (send long texts as variables)",
                    "length", length, "limit", limits.maxDocumentLength())));
        }
        InFlight inFlight = new InFlight();
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(context -> context.put(InFlight.KEY, inFlight)).build());
        Duration timeout = limits.timeout();
        long started = System.nanoTime();
        AtomicBoolean told = new AtomicBoolean();
        return chain.next(request)
                .doOnCancel(() -> {
                    inFlight.cancel();
                    // one quiet line (ADR 50): a client that goes away is not a fault of the server; the
                    // cancel was seen to arrive twice for one request, the line is written once
                    if (told.compareAndSet(false, true)) {
                        log.info("GraphQL request cancelled after {} ms (client gone or timeout); its work is"
                                + " stopped", (System.nanoTime() - started) / 1_000_000);
                    }
                })
                .timeout(timeout, Mono.defer(() -> request instanceof WebSocketGraphQlRequest
                        ? Mono.just(Refusals.answer(request, timedOut(timeout)))
                        : Mono.error(new TimedOut(timeout))));
    }

    private static GraphQLError timedOut(Duration timeout) {
        return LimitErrors.error(LimitErrors.Classification.TIMEOUT, LimitErrors.TIMEOUT, message(timeout),
                "timeoutSeconds", timeout.toMillis() / 1000.0);
    }

    private static String message(Duration timeout) {
        return "The request took longer than " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s"
                : timeout.toMillis() + " ms") + " and was stopped: ask for less, or try again later";
    }

    /** A request over HTTP that ran out of time; answered by {@link TimeoutAnswer}. */
    static final class TimedOut extends RuntimeException {

        private final Duration timeout;

        TimedOut(Duration timeout) {
            super(message(timeout), null, false, false);
            this.timeout = timeout;
        }
    }

    /** HTTP 504 with the {@code TIMEOUT} error (the work was stopped; nothing is half-returned). */
    @Component
    @Order(RequestPipeline.TIMEOUT_ANSWER) // before Spring Boot's error handler
    public static class TimeoutAnswer implements WebExceptionHandler {

        @Override
        public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
            if (!(ex instanceof TimedOut timedOut) || exchange.getResponse().isCommitted()) {
                return Mono.error(ex);
            }
            return LimitErrors.write(exchange.getResponse(), HttpStatus.GATEWAY_TIMEOUT,
                    LimitErrors.Classification.TIMEOUT, LimitErrors.TIMEOUT, timedOut.getMessage(),
                    "timeoutSeconds", timedOut.timeout.toMillis() / 1000.0);
        }
    }
}
