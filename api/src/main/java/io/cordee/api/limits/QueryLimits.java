package io.cordee.api.limits;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.parser.Parser;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;
import io.cordee.core.common.PageRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks at the whole operation before any field runs (graphql-java's {@link QueryTraverser}: fragments
 * expanded, variables and argument defaults applied, {@code @skip}/{@code @include} honoured) and
 * refuses it, with nothing executed, when it is too deep, uses too many aliases, pages a connection by
 * more than {@value PageRequest#MAX_SIZE}, or would return too many objects.
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

    /** A fragment bomb expands a short document into millions of fields: stop counting long before. */
    static final int MAX_FIELDS_VISITED = 100_000;

    private final LimitsProperties limits;

    public QueryLimits(LimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build();
        List<GraphQLError> refusals = analyse(traverser).refusals(limits);
        if (!refusals.isEmpty()) {
            throw new AbortExecutionException(refusals);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** What the operation asks for: its depth, aliases, pages out of range and estimated cost. */
    record Analysis(int depth, int aliases, List<String> pagesOutOfRange, long cost, boolean tooManyFields) {

        List<GraphQLError> refusals(LimitsProperties limits) {
            List<GraphQLError> errors = new ArrayList<>();
            if (tooManyFields) {
                errors.add(LimitErrors.error(LimitErrors.Classification.BAD_REQUEST, LimitErrors.COST_LIMIT_EXCEEDED,
                        "The query expands to more than " + MAX_FIELDS_VISITED + " fields: ask for less",
                        "cost", cost, "limit", limits.maxCost()));
                return errors;
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
        return analyse(QueryTraverser.newQueryTraverser().schema(schema).document(Parser.parse(document))
                .variables(variables).build());
    }

    Analysis analyse(QueryTraverser traverser) {
        CostVisitor visitor = new CostVisitor(limits.listSizeEstimate());
        try {
            traverser.visitPostOrder(visitor);
        } catch (TooManyFields e) {
            return new Analysis(visitor.depth, visitor.aliases, visitor.pagesOutOfRange, Long.MAX_VALUE, true);
        }
        return new Analysis(visitor.depth, visitor.aliases, visitor.pagesOutOfRange, visitor.total, false);
    }

    private static final class TooManyFields extends RuntimeException {
        TooManyFields() {
            super(null, null, false, false);
        }
    }

    /** Post-order: a field is visited after everything it selects, so its children's cost is known. */
    private static final class CostVisitor extends QueryVisitorStub {

        private final int listSizeEstimate;
        private final Map<QueryVisitorFieldEnvironment, Long> childCost = new HashMap<>();
        private final List<String> pagesOutOfRange = new ArrayList<>();
        private int visited;
        private int depth;
        private int aliases;
        private long total;

        CostVisitor(int listSizeEstimate) {
            this.listSizeEstimate = listSizeEstimate;
        }

        @Override
        public void visitField(QueryVisitorFieldEnvironment env) {
            if (++visited > MAX_FIELDS_VISITED) {
                throw new TooManyFields();
            }
            depth = Math.max(depth, depthOf(env));
            if (env.getField().getAlias() != null) {
                aliases++;
            }
            Long children = childCost.remove(env);
            long cost = cost(env, children == null ? 0 : children);
            QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
            if (parent == null) {
                total = saturatedAdd(total, cost);
            } else {
                childCost.merge(parent, cost, QueryLimits::saturatedAdd);
            }
        }

        private long cost(QueryVisitorFieldEnvironment env, long children) {
            GraphQLFieldDefinition definition = env.getFieldDefinition();
            if (definition.getName().startsWith("__")) {
                return 0; // introspection: as large as the schema, whatever the data
            }
            if (isConnection(definition)) {
                checkPageSize(env);
            }
            GraphQLOutputType type = definition.getType();
            if (GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(type))) {
                return 0;
            }
            long items = 1;
            QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
            if (parent != null && isConnection(parent.getFieldDefinition())
                    && ("nodes".equals(definition.getName()) || "edges".equals(definition.getName()))) {
                items = pageSize(parent);
            } else if (GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList) {
                items = listSizeEstimate;
            }
            return saturatedMultiply(items, saturatedAdd(1, children));
        }

        private void checkPageSize(QueryVisitorFieldEnvironment env) {
            Object first = env.getArguments().get("first");
            if (first instanceof Number n && (n.longValue() < 0 || n.longValue() > PageRequest.MAX_SIZE)) {
                pagesOutOfRange.add(env.getField().getResultKey() + "(first: " + n + ")");
            }
        }

        private static long pageSize(QueryVisitorFieldEnvironment connection) {
            Object first = connection.getArguments().get("first");
            return first instanceof Number n ? Math.max(0, n.longValue()) : PageRequest.DEFAULT_SIZE;
        }

        /** A Relay connection: a {@code …Connection} object paged by {@code first}. */
        private static boolean isConnection(GraphQLFieldDefinition definition) {
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
            return type instanceof GraphQLObjectType object && object.getName().endsWith("Connection")
                    && definition.getArgument("first") != null;
        }

        private static int depthOf(QueryVisitorFieldEnvironment env) {
            int depth = 1;
            for (QueryVisitorFieldEnvironment p = env.getParentEnvironment(); p != null; p = p.getParentEnvironment()) {
                depth++;
            }
            return depth;
        }
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
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
