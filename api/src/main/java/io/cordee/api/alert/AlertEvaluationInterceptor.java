package io.cordee.api.alert;

import graphql.language.Field;
import graphql.language.OperationDefinition;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.mutation.MutationInterceptor;
import io.cordee.api.pipeline.MutationOutcome;
import io.cordee.api.pipeline.RequestPipeline;
import java.time.Duration;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one place that re-evaluates the early warnings after writes: once a mutation has succeeded
 * ({@link MutationOutcome}: the same answer that kept its transaction), the caller's agency is
 * evaluated before the response leaves, so the next read sees the alerts. Mutations that change no
 * fact a rule reads (signing in and out, acknowledging and snoozing alerts) are skipped. Evaluation
 * never fails the mutation: an error or a slow run (over {@link #WAIT}) is logged and the response is
 * sent as it is — the evaluation goes on and its result is stored all the same.
 */
@Component
// outside the MutationInterceptor's transaction: rules read what the mutation committed
@Order(RequestPipeline.ALERT_EVALUATION)
public class AlertEvaluationInterceptor implements WebGraphQlInterceptor {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<String> NO_FACTS = Set.of("signIn", "signOut", "acknowledgeAlert", "snoozeAlert",
            "__typename");

    private final AlertEvaluations evaluations;

    public AlertEvaluationInterceptor(AlertEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!changesFacts(request)) {
            return chain.next(request);
        }
        return chain.next(request).flatMap(response -> {
            if (!MutationOutcome.succeeded(response)) {
                return Mono.just(response);
            }
            return Callers.optional()
                    .flatMap(caller -> evaluations.request(caller.agencyId()).timeout(WAIT)
                            .onErrorResume(e -> Mono.empty()))
                    .thenReturn(response);
        });
    }

    /** A mutation that selects at least one field that may change a rule's facts. */
    static boolean changesFacts(WebGraphQlRequest request) {
        OperationDefinition mutation = MutationInterceptor.selectedMutation(request);
        return mutation != null && mutation.getSelectionSet().getSelections().stream()
                .anyMatch(s -> s instanceof Field f && !NO_FACTS.contains(f.getName()));
    }
}
