package io.cordee.api.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.MailServer;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.identity.Role;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Passwords (issue 14 point 3, ADR 39): change, forgotten, reset — through a real SMTP server (GreenMail) and the
 * injected clock.
 */
@MailServer.WithSmtp
class PasswordTest {

    static final String NEW_PASSWORD = "a long walk along the quay";
    static final String CHANGE = """
            mutation($in: ChangePasswordInput!) { changePassword(input: $in) { changed userErrors { field code } } }""";
    static final String REQUEST = """
            mutation($in: RequestPasswordResetInput!) { requestPasswordReset(input: $in) { requested
              userErrors { field code } } }""";
    static final String RESET = """
            mutation($in: ResetPasswordInput!) { resetPassword(input: $in) { viewer { user { email } }
              userErrors { field code } } }""";
    static final String VIEWER = "{ viewer { user { email } } }";
    static final Pattern LINK = Pattern.compile("http://localhost:\\d+/#/reset/([A-Za-z0-9_-]{43})");

    @Autowired
    Tenants tenants;
    @Autowired
    TestClock clock;
    @Autowired
    DatabaseClient db;
    @Autowired
    WebTestClient web;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsTheCurrentOne() {
        Tenants.Tenant agency = tenants.create("Atelier Serrure");
        String email = agency.email(Role.LEAD);
        String current = tenants.signIn(email, Tenants.PASSWORD);
        String other = tenants.signIn(email, Tenants.PASSWORD);
        HttpGraphQlTester me = tenants.withToken(current);

        // a wrong current password: refused on its field, nothing changes, the other session lives on
        GraphQlTester.Response wrong = me.document(CHANGE).variable("in", Map.of("currentPassword", "not my password!",
                "newPassword", NEW_PASSWORD)).execute();
        wrong.path("changePassword.changed").entity(Boolean.class).isEqualTo(false);
        wrong.path("changePassword.userErrors[0].field[0]").entity(String.class).isEqualTo("currentPassword");
        wrong.path("changePassword.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        tenants.withToken(other).document(VIEWER).execute().path("viewer.user.email").entity(String.class)
                .isEqualTo(email);

        // a weak new password (11 characters; then a common one): refused on its field
        me.document(CHANGE).variable("in", Map.of("currentPassword", Tenants.PASSWORD, "newPassword", "short pass!"))
                .execute().path("changePassword.userErrors[0].code").entity(String.class).isEqualTo("WEAK_PASSWORD");
        me.document(CHANGE).variable("in", Map.of("currentPassword", Tenants.PASSWORD, "newPassword", "password1234"))
                .execute().path("changePassword.userErrors[0].field[0]").entity(String.class).isEqualTo("newPassword");

        GraphQlTester.Response changed = me.document(CHANGE).variable("in", Map.of("currentPassword", Tenants.PASSWORD,
                "newPassword", NEW_PASSWORD)).execute();
        changed.path("changePassword.changed").entity(Boolean.class).isEqualTo(true);
        changed.path("changePassword.userErrors").entityList(Object.class).hasSize(0);

        // the other session's next request: 401; the current one still works; the new password signs in
        tenants.assertRefusedUnauthenticated(other, VIEWER);
        me.document(VIEWER).execute().path("viewer.user.email").entity(String.class).isEqualTo(email);
        assertThat(tenants.signIn(email, NEW_PASSWORD)).isNotBlank();
        // audited: the change of password_changed_at (never the hash), by the user, under changePassword
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE agency_id = :a AND operation = 'changePassword'"
                        + " AND jsonb_exists(changes, 'password_changed_at') AND NOT jsonb_exists(changes, 'password_hash')")
                .bind("a", agency.agencyId().value()).mapValue(Long.class).one().block()).isEqualTo(1);
    }

    @Test
    void wrongCurrentPasswordsCountAgainstTheSignInThrottle() {
        Tenants.Tenant agency = tenants.create("Atelier Verrou");
        String email = agency.email(Role.LEAD);
        String token = tenants.signIn(email, Tenants.PASSWORD);
        HttpGraphQlTester me = tenants.withToken(token);
        // the sign-in above succeeded and cleared the count; 5 wrong current passwords are the 5 free attempts
        for (int i = 0; i < 5; i++) {
            me.document(CHANGE).variable("in", Map.of("currentPassword", "guess number " + i, "newPassword",
                    NEW_PASSWORD)).execute().path("changePassword.userErrors[0].code").entity(String.class)
                    .isEqualTo("INVALID_CREDENTIALS");
        }
        // the 5th made the next attempt wait 1 s; 10 minutes back in time, the wait cannot have passed however
        // slow this machine is: the sign-in page refuses the right password, unchecked
        clock.startAt(clock.instant().minus(Duration.ofMinutes(10)));
        String answer = new String(web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "mutation($in: SignInInput!) { signIn(input: $in) { userErrors { code } } }",
                        "variables", Map.of("in", Map.of("email", email, "password", Tenants.PASSWORD))))
                .exchange().expectBody().returnResult().getResponseBody());
        assertThat(answer).contains("TOO_MANY_ATTEMPTS");
        // and so does changePassword itself, the right current password included
        String change = new String(web.post().uri("/graphql").cookie("CORDEE_SESSION", token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", CHANGE, "variables", Map.of("in", Map.of("currentPassword", Tenants.PASSWORD,
                        "newPassword", NEW_PASSWORD))))
                .exchange().expectBody().returnResult().getResponseBody());
        assertThat(change).contains("TOO_MANY_ATTEMPTS").doesNotContain("\"changed\":true");
    }

    @Test
    void aResetLinkWorksOnceSignsInAndEndsTheOldSessions() throws Exception {
        Tenants.Tenant agency = tenants.create("Atelier Oubli");
        String email = agency.email(Role.FINANCE);
        String oldSession = tenants.signIn(email, Tenants.PASSWORD);

        String token = requestAndReadLink(email, "fr", 1);
        MimeMessage mail = MailServer.to(email)[0];
        assertThat(mail.getSubject()).isEqualTo("Nouveau mot de passe pour Atelier Oubli sur Cordée");
        Map<String, String> parts = MailServer.parts(mail);
        assertThat(parts).containsOnlyKeys("text/plain", "text/html");
        assertThat(parts.get("text/plain")).contains("Ce lien fonctionne une seule fois, pendant une heure.");

        GraphQlTester.Response reset = tenants.anonymous().document(RESET)
                .variable("in", Map.of("token", token, "newPassword", NEW_PASSWORD)).execute();
        reset.path("resetPassword.viewer.user.email").entity(String.class).isEqualTo(email);
        tenants.assertRefusedUnauthenticated(oldSession, VIEWER);
        assertThat(tenants.signIn(email, NEW_PASSWORD)).isNotBlank();

        // the same link again: used
        tenants.anonymous().document(RESET).variable("in", Map.of("token", token, "newPassword", "yet another passphrase"))
                .execute().path("resetPassword.userErrors[0].code").entity(String.class).isEqualTo("RESET_LINK_USED");
        // a link never issued
        tenants.anonymous().document(RESET).variable("in", Map.of("token", "x".repeat(43), "newPassword", NEW_PASSWORD))
                .execute().path("resetPassword.userErrors[0].code").entity(String.class).isEqualTo("RESET_LINK_INVALID");
    }

    @Test
    void aResetLinkExpiresAfterOneHour() throws Exception {
        Tenants.Tenant agency = tenants.create("Atelier Sablier");
        String email = agency.email(Role.OWNER);
        String token = requestAndReadLink(email, "en", 1);
        assertThat(MailServer.to(email)[0].getSubject()).isEqualTo("New password for Atelier Sablier on Cordée");

        // issued at t; valid while now < t + 1 h: at t + 1 h + 1 s it is expired, and the password stays
        clock.startAt(clock.instant().plus(Duration.ofHours(1)).plusSeconds(1));
        tenants.anonymous().document(RESET).variable("in", Map.of("token", token, "newPassword", NEW_PASSWORD))
                .execute().path("resetPassword.userErrors[0].code").entity(String.class).isEqualTo("RESET_LINK_EXPIRED");
        assertThat(tenants.signIn(email, Tenants.PASSWORD)).isNotBlank();

        // a weak password with a good link: refused on newPassword, the link still works afterwards
        clock.reset();
        tenants.anonymous().document(RESET).variable("in", Map.of("token", token, "newPassword", "too short"))
                .execute().path("resetPassword.userErrors[0].field[0]").entity(String.class).isEqualTo("newPassword");
        tenants.anonymous().document(RESET).variable("in", Map.of("token", token, "newPassword", NEW_PASSWORD))
                .execute().path("resetPassword.viewer.user.email").entity(String.class).isEqualTo(email);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        Tenants.Tenant agency = tenants.create("Atelier Discret");
        String unknown = "nobody-" + agency.agencyId().value().toString().substring(24) + "@test.example";
        String known = agency.email(Role.LEAD);

        String unknownAnswer = rawRequest(unknown);
        String knownAnswer = rawRequest(known);
        assertThat(unknownAnswer).isEqualTo(knownAnswer)
                .isEqualTo("{\"data\":{\"requestPasswordReset\":{\"requested\":true,\"userErrors\":[]}}}");

        // the known address's mail arrives; the unknown one (asked first) never gets one, and no link is stored
        waitForMails(known, 1);
        Thread.sleep(200);
        assertThat(MailServer.to(unknown)).isEmpty();
        assertThat(db.sql("SELECT count(*) FROM password_reset WHERE agency_id = :a")
                .bind("a", agency.agencyId().value()).mapValue(Long.class).one().block()).isEqualTo(1);
    }

    @Test
    void resetRequestsAreLimitedPerAddressKnownOrNot() throws Exception {
        Tenants.Tenant agency = tenants.create("Atelier Patience");
        String known = agency.email(Role.LEAD);
        String unknown = "ghost-" + agency.agencyId().value().toString().substring(24) + "@test.example";
        for (String address : new String[] {known, unknown}) {
            // 3 an hour per address: the 4th within the hour is refused, the same way for both
            for (int i = 0; i < 3; i++) {
                assertThat(rawRequest(address)).contains("\"requested\":true");
            }
            assertThat(rawRequest(address)).contains("\"code\":\"TOO_MANY_REQUESTS\"").doesNotContain("requested");
        }
        waitForMails(known, 3);
        Thread.sleep(200);
        assertThat(MailServer.to(known)).hasSize(3);
    }

    @Test
    void aClientContactChangesItsOwnPasswordButNotThroughAnApiToken() {
        Tenants.Tenant agency = tenants.create("Atelier Client");
        HttpGraphQlTester contact = tenants.as(agency, Role.CLIENT);
        contact.document(CHANGE).variable("in", Map.of("currentPassword", Tenants.PASSWORD, "newPassword", NEW_PASSWORD))
                .execute().path("changePassword.changed").entity(Boolean.class).isEqualTo(true);
        assertThat(tenants.signIn(agency.email(Role.CLIENT), NEW_PASSWORD)).isNotBlank();
        // anonymous: refused before it runs
        tenants.assertRefusedUnauthenticated(null, "mutation { changePassword(input: {currentPassword: \"x\","
                + " newPassword: \"" + NEW_PASSWORD + "\"}) { changed } }");
    }

    private String requestAndReadLink(String email, String language, int expected) throws Exception {
        tenants.anonymous().document(REQUEST).variable("in", Map.of("email", email.toUpperCase(), "language", language))
                .execute().path("requestPasswordReset.requested").entity(Boolean.class).isEqualTo(true);
        waitForMails(email, expected);
        String text = MailServer.parts(MailServer.to(email)[expected - 1]).get("text/plain");
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a reset link in: " + text).isTrue();
        return m.group(1);
    }

    private String rawRequest(String email) {
        return new String(web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", REQUEST, "variables", Map.of("in", Map.of("email", email))))
                .exchange().expectBody().returnResult().getResponseBody());
    }

    private static void waitForMails(String address, int count) {
        MailServer.awaitMails(address, count);
    }
}
