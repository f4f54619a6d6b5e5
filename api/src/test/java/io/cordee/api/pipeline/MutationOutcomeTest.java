package io.cordee.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * ADR 78: the one answer to "did this mutation request succeed" that both the mutation's transaction
 * (commit or roll back, store the idempotent answer or not) and the alert evaluation after it use. Before,
 * the alert evaluation counted a request with one good and one refused payload as a success although the
 * transaction had rolled both back; {@link #oneRefusedPayloadAmongSeveralIsAFailure()} is that case.
 */
class MutationOutcomeTest {

    private static final Map<String, Object> DONE = Map.of("client", Map.of("id", "Q2xpZW50OjE="),
            "userErrors", List.of());
    private static final Map<String, Object> REFUSED = Map.of("client", Map.of(),
            "userErrors", List.of(Map.of("field", List.of("name"), "code", "REQUIRED")));

    @Test
    void onePayloadWithoutUserErrorsIsASuccess() {
        assertThat(MutationOutcome.succeeded(response(Map.of("createClient", DONE)))).isTrue();
    }

    @Test
    void aPayloadThatDoesNotSelectUserErrorsIsASuccess() {
        assertThat(MutationOutcome.succeeded(response(Map.of("createClient", Map.of("client", Map.of())))))
                .isTrue();
    }

    @Test
    void aPayloadWithUserErrorsIsAFailure() {
        assertThat(MutationOutcome.succeeded(response(Map.of("createClient", REFUSED)))).isFalse();
    }

    @Test
    void oneRefusedPayloadAmongSeveralIsAFailure() {
        assertThat(MutationOutcome.succeeded(response(Map.of("a", DONE, "b", REFUSED)))).isFalse();
        assertThat(MutationOutcome.succeeded(response(Map.of("a", DONE, "b", DONE)))).isTrue();
    }

    @Test
    void aGraphQlErrorIsAFailureEvenWithCleanPayloads() {
        ExecutionResult result = ExecutionResult.newExecutionResult().data(Map.of("createClient", DONE))
                .addError(GraphqlErrorBuilder.newError().message("Forbidden").build()).build();
        assertThat(MutationOutcome.succeeded(response(result))).isFalse();
    }

    @Test
    void aNullPayloadOrNoDataIsAFailure() {
        Map<String, Object> nullPayload = new HashMap<>();
        nullPayload.put("createClient", null);
        assertThat(MutationOutcome.succeeded(response(nullPayload))).as("a field that answered null").isFalse();
        assertThat(MutationOutcome.succeeded(response(ExecutionResult.newExecutionResult().build())))
                .as("null data").isFalse();
        assertThat(MutationOutcome.succeeded(response(Map.of()))).as("no field").isFalse();
    }

    @Test
    void onlyThePayloadsOwnUserErrorsCountNotAFieldOfThatNameDeeperIn() {
        // a nested object's "userErrors" (no payload of the schema has one, but an alias could) is data
        Map<String, Object> nested = Map.of("client", Map.of("userErrors", List.of("looks like one")),
                "userErrors", List.of());
        assertThat(MutationOutcome.succeeded(response(Map.of("createClient", nested)))).isTrue();
        // and a payload whose own userErrors is non-empty fails whatever it holds deeper in
        Map<String, Object> refusedDeep = Map.of("client", Map.of("userErrors", List.of()),
                "userErrors", List.of(Map.of("code", "CONFLICT")));
        assertThat(MutationOutcome.succeeded(response(Map.of("updateClient", refusedDeep)))).isFalse();
    }

    private static WebGraphQlResponse response(Map<String, Object> data) {
        return response(ExecutionResult.newExecutionResult().data(data).build());
    }

    private static WebGraphQlResponse response(ExecutionResult result) {
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                ExecutionInput.newExecutionInput("mutation { x }").build(), result));
    }
}
