package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14 point 7, the client half (ADR 41), in Chromium through {@link BrowserTest}'s browser: what a page
 * downloads, read from the browser's own record of it (the Resource Timing API, one entry per file the
 * document fetched, from the network or its cache). The sign-in page fetches no view and no uPlot; each view's
 * code arrives when its route is opened; a view whose code cannot be downloaded says so and Retry recovers.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstLoadBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    TestClock clock;

    final BrowserTest browser = new BrowserTest();

    @BeforeAll
    void startChromium() throws IOException {
        browser.port = port;
        browser.tenants = tenants;
        browser.clock = clock;
        browser.startChromium();
    }

    @AfterAll
    void stopChromium() throws IOException {
        browser.stopChromium();
    }

    @BeforeEach
    void signedOutInEnglish() {
        browser.signedOutInEnglish();
    }

    @Test
    void theSignInPageFetchesNoViewAndEachViewArrivesWithItsRoute() {
        // signedOutInEnglish() waited for the sign-in form: everything it needed has been fetched
        List<String> signIn = fetched();
        assertThat(signIn).as("the sign-in page's files").contains("/app.js", "/app.css", "/js/i18n.js", "/webjars/lit/index.js",
                "/webjars/lit-html/lit-html.js");
        assertThat(signIn).as("no view's code, no chart library on the sign-in page")
                .noneMatch(path -> path.startsWith("/js/views/"))
                .noneMatch(path -> path.toLowerCase().contains("uplot"));

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

    /** The paths of the files this document fetched so far, in order, without the origin. */
    @SuppressWarnings("unchecked")
    private List<String> fetched() {
        return ((List<String>) browser.js("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)"))
                .stream().distinct().toList();
    }
}
