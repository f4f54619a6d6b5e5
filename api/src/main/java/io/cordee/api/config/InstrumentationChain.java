package io.cordee.api.config;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import java.util.List;

/**
 * graphql-java's chain of the application's instrumentations (RequestPipeline.INSTRUMENTATIONS, in that order),
 * without the chain's cost per field for the hooks that none of them implements (ADR 97). {@link ChainedInstrumentation}
 * answers every hook of every field and object — begin execution, fetching, completion, list completion — with a
 * list of its members' contexts, built for the occasion, even when each member answers its no-op: a 26-week forecast
 * paid that some 500 times a request. Here a hook that no member overrides answers graphql-java's own no-op context
 * at once, as a lone {@link SimplePerformantInstrumentation} would; a hook that one member implements goes through
 * the chain as before. Which hooks are implemented is read once, from the members' classes.
 */
public final class InstrumentationChain extends ChainedInstrumentation {

    private final boolean executionStrategy;
    private final boolean executeObject;
    private final boolean fieldExecution;
    private final boolean fieldFetching;
    private final boolean fieldCompletion;
    private final boolean fieldListCompletion;

    public InstrumentationChain(List<Instrumentation> instrumentations) {
        super(instrumentations);
        this.executionStrategy = implemented("beginExecutionStrategy", InstrumentationExecutionStrategyParameters.class);
        this.executeObject = implemented("beginExecuteObject", InstrumentationExecutionStrategyParameters.class);
        this.fieldExecution = implemented("beginFieldExecution", InstrumentationFieldParameters.class);
        // graphql-java asks beginFieldFetching, whose default asks beginFieldFetch
        this.fieldFetching = implemented("beginFieldFetching", InstrumentationFieldFetchParameters.class)
                || implemented("beginFieldFetch", InstrumentationFieldFetchParameters.class);
        this.fieldCompletion = implemented("beginFieldCompletion", InstrumentationFieldCompleteParameters.class);
        this.fieldListCompletion = implemented("beginFieldListCompletion", InstrumentationFieldCompleteParameters.class);
    }

    /**
     * Whether a member's class declares {@code hook} itself (or one of its own ancestors does, other than
     * graphql-java's defaults); a member whose method cannot be found counts as implementing it.
     */
    private boolean implemented(String hook, Class<?> parameters) {
        for (Instrumentation member : getInstrumentations()) {
            try {
                Class<?> declaring = member.getClass().getMethod(hook, parameters, InstrumentationState.class)
                        .getDeclaringClass();
                if (declaring != Instrumentation.class && declaring != SimplePerformantInstrumentation.class) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                return true;
            }
        }
        return false;
    }

    /** Which of the per-field and per-object hooks some member implements (for the tests). */
    boolean[] implementedHooks() {
        return new boolean[] {executionStrategy, executeObject, fieldExecution, fieldFetching, fieldCompletion,
            fieldListCompletion};
    }

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
            InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
        return executionStrategy ? super.beginExecutionStrategy(parameters, state)
                : ExecutionStrategyInstrumentationContext.NOOP;
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                                                                  InstrumentationState state) {
        return executeObject ? super.beginExecuteObject(parameters, state) : ExecuteObjectInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
                                                              InstrumentationState state) {
        return fieldExecution ? super.beginFieldExecution(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                                                          InstrumentationState state) {
        return fieldFetching ? super.beginFieldFetch(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                                                                  InstrumentationState state) {
        return fieldFetching ? super.beginFieldFetching(parameters, state) : FieldFetchingInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                                                               InstrumentationState state) {
        return fieldCompletion ? super.beginFieldCompletion(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                   InstrumentationState state) {
        return fieldListCompletion ? super.beginFieldListCompletion(parameters, state)
                : SimpleInstrumentationContext.noOp();
    }
}
