package io.cordee.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import org.junit.jupiter.api.Test;

/**
 * The kept trees are bounded by the characters of their texts, not by their count (ADR 78): the gates before
 * sign-in parse anonymous documents too, and a tree weighs in proportion to its text.
 */
class RequestDocumentsTest {

    /**
     * Three documents of 700,000 characters each (a comment the parser skips, then one field; under graphql-java's
     * 1,048,576-character limit) add up to 2,100,000 characters, more than the 2,000,000 kept: after the three,
     * asking for the three again parses at least one of them again (a count of 1,000 would have kept all three:
     * 3 parses in all). A small document asked twice in a row is parsed once: what fits is kept.
     */
    @Test
    void keptTreesAreBoundedByTheCharactersOfTheirTexts() {
        String small = "{ kept: __typename }";
        long before = RequestDocuments.parses();
        Document first = RequestDocuments.parse(small);
        assertThat(RequestDocuments.parse(small)).as("asked again at once: the same tree").isSameAs(first);
        assertThat(RequestDocuments.parses() - before).as("one parse").isEqualTo(1);

        String[] documents = {padded("{ a: __typename }"), padded("{ b: __typename }"), padded("{ c: __typename }")};
        before = RequestDocuments.parses();
        for (String text : documents) {
            RequestDocuments.parse(text);
        }
        assertThat(RequestDocuments.parses() - before).as("one parse each").isEqualTo(3);

        for (String text : documents) {
            RequestDocuments.parse(text);
        }
        assertThat(RequestDocuments.parses() - before).as("2,100,000 characters do not all stay kept")
                .isGreaterThanOrEqualTo(4);
    }

    /**
     * A document that does not parse is empty to the stages that only look at it (graphql-java answers its syntax
     * error), and its error is kept like a tree: asked twice, it is parsed once. One that parses is the kept tree.
     */
    @Test
    void aDocumentThatDoesNotParseIsEmptyAndParsedOnce() {
        String broken = "{ unterminatedInRequestDocumentsTest ";
        long before = RequestDocuments.parses();
        assertThat(RequestDocuments.parsed(broken)).isEmpty();
        assertThat(RequestDocuments.parsed(broken)).as("asked again").isEmpty();
        assertThat(RequestDocuments.parses() - before).as("one parse").isEqualTo(1);

        String fine = "{ parsedInRequestDocumentsTest: __typename }";
        assertThat(RequestDocuments.parsed(fine)).get().isSameAs(RequestDocuments.parse(fine));
    }

    private static String padded(String query) {
        return "#" + "x".repeat(700_000 - query.length() - 2) + "\n" + query;
    }
}
