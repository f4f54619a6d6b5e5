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
class QueryLimitsTest {

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

    static Tenants.Tenant tenant;
    static String finance;

    @BeforeAll
    static void signIn(@Autowired Tenants tenants) {
        tenant = tenants.create("Limits Test Agency");
        finance = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        // the forecast starts from a recorded balance
        tenants.withToken(finance).document("""
                        mutation { recordBankBalance(input: {date: "2026-01-05", amount: {amountMinor: 50000000}}) {
                          userErrors { code } } }""")
                .execute().path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
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
                Map.entry("clientId", "x"), Map.entry("language", "FR"), Map.entry("money", true));
        Map<String, String> queries = new LinkedHashMap<>();
        for (String view : List.of("alerts.js", "briefs.js", "client-page.js", "clients.js", "cockpit.js",
                "relationship-parts.js", "staffing.js")) {
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

    @Test
    void aFragmentBombIsRefusedWithoutExpandingIt() {
        // Each fragment spreads the next one ten times: 10^6 `id` fields from a 600-character document.
        StringBuilder query = new StringBuilder("{ clients(first: 1) { nodes { ...F0 } } }");
        for (int level = 0; level < 6; level++) {
            query.append(" fragment F").append(level).append(" on Client { ")
                    .append(("projects { client { ...F" + (level + 1) + " } } ").repeat(10)).append('}');
        }
        query.append(" fragment F6 on Client { id }");
        long started = System.nanoTime();
        JsonNode error = refused(query.toString(), 400);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(error.path("extensions").path("code").asString()).isIn("COST_LIMIT_EXCEEDED", "DEPTH_LIMIT_EXCEEDED");
        assertThat(ms).as("refused in %d ms", ms).isLessThan(2_000);
        System.out.printf("fragment bomb (10^6 fields): refused in %d ms%n", ms);
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
        List<String> baseline = counter.fewest(() -> post(finance, "{ __typename }", Map.of(), 200));
        JsonNode[] body = new JsonNode[1];
        List<String> sent = counter.fewest(() -> body[0] = post(finance, query, Map.of(), status));
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
    static Map<String, String> spaQueries(String view) {
        Map<String, String> constants = constants(view);
        Map<String, String> resolved = new LinkedHashMap<>();
        constants.forEach((name, text) -> resolved.put(name, fill(text, constants)));
        return resolved;
    }

    /** The file's own string and number constants, then those of the sibling modules it imports ({@code from './x.js'}). */
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
        Matcher imports = Pattern.compile("from '\\./([a-z-]+\\.js)'").matcher(source);
        while (imports.find()) {
            constants(imports.group(1)).forEach(constants::putIfAbsent);
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
