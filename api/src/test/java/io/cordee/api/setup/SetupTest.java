package io.cordee.api.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.FreshInstance;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * First-run setup end to end (ADR 27), over GraphQL on a Cordée started as a real agency starts it: demo
 * off, an empty database of its own, signup open (the closed default is {@code SignupClosedTest}'s). The
 * methods run in order: everything before {@code @Order(4)} happens on the empty instance.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class SetupTest {

    static final String SET_UP = """
            mutation($input: SetUpInput!) { setUp(input: $input) {
              viewer { user { email role displayName } agency { name } } expiresAt
              userErrors { field message code } } }""";
    static final String SIGN_UP = """
            mutation($input: SignUpInput!) { signUp(input: $input) {
              viewer { user { email role } agency { name } } userErrors { field message code } } }""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FreshInstance instance;
    private static WebTestClient web;
    private static String startLog;
    private static String firstToken;

    @BeforeAll
    static void startAnEmptyInstance(CapturedOutput output) {
        // 12 setups and sign-ups an hour per address: the methods before the last use 11 (counted there)
        instance = FreshInstance.start("--cordee.signup=open", "--cordee.signup.address-requests=12");
        web = instance.web();
        startLog = output.getAll();
        firstToken = instance.token();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    static Map<String, Object> input(String token, String email, String password) {
        Map<String, Object> input = new HashMap<>(Map.of("agencyName", "Atelier Nord", "country", "FR",
                "currency", "EUR", "timeZone", "Europe/Paris", "language", "fr", "ownerName", "Inès Martin",
                "email", email, "password", password));
        if (token != null) {
            input.put("setupToken", token);
        }
        return input;
    }

    private static EntityExchangeResult<String> post(String query, Map<String, Object> variables) {
        return web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query, "variables", variables)).exchange()
                .expectBody(String.class).returnResult();
    }

    private static EntityExchangeResult<String> mutate(String mutation, Map<String, Object> input) {
        return post(mutation, Map.of("input", input));
    }

    private static JsonNode data(EntityExchangeResult<String> result) {
        return JSON.readTree(result.getResponseBody()).path("data");
    }

    private static List<String> codes(JsonNode payload) {
        List<String> codes = new ArrayList<>();
        payload.path("userErrors").forEach(e -> codes.add(e.path("field").get(0).asString() + ":"
                + e.path("code").asString()));
        return codes;
    }

    @Test
    @Order(1)
    void theTokenIsInTheLogAndInAFileOnlyCordeesUserReads() throws Exception {
        String token = instance.token();
        // 32 random bytes, base64url without padding: 43 characters
        assertThat(token).hasSize(43);
        assertThat(startLog).contains("Setup token: " + token).contains(instance.tokenFile().toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(instance.tokenFile())))
                .isEqualTo("rw-------");
        // Spring Security's default user is never created, so its password is never printed
        assertThat(startLog).doesNotContain("generated security password");
        JsonNode status = data(post("{ setupStatus { needed signupOpen } }", Map.of())).path("setupStatus");
        assertThat(status.path("needed").asBoolean()).isTrue();
        assertThat(status.path("signupOpen").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void noTokenOrAWrongOneIsRefusedAndNothingIsWritten() {
        JsonNode empty = data(mutate(SET_UP, input("", "ines@atelier-nord.fr", "a long enough passphrase")))
                .path("setUp");
        assertThat(codes(empty)).containsExactly("setupToken:INVALID_SETUP_TOKEN");
        assertThat(empty.path("viewer").isNull()).isTrue();
        String wrong = instance.token().substring(1) + "x";
        JsonNode refused = data(mutate(SET_UP, input(wrong, "ines@atelier-nord.fr", "a long enough passphrase")))
                .path("setUp");
        assertThat(codes(refused)).containsExactly("setupToken:INVALID_SETUP_TOKEN");
        // signing up instead, without the token, while the instance has no agency: refused too
        assertThat(codes(data(mutate(SIGN_UP, input(null, "ines@atelier-nord.fr", "a long enough passphrase")))
                .path("signUp"))).containsExactly("email:SIGNUP_CLOSED");
        assertThat(instance.count("SELECT count(*) FROM agency")).isZero();
        assertThat(instance.count("SELECT count(*) FROM app_user")).isZero();
    }

    @Test
    @Order(3)
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
        Map<String, Object> bad = input(instance.token(), "not-an-address", "short pass");
        bad.put("currency", "EUX");
        bad.put("timeZone", "Europe/Lyon");
        bad.put("country", "XX");
        bad.put("language", "de");
        bad.put("agencyName", " ");
        JsonNode payload = data(mutate(SET_UP, bad)).path("setUp");
        assertThat(codes(payload)).containsExactlyInAnyOrder("agencyName:REQUIRED", "email:INVALID_FORMAT",
                "country:INVALID_FORMAT", "currency:INVALID_FORMAT", "timeZone:INVALID_FORMAT",
                "language:INVALID_FORMAT", "password:WEAK_PASSWORD");
        // 12 characters but on the list of common passwords; 11 characters: one short
        assertThat(codes(data(mutate(SET_UP, input(instance.token(), "ines@atelier-nord.fr", "password1234")))
                .path("setUp"))).containsExactly("password:WEAK_PASSWORD");
        assertThat(codes(data(mutate(SET_UP, input(instance.token(), "ines@atelier-nord.fr", "elevenchars")))
                .path("setUp"))).containsExactly("password:WEAK_PASSWORD");
        assertThat(instance.count("SELECT count(*) FROM agency")).isZero();
        assertThat(instance.count("SELECT count(*) FROM app_user")).isZero();
        assertThat(instance.count("SELECT count(*) FROM setup_claim")).isZero();
    }

    @Test
    @Order(4)
    void twoConcurrentSetupsCreateOneAgencyAndSignItsOwnerIn() {
        String token = instance.token();
        CompletableFuture<EntityExchangeResult<String>> first = CompletableFuture.supplyAsync(
                () -> mutate(SET_UP, input(token, "ines@atelier-nord.fr", "a long enough passphrase")));
        CompletableFuture<EntityExchangeResult<String>> second = CompletableFuture.supplyAsync(
                () -> mutate(SET_UP, input(token, "paul@atelier-nord.fr", "another long passphrase")));
        List<EntityExchangeResult<String>> results = List.of(first.join(), second.join());
        List<EntityExchangeResult<String>> won = results.stream()
                .filter(r -> data(r).path("setUp").path("userErrors").isEmpty()).toList();
        List<EntityExchangeResult<String>> lost = results.stream()
                .filter(r -> !data(r).path("setUp").path("userErrors").isEmpty()).toList();
        assertThat(won).hasSize(1);
        assertThat(lost).hasSize(1);
        assertThat(codes(data(lost.get(0)).path("setUp"))).containsExactly("setupToken:ALREADY_SET_UP");
        assertThat(lost.get(0).getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(instance.count("SELECT count(*) FROM agency")).isEqualTo(1);
        assertThat(instance.count("SELECT count(*) FROM app_user WHERE role = 'OWNER'")).isEqualTo(1);
        assertThat(instance.count("SELECT count(*) FROM agency WHERE country = 'FR' AND language = 'fr'"
                + " AND currency = 'EUR' AND time_zone = 'Europe/Paris' AND name = 'Atelier Nord'")).isEqualTo(1);

        JsonNode viewer = data(won.get(0)).path("setUp").path("viewer");
        assertThat(viewer.path("user").path("role").asString()).isEqualTo("OWNER");
        assertThat(viewer.path("agency").path("name").asString()).isEqualTo("Atelier Nord");
        // the winner is signed in: its cookie opens the agency
        String cookie = won.get(0).getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).startsWith("CORDEE_SESSION=").contains("HttpOnly").contains("SameSite=Strict");
        String session = cookie.substring("CORDEE_SESSION=".length(), cookie.indexOf(';'));
        web.post().uri("/graphql").cookie("CORDEE_SESSION", session).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ viewer { user { email role } agency { name } } }")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.viewer.user.role").isEqualTo("OWNER")
                .jsonPath("$.data.viewer.user.email").isEqualTo(viewer.path("user").path("email").asString())
                .jsonPath("$.data.viewer.agency.name").isEqualTo("Atelier Nord");
        // the token is dead: no row left, the file gone
        assertThat(instance.count("SELECT count(*) FROM setup_token")).isZero();
        assertThat(Files.exists(instance.tokenFile())).isFalse();
    }

    @Test
    @Order(5)
    void afterSetupTheTokenIsRefusedAndTheStatusSaysSo() {
        // the token as read before the setup (the file is gone now), tried again with fresh details
        JsonNode again = data(mutate(SET_UP, input(firstToken, "mallory@example.com", "a long enough passphrase")))
                .path("setUp");
        assertThat(codes(again)).containsExactly("setupToken:ALREADY_SET_UP");
        assertThat(instance.count("SELECT count(*) FROM agency")).isEqualTo(1);
        assertThat(data(post("{ setupStatus { needed } }", Map.of())).path("setupStatus").path("needed")
                .asBoolean()).isFalse();
    }

    @Test
    @Order(6)
    void openSignupCreatesASecondAgencyWithoutAToken() {
        EntityExchangeResult<String> result = mutate(SIGN_UP, input(null, "Zoe@Second-Agency.example",
                "zoe's own long passphrase"));
        JsonNode payload = data(result).path("signUp");
        assertThat(codes(payload)).isEmpty();
        assertThat(payload.path("viewer").path("user").path("email").asString()).isEqualTo("zoe@second-agency.example");
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE)).startsWith("CORDEE_SESSION=");
        assertThat(instance.count("SELECT count(*) FROM agency")).isEqualTo(2);
        // the same address again: refused, nothing written
        assertThat(codes(data(mutate(SIGN_UP, input(null, "zoe@second-agency.example", "zoe's own long passphrase")))
                .path("signUp"))).containsExactly("email:DUPLICATE");
        assertThat(instance.count("SELECT count(*) FROM agency")).isEqualTo(2);
        // two sign-ups in one request (aliases) are refused before either runs
        String twice = "mutation($input: SignUpInput!) { a: signUp(input: $input) { userErrors { code } }"
                + " b: signUp(input: $input) { userErrors { code } } }";
        JsonNode error = JSON.readTree(post(twice, Map.of("input", input(null, "eve@example.com",
                "eve's long passphrase"))).getResponseBody()).path("errors").get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("SETUP_ALONE");
        assertThat(instance.count("SELECT count(*) FROM agency")).isEqualTo(2);
    }

    @Test
    @Order(7)
    void signUpsFromOneAddressAreThrottled() {
        // Counted before this method: 3 (order 2) + 3 (order 3) + 2 (order 4) + 1 (order 5) + 2 (order 6) = 11
        // setUp/signUp requests; the aliased one was refused before the bucket. So the 12th passes, the 13th is
        // refused. (Run alone, this method meets the refusal later: the loop allows up to 13 attempts.)
        long before = instance.count("SELECT count(*) FROM agency");
        EntityExchangeResult<String> refused = null;
        int attempts = 0;
        while (refused == null && attempts < 13) {
            attempts++;
            EntityExchangeResult<String> result = mutate(SIGN_UP, input(null, "burst" + attempts + "@example.com",
                    "a long enough passphrase"));
            if (result.getStatus().value() == 429) {
                refused = result;
            }
        }
        assertThat(refused).as("a sign-up refused within 13 attempts").isNotNull();
        JsonNode error = JSON.readTree(refused.getResponseBody()).path("errors").get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("RATE_LIMITED");
        // 12 an hour: one back every 3600 / 12 = 300 s
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 300L);
        // every attempt but the refused one created an agency
        assertThat(instance.count("SELECT count(*) FROM agency")).isEqualTo(before + attempts - 1);
        System.out.printf("sign-up throttle: refused at attempt %d of this method, Retry-After %d s%n", attempts,
                retryAfter);
    }
}
