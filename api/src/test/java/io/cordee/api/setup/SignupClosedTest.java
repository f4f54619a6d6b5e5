package io.cordee.api.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * On the shared test instance: the demo agency exists and sign-up is closed (the default). Also what an
 * anonymous caller meets on {@code /graphql} (ADR 27): 401 with {@code WWW-Authenticate}, except for the
 * public operations.
 */
@ApiTest
class SignupClosedTest {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    private WebTestClient.ResponseSpec anonymous(MediaType accept, String query, Map<String, Object> variables) {
        return web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(accept)
                .bodyValue(Map.of("query", query, "variables", variables)).exchange();
    }

    private long agencies() {
        return db.sql("SELECT count(*) AS n FROM agency").map(r -> r.get("n", Long.class)).one().block();
    }

    @Test
    void aClosedInstanceRefusesSignUpAndASecondSetup() {
        anonymous(MediaType.APPLICATION_JSON, "{ setupStatus { needed signupOpen } }", Map.of())
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.setupStatus.needed").isEqualTo(false)
                .jsonPath("$.data.setupStatus.signupOpen").isEqualTo(false);
        long before = agencies();
        Map<String, Object> input = SetupTest.input(null, "someone@new-agency.example", "a long enough passphrase");
        anonymous(MediaType.APPLICATION_JSON, SetupTest.SIGN_UP, Map.of("input", input))
                .expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE).expectBody()
                .jsonPath("$.data.signUp.viewer").isEmpty()
                .jsonPath("$.data.signUp.userErrors[0].code").isEqualTo("SIGNUP_CLOSED");
        // the demo is loaded: there is nothing to set up, whatever the token
        Map<String, Object> withToken = SetupTest.input("any-token-at-all", "someone@new-agency.example",
                "a long enough passphrase");
        anonymous(MediaType.APPLICATION_JSON, SetupTest.SET_UP, Map.of("input", withToken))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.setUp.userErrors[0].code").isEqualTo("ALREADY_SET_UP");
        assertThat(agencies()).isEqualTo(before);
    }

    @Test
    void anAnonymousRequestGets401WithWwwAuthenticate() {
        // what the SPA sends at start before anyone signed in: it used to be a 400 logged in the console
        for (MediaType accept : new MediaType[] {MediaTypes.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON}) {
            for (String query : new String[] {"{ viewer { user { email } } }", "{ __typename }",
                    "{ setupStatus { needed } viewer { user { email } } }"}) {
                anonymous(accept, query, Map.of())
                        .expectStatus().isUnauthorized()
                        .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cordee\"")
                        .expectHeader().doesNotExist("X-Cordee-Status")
                        .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED")
                        .jsonPath("$.data").doesNotExist();
            }
        }
        // the public operations are not refused
        anonymous(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, "{ setupStatus { needed } }", Map.of())
                .expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
        anonymous(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
                "mutation { signIn(input: {email: \"nobody@example.com\", password: \"wrong\"}) { userErrors { code } } }",
                Map.of()).expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.data.signIn.userErrors[0].code").isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void thePageHasAFaviconAndADescription() {
        String index = web.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(index).contains("<meta name=\"description\" content=\"Cordée: client relationships and cash")
                .contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">");
        web.get().uri("/favicon.svg").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("image/svg+xml")
                .expectBody(String.class).value(svg -> assertThat(svg).startsWith("<svg"));
    }
}
