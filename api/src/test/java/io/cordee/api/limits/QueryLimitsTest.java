package io.cordee.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLSchema;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default limits (application.properties): what the SPA and GraphiQL send passes; each crafted
 * request is refused before it runs, with the numbers in the error. "Nothing executed" is measured: a
 * refused request sends as many SQL statements as {@code { __typename }} (the one that recognises the
 * caller's session), and no more.
 */
@ApiTest
public class QueryLimitsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    @Autowired
    WebTestClient web;
    @Autowired
    StatementCounter counter;
    @Autowired
    QueryLimits queryLimits;
    @Autowired
    GraphQlSource graphQlSource;
    @Autowired
    LimitsProperties limits;
    @Autowired
    io.cordee.core.common.Computations computations;

    static Tenants.Tenant tenant;
    static String finance;

    @BeforeAll
    static void signIn(@Autowired Tenants tenants) {
        tenant = tenants.create("Limits Test Agency");
        finance = financeWithABalance(tenants, tenant);
    }

    /**
     * A session of {@code tenant}'s FINANCE user, the agency's forecast starting from 500,000.00 recorded in the bank
     * on 5 January 2026.
     */
    static String financeWithABalance(Tenants tenants, Tenants.Tenant tenant) {
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        tenants.withToken(session).document("""
                        mutation { recordBankBalance(input: {date: "2026-01-05", amount: {amountMinor: 50000000}}) {
                          userErrors { code } } }""")
                .execute().path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        return session;
    }

    // ---- what must pass ------------------------------------------------------------------------

    @Test
    void theCockpitQueryOfTheSpaPasses() {
        String cockpit = spaQueries("cockpit.js").get("COCKPIT");
        // cashForecast: 1 + opening, safetyThreshold, lowestBalance (3)
        //   + weeks, a list estimated at 10: 10 × (1 + inflow, outflow, closing (3)
        //       + inflowByClient 10 × (1 + client 1 + amount 1) = 30) = 10 × 34 = 340          → 344
        // clients(first: 100): 1 + nodes 100 × (1 + projects 10 × 1) = 1 + 1,100              → 1,101
        // total 1,445, well under 50,000; depth 5 (cashForecast.weeks.inflowByClient.client.id)
        QueryLimits.Analysis analysis = analyse(cockpit, Map.of("h", 26, "withClients", true));
        assertThat(analysis.cost()).isEqualTo(1_445);
        assertThat(analysis.depth()).isEqualTo(5);

        JsonNode answer = post(finance, cockpit, Map.of("h", 26, "withClients", true), 200);
        assertThat(answer.path("errors").isMissingNode()).as("errors: %s", answer.path("errors")).isTrue();
        assertThat(answer.path("data").path("cashForecast").path("weeks").size()).isEqualTo(26);
        assertThat(answer.path("data").path("clients").path("nodes").size()).isEqualTo(1); // "Own Client"
    }

    @Test
    void theBenchmarkForecastQueryPasses() {
        // The shape of CashForecastBenchmark: 104 weeks with each client's inflow.
        String query = """
                { cashForecast(asOf: "2026-11-23", horizonWeeks: 104) { opening { amount } lowestBalance { amount }
                    lowestWeek firstWeekBelowThreshold
                    weeks { weekStart inflow { amount } outflow { amount } closing { amount }
                      inflowByClient { client { name } amount { amount } } } } }""";
        // 1 + opening, lowestBalance (2) + weeks 10 × (1 + 3 + inflowByClient 10 × 3 = 30) = 340 → 343
        assertThat(analyse(query, Map.of()).cost()).isEqualTo(343);
        JsonNode answer = post(finance, query, Map.of(), 200);
        assertThat(answer.path("errors").isMissingNode()).as("errors: %s", answer.path("errors")).isTrue();
        assertThat(answer.path("data").path("cashForecast").path("weeks").size()).isEqualTo(104);
    }

    @Test
    void aPageOfAHundredBriefsWithTheirVersionsIsWithinTheCostLimit() {
        // BriefStatementCountTest's query. Per brief: 1 + project (1 + briefs 10 × 1 = 11) + currentVersion 1
        //   + versions 10 × (1 + requirements 10 + signatures 10 + feasibility 1 = 22) = 220 → 233;
        // 100 briefs: 1 + 100 × 233 = 23,301, under 50,000
        QueryLimits.Analysis analysis = analyse("""
                { briefs(first: 100) { totalCount nodes { title project { name briefs { title } }
                    currentVersion { number }
                    versions { number status requirements { title estimateDays } signatures { party signedBy }
                      feasibility { verdict capacityDays } } } } }""", Map.of());
        assertThat(analysis.cost()).isEqualTo(23_301);
        assertThat(analysis.refusals(limits)).isEmpty();
    }

    @Test
    void everyQueryOfTheSpaIsWithinTheLimits() {
        // every required variable of the SPA's queries ($from is a month for staffing, an id for comparisons)
        Map<String, Object> variables = Map.ofEntries(Map.entry("h", 104), Map.entry("withClients", true),
                Map.entry("from", "2026-11"), Map.entry("to", "y"), Map.entry("months", 24),
                Map.entry("d0", "2026-11-23"), Map.entry("d1", "2027-11-23"), Map.entry("id", "x"),
                Map.entry("clientId", "x"), Map.entry("language", "FR"), Map.entry("money", true),
                Map.entry("text", "lum"));
        Map<String, String> queries = new LinkedHashMap<>();
        for (String view : List.of("alerts.js", "briefs.js", "client-page.js", "clients.js", "cockpit.js",
                "receivables.js", "relationship-parts.js", "staffing.js", "timesheets.js", "bank-statements.js", "deals.js", "proposal.js",
                "search.js")) {
            spaQueries(view).forEach((name, text) -> {
                if (text.strip().startsWith("query")) {
                    queries.put(view + " " + name, text);
                }
            });
        }
        assertThat(queries).hasSizeGreaterThanOrEqualTo(9);
        queries.forEach((name, query) -> {
            QueryLimits.Analysis analysis = analyse(query, variables);
            assertThat(analysis.refusals(limits)).as("%s: %s", name, analysis).isEmpty();
            // and with room to spare: under a fifth of the cost limit. The heaviest is the brief editor's list,
            // 7,701 = 1 connection + 50 briefs × 154, a brief being itself 1 + its project 1 + 10 versions
            // × (1 + 10 signatures) = 110 + its current version 42 (1 + 10 requirements + 10 signatures
            // + feasibility 1 + 10 drops × (1 + 1 requirement)); plain lists count 10.
            assertThat(analysis.cost()).as(name).isLessThan(limits.maxCost() / 5);
            System.out.printf("SPA %-22s cost %,6d depth %2d aliases %d%n", name, analysis.cost(), analysis.depth(),
                    analysis.aliases());
        });
    }

    @Test
    void theIntrospectionQueriesOfGraphiqlPass() {
        // graphql-java's standard query: TypeRef nests ofType 7 times: __schema.types.fields.args.type
        // + 7 × ofType + kind = 5 + 7 + 1 = 13 levels
        assertThat(analyse(IntrospectionQuery.INTROSPECTION_QUERY, Map.of()).depth()).isEqualTo(13);
        JsonNode standard = post(finance, IntrospectionQuery.INTROSPECTION_QUERY, Map.of(), 200);
        assertThat(standard.path("errors").isMissingNode()).as("errors: %s", standard.path("errors")).isTrue();
        assertThat(standard.path("data").path("__schema").path("types").size()).isGreaterThan(100);

        // GraphiQL 5 (graphql-js 17) asks 9 levels of ofType: 5 + 9 + 1 = 15, the limit exactly
        assertThat(analyse(GRAPHIQL_INTROSPECTION, Map.of()).depth()).isEqualTo(15);
        JsonNode graphiql = post(finance, GRAPHIQL_INTROSPECTION, Map.of(), 200);
        assertThat(graphiql.path("errors").isMissingNode()).as("errors: %s", graphiql.path("errors")).isTrue();
        assertThat(graphiql.path("data").path("__schema").path("types").size()).isGreaterThan(100);
    }

    @Test
    void graphiqlIsServedToSignedInUsersByDefault() {
        web.get().uri("/graphiql?path=/graphql").cookie("CORDEE_SESSION", finance).exchange()
                .expectStatus().isOk();
    }

    // ---- what is refused, before anything runs -------------------------------------------------

    @Test
    void aTooDeepQueryIsRefused() {
        // clients 1, nodes 2, then projects/client pairs: 3..16, name 17
        String query = "{ clients(first: 1) { nodes { " + "projects { client { ".repeat(7) + "name"
                + " } }".repeat(7) + " } } }";
        JsonNode error = refused(query, 400);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("DEPTH_LIMIT_EXCEEDED");
        assertThat(error.path("extensions").path("depth").asInt()).isEqualTo(17);
        assertThat(error.path("extensions").path("limit").asInt()).isEqualTo(15);
        assertThat(error.path("message").asString()).isEqualTo("The query is 17 levels deep; at most 15 are allowed");
    }

    @Test
    void nestedConnectionsOfAHundredAreRefusedWithTheirCost() {
        String query = """
                { clients(first: 100) { nodes { interactions(first: 100) { nodes {
                    client { interactions(first: 100) { nodes { id } } } } } } } }""";
        // inner interactions: 1 + nodes 100 × 1 = 101; client: 1 + 101 = 102;
        // middle interactions: 1 + nodes 100 × (1 + 102) = 10,301; clients: 1 + 100 × (1 + 10,301) = 1,030,201
        JsonNode error = refused(query, 400);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("COST_LIMIT_EXCEEDED");
        assertThat(error.path("extensions").path("cost").asLong()).isEqualTo(1_030_201);
        assertThat(error.path("extensions").path("limit").asLong()).isEqualTo(50_000);
        assertThat(error.path("message").asString()).startsWith("The query would cost 1030201 (the objects it could "
                + "return) and the limit is 50000");
    }

    @Test
    void aMissingFirstCountsAsTheDefaultPageOfTwenty() {
        // clients: 1 + 20 × (1 + interactions (1 + 20 × 1 = 21)) = 1 + 20 × 22 = 441
        assertThat(analyse("{ clients { nodes { interactions { nodes { id } } } } }", Map.of()).cost()).isEqualTo(441);
        // alerts declares no default: the controller's page size (20) is assumed; 1 + 20 × (1 + client 1) = 41
        assertThat(analyse("{ alerts { nodes { client { id } } } }", Map.of()).cost()).isEqualTo(41);
        // a variable counts as it is sent: 1 + 100 × (1 + 1) = 201
        assertThat(analyse("query($n: Int) { alerts(first: $n) { nodes { client { id } } } }", Map.of("n", 100)).cost())
                .isEqualTo(201);
    }

    @Test
    void costsBeyondWhatALongCanHoldStaySaturated() {
        // Ten nested connections of 100: 100^10 = 10^20 objects, more than a long holds (9.2 × 10^18);
        // the estimate stops at Long.MAX_VALUE instead of wrapping round to a small or negative number.
        String query = "{ clients(first: 100) { nodes { " + "interactions(first: 100) { nodes { client { ".repeat(9)
                + "id" + " } } }".repeat(9) + " } } }";
        assertThat(analyse(query, Map.of()).cost()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aPageOverAHundredIsRefusedBeforeItRuns() {
        JsonNode error = refused("{ clients(first: 1000) { totalCount } }", 400);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("OUT_OF_RANGE");
        assertThat(error.path("message").asString()).isEqualTo("`first` must be between 0 and 100: clients(first: 1000)");
    }

    @Test
    void moreThanThirtyAliasesAreRefused() {
        String query = IntStream.range(0, 31).mapToObj(i -> "c" + i + ": clients(first: 1) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        // 31 connections of cost 1 each: cheap, but 31 aliases > 30
        JsonNode error = refused(query, 400);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("ALIAS_LIMIT_EXCEEDED");
        assertThat(error.path("extensions").path("aliases").asInt()).isEqualTo(31);

        String thirty = IntStream.range(0, 30).mapToObj(i -> "c" + i + ": clients(first: 1) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        assertThat(post(finance, thirty, Map.of(), 200).path("data").path("c29").path("totalCount").asInt()).isEqualTo(1);
    }

    @Test
    void aDocumentOverTwentyThousandCharactersIsRefused() {
        String base = "{ __typename }\n#";
        String atLimit = base + "x".repeat(20_000 - base.length());
        assertThat(atLimit).hasSize(20_000);
        assertThat(post(finance, atLimit, Map.of(), 200).path("data").path("__typename").asString()).isEqualTo("Query");

        JsonNode error = refused(atLimit + "x", 400);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("DOCUMENT_TOO_LONG");
        assertThat(error.path("extensions").path("length").asInt()).isEqualTo(20_001);
        assertThat(error.path("extensions").path("limit").asInt()).isEqualTo(20_000);
    }

    // ---- fragments count as what they expand to ------------------------------------------------

    @Test
    void aFragmentRepeatedAThousandTimesCountsAThousandTimes() {
        // F = interactions(first: 100): 1 + 100 × 1 = 101. Spread 1,000 times in each of 100 clients:
        // nodes 100 × (1 + 1,000 × 101) = 100 × 101,001 = 10,100,100; + clients 1 = 10,100,101.
        // Counted once, as graphql-java's QueryTraverser counts it (its second spread is a node already
        // visited), it was 1 + 100 × (1 + 101) = 10,201: accepted.
        String query = "{ clients(first: 100) { nodes { " + "...F ".repeat(1_000) + "} } }"
                + " fragment F on Client { interactions(first: 100) { nodes { id } } }";
        long started = System.nanoTime();
        JsonNode error = refused(query, Map.of(), 400);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("COST_LIMIT_EXCEEDED");
        assertThat(error.path("extensions").path("cost").asLong()).isEqualTo(10_100_101);
        assertThat(error.path("extensions").path("limit").asLong()).isEqualTo(50_000);
        assertThat(error.path("message").asString()).startsWith("The query would cost 10100101 (the objects it "
                + "could return) and the limit is 50000");
        // F's three selections were looked at once, not 1,000 times: 1 clients + 1 nodes + 1,000 spreads
        // + interactions, nodes, id = 1,005 (expanded, the document holds 3,002 fields)
        assertThat(analyse(query, Map.of()).visited()).isEqualTo(1_005);
        System.out.printf("fragment spread 1,000 times: refused in %d ms (figure only)%n", ms);
    }

    @Test
    void aFragmentBombIsCountedExactlyWithoutExpandingIt() {
        // Each fragment spreads the next one ten times: 10^6 `id` fields from a 600-character document.
        StringBuilder query = new StringBuilder("{ clients(first: 1) { nodes { ...F0 } } }");
        for (int level = 0; level < 6; level++) {
            query.append(" fragment F").append(level).append(" on Client { ")
                    .append(("projects { client { ...F" + (level + 1) + " } } ").repeat(10)).append('}');
        }
        query.append(" fragment F6 on Client { id }");
        // F6 = 0 (a scalar); F(n) = 10 × projects, a list of 10 × (1 + client (1 + F(n+1))) = 100 × (2 + F(n+1)):
        // F5 = 200, F4 = 20,200, F3 = 2,020,200, F2 = 202,020,200, F1 = 20,202,020,200,
        // F0 = 2,020,202,020,200; clients 1 + nodes 1 × (1 + F0) = 2,020,202,020,202.
        // Depth: clients, nodes, 6 × (projects, client), id = 15, the limit exactly: only the cost refuses it.
        long started = System.nanoTime();
        JsonNode error = refused(query.toString(), Map.of(), 400);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("COST_LIMIT_EXCEEDED");
        assertThat(error.path("extensions").path("cost").asLong()).isEqualTo(2_020_202_020_202L);
        QueryLimits.Analysis analysis = analyse(query.toString(), Map.of());
        assertThat(analysis.depth()).isEqualTo(15);
        // each fragment looked at once: 3 (clients, nodes, ...F0) + 6 × 30 (10 × projects, client, spread)
        // + 1 (id) = 184 selections, for 10^6 fields expanded
        assertThat(analysis.visited()).isEqualTo(184);
        System.out.printf("fragment bomb (10^6 fields): refused in %d ms (figure only), %d selections counted%n",
                ms, analysis.visited());
    }

    @Test
    void aliasesHiddenInAFragmentSpreadFortyTimesAreCounted() {
        // one alias in A, spread 40 times: 40 > 30 (counted once, it was 1)
        String query = "{ clients(first: 1) { nodes { " + "...A ".repeat(40) + "} } } fragment A on Client { n: name }";
        JsonNode error = refused(query, Map.of(), 400);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("ALIAS_LIMIT_EXCEEDED");
        assertThat(error.path("extensions").path("aliases").asInt()).isEqualTo(40);
        assertThat(error.path("message").asString()).isEqualTo("The query uses 40 aliases; at most 30 are allowed");
    }

    @Test
    void depthHiddenInNestedFragmentsIsCounted() {
        // T is 9 levels deep (4 × projects, client, then name). Spread under nodes it ends at 2 + 9 = 11;
        // spread again at the end of L1..L4 (2 levels each) it ends at 2 + 8 + 9 = 19. Counting T once
        // (at its first spread, as graphql-java's QueryTraverser does) saw 11.
        String query = "{ clients(first: 1) { nodes { ...T ...L1 } } }"
                + " fragment L1 on Client { projects { client { ...L2 } } }"
                + " fragment L2 on Client { projects { client { ...L3 } } }"
                + " fragment L3 on Client { projects { client { ...L4 } } }"
                + " fragment L4 on Client { projects { client { ...T } } }"
                + " fragment T on Client { " + "projects { client { ".repeat(4) + "name" + " } }".repeat(4) + " }";
        JsonNode error = refused(query, Map.of(), 400);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("DEPTH_LIMIT_EXCEEDED");
        assertThat(error.path("extensions").path("depth").asInt()).isEqualTo(19);
        assertThat(error.path("message").asString()).isEqualTo("The query is 19 levels deep; at most 15 are allowed");
    }

    @Test
    void inlineFragmentsAndFragmentsOnAConnectionCountLikeTheirFields() {
        // the same 1,030,201 as the nested connections below, written with an inline fragment and a
        // fragment on the connection type (whose nodes take the page of the field it is spread in)
        String query = """
                { clients(first: 100) { ...Page } }
                fragment Page on ClientConnection { nodes { ... on Client { interactions(first: 100) { nodes {
                    client { interactions(first: 100) { ...Ids } } } } } } }
                fragment Ids on InteractionConnection { nodes { id } }""";
        assertThat(analyse(query, Map.of()).cost()).isEqualTo(1_030_201);
    }

    // ---- every list handed in is bounded -------------------------------------------------------

    @Test
    void tenThousandScenarioAdjustmentsAreRefusedBeforeAnyComputation() {
        String clientId = post(finance, "{ clients(first: 1) { nodes { id } } }", Map.of(), 200)
                .path("data").path("clients").path("nodes").get(0).path("id").asString();
        String query = """
                query($s: ScenarioInput) { cashForecast(asOf: "2026-01-12", horizonWeeks: 104, scenario: $s) {
                  lowestBalance { amount } } }""";
        Map<String, Object> adjustment = Map.of("clientId", clientId, "extraDelayDays", 30);
        long computed = computations.started();
        JsonNode error = refused(query, Map.of("s", Map.of("kind", "CUSTOM",
                "adjustments", java.util.Collections.nCopies(10_000, adjustment))), 400);
        assertThat(computations.started()).as("forecasts computed for the refused request").isEqualTo(computed);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("OUT_OF_RANGE");
        assertThat(error.path("extensions").path("field").toString()).isEqualTo("[\"scenario\",\"adjustments\"]");
        assertThat(error.path("extensions").path("items").asInt()).isEqualTo(10_000);
        assertThat(error.path("extensions").path("limit").asInt()).isEqualTo(100);
        assertThat(error.path("message").asString())
                .isEqualTo("`scenario.adjustments` of `cashForecast` holds 10000 items; at most 100 are allowed");

        // the bound itself is accepted, and computed
        JsonNode hundred = post(finance, query, Map.of("s", Map.of("kind", "CUSTOM",
                "adjustments", java.util.Collections.nCopies(100, adjustment))), 200);
        assertThat(hundred.path("errors").isMissingNode()).as("errors: %s", hundred.path("errors")).isTrue();
        assertThat(hundred.path("data").path("cashForecast").path("lowestBalance").path("amount").asString()).isNotEmpty();
        // one computation, the forecast from the cash picture (whose delay models are part of it: ADR 47)
        assertThat(computations.started()).as("the forecast").isEqualTo(computed + 1);
    }

    @Test
    void aListWrittenInTheDocumentIsBoundedToo() {
        String ids = IntStream.range(0, 101).mapToObj(i -> "\"x\"").collect(Collectors.joining(", "));
        JsonNode error = refused("{ nodes(ids: [" + ids + "]) { id } }", Map.of(), 400);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("OUT_OF_RANGE");
        assertThat(error.path("extensions").path("field").toString()).isEqualTo("[\"ids\"]");
        assertThat(error.path("extensions").path("items").asInt()).isEqualTo(101);
        assertThat(error.path("extensions").path("limit").asInt()).isEqualTo(100);
    }

    @Test
    void everyListInputOfTheSchemaDeclaresItsBound() {
        // every argument and input field whose type holds a list, anywhere in the schema: each must say
        // how long it may be (@maxItems), so that a list added without thinking about it fails here
        // (at run time it would still get cordee.limits.max-list-items)
        GraphQLSchema schema = graphQlSource.schema();
        Map<String, Integer> bounds = new java.util.TreeMap<>();
        List<String> unbounded = new java.util.ArrayList<>();
        for (graphql.schema.GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof graphql.schema.GraphQLFieldsContainer container) {
                for (graphql.schema.GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    for (graphql.schema.GraphQLArgument argument : field.getArguments()) {
                        note(type.getName() + "." + field.getName() + "(" + argument.getName() + ")",
                                argument.getType(), argument, bounds, unbounded);
                    }
                }
            } else if (type instanceof graphql.schema.GraphQLInputObjectType input) {
                for (graphql.schema.GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    note(type.getName() + "." + field.getName(), field.getType(), field, bounds, unbounded);
                }
            }
        }
        bounds.forEach((where, bound) -> System.out.printf("list input %-55s at most %,d%n", where, bound));
        assertThat(unbounded).as("list inputs without @maxItems").isEmpty();
        assertThat(bounds).hasSizeGreaterThanOrEqualTo(30).containsEntry("ScenarioInput.adjustments", 100)
                .containsEntry("Query.nodes(ids)", 100);
        assertThat(bounds.values()).allSatisfy(bound -> assertThat(bound).isBetween(1, 1_000));
    }

    private static void note(String where, graphql.schema.GraphQLInputType type,
                             graphql.schema.GraphQLDirectiveContainer declared, Map<String, Integer> bounds,
                             List<String> unbounded) {
        if (!(graphql.schema.GraphQLTypeUtil.unwrapNonNull(type) instanceof graphql.schema.GraphQLList)) {
            return;
        }
        if (declared.getAppliedDirective(ListBounds.DIRECTIVE) == null) {
            unbounded.add(where);
        } else {
            bounds.put(where, ListBounds.boundOf(declared, -1));
        }
    }

    @Test
    void theSameRefusalOverPlainJsonIsHttp200WithTheError() {
        // application/json clients get 200 and the error, as GraphQL over HTTP prescribes for that media type
        String query = "{ clients(first: 100) { nodes { interactions(first: 100) { nodes { client {"
                + " interactions(first: 100) { nodes { id } } } } } } } }";
        JsonNode body = post(finance, query, Map.of(), MediaType.APPLICATION_JSON, 200);
        assertThat(body.path("errors").get(0).path("extensions").path("code").asString()).isEqualTo("COST_LIMIT_EXCEEDED");
        assertThat(body.path("errors").get(0).path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(body.path("data").isMissingNode()).isTrue();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The error of a refused request, after checking that it sent no more SQL than {@code { __typename }}. */
    private JsonNode refused(String query, int status) {
        return refused(query, Map.of(), status);
    }

    private JsonNode refused(String query, Map<String, Object> variables, int status) {
        List<String> baseline = counter.fewest(() -> post(finance, "{ __typename }", Map.of(), 200));
        JsonNode[] body = new JsonNode[1];
        List<String> sent = counter.fewest(() -> body[0] = post(finance, query, variables, status));
        assertThat(sent).as("statements of the refused request").hasSize(baseline.size());
        assertThat(body[0].path("data").isMissingNode() || body[0].path("data").isNull()).isTrue();
        assertThat(body[0].path("errors").get(0).path("extensions").path("classification").asString())
                .isEqualTo("BAD_REQUEST");
        return body[0].path("errors").get(0);
    }

    private JsonNode post(String session, String query, Map<String, Object> variables, int status) {
        return post(session, query, variables, GRAPHQL_RESPONSE, status);
    }

    private JsonNode post(String session, String query, Map<String, Object> variables, MediaType accept, int status) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        String answer = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .post().uri("/graphql").cookie("CORDEE_SESSION", session)
                .contentType(MediaType.APPLICATION_JSON).accept(accept).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(answer);
    }

    private QueryLimits.Analysis analyse(String query, Map<String, Object> variables) {
        GraphQLSchema schema = graphQlSource.schema();
        return queryLimits.analyse(schema, query, variables);
    }


    /**
     * The GraphQL documents of one SPA view, as the browser sends them: each {@code const NAME = `…`} with
     * the {@code ${…}} of the file's other constants, and of those it imports from its sibling modules,
     * filled in. Read from the web-client jar, so this test follows the SPA when its queries change.
     */
    public static Map<String, String> spaQueries(String view) {
        Map<String, String> constants = constants(view);
        Map<String, String> resolved = new LinkedHashMap<>();
        constants.forEach((name, text) -> resolved.put(name, fill(text, constants)));
        return resolved;
    }

    /** The file's own string and number constants, then those of the modules of js/views it imports ({@code from './x.js'}). */
    private static Map<String, String> constants(String view) {
        String source;
        try (InputStream in = QueryLimitsTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/js/views/" + view)) {
            assertThat(in).as(view).isNotNull();
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher m = Pattern.compile("const ([A-Z_]+) = (?:`([^`]*)`|'([^']*)'|(\\d+);)", Pattern.DOTALL).matcher(source);
        while (m.find()) {
            constants.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4));
        }
        // siblings ('./x.js'), the view's own folder ('./x/part.js') and, from there, its parents ('../x.js', ADR 0081)
        Matcher imports = Pattern.compile("(?:from |import )'(\\.\\.?/[a-z/-]+\\.js)'").matcher(source);
        while (imports.find()) {
            String imported = java.nio.file.Path.of(view).resolveSibling(imports.group(1)).normalize().toString();
            if (!imported.startsWith("..")) {
                constants(imported).forEach(constants::putIfAbsent);
            }
        }
        return constants;
    }

    private static String fill(String text, Map<String, String> constants) {
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = constants.get(m.group(1));
            assertThat(value).as("constant %s", m.group(1)).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(fill(value, constants)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What GraphiQL 5 (graphql-js 17's getIntrospectionQuery) sends: every option on, TypeRef 9 levels deep. */
    static final String GRAPHIQL_INTROSPECTION = """
            query IntrospectionQuery {
              __schema {
                description
                queryType { name kind }
                mutationType { name kind }
                subscriptionType { name kind }
                types { ...FullType }
                directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description specifiedByURL
              fields(includeDeprecated: true) { name description args(includeDeprecated: true) { ...InputValue }
                type { ...TypeRef } isDeprecated deprecationReason }
              inputFields(includeDeprecated: true) { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue {
              name description type { ...TypeRef } defaultValue isDeprecated deprecationReason
            }
            fragment TypeRef on __Type {
              kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
                ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
            }""";
}
