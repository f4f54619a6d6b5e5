package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Definition;
import graphql.language.Description;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SDLExtensionDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.TypeDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema is the partners' manual (issue 21 point 7, ADR 0076): every type, field, argument, enum value, input
 * field and directive says what it is in the domain's words. Counted per {@code .graphqls} file, since a
 * definition's description lives in the file that declares it (an {@code extend type} carries none of its own: its
 * new fields do), so a failure names the file to fix. {@link PrintedSchemaTest} checks the same over the merged,
 * executable schema.
 */
class SchemaDescriptionsTest {

    @Test
    void everyDefinitionOfEveryFileHasADescription() throws IOException {
        Map<String, List<String>> missing = missingByFile();
        // 34 files today; a new file is checked the day it lands
        assertThat(missing).hasSizeGreaterThanOrEqualTo(34);
        missing.values().removeIf(List::isEmpty);
        assertThat(missing).as("definitions without a description, by file").isEmpty();
    }

    /** The undescribed definitions of each schema file, as {@code Type}, {@code Type.field}, {@code Type.field(arg)}. */
    static Map<String, List<String>> missingByFile() throws IOException {
        Map<String, List<String>> byFile = new TreeMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
            byFile.put(r.getFilename(), undescribed(Parser.parse(r.getContentAsString(StandardCharsets.UTF_8))));
        }
        return byFile;
    }

    /** The definitions of an SDL document without a description (the printed schema's too). */
    static List<String> undescribed(Document document) {
        List<String> missing = new ArrayList<>();
        for (Definition<?> d : document.getDefinitions()) {
            missing(d, missing);
        }
        return missing;
    }

    private static void missing(Definition<?> d, List<String> missing) {
        if (d instanceof SchemaDefinition) {
            return;
        }
        if (d instanceof DirectiveDefinition directive) {
            check(directive.getDescription(), "@" + directive.getName(), missing);
            arguments(directive.getInputValueDefinitions(), "@" + directive.getName(), missing);
            return;
        }
        if (!(d instanceof TypeDefinition<?> type)) {
            return;
        }
        String name = type.getName();
        if (!(d instanceof SDLExtensionDefinition)) {
            check(description(type), name, missing);
        }
        if (d instanceof ObjectTypeDefinition object) {
            fields(object.getFieldDefinitions(), name, missing);
        } else if (d instanceof InterfaceTypeDefinition iface) {
            fields(iface.getFieldDefinitions(), name, missing);
        } else if (d instanceof InputObjectTypeDefinition input) {
            for (InputValueDefinition field : input.getInputValueDefinitions()) {
                check(field.getDescription(), name + "." + field.getName(), missing);
            }
        } else if (d instanceof EnumTypeDefinition enumType) {
            enumType.getEnumValueDefinitions()
                    .forEach(v -> check(v.getDescription(), name + "." + v.getName(), missing));
        }
    }

    private static void fields(List<FieldDefinition> fields, String type, List<String> missing) {
        for (FieldDefinition field : fields) {
            check(field.getDescription(), type + "." + field.getName(), missing);
            arguments(field.getInputValueDefinitions(), type + "." + field.getName(), missing);
        }
    }

    private static void arguments(List<InputValueDefinition> arguments, String owner, List<String> missing) {
        for (InputValueDefinition argument : arguments) {
            check(argument.getDescription(), owner + "(" + argument.getName() + ")", missing);
        }
    }

    private static Description description(TypeDefinition<?> type) {
        return type instanceof graphql.language.AbstractDescribedNode<?> described ? described.getDescription() : null;
    }

    private static void check(Description description, String what, List<String> missing) {
        if (description == null || description.getContent().isBlank()) {
            missing.add(what);
        }
    }
}
