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
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema is the partners' manual (issue 21 point 7, ADR 0076): every type, field, argument, enum value and
 * input field says what it is in the domain's words. Counted per {@code .graphqls} file, since a definition's
 * description lives in the file that declares it (an {@code extend type} carries none of its own: its new fields
 * do). The files in {@link #DESCRIBED} are complete and must stay so; the others are reported with their counts
 * until they are done, and then join the list.
 */
class SchemaDescriptionsTest {

    /** The files whose every definition is described; a new file should start here. */
    static final Set<String> DESCRIBED = Set.of("schema.graphqls", "cash.graphqls", "bank.graphqls", "edges.graphqls",
            "import-progress.graphqls", "proposal-risk.graphqls", "digest.graphqls", "fec.graphqls", "search.graphqls",
            "relationship-comments.graphqls", "password.graphqls", "identity.graphqls", "setup.graphqls",
            "agency.graphqls", "timesheet.graphqls", "audit.graphqls", "billing-preview.graphqls", "apitoken.graphqls",
            "bankstatement.graphqls", "absence.graphqls", "cash-risk.graphqls", "twofactor.graphqls", "team.graphqls",
            "project.graphqls", "staffing.graphqls", "client.graphqls", "people.graphqls",
            "imports.graphqls", "billing.graphqls", "deal.graphqls", "proposal.graphqls", "alert.graphqls",
            "brief.graphqls");

    @Test
    void everyDefinitionOfTheDescribedFilesHasADescription() throws IOException {
        Map<String, List<String>> missing = missingByFile();
        assertThat(missing.keySet()).containsAll(DESCRIBED);
        for (String file : DESCRIBED) {
            assertThat(missing.get(file)).as("undescribed in %s", file).isEmpty();
        }
    }

    /** Not an assertion: the honest count of what is left, printed with the test's output. */
    @Test
    void reportsWhatIsLeftToDescribe() throws IOException {
        Map<String, List<String>> missing = missingByFile();
        int total = 0;
        StringBuilder report = new StringBuilder("Schema definitions without a description, by file:\n");
        for (var e : missing.entrySet()) {
            if (!e.getValue().isEmpty()) {
                report.append(String.format("  %-30s %4d%n", e.getKey(), e.getValue().size()));
                total += e.getValue().size();
            }
        }
        report.append(String.format("  %-30s %4d%n", "total", total));
        System.out.print(report);
        assertThat(missing).isNotEmpty();
    }

    /** The undescribed definitions of each schema file, as {@code Type}, {@code Type.field}, {@code Type.field(arg)}. */
    static Map<String, List<String>> missingByFile() throws IOException {
        Map<String, List<String>> byFile = new TreeMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
            Document document = Parser.parse(r.getContentAsString(StandardCharsets.UTF_8));
            List<String> missing = new ArrayList<>();
            for (Definition<?> d : document.getDefinitions()) {
                missing(d, missing);
            }
            byFile.put(r.getFilename(), missing);
        }
        return byFile;
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
