package io.cordee.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphQLContext;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import io.cordee.api.pipeline.RequestDocuments;
import io.cordee.core.common.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Looks at the whole operation before any field runs, with its fragments expanded ({@link ExpandedCount}:
 * each spread counts as what it expands to, variables and argument defaults applied,
 * {@code @skip}/{@code @include} honoured), and refuses it, with nothing executed, when it is too deep,
 * uses too many aliases, pages a connection by more than {@value PageRequest#MAX_SIZE}, hands in a list
 * longer than its bound ({@link ListBounds}), or would return too many objects.
 *
 * <p>The cost is the estimated number of objects in the answer, in the spirit of GitHub's node limit
 * and Shopify's calculated cost: an object field costs 1 plus what it selects; a connection's
 * {@code nodes}/{@code edges} are multiplied by its {@code first} (the default page size,
 * {@value PageRequest#DEFAULT_SIZE}, when absent); a plain list by {@code cordee.limits.list-size-estimate};
 * scalars cost nothing, nor does introspection (bounded by the schema). Arithmetic saturates, so no
 * nesting can wrap the estimate round to a small number.
 *
 * <p>It also lets a timed-out request cancel its running fields: see {@link InFlight}.
 */
public class QueryLimits extends SimplePerformantInstrumentation {

    private final LimitsProperties limits;
    /**
     * The refusals of an operation with given variables (ADR 84): kept documents (ADR 50) hand graphql-java
     * the same {@link OperationDefinition} object every time, and the schema and limits never change while
     * the process runs, so the analysis of (that object, the variables) is worked out once. Nodes compare by
     * identity: a document parsed again is a new key. Null when off ({@code cordee.limits.analysis-cache-size=0}).
     */
    private final Cache<AnalysisKey, List<GraphQLError>> refusals;

    private record AnalysisKey(OperationDefinition operation, Map<String, Object> variables) {
    }

    public QueryLimits(LimitsProperties limits) {
        this(limits, 1000);
    }

    public QueryLimits(LimitsProperties limits, int cacheSize) {
        this.limits = limits;
        this.refusals = cacheSize > 0 ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Map<String, Object> variables = context.getCoercedVariables().toMap();
        List<GraphQLError> refusals = this.refusals == null ? refusals(context, variables)
                : this.refusals.get(new AnalysisKey(context.getOperationDefinition(), variables),
                        key -> refusals(context, variables));
        if (!refusals.isEmpty()) {
            throw new AbortExecutionException(refusals);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private List<GraphQLError> refusals(ExecutionContext context, Map<String, Object> variables) {
        return List.copyOf(analyse(context.getGraphQLSchema(), context.getOperationDefinition(),
                context.getFragmentsByName(), variables).refusals(limits));
    }

    /**
     * What the operation asks for: its depth, aliases, pages out of range, lists over their bound and
     * estimated cost; {@code visited} is the number of selections looked at to find out.
     */
    record Analysis(int depth, long aliases, List<String> pagesOutOfRange, List<ListBounds.Violation> listsTooLong,
                    long cost, long visited) {

        List<GraphQLError> refusals(LimitsProperties limits) {
            List<GraphQLError> errors = new ArrayList<>();
            for (ListBounds.Violation list : listsTooLong) {
                errors.add(LimitErrors.error(LimitErrors.Classification.BAD_REQUEST, LimitErrors.OUT_OF_RANGE,
                        "`" + String.join(".", list.field()) + "` of `" + list.at() + "` holds " + list.items()
                                + " items; at most " + list.limit() + " are allowed",
                        "field", list.field(), "items", list.items(), "limit", list.limit()));
            }
            for (String page : pagesOutOfRange) {
                errors.add(LimitErrors.error(LimitErrors.Classification.BAD_REQUEST, LimitErrors.OUT_OF_RANGE,
                        "`first` must be between 0 and " + PageRequest.MAX_SIZE + ": " + page,
                        "field", List.of("first"), "limit", PageRequest.MAX_SIZE));
            }
            if (depth > limits.maxDepth()) {
                errors.add(LimitErrors.error(LimitErrors.Classification.BAD_REQUEST, LimitErrors.DEPTH_LIMIT_EXCEEDED,
                        "The query is " + depth + " levels deep; at most " + limits.maxDepth() + " are allowed",
                        "depth", depth, "limit", limits.maxDepth()));
            }
            if (aliases > limits.maxAliases()) {
                errors.add(LimitErrors.error(LimitErrors.Classification.BAD_REQUEST, LimitErrors.ALIAS_LIMIT_EXCEEDED,
                        "The query uses " + aliases + " aliases; at most " + limits.maxAliases() + " are allowed",
                        "aliases", aliases, "limit", limits.maxAliases()));
            }
            if (pagesOutOfRange.isEmpty() && cost > limits.maxCost()) {
                errors.add(LimitErrors.error(LimitErrors.Classification.BAD_REQUEST, LimitErrors.COST_LIMIT_EXCEEDED,
                        "The query would cost " + cost + " (the objects it could return) and the limit is "
                                + limits.maxCost() + ": ask for smaller pages (`first`) or fewer nested lists",
                        "cost", cost, "limit", limits.maxCost()));
            }
            return errors;
        }
    }

    /** The analysis of one document against a schema, as the server makes it (for tests and tools). */
    Analysis analyse(GraphQLSchema schema, String document, Map<String, Object> variables) {
        Document parsed = RequestDocuments.parse(document);
        NodeUtil.GetOperationResult operation = NodeUtil.getOperation(parsed, null);
        CoercedVariables coerced = ValuesResolver.coerceVariableValues(schema,
                operation.operationDefinition.getVariableDefinitions(), RawVariables.of(variables),
                GraphQLContext.getDefault(), Locale.getDefault());
        return analyse(schema, operation.operationDefinition, operation.fragmentsByName, coerced.toMap());
    }

    Analysis analyse(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                     Map<String, Object> variables) {
        ListBounds bounds = new ListBounds(limits.maxListItems(), variables);
        ExpandedCount count = new ExpandedCount(schema, fragments, variables, limits.listSizeEstimate(), bounds);
        ExpandedCount.Figures figures = count.operation(operation);
        return new Analysis(figures.depth(), figures.aliases(), List.copyOf(count.pagesOutOfRange),
                bounds.violations(), figures.cost(), count.visited);
    }

    // ---- cancelling the running fields of a request that timed out -----------------------------

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher() || dataFetcher instanceof LightDataFetcher) {
            return dataFetcher; // plain reads of a loaded object: nothing to cancel, and the forecast has thousands
        }
        InFlight inFlight = parameters.getExecutionContext().getGraphQLContext().get(InFlight.KEY);
        if (inFlight == null) {
            return dataFetcher;
        }
        return env -> inFlight.track(dataFetcher.get(env));
    }
}
