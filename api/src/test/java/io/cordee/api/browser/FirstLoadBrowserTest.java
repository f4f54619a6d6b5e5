package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 14 point 7, the client half (ADR 41), in Chromium through {@link BrowserTest}'s browser: what a page
 * downloads, read from the browser's own record of it (the Resource Timing API, one entry per file the
 * document fetched, from the network or its cache). The sign-in page fetches no view and no uPlot; each view's
 * code arrives when its route is opened; a view whose code cannot be downloaded says so and Retry recovers.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstLoadBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void theSignInPageFetchesNoViewAndEachViewArrivesWithItsRoute() {
        // signedOutInEnglish() waited for the sign-in form: everything it needed has been fetched
        List<String> signIn = fetched();
        assertThat(signIn).as("the sign-in page's files").contains("/app.js", "/app.css", "/js/i18n.js", "/webjars/lit/index.js",
                "/webjars/lit-html/lit-html.js");
        assertThat(signIn).as("no view's code, no chart library on the sign-in page")
                .noneMatch(path -> path.startsWith("/js/views/"))
                .noneMatch(path -> path.toLowerCase().contains("uplot"));
        // ADR 81: the views' words and styles moved out of i18n.js and app.css arrive with the views, so the sign-in
        // page still fetches one stylesheet and the shell's four modules, all preloaded by index.html
        assertThat(signIn).filteredOn(path -> path.endsWith(".css")).as("the sign-in page's stylesheets").containsOnly("/app.css");
        assertThat(signIn).filteredOn(path -> path.startsWith("/js/")).as("the sign-in page's own modules")
                .containsOnly("/js/i18n.js", "/js/graphql.js", "/js/ui.js", "/js/clock.js");
        System.out.printf("sign-in page: the document and %d requests %s%n", signIn.size(), signIn);
        assertThat(browser.js("return document.querySelectorAll('link[href^=\"/js/views/\"]').length"))
                .as("no view preloaded for a visitor who is not signed in (ADR 83)").isEqualTo(0L);

        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=cockpit-headline]")));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("cordee-cash-chart canvas")));
        List<String> cockpit = fetched();
        assertThat(cockpit).as("the cockpit, its chart and uPlot's minified module")
                .contains("/js/views/cockpit.js", "/js/views/cash-chart.js", "/vendor/uplot.min.js", "/webjars/uplot/dist/uPlot.min.css")
                .doesNotContain("/webjars/uplot/dist/uPlot.esm.js", "/js/views/staffing.js", "/js/views/clients.js");
        // the module served is the minified build: 49,694 bytes, not the 140,326 of uPlot.esm.js
        Number uplotBytes = (Number) browser.js(
                "return performance.getEntriesByType('resource').find(e => e.name.endsWith('/vendor/uplot.min.js')).decodedBodySize");
        assertThat(uplotBytes.longValue()).isBetween(40_000L, 60_000L);

        browser.go("staffing");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=capacity]")));
        assertThat(fetched()).contains("/js/views/staffing.js").doesNotContain("/js/views/team.js");
    }

    @Test
    void aViewWhoseCodeCannotBeDownloadedSaysSoAndRetryBringsIt() {
        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        ChromeDriver chromium = (ChromeDriver) browser.driver;
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/js/views/team.js")));
        try {
            browser.go("team");
            WebElement failure = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .failure")));
            assertThat(failure.getText()).contains("This page could not be downloaded");
            chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            failure.findElement(By.xpath(".//button[normalize-space()='Retry']")).click();
        } finally {
            chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            chromium.executeCdpCommand("Network.disable", Map.of());
        }
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=members]")));
        assertThat(browser.driver.findElements(By.cssSelector("main .failure"))).isEmpty();
        assertThat(browser.driver.getTitle()).isEqualTo("Team · Studio Boréal · Cordée");
    }

    /**
     * The page's own fetch, wrapped before any of its scripts runs: each GraphQL request logged by what it asks
     * ("viewer", "Cockpit", "other") when it leaves and when its answer is handed over; the viewer's answer is held
     * until a cockpit query has left or 5 s have passed, so the order seen does not depend on the machine's speed.
     */
    private static final String FETCH_LOG = """
            window.graphqlLog = [];
            const original = window.fetch;
            let cockpitLeft;
            const cockpitLeaves = new Promise((resolve) => { cockpitLeft = resolve; });
            window.fetch = async (url, init) => {
              const body = String(init?.body ?? '');
              const name = body.includes('query Cockpit') ? 'Cockpit' : body.includes('{ viewer {') ? 'viewer' : 'other';
              window.graphqlLog.push('leaves ' + name);
              if (name === 'Cockpit') cockpitLeft();
              const response = await original(url, init);
              if (name === 'viewer') await Promise.race([cockpitLeaves, new Promise((r) => setTimeout(r, 5000))]);
              window.graphqlLog.push('answered ' + name);
              return response;
            };
            """;

    /**
     * ADR 67: a reload of #/cockpit asks for the forecast (the largest paint) while the viewer is still being asked
     * for, once, and shows the same figures. Before ADR 67 the cockpit's query left only after the viewer's answer,
     * so this log read "answered viewer" (after the 5 s hold) before "leaves Cockpit".
     */
    @Test
    @SuppressWarnings("unchecked")
    void aReloadOfTheCockpitAsksForTheForecastBesideTheViewerOnce() {
        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        String headline = browser.text("[data-testid=cockpit-headline]");
        ChromeDriver chromium = (ChromeDriver) browser.driver;
        Map<String, Object> script = chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FETCH_LOG));
        try {
            browser.driver.get(browser.url("/?again=" + System.nanoTime() + "#/cockpit"));
            assertThat(browser.text("[data-testid=cockpit-headline]")).as("the same figures after the reload").isEqualTo(headline);
            List<String> log = (List<String>) browser.js("return window.graphqlLog");
            assertThat(log).as("the cockpit's query leaves before the viewer's answer is handed over")
                    .containsSubsequence("leaves viewer", "leaves Cockpit", "answered viewer");
            assertThat(log.stream().filter("leaves Cockpit"::equals)).as("one forecast request, not two").hasSize(1);
            // ADR 83: the owner's index.html preloads the cockpit's code and words
            assertThat(browser.js("return [...document.querySelectorAll('link[rel=modulepreload]')].map(l => l.getAttribute('href'))"))
                    .asList().contains("/js/views/cockpit.js", "/js/views/cockpit.words.js", "/js/views/cockpit/panels.js");
        } finally {
            chromium.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script.get("identifier")));
        }
    }

    /**
     * ADR 67: the forecast asked for early is never shown to anyone but the session that asked. A LEAD opens
     * #/cockpit (its early query is refused), signs out, and the owner signing in on the same page sees the
     * cockpit's figures, not an error.
     */
    @Test
    void anEarlyForecastRefusedToALeadIsNotWhatTheNextOwnerSees() {
        browser.signIn(DemoAgency.LEAD_EMAIL, DemoAgency.PASSWORD);
        browser.driver.get(browser.url("/?lead=" + System.nanoTime() + "#/cockpit"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=not-allowed]")));
        browser.click("[data-testid=sign-out]");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("email")));
        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        assertThat(browser.text("[data-testid=cockpit-headline]")).contains("€");
        assertThat(browser.driver.findElements(By.cssSelector("main .failure"))).isEmpty();
    }

    /** The paths of the files this document fetched so far, in order, without the origin. */
    @SuppressWarnings("unchecked")
    private List<String> fetched() {
        return ((List<String>) browser.js("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)"))
                .stream().distinct().toList();
    }
}
