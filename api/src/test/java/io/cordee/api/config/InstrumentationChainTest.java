package io.cordee.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import io.cordee.api.graphql.common.InputBounds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ADR 97: the chain answers graphql-java's no-op at once for the per-field hooks no member implements. */
class InstrumentationChainTest {

    /** The order of {@link InstrumentationChain#implementedHooks()}. */
    private static final List<String> HOOKS = List.of("executionStrategy", "executeObject", "fieldExecution",
            "fieldFetching", "fieldCompletion", "fieldListCompletion");

    @Test
    void theApplicationsInstrumentationsImplementNoPerFieldHook() {
        // InputBounds (like QueryLimits) wraps data fetchers and checks the operation: nothing per field besides
        InstrumentationChain chain = new InstrumentationChain(List.of(new InputBounds(), new SimplePerformantInstrumentation()));

        assertThat(chain.implementedHooks()).containsOnly(false);
        assertThat(chain.beginFieldExecution(null, null)).isSameAs(SimpleInstrumentationContext.noOp());
        assertThat(chain.beginFieldFetching(null, null)).isSameAs(FieldFetchingInstrumentationContext.NOOP);
        assertThat(chain.beginFieldCompletion(null, null)).isSameAs(SimpleInstrumentationContext.noOp());
    }

    @Test
    void aHookOneMemberImplementsGoesThroughTheChain() {
        SimplePerformantInstrumentation completing = new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                       InstrumentationState state) {
                return SimpleInstrumentationContext.noOp();
            }
        };
        SimplePerformantInstrumentation fetching = new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                                                                  InstrumentationState state) {
                return SimpleInstrumentationContext.noOp();
            }
        };

        InstrumentationChain chain = new InstrumentationChain(List.of(new InputBounds(), completing, fetching));

        // only fieldCompletion (by its own hook) and fieldFetching (through beginFieldFetch, which it defaults to)
        List<String> implemented = HOOKS.stream().filter(h -> chain.implementedHooks()[HOOKS.indexOf(h)]).toList();
        assertThat(implemented).containsExactly("fieldFetching", "fieldCompletion");
        assertThat(chain.getInstrumentations()).hasSize(3);
    }
}
