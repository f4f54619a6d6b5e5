package io.cordee.api.limits;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Field;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every list a request hands in — an argument, a field of an input object, at any depth, written in the
 * document or sent as a variable — holds at most its bound: the {@code @maxItems(value:)} of its
 * argument or input field in the schema, else {@code cordee.limits.max-list-items}. Checked on the
 * document and the coerced variables before anything runs, so an unbounded list cannot reach a
 * computation whatever the resolver does, and a list field added to the schema is bounded without a line
 * of code (ADR 24).
 */
final class ListBounds {

    /** The schema directive that sets a list input's bound. */
    static final String DIRECTIVE = "maxItems";

    /** A list over its bound: where (argument, then input fields and indexes), how long, the bound. */
    record Violation(String at, List<String> field, int items, int limit) {
    }

    private final int defaultBound;
    private final Map<String, Object> variables;
    private final Map<String, Violation> violations = new LinkedHashMap<>();

    ListBounds(int defaultBound, Map<String, Object> variables) {
        this.defaultBound = defaultBound;
        this.variables = variables;
    }

    List<Violation> violations() {
        return List.copyOf(violations.values());
    }

    /** The bound of a list-typed argument or input field. */
    static int boundOf(GraphQLDirectiveContainer inputValue, int defaultBound) {
        GraphQLAppliedDirective directive = inputValue.getAppliedDirective(DIRECTIVE);
        if (directive == null) {
            return defaultBound;
        }
        GraphQLAppliedDirectiveArgument value = directive.getArgument("value");
        return value == null || !(value.getValue() instanceof Number n) ? defaultBound : n.intValue();
    }

    /** Checks the arguments of one field of the document. */
    void check(Field field, GraphQLFieldDefinition definition) {
        for (Argument argument : field.getArguments()) {
            GraphQLArgument declared = definition.getArgument(argument.getName());
            if (declared != null) {
                List<String> path = new ArrayList<>(List.of(argument.getName()));
                literal(field.getResultKey(), argument.getValue(), declared.getType(), boundOf(declared, defaultBound),
                        path);
            }
        }
    }

    private void literal(String at, Value<?> value, GraphQLInputType type, int bound, List<String> path) {
        if (value instanceof VariableReference ref) {
            coerced(at, variables.get(ref.getName()), type, bound, path);
            return;
        }
        GraphQLInputType nullable = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (nullable instanceof GraphQLList list) {
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            if (value instanceof ArrayValue array) {
                if (over(at, array.getValues().size(), bound, path)) {
                    return;
                }
                for (int i = 0; i < array.getValues().size(); i++) {
                    literal(at, array.getValues().get(i), element, bound, with(path, Integer.toString(i)));
                }
            } else {
                literal(at, value, element, bound, path); // one item standing for a list of one
            }
        } else if (nullable instanceof GraphQLInputObjectType object && value instanceof ObjectValue fields) {
            for (ObjectField f : fields.getObjectFields()) {
                GraphQLInputObjectField declared = object.getField(f.getName());
                if (declared != null) {
                    literal(at, f.getValue(), declared.getType(), boundOf(declared, defaultBound),
                            with(path, f.getName()));
                }
            }
        }
    }

    private void coerced(String at, Object value, GraphQLInputType type, int bound, List<String> path) {
        GraphQLInputType nullable = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (nullable instanceof GraphQLList list) {
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            if (value instanceof List<?> items) {
                if (over(at, items.size(), bound, path)) {
                    return;
                }
                for (int i = 0; i < items.size(); i++) {
                    coerced(at, items.get(i), element, bound, with(path, Integer.toString(i)));
                }
            } else if (value != null) {
                coerced(at, value, element, bound, path);
            }
        } else if (nullable instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> entry : fields.entrySet()) {
                GraphQLInputObjectField declared = object.getField(String.valueOf(entry.getKey()));
                if (declared != null) {
                    coerced(at, entry.getValue(), declared.getType(), boundOf(declared, defaultBound),
                            with(path, declared.getName()));
                }
            }
        }
    }

    private boolean over(String at, int items, int bound, List<String> path) {
        if (items <= bound) {
            return false;
        }
        violations.putIfAbsent(at + " " + path, new Violation(at, List.copyOf(path), items, bound));
        return true;
    }

    private static List<String> with(List<String> path, String step) {
        List<String> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(step);
        return longer;
    }
}
