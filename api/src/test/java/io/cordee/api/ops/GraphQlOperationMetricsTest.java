package io.cordee.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The operation-name tag stays bounded whatever names clients send. */
class GraphQlOperationMetricsTest {

    @Test
    void namesAreKeptUpToTheCapThenCountedAsOther() {
        GraphQlOperationMetrics.BoundedOperationNames names = new GraphQlOperationMetrics.BoundedOperationNames(2);
        assertThat(names.bounded("Dashboard")).isEqualTo("Dashboard");
        assertThat(names.bounded("Invoices")).isEqualTo("Invoices");
        // the cap (2) is reached: a third name is "other", the two known ones keep their own series
        assertThat(names.bounded("Random1234")).isEqualTo("other");
        assertThat(names.bounded("Dashboard")).isEqualTo("Dashboard");
        assertThat(names.bounded("Invoices")).isEqualTo("Invoices");
        // an unnamed operation, and names no GraphQL operation can have (or 65 characters), never take a place
        assertThat(names.bounded(null)).isEqualTo("anonymous");
        assertThat(names.bounded("")).isEqualTo("anonymous");
        GraphQlOperationMetrics.BoundedOperationNames fresh = new GraphQlOperationMetrics.BoundedOperationNames(2);
        assertThat(fresh.bounded("drop table;")).isEqualTo("other");
        assertThat(fresh.bounded("a".repeat(65))).isEqualTo("other");
        assertThat(fresh.bounded("a".repeat(64))).isEqualTo("a".repeat(64));
    }
}
