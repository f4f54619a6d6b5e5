package io.cordee.api.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A signed-in session asking for setUp or signUp gets the typed error ALREADY_SIGNED_IN before anything else is
 * checked (token, sign-up policy), and no agency or user is created.
 */
@ApiTest
class SignedInSetupTest {

    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;

    private long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).mapValue(Long.class).one().block();
    }

    @Test
    void aSignedInOwnerCannotSetUpOrSignUpAnotherAgency() {
        Tenants.Tenant agency = tenants.create("Atelier Déjà Là");
        HttpGraphQlTester owner = tenants.as(agency, Role.OWNER);
        Map<String, Object> input = Map.of("agencyName", "Second Studio", "country", "FR", "currency", "EUR",
                "timeZone", "Europe/Paris", "language", "fr", "ownerName", "Inès Martin",
                "email", "ines@second-studio.example", "password", "a long enough passphrase");
        long agencies = count("agency");
        long users = count("app_user");

        owner.document("""
                        mutation($in: SignUpInput!) { signUp(input: $in) { viewer { user { email } }
                          userErrors { field code message } } }""").variable("in", input).execute()
                .path("signUp.viewer").valueIsNull()
                .path("signUp.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_SIGNED_IN")
                .path("signUp.userErrors[0].field").entityList(String.class).containsExactly("email")
                .path("signUp.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("sign out"));
        Map<String, Object> withToken = new java.util.HashMap<>(input);
        withToken.put("setupToken", "any-token-at-all");
        owner.document("""
                        mutation($in: SetUpInput!) { setUp(input: $in) { viewer { user { email } } userErrors { code } } }""")
                .variable("in", withToken).execute()
                .path("setUp.userErrors[*].code").entityList(String.class).containsExactly("ALREADY_SIGNED_IN");

        assertThat(count("agency")).isEqualTo(agencies);
        assertThat(count("app_user")).isEqualTo(users);
        // still signed in as before
        owner.document("{ viewer { agency { name } } }").execute().path("viewer.agency.name").entity(String.class)
                .isEqualTo("Atelier Déjà Là");
    }
}
