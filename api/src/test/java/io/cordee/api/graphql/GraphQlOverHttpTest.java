package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.security.SecurityConfiguration;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): media types, GET for queries and
 * never for mutations, status codes of malformed requests, no cross-site simple request, CORS by origin.
 */
@ApiTest
class GraphQlOverHttpTest {

    static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    static final String CREATE_CLIENT = "mutation { createClient(input: {name: \"Forged\", segment: SME}) { client { id } } }";

    @Autowired
    WebTestClient web;
    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;

    static Tenants.Tenant tenant;
    static String ownerSession;

    @BeforeAll
    static void createTenant(@Autowired Tenants tenants) {
        tenant = tenants.create("GraphQL over HTTP Agency");
        ownerSession = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
    }

    private long clientCount() {
        return db.sql("SELECT count(*) FROM client WHERE agency_id = :a").bind("a", tenant.agencyId().value())
                .mapValue(Long.class).one().block(Duration.ofSeconds(5));
    }

    private WebTestClient.ResponseSpec post(MediaType accept, Object body) {
        WebTestClient.RequestBodySpec spec = web.post().uri("/graphql").cookie("CORDEE_SESSION", ownerSession)
                .contentType(MediaType.APPLICATION_JSON);
        if (accept != null) {
            spec = spec.accept(accept);
        }
        return spec.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String query, String operationName, String variables) {
        return web.get().uri(builder -> {
                    builder.path("/graphql").queryParam("query", "{query}");
                    if (operationName != null) {
                        builder.queryParam("operationName", "{op}");
                    }
                    if (variables != null) {
                        builder.queryParam("variables", "{variables}");
                    }
                    return builder.build(Map.of("query", query, "op", String.valueOf(operationName),
                            "variables", String.valueOf(variables)));
                })
                .cookie("CORDEE_SESSION", ownerSession).accept(GRAPHQL_RESPONSE).exchange();
    }

