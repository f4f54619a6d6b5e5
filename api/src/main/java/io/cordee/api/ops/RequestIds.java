package io.cordee.api.ops;

import io.cordee.api.pipeline.RequestPipeline;
import io.micrometer.context.ContextRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A request id on every request and on every log line written while serving it (ADR 18). The caller's
 * {@code X-Request-Id} is kept when it is a short token (a proxy or a partner's own id), otherwise one
 * is generated; it is returned in the response header and written into the Reactor context, from which
 * Micrometer context-propagation ({@code spring.reactor.context-propagation=auto}) copies it into the
 * logging MDC on whichever thread the request continues.
 */
@Component
@Order(RequestPipeline.REQUEST_IDS)
public class RequestIds implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key and the Reactor context key: {@code %X{requestId}} in a pattern, {@code requestId} in JSON. */
    public static final String KEY = "requestId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    static {
        // written only when it changes: with automatic propagation this runs around every Reactor signal
        // that changes thread, and a request's signals mostly find their own id already there (ADR 84)
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY,
                () -> MDC.get(KEY), value -> {
                    if (!value.equals(MDC.get(KEY))) {
                        MDC.put(KEY, value);
                    }
                }, () -> MDC.remove(KEY));
        if (!Boolean.parseBoolean(System.getProperty("cordee.context-propagation.observations", "false"))) {
            // Nothing in Cordée reads the current Observation from a thread local (no tracer; metrics keep
            // their observation in the Reactor context): restoring it around every signal opened and closed
            // a scope each time, the largest part of the propagation's cost (ADR 84). The request id and the
            // reactive security context stay propagated. A tracer would need -Dcordee.context-propagation.observations=true.
            ContextRegistry.getInstance().removeThreadLocalAccessor(ObservationThreadLocalAccessor.KEY);
        }
        if (!Boolean.parseBoolean(System.getProperty("cordee.context-propagation.thread-local-security", "false"))) {
            // Nothing in Cordée reads the security context or the exchange from a thread local either: the caller is
            // read from the Reactor context (ReactiveSecurityContextHolder, whose accessor stays: it is what carries
            // the caller into the data fetchers). Spring Security's and Spring for GraphQL's accessor of
            // SecurityContextHolder, and the exchange's, were set and restored around every signal that changes
            // thread, each time with a map of the values to restore (ADR 97). -Dcordee.context-propagation.
            // thread-local-security=true keeps them, for code that would read SecurityContextHolder.
            ContextRegistry.getInstance().removeThreadLocalAccessor(SecurityContext.class.getName());
            ContextRegistry.getInstance().removeThreadLocalAccessor((Object) ServerWebExchange.class);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = requestId(exchange.getRequest());
        exchange.getResponse().getHeaders().set(HEADER, id);
        exchange.getAttributes().put(KEY, id);
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, id));
    }

    static String requestId(ServerHttpRequest request) {
        String given = request.getHeaders().getFirst(HEADER);
        return given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
