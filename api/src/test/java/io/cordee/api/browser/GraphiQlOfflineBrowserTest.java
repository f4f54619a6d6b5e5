package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GraphiQL without internet (issue 19 point 11, ADR 59). {@link BrowserTest}'s Chromium resolves no host but
 * localhost ({@code --host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost}), so a page that needs a CDN stays
 * on "Loading…" there, as Spring's GraphiQL page did. Here GraphiQL opens, runs {@code { __typename }} and shows
 * {@code "Query"}, every file it loaded came from the application, and the content security policy names no other
 * host and allows no inline script.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiQlOfflineBrowserTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void graphiqlRunsAQueryWithEveryOtherHostUnreachable() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Hors Ligne");
        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        browser.driver.get(browser.url("/graphiql"));
        // the redirect of Spring's handler names the endpoint
        browser.wait.until(ExpectedConditions.urlContains("path=/graphql"));
        assertThat(browser.driver.getCurrentUrl()).contains("wsPath=/graphql");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-query-editor .CodeMirror")));
        assertThat(browser.driver.findElements(By.cssSelector(".loading"))).isEmpty();

        browser.js("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ __typename }')");
        browser.click(".graphiql-execute-button");
        browser.wait.until(d -> String.valueOf(browser.js(
                "return document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()"))
                .contains("\"__typename\": \"Query\""));
        browser.screenshot("graphiql");

        // every script, style sheet and request of the page was the application's own
        String origin = "http://localhost:" + port;
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.js("""
                return [...performance.getEntriesByType('resource').map(e => e.name),
                        ...[...document.querySelectorAll('script[src], link[href]')].map(e => e.src || e.href)]""");
        assertThat(loaded).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(origin + "/"));
        assertThat(loaded).anySatisfy(u -> assertThat(u).contains("/webjars/graphiql/"))
                .anySatisfy(u -> assertThat(u).endsWith("/graphql"));
        // no inline script: every script element has a src
        assertThat(browser.js("return document.querySelectorAll('script:not([src])').length")).isEqualTo(0L);
    }

    @Test
    void thePolicyNamesNoOtherHostAndAllowsNoInlineScript() throws Exception {
        String token = browser.tenants.signIn(browser.tenants.create("Atelier Politique").email(Role.LEAD), Tenants.PASSWORD);
        for (String path : List.of("/", "/graphiql?path=/graphql")) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.url(path)))
                    .header("Accept", "text/html").header("Cookie", "CORDEE_SESSION=" + token)
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).as(path).doesNotContain("http:", "https:", "*", "unsafe-eval");
            String scripts = Arrays.stream(policy.split(";")).map(String::strip)
                    .filter(d -> d.startsWith("script-src ")).findFirst().orElseThrow();
            // 'self' and the hash of the SPA's import map, nothing else
            assertThat(scripts).doesNotContain("unsafe-inline").matches("script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'");
            assertThat(policy).contains("default-src 'self'", "connect-src 'self'", "object-src 'none'",
                    "frame-ancestors 'none'");
        }
    }
}
