package io.cordee.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every decision record says whether it holds (a {@code Status:} line: Accepted, or Superseded by the record that
 * replaced it) and has the sections Context, Decision and Consequences in that order; the index lists them all.
 */
class AdrFormatTest {

    static final Pattern STATUS = Pattern.compile(
            "(?m)^Status: (Accepted|Superseded by \\[(\\d{4})\\]\\((\\d{4})-[^)]+\\.md\\))(\\W.*)?$");
    static final List<String> SECTIONS = List.of("## Context", "## Decision", "## Consequences");

    @Test
    void everyRecordHasAStatusAndItsThreeSectionsAndIsInTheIndex() throws IOException {
        Path adr = MarkdownLinks.repositoryRoot().resolve("docs/adr");
        List<Path> records = records(adr);
        assertThat(records).as("decision records").hasSizeGreaterThan(60);
        String index = Files.readString(adr.resolve("README.md"));
        List<String> problems = new ArrayList<>();
        for (Path record : records) {
            problems.addAll(problems(record.getFileName().toString(), Files.readString(record)));
            if (!index.contains("](" + record.getFileName() + ")")) {
                problems.add(record.getFileName() + ": not in docs/adr/README.md");
            }
        }
        assertThat(problems).as("%s", String.join(System.lineSeparator(), problems)).isEmpty();
    }

    @Test
    void aRecordWithoutStatusOrWithASectionMissingOrOutOfOrderIsRefused() {
        assertThat(problems("0001-a.md", "# 1. A\n\nStatus: Accepted\n\n## Context\nx\n## Decision\ny\n## Consequences\nz\n"))
                .isEmpty();
        assertThat(problems("0002-b.md", "# 2. B\n\nStatus: Superseded by [0003](0003-c.md): the preview\n\n"
                + "## Context\n## Decision\n## Consequences\n")).isEmpty();
        assertThat(problems("0003-c.md", "# 3. C\n\n## Context\n## Decision\n## Consequences\n"))
                .containsExactly("0003-c.md: no line 'Status: Accepted' or 'Status: Superseded by [NNNN](NNNN-….md)'");
        assertThat(problems("0004-d.md", "# 4. D\n\nStatus: Maybe\n\n## Context\n## Decision\n## Consequences\n"))
                .hasSize(1);
        assertThat(problems("0005-e.md", "# 5. E\n\nStatus: Accepted\n\n## Decision\n## Why\n"))
                .containsExactly("0005-e.md: no section '## Context'", "0005-e.md: no section '## Consequences'");
        assertThat(problems("0006-f.md", "# 6. F\n\nStatus: Accepted\n\n## Decision\n## Context\n## Consequences\n"))
                .containsExactly("0006-f.md: '## Decision' comes before '## Context'");
        assertThat(problems("0007-g.md", "# 7. G\n\nStatus: Superseded by [0007](0007-g.md)\n\n"
                + "## Context\n## Decision\n## Consequences\n"))
                .containsExactly("0007-g.md: superseded by itself");
        assertThat(problems("0008-h.md", "# 8. H\n\nStatus: Superseded by [0009](0010-j.md)\n\n"
                + "## Context\n## Decision\n## Consequences\n"))
                .containsExactly("0008-h.md: superseded by 0009 but the link opens 0010");
    }

    static List<String> problems(String name, String text) {
        List<String> problems = new ArrayList<>();
        Matcher status = STATUS.matcher(text);
        if (!status.find()) {
            problems.add(name + ": no line 'Status: Accepted' or 'Status: Superseded by [NNNN](NNNN-….md)'");
        } else if (status.group(2) != null && !status.group(2).equals(status.group(3))) {
            problems.add(name + ": superseded by " + status.group(2) + " but the link opens " + status.group(3));
        } else if (status.group(2) != null && name.startsWith(status.group(2) + "-")) {
            problems.add(name + ": superseded by itself");
        }
        int previous = -1;
        String previousSection = null;
        for (String section : SECTIONS) {
            Matcher heading = Pattern.compile("(?m)^" + Pattern.quote(section) + "\\s*$").matcher(text);
            if (!heading.find()) {
                problems.add(name + ": no section '" + section + "'");
                continue;
            }
            if (heading.start() < previous) {
                problems.add(name + ": '" + section + "' comes before '" + previousSection + "'");
            }
            previous = heading.start();
            previousSection = section;
        }
        return problems;
    }

    static List<Path> records(Path adr) throws IOException {
        try (Stream<Path> files = Files.list(adr)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{4}-.*\\.md")).sorted().toList();
        }
    }
}
