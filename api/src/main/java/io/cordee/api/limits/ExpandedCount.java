package io.cordee.api.limits;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.InputValueWithState;
import io.cordee.core.common.PageRequest;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Depth, aliases, page sizes and cost of one operation, with every fragment spread counted as what it
 * expands to: the fields it selects, as many times as it is spread, recursively (fragments within
 * fragments, inline fragments). {@code @skip}/{@code @include} are honoured; fields that execution
 * would merge ({@code { a { x } a { y } }}) are counted each time, an upper bound.
 *
 * <p>Each fragment's figures (depth below it, aliases, cost) are worked out once and reused at each of
 * its spreads, so the work is linear in the size of the document however much it expands: a "fragment
 * bomb" (fragments spreading each other ten times, 10^6 fields from 600 characters) is counted in a few
 * hundred steps, and its figures come out exact (the cost saturating at {@link Long#MAX_VALUE}).
 *
 * <p>graphql-java's {@code QueryTraverser} (and with it {@code MaxQueryComplexityInstrumentation} and
 * {@code MaxQueryDepthInstrumentation}) walks the document with a set of visited AST nodes: a fragment's
 * second spread is the same {@code FragmentDefinition} node, so it is not descended again and a fragment
 * counts once however often it is spread (ADR 24).
 */
final class ExpandedCount {

    /** What a selection set adds up to: its deepest field (counting itself), its aliases and its cost. */
    record Figures(int depth, long aliases, long cost) {
        static final Figures NONE = new Figures(0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(Math.max(depth, other.depth), saturatedAdd(aliases, other.aliases),
                    saturatedAdd(cost, other.cost));
        }
    }

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final int listSizeEstimate;
    private final ListBounds bounds;
    /** Per fragment and enclosing page size (a fragment on a connection type multiplies its nodes by it). */
    private final Map<String, Figures> fragmentFigures = new HashMap<>();
    private final Set<String> expanding = new LinkedHashSet<>();
    final Set<String> pagesOutOfRange = new LinkedHashSet<>();
    /** Selections looked at: the work done, linear in the document. */
    long visited;

    ExpandedCount(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
                  int listSizeEstimate, ListBounds bounds) {
        this.schema = schema;
        this.bounds = bounds;
        this.fragments = fragments;
        this.variables = variables;
        this.listSizeEstimate = listSizeEstimate;
    }

    Figures operation(OperationDefinition operation) {
        GraphQLObjectType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        return selections(operation.getSelectionSet(), root, null);
    }

    /**
     * @param parentType          the type the selections are made on
     * @param enclosingConnection the field whose selection set this is, when it is a connection: its
     *                            {@code nodes}/{@code edges} hold a page
     */
    private Figures selections(SelectionSet set, GraphQLCompositeType parentType, Long enclosingPage) {
        Figures figures = Figures.NONE;
        if (set == null) {
            return figures;
        }
        for (Selection<?> selection : set.getSelections()) {
            visited++;
            if (selection instanceof Field field) {
                if (Directives.included(field.getDirectives(), variables)) {
                    figures = figures.plus(field(field, parentType, enclosingPage));
                }
            } else if (selection instanceof InlineFragment inline) {
                if (Directives.included(inline.getDirectives(), variables)) {
                    GraphQLCompositeType type = inline.getTypeCondition() == null ? parentType
                            : compositeType(inline.getTypeCondition().getName(), parentType);
                    figures = figures.plus(selections(inline.getSelectionSet(), type, enclosingPage));
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition definition = fragments.get(spread.getName());
                if (definition != null && Directives.included(spread.getDirectives(), variables)
                        && Directives.included(definition.getDirectives(), variables)) {
                    figures = figures.plus(fragment(definition, enclosingPage));
                }
            }
        }
        return figures;
    }

    private Figures fragment(FragmentDefinition definition, Long enclosingPage) {
        String key = definition.getName() + "@" + enclosingPage;
        Figures known = fragmentFigures.get(key);
        if (known != null) {
            return known;
        }
        if (!expanding.add(key)) {
            return Figures.NONE; // a cycle: refused by validation (NoFragmentCycles) before we are asked
        }
        GraphQLCompositeType type = compositeType(definition.getTypeCondition().getName(), null);
        Figures figures = type == null ? Figures.NONE : selections(definition.getSelectionSet(), type, enclosingPage);
        expanding.remove(key);
        fragmentFigures.put(key, figures);
        return figures;
    }

    private Figures field(Field field, GraphQLCompositeType parentType, Long enclosingPage) {
        GraphQLFieldDefinition definition = definition(parentType, field.getName());
        long aliases = field.getAlias() != null ? 1 : 0;
        if (definition == null) {
            return new Figures(1, aliases, 0);
        }
        bounds.check(field, definition);
        boolean connection = isConnection(definition);
        Long page = null;
        if (connection) {
            page = pageSize(field, definition);
        }
        GraphQLOutputType type = definition.getType();
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        Figures children = unwrapped instanceof GraphQLCompositeType composite
                ? selections(field.getSelectionSet(), composite, page) : Figures.NONE;
        long cost;
        if (definition.getName().startsWith("__") || !(unwrapped instanceof GraphQLCompositeType)) {
            cost = 0; // introspection is as large as the schema, whatever the data; scalars are in their object
        } else {
            long items = 1;
            if (enclosingPage != null && ("nodes".equals(field.getName()) || "edges".equals(field.getName()))) {
                items = enclosingPage;
            } else if (GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList) {
                items = listSizeEstimate;
            }
            cost = saturatedMultiply(items, saturatedAdd(1, children.cost()));
        }
        return new Figures(children.depth() + 1, saturatedAdd(aliases, children.aliases()), cost);
    }

    /** The page a connection asks for ({@code first}, else the default page); out-of-range ones noted. */
    private long pageSize(Field field, GraphQLFieldDefinition definition) {
        Object first = argument(field, definition.getArgument("first"));
        if (first instanceof Number n) {
            if (n.longValue() < 0 || n.longValue() > PageRequest.MAX_SIZE) {
                pagesOutOfRange.add(field.getResultKey() + "(first: " + n + ")");
            }
            return Math.max(0, n.longValue());
        }
        return PageRequest.DEFAULT_SIZE;
    }

    /** An Int argument's value: the literal, the (coerced) variable, or the schema's default. */
    private Object argument(Field field, GraphQLArgument definition) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals(definition.getName())) {
                return literal(argument.getValue());
            }
        }
        InputValueWithState defaultValue = definition.getArgumentDefaultValue();
        if (defaultValue.isLiteral() && defaultValue.getValue() instanceof Value<?> value) {
            return literal(value);
        }
        return defaultValue.isExternal() ? defaultValue.getValue() : null;
    }

    private Object literal(Value<?> value) {
        if (value instanceof IntValue i) {
            return i.getValue();
        }
        if (value instanceof VariableReference ref) {
            return variables.get(ref.getName());
        }
        return null;
    }

    private GraphQLFieldDefinition definition(GraphQLCompositeType parentType, String name) {
        if ("__typename".equals(name)) {
            return schema.getIntrospectionTypenameFieldDefinition();
        }
        if (parentType == schema.getQueryType()) {
            if ("__schema".equals(name)) {
                return schema.getIntrospectionSchemaFieldDefinition();
            }
            if ("__type".equals(name)) {
                return schema.getIntrospectionTypeFieldDefinition();
            }
        }
        return parentType instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
    }

    private GraphQLCompositeType compositeType(String name, GraphQLCompositeType fallback) {
        return schema.getType(name) instanceof GraphQLCompositeType type ? type : fallback;
    }

    /** A Relay connection: a {@code …Connection} object paged by {@code first}. */
    static boolean isConnection(GraphQLFieldDefinition definition) {
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
        return type instanceof GraphQLObjectType object && object.getName().endsWith("Connection")
                && definition.getArgument("first") != null;
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

    /** {@code @skip(if:)} and {@code @include(if:)}, with a literal or a variable. */
    static final class Directives {
        private Directives() {
        }

        static boolean included(List<graphql.language.Directive> directives, Map<String, Object> variables) {
            for (graphql.language.Directive directive : directives) {
                boolean skip = "skip".equals(directive.getName());
                if (!skip && !"include".equals(directive.getName())) {
                    continue;
                }
                Argument condition = directive.getArgument("if");
                Object value = condition == null ? null : condition.getValue() instanceof graphql.language.BooleanValue b
                        ? b.isValue() : condition.getValue() instanceof VariableReference ref ? variables.get(ref.getName())
                        : null;
                if (value instanceof Boolean on && on == skip) {
                    return false;
                }
            }
            return true;
        }
    }
}
