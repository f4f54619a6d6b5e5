package io.cordee.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link of the repository's Markdown resolves (issue 21 point 6); the checker itself can fail. */
class MarkdownLinksTest {

    @Test
    void everyRelativeLinkAndAnchorOfTheRepositoryResolves() {
        Path root = MarkdownLinks.repositoryRoot();
        assertThat(MarkdownLinks.markdownFiles(root)).as("the Markdown files walked")
                .contains(root.resolve("README.md"), root.resolve("docs/design.md"), root.resolve("docs/adr/README.md"));
        List<MarkdownLinks.Problem> problems = MarkdownLinks.check(root);
        assertThat(problems).as("broken links, one per line:%n%s",
                String.join(System.lineSeparator(), problems.stream().map(Object::toString).toList())).isEmpty();
    }

    @Test
    void theReadmeFitsOnAScreenAndLinksTheDocs() throws IOException {
        Path root = MarkdownLinks.repositoryRoot();
        List<String> readme = Files.readAllLines(root.resolve("README.md"));
        assertThat(readme.size()).as("README.md lines").isLessThan(200);
        String text = String.join("\n", readme);
        for (String doc : List.of("docs/design.md", "docs/operations.md", "docs/api.md", "docs/security.md",
                "docs/development.md", "docs/benchmarks.md", "docs/roles.md", "docs/adr/README.md")) {
            assertThat(text).as("the README links " + doc).contains("](" + doc);
        }
    }

    @Test
    void aMissingFileAMissingAnchorAndALinkOutOfTheRepositoryAreEachReported(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/guide.md"), """
                # The guide

                ## Running it

                ## Running it
                """);
        Files.writeString(dir.resolve("README.md"), """
                # Title

                Fine: [guide](docs/guide.md), [running](docs/guide.md#running-it), [again](docs/guide.md#running-it-1),
                [here](#title), [web](https://example.com/nowhere.md), ![logo](docs/guide.md).

                Broken: [gone](docs/missing.md) and [no such part](docs/guide.md#stopping-it)
                and [outside](../elsewhere/DESIGN.md) and [a link split
                over two lines](#nowhere).

                ```bash
                echo "[not a link](missing-in-code.md)"
                ```
                Inline `[not a link](missing-inline.md)` either.
                """);
        List<MarkdownLinks.Problem> problems = MarkdownLinks.check(dir);
        assertThat(problems).extracting(MarkdownLinks.Problem::target, MarkdownLinks.Problem::line,
                        MarkdownLinks.Problem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("docs/missing.md", 6, "no such file: docs/missing.md"),
                        org.assertj.core.groups.Tuple.tuple("docs/guide.md#stopping-it", 6,
                                "no heading #stopping-it in docs/guide.md"),
                        org.assertj.core.groups.Tuple.tuple("../elsewhere/DESIGN.md", 7, "points outside the repository"),
                        org.assertj.core.groups.Tuple.tuple("#nowhere", 8, "no heading #nowhere in README.md"));
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(Path.of("README.md")));
    }

    @Test
    void filesUnderTargetAndNodeModulesAreNotRead(@TempDir Path dir) throws IOException {
        for (String folder : List.of("api/target", "web/node_modules/lit")) {
            Files.createDirectories(dir.resolve(folder));
            Files.writeString(dir.resolve(folder + "/NOTES.md"), "[broken](nothing.md)\n");
        }
        assertThat(MarkdownLinks.check(dir)).isEmpty();
        Files.writeString(dir.resolve("api/NOTES.md"), "[broken](nothing.md)\n");
        assertThat(MarkdownLinks.check(dir)).singleElement()
                .satisfies(p -> assertThat(p.file()).isEqualTo(Path.of("api/NOTES.md")));
    }

    @Test
    void headingsGetGitHubsSlugs() {
        assertThat(MarkdownLinks.slug("First run: a real agency")).isEqualTo("first-run-a-real-agency");
        assertThat(MarkdownLinks.slug("Data in: bank statements (`POST /imports?kind=CAMT053|OFX`)"))
                .isEqualTo("data-in-bank-statements-post-importskindcamt053ofx");
        assertThat(MarkdownLinks.slug("French and English (issue 19, [ADR 63](docs/adr/0063-x.md))"))
                .isEqualTo("french-and-english-issue-19-adr-63");
        assertThat(MarkdownLinks.slug("Security: who sees and changes money")).isEqualTo("security-who-sees-and-changes-money");
        assertThat(MarkdownLinks.slug("Files beside `/graphql`: exports and imports"))
                .isEqualTo("files-beside-graphql-exports-and-imports");
        assertThat(MarkdownLinks.slug("Trésorerie — the cockpit, in French")).isEqualTo("trésorerie--the-cockpit-in-french");
        assertThat(MarkdownLinks.slug("snake_case and **bold**")).isEqualTo("snake_case-and-bold");
        assertThat(MarkdownLinks.anchors("# A\n\n## A\n\n```\n# not a heading\n```\n\nSetext\n------\n"))
                .containsExactly("a", "a-1", "setext");
    }
}
