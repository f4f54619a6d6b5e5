package io.cordee.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** ADR 50: a document sent again is neither parsed nor validated again, and the cache holds a bounded number. */
@ApiTest
class ParsedDocumentCacheTest {

    @Autowired
    Tenants tenants;
    @Autowired
    ParsedDocumentCache documents;

    @Test
    void theSecondIdenticalRequestIsNotParsedAgain() {
        HttpGraphQlTester owner = tenants.as(tenants.create("Documents"), Role.OWNER);
        // a text no other test sends (an alias of its own), so the first request must parse it
        String alias = "a" + UUID.randomUUID().toString().replace("-", "");
        String query = "{ " + alias + ": viewer { user { role } } }";

        long parsedBefore = documents.stats().missCount();
        long keptBefore = documents.stats().hitCount();
        owner.document(query).execute().path(alias + ".user.role").entity(String.class).isEqualTo("OWNER");
        assertThat(documents.stats().missCount() - parsedBefore).as("parses after the first request").isEqualTo(1);

        owner.document(query).execute().path(alias + ".user.role").entity(String.class).isEqualTo("OWNER");
        assertThat(documents.stats().missCount() - parsedBefore).as("parses after the second request").isEqualTo(1);
        assertThat(documents.stats().hitCount() - keptBefore).as("documents found kept").isGreaterThanOrEqualTo(1);
    }

    @Test
    void theCacheIsBoundedAndKeepsTheRecentDocuments() {
        ParsedDocumentCache cache = new ParsedDocumentCache(2, Runnable::run);
        AtomicInteger parses = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            String query = "{ f" + i + " }";
            cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), input -> {
                parses.incrementAndGet();
                return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
            }).join();
        }
        // 10 distinct documents through a cache of 2: all parsed once, at most 2 kept
        assertThat(parses).hasValue(10);
        assertThat(cache.size()).isLessThanOrEqualTo(2);

        // the latest one is still there: asking for it again parses nothing
        cache.getDocumentAsync(ExecutionInput.newExecutionInput("{ f9 }").build(), input -> {
            parses.incrementAndGet();
            return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
        }).join();
        assertThat(parses).hasValue(10);
    }
}
