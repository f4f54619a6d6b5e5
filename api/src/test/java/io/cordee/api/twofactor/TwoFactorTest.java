package io.cordee.api.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.TotpCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two-factor sign-in with TOTP (issue 14 point 3, ADR 44), over HTTP against the real database, with codes computed
 * at instants the injected clock is set to. Time T0 = 2026-12-03T10:00:05Z is 5 s into its 30-second step
 * s0 = 1 796 292 000 / 30 = 59 876 400; every code below is of a step named relative to s0.
 */
@ApiTest
public class TwoFactorTest {

    static final Instant T0 = Instant.parse("2026-12-03T10:00:05Z");
    static final long S0 = T0.getEpochSecond() / 30;

    static final String SIGN_IN = """
            mutation($in: SignInInput!) { signIn(input: $in) { viewer { user { email } }
              secondFactor { challenge expiresAt enrolment { secret uri } } userErrors { field code } } }""";
    static final String COMPLETE = """
            mutation($in: CompleteSignInInput!) { completeSignIn(input: $in) { viewer { user { email } }
              recoveryCodes userErrors { field code } } }""";
    static final String START = "mutation { startTwoFactorEnrolment { enrolment { secret uri } userErrors { field code } } }";
    static final String CONFIRM = """
            mutation($in: ConfirmTwoFactorEnrolmentInput!) { confirmTwoFactorEnrolment(input: $in) {
              recoveryCodes userErrors { field code } } }""";
    static final String DISABLE = """
            mutation($in: DisableTwoFactorInput!) { disableTwoFactor(input: $in) { disabled userErrors { field code } } }""";
    static final String REGENERATE = "mutation { regenerateRecoveryCodes { recoveryCodes userErrors { field code } } }";
    static final String STATUS = "{ twoFactor { enabled required recoveryCodesLeft } }";
    static final String REQUIRE = """
            mutation($in: SetTwoFactorRequirementInput!) { setTwoFactorRequirement(input: $in) {
              agency { requireTwoFactorFor version } userErrors { field code } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    TestClock clock;
    @Autowired
    TotpCodes totp;
    @Autowired
    DatabaseClient db;
    @Autowired
    WebTestClient web;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** One GraphQL request: its JSON body and the session cookie it set, if any. */
    record Answer(String body, String cookie) {
        <T> T at(String path) {
            return JsonPath.read(body, path);
        }
    }

    Answer post(String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        WebTestClient.RequestBodySpec request = web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/graphql");
        if (token != null) {
            request = request.cookie("CORDEE_SESSION", token);
        }
        EntityExchangeResult<String> result = request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody(String.class).returnResult();
        ResponseCookie cookie = result.getResponseCookies().getFirst("CORDEE_SESSION");
        return new Answer(result.getResponseBody(), cookie == null || cookie.getValue().isEmpty() ? null
                : cookie.getValue());
    }

    Answer signIn(String email) {
        return post(null, SIGN_IN, Map.of("in", Map.of("email", email, "password", Tenants.PASSWORD)));
    }

    Answer complete(String challenge, String code, String recoveryCode) {
        Map<String, Object> in = new HashMap<>();
        in.put("challenge", challenge);
        in.put("code", code);
        in.put("recoveryCode", recoveryCode);
        return post(null, COMPLETE, Map.of("in", in));
    }

    String code(String base32, long step) {
        return totp.code(base32Decode(base32), step);
    }

    /** A 6-digit code that is not the one of {@code step} (nor of its neighbours: the window is ±1 step). */
    String wrongCode(String base32, long step) {
        for (int candidate = 0; ; candidate++) {
            String c = String.format("%06d", candidate);
            if (!c.equals(code(base32, step - 1)) && !c.equals(code(base32, step))
                    && !c.equals(code(base32, step + 1))) {
                return c;
            }
        }
    }

    /** Enrols {@code email} at T0 with the code of s0; returns the base32 secret and the recovery codes. */
    record Enrolled(String secret, List<String> recoveryCodes, String session) {
    }

    Enrolled enrol(String email) {
        clock.startAt(T0);
        String session = tenants.signIn(email, Tenants.PASSWORD);
        Answer started = post(session, START, null);
        String secret = started.at("$.data.startTwoFactorEnrolment.enrolment.secret");
        Answer confirmed = post(session, CONFIRM, Map.of("in", Map.of("code", code(secret, S0))));
        List<String> codes = confirmed.at("$.data.confirmTwoFactorEnrolment.recoveryCodes");
        assertThat(codes).as(confirmed.body()).hasSize(10);
        return new Enrolled(secret, codes, session);
    }

    @Test
    void enrolThenSignInWithACodeThatWorksOnceAndWithinItsWindow() {
        Tenants.Tenant agency = tenants.create("Atelier Double");
        String email = agency.email(Role.LEAD);
        clock.startAt(T0);
        String session = tenants.signIn(email, Tenants.PASSWORD);

        Answer started = post(session, START, null);
        String secret = started.at("$.data.startTwoFactorEnrolment.enrolment.secret");
        String uri = started.at("$.data.startTwoFactorEnrolment.enrolment.uri");
        // 20 bytes = 160 bits → 32 base32 characters; the URI carries the same secret for an authenticator app
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(uri).startsWith("otpauth://totp/Cord%C3%A9e:").contains("secret=" + secret)
                .contains("issuer=Cord%C3%A9e").contains("digits=6").contains("period=30");

        // a wrong first code: refused on its field, nothing enabled
        Answer wrong = post(session, CONFIRM, Map.of("in", Map.of("code", wrongCode(secret, S0))));
        assertThat((String) wrong.at("$.data.confirmTwoFactorEnrolment.userErrors[0].code"))
                .isEqualTo("TWO_FACTOR_CODE_INVALID");
        assertThat((Boolean) post(session, STATUS, null).at("$.data.twoFactor.enabled")).isFalse();

        Answer confirmed = post(session, CONFIRM, Map.of("in", Map.of("code", code(secret, S0))));
        List<String> codes = confirmed.at("$.data.confirmTwoFactorEnrolment.recoveryCodes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        Answer status = post(session, STATUS, null);
        assertThat((Boolean) status.at("$.data.twoFactor.enabled")).isTrue();
        assertThat((Integer) status.at("$.data.twoFactor.recoveryCodesLeft")).isEqualTo(10);
        // once on, the secret is never shown again: starting again is refused
        assertThat((String) post(session, START, null).at("$.data.startTwoFactorEnrolment.userErrors[0].code"))
                .isEqualTo("TWO_FACTOR_ALREADY_ENABLED");
        // audited as a change of the person, never with the secret
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE agency_id = :a AND operation = 'confirmTwoFactor'"
                        + " AND entity_type = 'Person' AND jsonb_exists(changes, 'enabled_at')"
                        + " AND NOT jsonb_exists(changes, 'secret')")
                .bind("a", agency.agencyId().value()).mapValue(Long.class).one().block()).isEqualTo(1);

        // the password alone: no session, no viewer, a challenge
        Answer first = signIn(email);
        assertThat(first.cookie()).isNull();
        assertThat((Object) first.at("$.data.signIn.viewer")).isNull();
        assertThat((Object) first.at("$.data.signIn.secondFactor.enrolment")).isNull();
        String challenge = first.at("$.data.signIn.secondFactor.challenge");
        assertThat(challenge).hasSize(43);

        // the code of s0 confirmed the enrolment: the same step again is a replay
        Answer replay = complete(challenge, code(secret, S0), null);
        assertThat((String) replay.at("$.data.completeSignIn.userErrors[0].code")).isEqualTo("TWO_FACTOR_CODE_REUSED");
        assertThat(replay.cookie()).isNull();
        // a wrong code
        Answer bad = complete(challenge, wrongCode(secret, S0), null);
        assertThat((String) bad.at("$.data.completeSignIn.userErrors[0].code")).isEqualTo("TWO_FACTOR_CODE_INVALID");
        assertThat((String) bad.at("$.data.completeSignIn.userErrors[0].field[0]")).isEqualTo("code");
        // a code two steps ahead of now (s0 + 2 while the clock is in s0): outside the ±1 window
        assertThat((String) complete(challenge, code(secret, S0 + 2), null)
                .at("$.data.completeSignIn.userErrors[0].code")).isEqualTo("TWO_FACTOR_CODE_INVALID");

        // 30 s later (step s0 + 1): its code signs in
        clock.startAt(T0.plusSeconds(30));
        Answer done = complete(challenge, code(secret, S0 + 1), null);
        assertThat((String) done.at("$.data.completeSignIn.viewer.user.email")).isEqualTo(email);
        assertThat((List<?>) done.at("$.data.completeSignIn.recoveryCodes")).isEmpty();
        assertThat(done.cookie()).isNotNull();
        assertThat((String) post(done.cookie(), "{ viewer { user { email } } }", null).at("$.data.viewer.user.email"))
                .isEqualTo(email);
        // the challenge worked once
        assertThat((String) complete(challenge, code(secret, S0 + 2), null)
                .at("$.data.completeSignIn.userErrors[0].code")).isEqualTo("SIGN_IN_CHALLENGE_EXPIRED");
        // a new sign-in with the code just used: replay refused
        String second = signIn(email).at("$.data.signIn.secondFactor.challenge");
        assertThat((String) complete(second, code(secret, S0 + 1), null).at("$.data.completeSignIn.userErrors[0].code"))
                .isEqualTo("TWO_FACTOR_CODE_REUSED");
    }

    @Test
    void aChallengeExpiresAfterFiveMinutesAndAfterFiveWrongCodes() {
        Tenants.Tenant agency = tenants.create("Atelier Sablier");
        String email = agency.email(Role.FINANCE);
        Enrolled enrolled = enrol(email);

        clock.startAt(T0.plusSeconds(60)); // step s0 + 2
        String challenge = signIn(email).at("$.data.signIn.secondFactor.challenge");
        // 5 min 1 s later (step s0 + 12): the right code of that step comes too late
        clock.startAt(T0.plusSeconds(60 + 301));
        Answer late = complete(challenge, code(enrolled.secret(), (T0.getEpochSecond() + 361) / 30), null);
        assertThat((String) late.at("$.data.completeSignIn.userErrors[0].code")).isEqualTo("SIGN_IN_CHALLENGE_EXPIRED");
        assertThat((String) late.at("$.data.completeSignIn.userErrors[0].field[0]")).isEqualTo("challenge");
        assertThat(late.cookie()).isNull();

        // a challenge that has had 5 wrong codes is dead, even for the right one (set in the table: five wrong
        // codes in a row would also meet the account's throttle, tested below)
        String other = signIn(email).at("$.data.signIn.secondFactor.challenge");
        db.sql("UPDATE sign_in_challenge SET failures = 5 WHERE agency_id = :a")
                .bind("a", agency.agencyId().value()).fetch().rowsUpdated().block();
        assertThat((String) complete(other, code(enrolled.secret(), (T0.getEpochSecond() + 361) / 30), null)
                .at("$.data.completeSignIn.userErrors[0].code")).isEqualTo("SIGN_IN_CHALLENGE_EXPIRED");
    }

    @Test
    void wrongCodesCountAgainstTheSignInThrottle() {
        Tenants.Tenant agency = tenants.create("Atelier Serrure Double");
        String email = agency.email(Role.LEAD);
        Enrolled enrolled = enrol(email);
        clock.startAt(T0.plusSeconds(60));
        long step = (T0.getEpochSecond() + 60) / 30;
        // the password is attempt 1 (not forgotten until the code is right); 4 wrong codes are attempts 2-5
        String challenge = signIn(email).at("$.data.signIn.secondFactor.challenge");
        // sent with a session cookie (another person's), a request's userErrors would roll its writes back: the
        // wrong codes must stay counted all the same (completeSignIn runs in no request transaction)
        String someoneElse = tenants.signIn(agency.email(Role.CLIENT), Tenants.PASSWORD);
        for (int i = 0; i < 4; i++) {
            Map<String, Object> in = new HashMap<>();
            in.put("challenge", challenge);
            in.put("code", wrongCode(enrolled.secret(), step));
            assertThat((String) post(i % 2 == 0 ? null : someoneElse, COMPLETE, Map.of("in", in))
                    .at("$.data.completeSignIn.userErrors[0].code")).isEqualTo("TWO_FACTOR_CODE_INVALID");
        }
        assertThat(db.sql("SELECT failures FROM sign_in_challenge WHERE agency_id = :a AND used_at IS NULL")
                .bind("a", agency.agencyId().value()).mapValue(Integer.class).one().block()).isEqualTo(4);
        // with another field in the same request: refused, nothing run
        assertThat(post(null, "mutation { completeSignIn(input: {challenge: \"" + challenge + "\", code: \"000000\"})"
                + " { userErrors { code } } signOut { signedOut } }", null).body()).contains("TWO_FACTOR_ALONE");
        // the 5th made the next attempt wait 1 s; 10 minutes back, that wait cannot have passed on any machine:
        // the right code is refused unchecked
        clock.startAt(T0.plusSeconds(60).minus(Duration.ofMinutes(10)));
        Answer refused = complete(challenge, code(enrolled.secret(), step - 20), null);
        assertThat(refused.body()).contains("TOO_MANY_ATTEMPTS").doesNotContain(email);
        assertThat(refused.cookie()).isNull();
    }

    @Test
    void aRecoveryCodeWorksOnceAndNewOnesReplaceTheOld() {
        Tenants.Tenant agency = tenants.create("Atelier Secours");
        String email = agency.email(Role.OWNER);
        Enrolled enrolled = enrol(email);

        String challenge = signIn(email).at("$.data.signIn.secondFactor.challenge");
        // typed in capitals with spaces instead of dashes: still the same code
        String typed = enrolled.recoveryCodes().get(0).toUpperCase().replace('-', ' ');
        Answer done = complete(challenge, null, typed);
        assertThat((String) done.at("$.data.completeSignIn.viewer.user.email")).isEqualTo(email);
        assertThat((Integer) post(done.cookie(), STATUS, null).at("$.data.twoFactor.recoveryCodesLeft")).isEqualTo(9);

        String again = signIn(email).at("$.data.signIn.secondFactor.challenge");
        Answer reused = complete(again, null, enrolled.recoveryCodes().get(0));
        assertThat((String) reused.at("$.data.completeSignIn.userErrors[0].code")).isEqualTo("TWO_FACTOR_CODE_INVALID");
        assertThat((String) reused.at("$.data.completeSignIn.userErrors[0].field[0]")).isEqualTo("recoveryCode");
        // neither a code nor a recovery code, or both: required
        assertThat((String) complete(again, null, null).at("$.data.completeSignIn.userErrors[0].code"))
                .isEqualTo("REQUIRED");

        List<String> fresh = post(done.cookie(), REGENERATE, null).at("$.data.regenerateRecoveryCodes.recoveryCodes");
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());
        // an old unused code no longer works; a new one does
        assertThat((String) complete(again, null, enrolled.recoveryCodes().get(1))
                .at("$.data.completeSignIn.userErrors[0].code")).isEqualTo("TWO_FACTOR_CODE_INVALID");
        assertThat((String) complete(again, null, fresh.get(0)).at("$.data.completeSignIn.viewer.user.email"))
                .isEqualTo(email);
    }

    @Test
    void disablingAsksThePasswordAndIsAudited() {
        Tenants.Tenant agency = tenants.create("Atelier Retour");
        String email = agency.email(Role.LEAD);
        Enrolled enrolled = enrol(email);
        Answer wrong = post(enrolled.session(), DISABLE, Map.of("in", Map.of("password", "not my password!")));
        assertThat((String) wrong.at("$.data.disableTwoFactor.userErrors[0].code")).isEqualTo("INVALID_CREDENTIALS");
        assertThat((Boolean) post(enrolled.session(), STATUS, null).at("$.data.twoFactor.enabled")).isTrue();

        Answer off = post(enrolled.session(), DISABLE, Map.of("in", Map.of("password", Tenants.PASSWORD)));
        assertThat((Boolean) off.at("$.data.disableTwoFactor.disabled")).isTrue();
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE agency_id = :a AND operation = 'disableTwoFactor'"
                        + " AND action = 'DELETE' AND record = 'two_factor'")
                .bind("a", agency.agencyId().value()).mapValue(Long.class).one().block()).isEqualTo(1);
        // the password alone signs in again
        Answer plain = signIn(email);
        assertThat(plain.cookie()).isNotNull();
        assertThat((Object) plain.at("$.data.signIn.secondFactor")).isNull();
    }

    @Test
    void whenTheAgencyRequiresItAUserWithoutItEnrolsBeforeReachingAnyData() {
        Tenants.Tenant agency = tenants.create("Atelier Exigeant");
        String owner = agency.email(Role.OWNER);
        String finance = agency.email(Role.FINANCE);
        Enrolled ownerTotp = enrol(owner);
        String financeSession = tenants.signIn(finance, Tenants.PASSWORD);
        long version = ((Number) post(ownerTotp.session(), "{ agency { version } }", null).at("$.data.agency.version"))
                .longValue();

        Answer set = post(ownerTotp.session(), REQUIRE, Map.of("in", Map.of("version", version,
                "roles", List.of("OWNER", "FINANCE"))));
        assertThat((List<String>) set.at("$.data.setTwoFactorRequirement.agency.requireTwoFactorFor"))
                .containsExactly("OWNER", "FINANCE");
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE agency_id = :a"
                        + " AND operation = 'setTwoFactorRequirement' AND jsonb_exists(changes, 'require_two_factor_for')")
                .bind("a", agency.agencyId().value()).mapValue(Long.class).one().block()).isEqualTo(1);
        // the finance user's open session ends at once: it had no second factor
        tenants.assertRefusedUnauthenticated(financeSession, "{ viewer { user { email } } }");
        // the owner's own session (who has it) goes on
        assertThat((String) post(ownerTotp.session(), "{ viewer { user { email } } }", null)
                .at("$.data.viewer.user.email")).isEqualTo(owner);

        // the finance user signs in: no session, an enrolment
        clock.startAt(T0.plusSeconds(90)); // step s0 + 3
        Answer challenged = signIn(finance);
        assertThat(challenged.cookie()).isNull();
        String challenge = challenged.at("$.data.signIn.secondFactor.challenge");
        String secret = challenged.at("$.data.signIn.secondFactor.enrolment.secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        // no data without a session
        tenants.assertRefusedUnauthenticated(null, "{ agency { name } }");
        // no recovery code exists yet: refused; a wrong code: refused
        assertThat((String) complete(challenge, null, "aaaa-bbbb-cccc-dddd").at("$.data.completeSignIn.userErrors[0].code"))
                .isEqualTo("TWO_FACTOR_CODE_INVALID");
        assertThat((String) complete(challenge, wrongCode(secret, S0 + 3), null)
                .at("$.data.completeSignIn.userErrors[0].code")).isEqualTo("TWO_FACTOR_CODE_INVALID");

        Answer enrolled = complete(challenge, code(secret, S0 + 3), null);
        assertThat((String) enrolled.at("$.data.completeSignIn.viewer.user.email")).isEqualTo(finance);
        assertThat((List<?>) enrolled.at("$.data.completeSignIn.recoveryCodes")).hasSize(10);
        Answer status = post(enrolled.cookie(), STATUS, null);
        assertThat((Boolean) status.at("$.data.twoFactor.enabled")).isTrue();
        assertThat((Boolean) status.at("$.data.twoFactor.required")).isTrue();
        // audited: the enrolment at sign-in, by the user
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE agency_id = :a AND operation = 'completeSignIn'"
                        + " AND record = 'two_factor'")
                .bind("a", agency.agencyId().value()).mapValue(Long.class).one().block()).isEqualTo(1);
        // required: it cannot be turned off
        assertThat((String) post(enrolled.cookie(), DISABLE, Map.of("in", Map.of("password", Tenants.PASSWORD)))
                .at("$.data.disableTwoFactor.userErrors[0].code")).isEqualTo("TWO_FACTOR_REQUIRED");
        // the next sign-in asks a code, not an enrolment
        Answer next = signIn(finance);
        assertThat((Object) next.at("$.data.signIn.secondFactor.enrolment")).isNull();
        assertThat((String) next.at("$.data.signIn.secondFactor.challenge")).isNotBlank();
        // a LEAD is not required: the password alone
        assertThat(signIn(agency.email(Role.LEAD)).cookie()).isNotNull();
    }

    @Test
    void onlyTheOwnerSetsTheRequirementOnlyForOwnerAndFinanceAndOnlyInTheirAgency() {
        Tenants.Tenant mine = tenants.create("Atelier Règle");
        Tenants.Tenant theirs = tenants.create("Atelier Voisin");
        String owner = tenants.signIn(mine.email(Role.OWNER), Tenants.PASSWORD);
        long version = ((Number) post(owner, "{ agency { version } }", null).at("$.data.agency.version")).longValue();
        Map<String, Object> financeOnly = Map.of("in", Map.of("version", version, "roles", List.of("FINANCE")));

        for (Role role : List.of(Role.FINANCE, Role.LEAD, Role.CLIENT)) {
            Answer refused = post(tenants.signIn(mine.email(role), Tenants.PASSWORD), REQUIRE, financeOnly);
            assertThat((String) refused.at("$.errors[0].extensions.classification")).as(role.name())
                    .isEqualTo("FORBIDDEN");
        }
        // only OWNER and FINANCE can be required
        assertThat((String) post(owner, REQUIRE, Map.of("in", Map.of("version", version, "roles", List.of("LEAD"))))
                .at("$.data.setTwoFactorRequirement.userErrors[0].code")).isEqualTo("OUT_OF_RANGE");
        // an owner without it cannot require it of owners (they would lock themselves out)
        assertThat((String) post(owner, REQUIRE, Map.of("in", Map.of("version", version, "roles", List.of("OWNER"))))
                .at("$.data.setTwoFactorRequirement.userErrors[0].code")).isEqualTo("TWO_FACTOR_REQUIRED");
        // nothing changed so far
        assertThat((List<?>) post(owner, "{ agency { requireTwoFactorFor } }", null)
                .at("$.data.agency.requireTwoFactorFor")).isEmpty();

        Answer set = post(owner, REQUIRE, financeOnly);
        assertThat((List<String>) set.at("$.data.setTwoFactorRequirement.agency.requireTwoFactorFor"))
                .containsExactly("FINANCE");
        // the same version again is stale
        assertThat((String) post(owner, REQUIRE, financeOnly).at("$.data.setTwoFactorRequirement.userErrors[0].code"))
                .isEqualTo("CONFLICT");
        // my finance user is asked to enrol; the other agency's is not, and its setting is untouched
        assertThat((String) signIn(mine.email(Role.FINANCE)).at("$.data.signIn.secondFactor.enrolment.secret"))
                .isNotBlank();
        Answer neighbour = signIn(theirs.email(Role.FINANCE));
        assertThat(neighbour.cookie()).isNotNull();
        assertThat((List<?>) post(neighbour.cookie(), "{ agency { requireTwoFactorFor } }", null)
                .at("$.data.agency.requireTwoFactorFor")).isEmpty();
    }

    @Test
    void aPasswordResetLinkDoesNotSkipTheSecondFactor() {
        Tenants.Tenant agency = tenants.create("Atelier Oubli Double");
        String email = agency.email(Role.LEAD);
        Enrolled enrolled = enrol(email);
        // a reset link as PasswordService issues one (its token kept as SHA-256), without the mail
        String token = "r".repeat(43);
        db.sql("INSERT INTO password_reset (agency_id, id, user_id, token_hash, created_at, expires_at)"
                        + " SELECT agency_id, gen_random_uuid(), id, :h, :now, :later FROM app_user WHERE email = :e")
                .bind("h", io.cordee.core.identity.IdentityService.hashToken(token))
                .bind("now", T0.atOffset(java.time.ZoneOffset.UTC))
                .bind("later", T0.plusSeconds(3600).atOffset(java.time.ZoneOffset.UTC)).bind("e", email)
                .fetch().rowsUpdated().block();
        Answer reset = post(null, """
                mutation($in: ResetPasswordInput!) { resetPassword(input: $in) { viewer { user { email } }
                  secondFactor { challenge enrolment { secret } } userErrors { code } } }""",
                Map.of("in", Map.of("token", token, "newPassword", "a new passphrase by the sea")));
        assertThat((Object) reset.at("$.data.resetPassword.viewer")).as(reset.body()).isNull();
        assertThat(reset.cookie()).isNull();
        assertThat((Object) reset.at("$.data.resetPassword.secondFactor.enrolment")).isNull();
        String challenge = reset.at("$.data.resetPassword.secondFactor.challenge");
        // the reset revoked every session (the enrolling one too) and left none open of its own
        assertThat(db.sql("SELECT count(*) FROM user_session s JOIN app_user u ON u.agency_id = s.agency_id"
                        + " AND u.id = s.user_id WHERE u.email = :e AND s.revoked_at IS NULL")
                .bind("e", email).mapValue(Long.class).one().block()).isEqualTo(0);
        clock.startAt(T0.plusSeconds(30));
        assertThat((String) complete(challenge, code(enrolled.secret(), S0 + 1), null)
                .at("$.data.completeSignIn.viewer.user.email")).isEqualTo(email);
    }

    public static byte[] base32Decode(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[s.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
