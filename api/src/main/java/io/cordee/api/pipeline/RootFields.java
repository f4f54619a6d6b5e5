package io.cordee.api.pipeline;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The root fields an operation selects, its fragments (inline or named) expanded, as the gates of the pipeline
 * read them before execution: the sign-in and setup gates (a mutation that must be alone) and the API-token
 * scopes (which mutations a token may run).
 */
public final class RootFields {

    private RootFields() {
    }

    /**
     * Adds to {@code fields}, in the document's order, the name of each root field of {@code operation}. Each
     * named fragment is expanded once: a spread repeated selects the same fields, which GraphQL merges. A spread
     * of a fragment the document does not define adds {@code "..." + its name} when {@code markUnknown} (a field
     * nobody may run), and nothing otherwise (GraphQL's validation refuses the document anyway).
     */
    public static <C extends Collection<String>> C collect(Document document, OperationDefinition operation,
                                                           C fields, boolean markUnknown) {
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        collect(operation.getSelectionSet(), fragments, new HashSet<>(), fields, markUnknown);
        return fields;
    }

    private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments,
                                Set<String> expanded, Collection<String> fields, boolean markUnknown) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                fields.add(field.getName());
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, expanded, fields, markUnknown);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition definition = fragments.get(spread.getName());
                if (definition == null) {
                    if (markUnknown) {
                        fields.add("..." + spread.getName());
                    }
                } else if (expanded.add(spread.getName())) {
                    collect(definition.getSelectionSet(), fragments, expanded, fields, markUnknown);
                }
            }
        }
    }
}
