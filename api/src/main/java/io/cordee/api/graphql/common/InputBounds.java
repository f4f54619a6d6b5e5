package io.cordee.api.graphql.common;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import io.cordee.api.pipeline.RequestPipeline;
import io.cordee.core.common.Bounds;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every date and amount of every operation within the documented bounds ({@link Bounds}, ADR 38), in one
 * place rather than in each of some thirty inputs. Before a field with arguments runs, its coerced
 * arguments are walked: a {@code Date} outside 2000-01-01 … 2100-12-31, or a {@code MoneyInput}'s
 * {@code amountMinor} beyond ±10^13, is refused naming the field ({@code milestones[1].date},
 * {@code amount.amountMinor}, relative to the mutation's {@code input} as the services name fields).
 * A mutation answers its payload with {@code userErrors} (a map holding only them: the result is null)
 * and runs nothing; a query field fails with {@code OUT_OF_RANGE} and its {@code userErrors} in the
 * extensions (GraphQlErrors). Impossible calendar dates never get this far: the {@code Date} scalar
 * refuses them (StrictScalars, ADR 26).
 */
@Component
@Order(RequestPipeline.INPUT_BOUNDS)
public class InputBounds extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()
                || parameters.getExecutionStepInfo().getFieldDefinition().getArguments().isEmpty()) {
            return dataFetcher;
        }
        GraphQLObjectType parent = parameters.getExecutionStepInfo().getObjectType();
        boolean mutation = parent != null && "Mutation".equals(parent.getName());
        return env -> {
            List<FieldError> errors = new ArrayList<>();
            env.getArguments().forEach((name, value) ->
                    walk(mutation && "input".equals(name) ? "" : name, value, errors));
            if (errors.isEmpty()) {
                return dataFetcher.get(env);
            }
            if (!mutation) {
                throw new InvalidInput(errors);
            }
            Map<String, Object> payload = new HashMap<>();
            payload.put("userErrors", errors.stream().map(UserError::of).toList());
            return payload;
        };
    }

    /** The broken bounds under {@code value}, at {@code path}. */
    static void walk(String path, Object value, List<FieldError> errors) {
        if (value instanceof LocalDate date) {
            if (!Bounds.dateInRange(date)) {
                errors.add(new FieldError(path, Bounds.dateMessage(date), ErrorCode.OUT_OF_RANGE));
            }
        } else if (value instanceof Map<?, ?> map) {
            if (map.containsKey("amountMinor") && map.get("amountMinor") instanceof Number n
                    && !Bounds.amountInRange(n.longValue())) {
                errors.add(new FieldError(join(path, "amountMinor"), Bounds.amountMessage(n.longValue()),
                        ErrorCode.OUT_OF_RANGE));
            }
            map.forEach((k, v) -> {
                if (!"amountMinor".equals(k)) {
                    walk(join(path, String.valueOf(k)), v, errors);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "[" + i + "]", list.get(i), errors);
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
