package io.cordee.api.ops;

import graphql.language.OperationDefinition;
import io.cordee.api.limits.LimitsProperties;
import io.cordee.api.pipeline.RequestDocuments;
import io.cordee.api.pipeline.RequestPipeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * GraphQL request latency by operation (ADR 18): every request over HTTP or WebSocket is timed as
 * {@code graphql.request} with {@code graphql.operation.type}, {@code graphql.outcome} and the operation
 * name, bounded: a well-formed name up to 64 characters, at most {@code cordee.metrics.max-operation-names}
 * distinct names per instance (the app's and the partners' named queries); an unnamed operation is
 * {@code anonymous}, anything past the cap or malformed {@code other}, so a client sending random names
 * cannot grow the registry without bound.
 *
 * <p>Timed here, around the request, rather than by Spring for GraphQL's observation instrumentation
 * (excluded in application.properties): that instrumentation is chained into every field graphql-java
 * resolves, and a 104-week forecast resolves some 50,000 — it cost the forecast benchmark about a third
 * of its time (docs/benchmarks.md).
 */
@Component
@Order(RequestPipeline.OPERATION_METRICS)
public class GraphQlOperationMetrics implements WebGraphQlInterceptor {

    public static final String METRIC = "graphql.request";
    public static final String OPERATION_NAME = "graphql.operation.name";
    static final String ANONYMOUS = "anonymous";
    static final String OTHER = "other";

    private final MeterRegistry registry;
    private final BoundedOperationNames names;
    private final int maxDocumentLength;
    private final LongAdder requests = new LongAdder();
    /**
     * The timers, found once per (type, name, outcome) (ADR 97): building a meter's id and looking it up in the
     * registry on every request cost more than recording. Bounded as the names are: a few types and outcomes,
     * {@code cordee.metrics.max-operation-names} names.
     */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String type, String name, String outcome) {
    }

    public GraphQlOperationMetrics(MeterRegistry registry, LimitsProperties limits,
                                   @Value("${cordee.metrics.max-operation-names:200}") int maxNames) {
        this.registry = registry;
        this.names = new BoundedOperationNames(maxNames);
        this.maxDocumentLength = limits.maxDocumentLength();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        long start = System.nanoTime();
        requests.increment();
        return chain.next(request)
                .doOnSuccess(response -> record(request, start, response != null && response.isValid()
                        && response.getErrors().isEmpty() ? "SUCCESS" : "REQUEST_ERROR"))
                .doOnError(e -> record(request, start, "INTERNAL_ERROR"));
    }

    /** GraphQL requests received since the start: the daily pass rests longer while it moves (ADR 98). */
    public long requests() {
        return requests.sum();
    }

    private void record(WebGraphQlRequest request, long start, String outcome) {
        // the tree the pipeline parsed (ADR 78); a document RequestLimits refused as too long is never parsed
        OperationDefinition operation = request.getDocument().length() > maxDocumentLength ? null
                : RequestDocuments.operation(request.getDocument(), request.getOperationName());
        String type = operation == null ? "unknown" : operation.getOperation().name().toLowerCase(Locale.ROOT);
        String name = request.getOperationName() != null ? request.getOperationName()
                : operation == null ? null : operation.getName();
        timers.computeIfAbsent(new TimerKey(type, names.bounded(name), outcome), key -> Timer.builder(METRIC)
                        .description("GraphQL requests, by operation").tag("graphql.operation.type", key.type())
                        .tag(OPERATION_NAME, key.name()).tag("graphql.outcome", key.outcome()).register(registry))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    static final class BoundedOperationNames {

        private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

        private final int maxNames;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        BoundedOperationNames(int maxNames) {
            this.maxNames = maxNames;
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
