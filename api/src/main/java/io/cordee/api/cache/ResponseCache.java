package io.cordee.api.cache;

import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.pipeline.RequestDocuments;
import io.cordee.api.pipeline.RequestPipeline;
import io.cordee.core.cash.CashService;
import io.cordee.core.identity.Caller;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Whole answers of read-only queries kept, so that a dashboard polling its forecast costs the agency's data version
 * (one small statement) and a lookup while nothing changes (ADR 91). An answer is kept per (agency, data version,
 * today in the agency's time zone, the caller's role, locale, document, operation name, variables) when
 * {@link CacheableQueries} allows every field of the query and the answer has data, no error, no extension and no
 * header of its own. What is kept is the JSON of its {@code data}, written once with the application's JSON mapper;
 * it is handed back to Spring for GraphQL's HTTP handler as a raw value, so a kept answer leaves with the status,
 * headers, media type and compression of any answer, byte for byte the same.
 *
 * <p>Inside the sign-in gate and every limit (RequestPipeline): a kept answer still needs a signed-in caller, still
 * counts against the rate limit and the request limits, and is timed by the metrics. Never kept: anonymous
 * requests, a CLIENT contact's (their answers are scoped to their client, never the agency's), WebSocket requests,
 * mutations and subscriptions. A request with {@code Cache-Control: no-cache} is computed, and its answer kept.
 * Every write of the agency, on any instance, moves its data version (ADR 47), so a kept answer is never served
 * after a write has committed.
 */
@Component
@Order(RequestPipeline.RESPONSE_CACHE)
public class ResponseCache implements WebGraphQlInterceptor {

    public static final String METRIC = "cordee.response.cache";

    private final CachedResponses responses;
    private final CacheableQueries queries;
    private final CashService cash;
    private final JsonMapper json;
    private final Clock clock;

    public ResponseCache(@Value("${cordee.graphql.response-cache-bytes:33554432}") long maxBytes,
                         ObjectProvider<GraphQlSource> graphQl, CashService cash, JsonMapper json, Clock clock,
                         ObjectProvider<MeterRegistry> meters) {
        this.responses = new CachedResponses(maxBytes);
        this.queries = new CacheableQueries(() -> graphQl.getObject().schema());
        this.cash = cash;
        this.json = json;
        this.clock = clock;
        meters.ifAvailable(registry -> {
            FunctionCounter.builder(METRIC + ".requests", responses, CachedResponses::hits).tag("result", "hit")
                    .description("Cacheable GraphQL queries answered from the response cache").register(registry);
            FunctionCounter.builder(METRIC + ".requests", responses, CachedResponses::misses).tag("result", "miss")
                    .description("Cacheable GraphQL queries computed (not kept, or Cache-Control: no-cache)")
                    .register(registry);
            Gauge.builder(METRIC + ".bytes", responses, CachedResponses::bytes).baseUnit("bytes")
                    .description("Bytes held by the kept answers and their keys").register(registry);
            Gauge.builder(METRIC + ".entries", responses, CachedResponses::entries)
                    .description("Answers kept").register(registry);
        });
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!responses.enabled() || request instanceof WebSocketGraphQlRequest) {
            return chain.next(request);
        }
        return Callers.optional()
                .filter(caller -> !caller.isClientUser() && cacheable(request))
                // the version unreadable (the database away): answered as if there were no cache
                .flatMap(caller -> cash.dataVersion(caller).map(version -> key(request, caller, version))
                        .onErrorResume(e -> Mono.empty()))
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(key -> key.isPresent() ? answer(request, chain, key.get()) : chain.next(request));
    }

    private boolean cacheable(WebGraphQlRequest request) {
        return RequestDocuments.parsed(request.getDocument())
                .map(document -> queries.cacheable(document,
                        RequestDocuments.operation(document, request.getOperationName()), request.getVariables()))
                .orElse(false);
    }

    private static CachedResponses.Key key(WebGraphQlRequest request, Caller caller, CashService.DataVersion version) {
        Map<String, Object> variables = request.getVariables() == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(request.getVariables()));
        return new CachedResponses.Key(version.agencyId(), version.version(), version.zone(), version.today(),
                caller.role(),
                String.valueOf(request.getLocale()), request.getDocument(), request.getOperationName(), variables);
    }

    private Mono<WebGraphQlResponse> answer(WebGraphQlRequest request, Chain chain, CachedResponses.Key key) {
        boolean fresh = request.getHeaders().getCacheControl() != null
                && request.getHeaders().getCacheControl().contains("no-cache");
        CachedResponses.Json kept = null;
        if (fresh) {
            responses.countMiss();
        } else {
            kept = responses.get(key);
        }
        if (kept != null) {
            return Mono.just(answer(request, kept));
        }
        return chain.next(request).map(response -> keep(request, key, response));
    }

    /** The answer served, kept when it may be: its data written once, here, and served from those bytes. */
    private WebGraphQlResponse keep(WebGraphQlRequest request, CachedResponses.Key key, WebGraphQlResponse response) {
        ExecutionResult result = response.getExecutionResult();
        boolean keepable = response.isValid() && response.getErrors().isEmpty()
                && (result.getExtensions() == null || result.getExtensions().isEmpty())
                && response.getResponseHeaders().isEmpty()
                // computed past the agency's midnight: its as-of may be the next day's, not the key's
                && LocalDate.now(clock.withZone(key.zone())).equals(key.today());
        if (!keepable) {
            return response;
        }
        byte[] data = json.writeValueAsBytes(result.getData());
        responses.put(key, data);
        return answer(request, new CachedResponses.Json(data));
    }

    private static WebGraphQlResponse answer(WebGraphQlRequest request, CachedResponses.Json data) {
        ExecutionResult result = ExecutionResult.newExecutionResult().data(new RawValue(data)).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    /** The kept answers, for the tests and the benchmark. */
    CachedResponses responses() {
        return responses;
    }
}
