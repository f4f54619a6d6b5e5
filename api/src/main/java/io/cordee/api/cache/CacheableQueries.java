package io.cordee.api.cache;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which queries the response cache may keep (ADR 91): those whose answer is a pure function of the agency's data
 * version, its today, the caller's role and the request itself. A query qualifies when every field it selects, at
 * every depth, through fragments, is on {@link #ALLOWED}, with the arguments {@link #argumentsAllowed} accepts; the
 * {@code @include}/{@code @skip} conditions are decided with the request's variables, so a field they leave out
 * does not count. Anything else — an unknown directive, a field not listed, a fragment that cannot be followed, a
 * mutation or subscription — is not kept: the list errs on the side of computing.
 *
 * <p>A field belongs on the list only when what it answers is read from tables that move the data version (ADR 47's
 * trigger: agency, agency_holiday, allocation, bank_account, bank_balance, client, invoice, one_off_expense,
 * overhead, payment, project, team_member, team_absence), the request's arguments and the agency's today, and
 * depends on the caller only through the role. So not {@code withPipeline: true} (the open deals move no version),
 * not the viewer, alerts or anything per user.
 */
final class CacheableQueries {

    /** {@code Type.field}: the fields of the cockpit's forecast and of a client's exposure, and the few they reach. */
    static final Set<String> ALLOWED = Set.of(
            "Query.cashForecast", "CashForecast.asOf", "CashForecast.scenario", "CashForecast.opening",
            "CashForecast.safetyThreshold", "CashForecast.weeks", "CashForecast.lowestBalance",
            "CashForecast.lowestWeek", "CashForecast.firstWeekBelowThreshold",
            "ForecastWeek.weekStart", "ForecastWeek.isoWeek", "ForecastWeek.inflow", "ForecastWeek.outflow",
            "ForecastWeek.closing", "ForecastWeek.inflowByClient", "ClientInflow.client", "ClientInflow.amount",
            "Query.exposure", "ClientExposure.client", "ClientExposure.weeks", "ClientExposure.peak",
            "ClientExposure.peakWeek", "ClientExposure.weeksAboveZero", "ExposureWeek.weekStart",
            "ExposureWeek.exposure",
            "Money.amountMinor", "Money.currency", "Money.amount", "Client.id", "Client.name");

    /** Deeper than any allowed query goes: a fragment that spreads itself stops here instead of looping. */
    private static final int MAX_DEPTH = 16;

    private final Supplier<GraphQLSchema> schema;

    CacheableQueries(Supplier<GraphQLSchema> schema) {
        this.schema = schema;
    }

    /** Whether {@code operation} of {@code document} (the one the request runs; null if none) may be kept. */
    boolean cacheable(Document document, OperationDefinition operation, Map<String, Object> variables) {
        if (operation == null || operation.getOperation() != OperationDefinition.Operation.QUERY
                || !operation.getDirectives().isEmpty()) {
            return false;
        }
        Walk walk = new Walk(document, operation, variables == null ? Map.of() : variables, new boolean[1]);
        // and at least one listed field: `{ __typename }` alone is answered faster than its data version is read
        return walk.allowed(operation.getSelectionSet(), schema.get().getQueryType(), 0) && walk.listed()[0];
    }

    /**
     * The arguments a listed field may be asked with: every one, except {@code cashForecast}'s {@code withPipeline}
     * unless false or null (the pipeline's deals are not versioned, ADR 53), and its {@code scenario} unless absent,
     * null or a named one without adjustments: a custom scenario is a one-off what-if, whose adjustments would make
     * a large key that is never asked again, and whose bounds the request must meet before anything is read.
     */
    private static boolean argumentsAllowed(String coordinate, Field field, Walk walk) {
        if (!coordinate.equals("Query.cashForecast")) {
            return true;
        }
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals("withPipeline")) {
                Object value = walk.value(argument.getValue());
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return false;
                }
            } else if (argument.getName().equals("scenario") && !namedScenario(walk.value(argument.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** Null, or a scenario (a variable's map or a literal object) of a kind other than CUSTOM, without adjustments. */
    private static boolean namedScenario(Object scenario) {
        if (scenario == null) {
            return true;
        }
        if (scenario instanceof Map<?, ?> variable) {
            return variable.get("kind") instanceof String kind && !kind.equals("CUSTOM")
                    && variable.get("adjustments") == null;
        }
        if (scenario instanceof ObjectValue literal) {
            return literal.getObjectFields().size() == 1 && literal.getObjectFields().get(0).getName().equals("kind")
                    && literal.getObjectFields().get(0).getValue() instanceof EnumValue kind
                    && !kind.getName().equals("CUSTOM");
        }
        return false;
    }

    /** {@code listed[0]}: whether a listed field was met (set by the walk). */
    private record Walk(Document document, OperationDefinition operation, Map<String, Object> variables,
                        boolean[] listed) {

        boolean allowed(SelectionSet selections, GraphQLObjectType type, int depth) {
            if (selections == null || depth > MAX_DEPTH) {
                return false;
            }
            for (Selection<?> selection : selections.getSelections()) {
                Boolean included = selection instanceof DirectivesContainer<?> d ? included(d.getDirectives()) : null;
                if (included == null) {
                    return false;
                }
                if (!included) {
                    continue;
                }
                boolean allowed;
                if (selection instanceof Field field) {
                    allowed = field(field, type, depth);
                } else if (selection instanceof InlineFragment inline) {
                    allowed = (inline.getTypeCondition() == null
                            || inline.getTypeCondition().getName().equals(type.getName()))
                            && allowed(inline.getSelectionSet(), type, depth + 1);
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                            .filter(f -> f.getName().equals(spread.getName())).findFirst().orElse(null);
                    allowed = fragment != null && fragment.getDirectives().isEmpty()
                            && fragment.getTypeCondition().getName().equals(type.getName())
                            && allowed(fragment.getSelectionSet(), type, depth + 1);
                } else {
                    allowed = false;
                }
                if (!allowed) {
                    return false;
                }
            }
            return true;
        }

        private boolean field(Field field, GraphQLObjectType type, int depth) {
            if (field.getName().equals("__typename")) {
                return field.getSelectionSet() == null;
            }
            String coordinate = type.getName() + "." + field.getName();
            GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
            if (!ALLOWED.contains(coordinate) || definition == null || !argumentsAllowed(coordinate, field, this)) {
                return false;
            }
            listed[0] = true;
            GraphQLType result = GraphQLTypeUtil.unwrapAll(definition.getType());
            if (field.getSelectionSet() == null || field.getSelectionSet().getSelections().isEmpty()) {
                return !(result instanceof GraphQLObjectType);
            }
            return result instanceof GraphQLObjectType object && allowed(field.getSelectionSet(), object, depth + 1);
        }

        /** True or false as {@code @include}/{@code @skip} decide; null when another directive (or an unknown value) is there. */
        private Boolean included(List<Directive> directives) {
            boolean included = true;
            for (Directive directive : directives) {
                boolean include = directive.getName().equals("include");
                Argument condition = directive.getArgument("if");
                if (!include && !directive.getName().equals("skip") || condition == null
                        || directive.getArguments().size() != 1) {
                    return null;
                }
                Object value = value(condition.getValue());
                if (!(value instanceof Boolean decided)) {
                    return null;
                }
                included &= include == decided;
            }
            return included;
        }

        /** A boolean literal, a variable's value (or its declared default), null otherwise. */
        Object value(Value<?> value) {
            if (value instanceof BooleanValue literal) {
                return literal.isValue();
            }
            if (value instanceof VariableReference reference) {
                if (variables.containsKey(reference.getName())) {
                    return variables.get(reference.getName());
                }
                return operation.getVariableDefinitions().stream()
                        .filter(v -> v.getName().equals(reference.getName())).findFirst()
                        .map(VariableDefinition::getDefaultValue)
                        .map(this::value).orElse(null);
            }
            if (value instanceof NullValue) {
                return null;
            }
            return value; // another literal: not a boolean, so neither a condition nor a false withPipeline
        }
    }
}
