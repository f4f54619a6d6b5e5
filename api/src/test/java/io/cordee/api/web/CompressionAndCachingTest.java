package io.cordee.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser gets on the wire (ADR 33): gzip for the SPA's files and GraphQL answers, ETags that turn a
 * revisit into empty 304s, {@code index.html} always revalidated, and {@code /graphql} never stored. A raw
 * {@link HttpClient} so that nothing decompresses or caches behind the test's back.
 */
@ApiTest
class CompressionAndCachingTest {

    private static final String STATIC = "/META-INF/resources";

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;

    /**
     * HTTP/1.1 as browsers speak it over plain HTTP: Java's default client would offer an h2c upgrade on every
     * request, which no browser does (one CI run got an unexplained 400 on the POST so offered).
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aScriptIsGzippedCacheableForFiveMinutesAndRevalidatedByItsEtag() throws Exception {
        byte[] original = classpath(STATIC + "/app.js");
        HttpResponse<byte[]> first = get("/app.js", "*/*", null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=300");
        assertThat(first.headers().firstValue("Pragma")).as("Spring Security's no-store set stays off").isEmpty();
        assertThat(first.headers().allValues("Vary")).as("a shared cache keeps gzip for gzip clients only")
                .contains("Accept-Encoding");
        assertThat(gunzip(first.body())).isEqualTo(original);
        // app.js is plain text: gzip takes it well under half (docs/benchmarks.md)
        assertThat(first.body().length).isLessThan(original.length / 2);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        HttpResponse<byte[]> again = get("/app.js", "*/*", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("/app.js", "*/*", "\"stale\"").statusCode()).as("another version: the file again").isEqualTo(200);
    }

    @Test
    void aWebJarAndAStylesheetAreCachedTheSameWay() throws Exception {
        for (String path : new String[] {"/webjars/lit-html/lit-html.js", "/app.css"}) {
            HttpResponse<byte[]> first = get(path, "*/*", null);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("max-age=300");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(get(path, "*/*", etag).statusCode()).as(path).isEqualTo(304);
        }
    }

    @Test
    void indexHtmlIsAlwaysRevalidated() throws Exception {
        byte[] original = classpath(STATIC + "/index.html");
        for (String path : new String[] {"/", "/index.html"}) {
            HttpResponse<byte[]> first = get(path, "text/html", null);

            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("text/html");
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            // 1,140 bytes, above the 1 KB threshold
            assertThat(first.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gunzip(first.body())).as(path).isEqualTo(original);
            String etag = first.headers().firstValue("ETag").orElseThrow();

            HttpResponse<byte[]> again = get(path, "text/html", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
        }
    }

    @Test
    void aGraphQlAnswerIsGzippedAndNeverStored() throws Exception {
        Tenants.Tenant tenant = tenants.create("Compression Test Agency");
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        String query = "{\"query\":\"{ __schema { types { name description } } }\"}";
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .header("Accept-Encoding", "gzip")
                .header("Authorization", "Bearer " + session)
                .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).as(() -> "answer: " + readable(answer)).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] json = gunzip(answer.body());
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).contains("\"name\":\"Query\"");
        assertThat(answer.body().length).isLessThan(json.length / 3);
        assertThat(answer.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(answer.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void aClientThatDoesNotAskForGzipGetsPlainText() throws Exception {
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(uri("/app.js")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(classpath(STATIC + "/app.js"));
    }

    /**
     * ADR 83: an OWNER's or FINANCE user's index.html preloads the cockpit's code and words (their home); a visitor
     * not signed in (the sign-in page, FirstLoadBrowserTest) and a LEAD (whose home is the clients) get the file
     * as it is. Each form has its own ETag and both say {@code Vary: Cookie}, so no cache hands one to the other.
     */
    @Test
    void indexHtmlPreloadsTheCockpitOnlyForTheRolesWhoseHomeItIs() throws Exception {
        String preload = "<link rel=\"modulepreload\" href=\"/js/views/cockpit.js\">";
        byte[] original = classpath(STATIC + "/index.html");
        HttpResponse<byte[]> anonymous = get("/", "text/html", null);
        assertThat(new String(gunzip(anonymous.body()), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("cockpit");
        assertThat(gunzip(anonymous.body())).isEqualTo(original);
        assertThat(anonymous.headers().allValues("Vary")).contains("Cookie");
        String anonymousEtag = anonymous.headers().firstValue("ETag").orElseThrow();

        Tenants.Tenant tenant = tenants.create("Preload Test Agency");
        for (Role role : new Role[] {Role.OWNER, Role.FINANCE}) {
            String cookie = "CORDEE_SESSION=" + tenants.signIn(tenant.email(role), Tenants.PASSWORD);
            HttpResponse<byte[]> signedIn = get("/", "text/html", null, cookie);
            String page = new String(gunzip(signedIn.body()), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(signedIn.statusCode()).as(role.name()).isEqualTo(200);
            assertThat(page).as(role.name()).contains(preload)
                    .contains("<link rel=\"modulepreload\" href=\"/js/views/cockpit.words.js\">")
                    .contains("<link rel=\"modulepreload\" href=\"/js/views/cockpit/panels.js\">");
            // preloaded before the shell's script runs, and nothing of the cockpit is run by the page itself
            assertThat(page.indexOf(preload)).isLessThan(page.indexOf("<script type=\"module\" src=\"/app.js\">"));
            assertThat(page).doesNotContain("<script type=\"module\" src=\"/js/views/cockpit.js\"");
            assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(signedIn.headers().allValues("Vary")).contains("Cookie", "Accept-Encoding");
            String etag = signedIn.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).as("the other form, another validator").isNotEqualTo(anonymousEtag);

            HttpResponse<byte[]> again = get("/", "text/html", etag, cookie);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.headers().allValues("Vary")).contains("Cookie");
            // signed out (the cookie gone), the browser's copy with the preloads is not confirmed: the plain page comes
            HttpResponse<byte[]> signedOut = get("/", "text/html", etag);
            assertThat(signedOut.statusCode()).isEqualTo(200);
            assertThat(gunzip(signedOut.body())).isEqualTo(original);
        }
        String lead = "CORDEE_SESSION=" + tenants.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        HttpResponse<byte[]> leadPage = get("/", "text/html", null, lead);
        assertThat(gunzip(leadPage.body())).as("a LEAD's home is the clients page").isEqualTo(original);
        assertThat(leadPage.headers().firstValue("ETag")).hasValue(anonymousEtag);
        HttpResponse<byte[]> stale = get("/", "text/html", null, "CORDEE_SESSION=not-a-session");
        assertThat(gunzip(stale.body())).as("an unknown session is a visitor").isEqualTo(original);
    }

    private HttpResponse<byte[]> get(String path, String accept, String ifNoneMatch, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept)
                .header("Accept-Encoding", "gzip").header("Cookie", cookie).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, String accept, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept)
                .header("Accept-Encoding", "gzip").GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private static byte[] classpath(String path) throws IOException {
        try (InputStream in = CompressionAndCachingTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    /** The answer's body as text, gunzipped when it came compressed: what a failed assertion should show. */
    private static String readable(HttpResponse<byte[]> answer) {
        try {
            byte[] body = answer.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent()
                    ? gunzip(answer.body()) : answer.body();
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "(unreadable: " + e + ")";
        }
    }
}
