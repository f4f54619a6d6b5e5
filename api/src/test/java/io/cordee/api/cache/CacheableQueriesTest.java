package io.cordee.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import io.cordee.api.pipeline.RequestDocuments;
import io.cordee.api.support.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * ADR 91: which queries the response cache may keep, decided on the application's own schema. Every field at every
 * depth must be on the list, through fragments and the conditions the variables decide.
 */
@ApiTest
class CacheableQueriesTest {

    /** The cockpit's query (web-client views/cockpit.js), its clients included only on the first load. */
    private static final String COCKPIT = """
            query Cockpit($h: Int, $scenario: ScenarioInput, $withClients: Boolean!, $pipeline: Boolean) {
              cashForecast(horizonWeeks: $h, scenario: $scenario, withPipeline: $pipeline) {
                asOf scenario opening { amount amountMinor currency } lowestWeek firstWeekBelowThreshold
                weeks { weekStart isoWeek inflow { amount } inflowByClient { client { id name } amount { amount } } } }
              clients(first: 100) @include(if: $withClients) { nodes { id name } } }""";

    @Autowired
    GraphQlSource graphQl;

    @Test
    void everyListedFieldIsInTheSchema() {
        for (String coordinate : CacheableQueries.ALLOWED) {
            String[] parts = coordinate.split("\\.");
            assertThat(graphQl.schema().getObjectType(parts[0])).as(coordinate).isNotNull();
            assertThat(graphQl.schema().getObjectType(parts[0]).getFieldDefinition(parts[1])).as(coordinate)
                    .isNotNull();
        }
    }

    @Test
    void theCockpitsForecastIsKeptWithoutItsClientsOrItsPipeline() {
        assertThat(cacheable(COCKPIT, vars("h", 104, "withClients", false, "pipeline", false))).isTrue();
        assertThat(cacheable(COCKPIT, vars("h", 104, "withClients", false, "pipeline", null))).isTrue();
        assertThat(cacheable(COCKPIT, vars("h", 104, "withClients", false))).isTrue();
        // the clients (with each project's time to first cash) are not on the list
        assertThat(cacheable(COCKPIT, vars("h", 104, "withClients", true, "pipeline", false))).isFalse();
        // the open deals move no data version
        assertThat(cacheable(COCKPIT, vars("h", 104, "withClients", false, "pipeline", true))).isFalse();
        // a condition the variables do not decide: not kept
        assertThat(cacheable(COCKPIT, vars("h", 104))).isFalse();
    }

    @Test
    void fieldsAreFollowedThroughFragmentsAndAliases() {
        assertThat(cacheable("""
                query { f: cashForecast(asOf: "2026-07-06") { ...Head weeks { ... on ForecastWeek { weekStart } } } }
                fragment Head on CashForecast { asOf opening { __typename amount } }""", Map.of())).isTrue();
        // a field off the list inside a fragment
        assertThat(cacheable("""
                query { cashForecast { ...Head } }
                fragment Head on CashForecast { asOf weeks { inflowByClient { client { segment } } } }""", Map.of()))
                .isFalse();
        // a fragment that spreads itself: refused by the walk (graphql-java would refuse to run it too)
        assertThat(cacheable("""
                query { cashForecast { ...Again } }
                fragment Again on CashForecast { asOf ...Again }""", Map.of())).isFalse();
        assertThat(cacheable("query { exposure(clientId: \"x\") { peak { amount } peakWeek weeksAboveZero } }",
                Map.of())).isTrue();
    }

    @Test
    void aNamedScenarioIsKeptAndACustomOneNever() {
        String query = "query($s: ScenarioInput) { cashForecast(scenario: $s) { asOf } }";
        assertThat(cacheable(query, vars("s", Map.of("kind", "STRESS")))).isTrue();
        assertThat(cacheable(query, vars("s", null))).isTrue();
        assertThat(cacheable(query, Map.of())).isTrue();
        assertThat(cacheable(query, vars("s", Map.of("kind", "CUSTOM", "adjustments", List.of())))).isFalse();
        assertThat(cacheable("{ cashForecast(scenario: {kind: BASE}) { asOf } }", Map.of())).isTrue();
        assertThat(cacheable("{ cashForecast(scenario: {kind: CUSTOM, adjustments: []}) { asOf } }", Map.of()))
                .isFalse();
    }

    @Test
    void aQueryOfNothingButTypeNamesIsNotKept() {
        assertThat(cacheable("{ __typename }", Map.of())).isFalse();
        assertThat(cacheable("query { ...T } fragment T on Query { __typename }", Map.of())).isFalse();
        assertThat(cacheable("{ __typename cashForecast { asOf } }", Map.of())).isTrue();
    }

    @Test
    void perUserFieldsMutationsSubscriptionsAndOtherDirectivesAreNeverKept() {
        assertThat(cacheable("{ viewer { user { email } } cashForecast { asOf } }", Map.of())).isFalse();
        assertThat(cacheable("{ cashForecast(withPipeline: true) { asOf } }", Map.of())).isFalse();
        assertThat(cacheable("{ cashForecast(withPipeline: false) { asOf } }", Map.of())).isTrue();
        assertThat(cacheable("mutation { createOverhead(input: {label: \"x\"}) { overhead { id } } }", Map.of()))
                .isFalse();
        assertThat(cacheable("subscription { alertChanged { kind } }", Map.of())).isFalse();
        assertThat(cacheable("{ cashForecast { asOf @deprecated } }", Map.of())).isFalse();
        // the operation chosen by name decides
        String two = "query A { cashForecast { asOf } } query B { viewer { user { email } } }";
        assertThat(queries().cacheable(RequestDocuments.parse(two),
                RequestDocuments.operation(RequestDocuments.parse(two), "A"), Map.of())).isTrue();
        assertThat(queries().cacheable(RequestDocuments.parse(two),
                RequestDocuments.operation(RequestDocuments.parse(two), "B"), Map.of())).isFalse();
    }

    private boolean cacheable(String text, Map<String, Object> variables) {
        Document document = RequestDocuments.parse(text);
        return queries().cacheable(document, RequestDocuments.operation(document, null), variables);
    }

    private CacheableQueries queries() {
        return new CacheableQueries(graphQl::schema);
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        return variables;
    }
}
