package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class SecurityTest {

    @Autowired
    Tenants tenants;
    @Autowired
    WebTestClient web;

    static Tenants.Tenant tenant;

    @BeforeAll
    static void createTenant(@Autowired Tenants tenants) {
        tenant = tenants.create("Security Test Agency");
    }

    @Test
    void anonymousQueriesAreRefusedBeforeTheyRun() {
        tenants.assertRefusedUnauthenticated(null, "{ clients { totalCount nodes { name } } }");
    }

    @Test
    void anonymousMutationHiddenBehindSignInIsRefusedAndWritesNothing() {
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        long before = owner.document("{ clients { totalCount } }").execute().path("clients.totalCount")
                .entity(Long.class).get();

        tenants.assertRefusedUnauthenticated(null, """
                        mutation {
                          signIn(input: {email: "nobody@test.example", password: "x"}) { userErrors { code } }
                          createClient(input: {name: "Sneaky", segment: SME}) { client { id } }
                        }""");

        // a fragment spread on the mutation root is not a way in either
        tenants.assertRefusedUnauthenticated(null, """
                        mutation { ...M }
                        fragment M on Mutation { createClient(input: {name: "Sneaky", segment: SME}) { client { id } } }""");

        owner.document("{ clients { totalCount } }").execute().path("clients.totalCount").entity(Long.class)
                .isEqualTo(before);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameUserError() {
        for (String email : new String[] {tenant.email(Role.OWNER), "nobody@test.example"}) {
            tenants.anonymous().document("""
                            mutation($e: String!) { signIn(input: {email: $e, password: "wrong"}) {
                              viewer { user { email } } userErrors { field message code } } }""")
                    .variable("e", email).execute()
                    .path("signIn.viewer").valueIsNull()
                    .path("signIn.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS")
                    .path("signIn.userErrors[0].message").entity(String.class)
                    .isEqualTo("E-mail or password is incorrect");
        }
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrict() {
        String setCookie = web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p})"
                                + " { userErrors { code } } }",
                        "variables", Map.of("e", tenant.email(Role.LEAD), "p", Tenants.PASSWORD)))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(setCookie).startsWith("CORDEE_SESSION=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/");
        // served over plain HTTP here, so not Secure (it is when the request came over TLS)
        assertThat(setCookie).doesNotContain("Secure");
    }

    @Test
    void signOutRevokesTheSessionInTheDatabase() {
        String token = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        HttpGraphQlTester finance = tenants.withToken(token);
        finance.document("{ viewer { user { role } } }").execute().path("viewer.user.role").entity(String.class)
                .isEqualTo("FINANCE");

        finance.document("mutation { signOut { signedOut } }").execute().path("signOut.signedOut")
                .entity(Boolean.class).isEqualTo(true);

        // the same token, replayed after sign-out, is refused
        tenants.assertRefusedUnauthenticated(token, "{ viewer { user { role } } }");
    }

    @Test
    void aForgedTokenIsRefused() {
        tenants.assertRefusedUnauthenticated("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "{ viewer { user { email } } }");
    }

    @Test
    void graphiqlIsForSignedInUsersOnly() {
        web.get().uri("/graphiql").exchange().expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/?next=/graphiql");

        String token = tenants.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        web.get().uri("/graphiql?path=/graphql").cookie("CORDEE_SESSION", token).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).containsIgnoringCase("graphiql"));
    }

    @Test
    void theSinglePageAppIsServedToEveryone() {
        web.get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("cordee-app"));
    }
}