    @Test
    void answersInTheMediaTypeTheClientAccepts() {
        post(GRAPHQL_RESPONSE, Map.of("query", "{ viewer { user { role } } }"))
                .expectStatus().isOk().expectHeader().contentType(GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.data.viewer.user.role").isEqualTo("OWNER");
        post(MediaType.APPLICATION_JSON, Map.of("query", "{ viewer { user { role } } }"))
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_JSON);
        // a legacy client that says nothing gets application/json
        web.post().uri("/graphql").cookie("CORDEE_SESSION", ownerSession).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ viewer { user { role } } }")).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void getRunsQueriesWithTheirVariables() {
        get("query($first: Int) { clients(first: $first, filter: {nameContains: \"Own\"}) { nodes { name } } }", null,
                "{\"first\": 1}")
                .expectStatus().isOk().expectHeader().contentType(GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.data.clients.nodes[0].name").isEqualTo("Own Client")
                .jsonPath("$.data.clients.nodes.length()").isEqualTo(1);
        // anonymous GET meets the same gate as POST: 401 (ADR 27)
        web.get().uri(b -> b.path("/graphql").queryParam("query", "{q}").build("{ viewer { user { role } } }"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void getNeverMutatesNorSubscribes() {
        long before = clientCount();
        get(CREATE_CLIENT, null, null)
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST")
                .expectHeader().contentType(GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.errors[0].message")
                .isEqualTo("GET runs queries only: send mutations and subscriptions as POST");
        // naming the harmless operation of a document that also holds a mutation does not get it through
        get("query Q { viewer { user { role } } } " + CREATE_CLIENT.replace("mutation", "mutation M"), "Q", null)
                .expectStatus().isEqualTo(405);
        get("subscription { alertChanged { kind } }", null, null).expectStatus().isEqualTo(405);
        assertThat(clientCount()).isEqualTo(before);
        // the same mutation as POST runs: the refusals above were about the method only
        post(GRAPHQL_RESPONSE, Map.of("query", CREATE_CLIENT)).expectStatus().isOk()
                .expectBody().jsonPath("$.data.createClient.client.id").isNotEmpty();
        assertThat(clientCount()).isEqualTo(before + 1);
    }

    @Test
    void malformedRequestsGet400WithAGraphQlError() {
        post(GRAPHQL_RESPONSE, Map.of()).expectStatus().isBadRequest().expectHeader().contentType(GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_REQUEST");
        post(GRAPHQL_RESPONSE, "{\"query\": ").expectStatus().isBadRequest()
                .expectHeader().contentType(GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("The body is not a GraphQL request: send JSON {\"query\": \"…\"}");
        // a query that is not a string never runs (Jackson reads 5 as the document "5", a syntax error)
        post(GRAPHQL_RESPONSE, Map.of("query", 5)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.data").doesNotExist().jsonPath("$.errors[0].message").isNotEmpty();
        // a document that does not parse or validate: 400 for graphql-response+json, 200 for legacy json
        post(GRAPHQL_RESPONSE, Map.of("query", "{ viewer { ")).expectStatus().isBadRequest()
                .expectHeader().contentType(GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("InvalidSyntax");
        post(GRAPHQL_RESPONSE, Map.of("query", "{ noSuchField }")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("ValidationError");
        post(MediaType.APPLICATION_JSON, Map.of("query", "{ noSuchField }")).expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("ValidationError");
        // GET without a query, or with variables that are not a JSON object
        web.get().uri("/graphql").accept(GRAPHQL_RESPONSE).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("The 'query' parameter is required");
        get("{ viewer { user { role } } }", null, "[1, 2]").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("The 'variables' parameter must be a JSON object");
        // an Accept that takes no JSON (a browser's navigation takes */* and gets JSON)
        post(MediaType.TEXT_HTML, Map.of("query", "{ __typename }")).expectStatus().isEqualTo(406)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("NOT_ACCEPTABLE");
        web.get().uri(b -> b.path("/graphql").queryParam("query", "{q}").build("{ __typename }"))
                .header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8").exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_JSON);
        // other methods
        web.put().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ __typename }"))
                .exchange().expectStatus().isEqualTo(405)
                .expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET").contains("POST"));
    }

    @Test
    void aCrossSiteFormOrSimpleRequestCannotReachGraphQl() {
        long before = clientCount();
        String json = "{\"query\": \"" + CREATE_CLIENT.replace("\"", "\\\"") + "\"}";
        for (MediaType simple : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED,
                MediaType.MULTIPART_FORM_DATA)) {
            web.post().uri("/graphql").cookie("CORDEE_SESSION", ownerSession).contentType(simple)
                    .accept(GRAPHQL_RESPONSE).bodyValue(json).exchange()
                    .expectStatus().isEqualTo(415).expectHeader().contentType(GRAPHQL_RESPONSE)
                    .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        web.post().uri("/graphql").cookie("CORDEE_SESSION", ownerSession).bodyValue(json.getBytes()).exchange()
                .expectStatus().isEqualTo(415);
        assertThat(clientCount()).isEqualTo(before);
    }

    @Test
    void corsLetsTheConfiguredOriginInAndNoOther() {
        web.options().uri("/graphql").header(HttpHeaders.ORIGIN, "https://partner.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://partner.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, m -> assertThat(m).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        h -> assertThat(h.toLowerCase()).contains("authorization").contains("content-type"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_MAX_AGE, age -> assertThat(age).isEqualTo("3600"))
                // never the cookie cross-origin
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);

        web.options().uri("/graphql").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        // an actual request from a refused origin is refused before it runs
        long before = clientCount();
        web.post().uri("/graphql").header(HttpHeaders.ORIGIN, "https://evil.example")
                .cookie("CORDEE_SESSION", ownerSession).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", CREATE_CLIENT)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(clientCount()).isEqualTo(before);
        // and from the partner's origin it runs, with the header the browser needs to read the answer
        web.post().uri("/graphql").header(HttpHeaders.ORIGIN, "https://partner.example")
                .cookie("CORDEE_SESSION", ownerSession).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ viewer { user { role } } }")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://partner.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        h -> assertThat(h).contains("Retry-After"));
    }

    @Test
    void corsIsOffWhenNoOriginIsConfigured() {
        MockServerWebExchange preflight = MockServerWebExchange.from(MockServerHttpRequest.options("/graphql")
                .header(HttpHeaders.ORIGIN, "https://partner.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name()));
        assertThat(SecurityConfiguration.cors("/graphql", List.of()).getCorsConfiguration(preflight)).isNull();
        assertThat(SecurityConfiguration.cors("/graphql", List.of("")).getCorsConfiguration(preflight)).isNull();
        assertThat(SecurityConfiguration.cors("/graphql", List.of("https://partner.example"))
                .getCorsConfiguration(preflight).getAllowedOrigins()).containsExactly("https://partner.example");
    }
}
