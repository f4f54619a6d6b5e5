package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page of issue 15 against axe-core (no serious or critical violation, ADR 43) in English and French, as
 * the demo's OWNER and, for the pages a LEAD has, as its LEAD; and every one at a phone's 390 px without
 * horizontal scrolling. Only reads the demo agency (the billing-plan preview writes nothing).
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
    void theOwnersPagesHaveNoSeriousAxeViolationInEitherLanguage() {
        List<String> failures = new ArrayList<>();
        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        for (String lang : List.of("en", "fr")) {
            switchTo(lang);
            for (String page : ownerPages()) {
                open(page);
                check(failures, page + " (owner, " + lang + ")");
                browser.js("window.scrollTo(0, 0)");
                shot("pages/" + page + (lang.equals("fr") ? "-fr" : "") + "-1280x800.png");
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void theLeadsPagesHaveNoSeriousAxeViolationInEitherLanguage() {
        List<String> failures = new ArrayList<>();
        browser.signIn(DemoAgency.LEAD_EMAIL, DemoAgency.PASSWORD);
        for (String lang : List.of("en", "fr")) {
            switchTo(lang);
            for (String page : List.of("clients", "client-page", "projects", "project-page", "staffing", "team")) {
                open(page);
                check(failures, page + " (lead, " + lang + ")");
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void everyPageFitsAPhonesWidthInEitherLanguage() {
        List<String> failures = new ArrayList<>();
        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            for (String lang : List.of("en", "fr")) {
                switchTo(lang);
                for (String page : ownerPages()) {
                    try {
                        open(page);
                    } catch (org.openqa.selenium.TimeoutException e) {
                        failures.add(page + " (" + lang + ") did not open at 390 px: " + e.getMessage().lines().findFirst().orElse(""));
                        continue;
                    }
                    browser.js("window.scrollTo(0, 0)");
                    Object widths = browser.js("return [document.documentElement.scrollWidth, window.innerWidth,"
                            + " [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right"
                            + " > window.innerWidth + 1 && !e.closest('.scroll')).slice(0, 3).map(e => e.tagName + '.'"
                            + " + e.className + '[' + (e.dataset.testid || '') + ']').join(' ')]");
                    List<?> w = (List<?>) widths;
                    if (((Number) w.get(0)).longValue() > ((Number) w.get(1)).longValue()) {
                        failures.add(page + " (" + lang + ") is " + w.get(0) + " px wide at " + w.get(1) + " px: " + w.get(2));
                    }
                    shot("pages/" + page + (lang.equals("fr") ? "-fr" : "") + "-390x844.png");
                }
            }
        } finally {
            ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        assertThat(failures).as("pages wider than a 390 px phone").isEmpty();
    }

    /** The viewport as it is, under {@code target/screenshots/} (docs/screenshots takes its pick). */
    private void shot(String name) {
        try {
            Path to = SCREENSHOTS.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(((ChromeDriver) browser.driver).getScreenshotAs(OutputType.FILE).toPath(), to,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ownerPages() {
        return List.of("cockpit", "clients", "client-page", "client-form", "projects", "project-page", "receivables",
                "receivables-form", "bank", "bank-form", "team", "team-form", "staffing", "settings", "audit");
    }

    private void switchTo(String lang) {
        browser.click("[data-testid=lang-" + lang + "]");
        browser.wait.until(d -> lang.equals(browser.js("return document.documentElement.lang")));
    }

    /** Opens a page and waits until what axe should see is on screen. */
    private void open(String page) {
        WebDriver driver = browser.driver;
        switch (page) {
            case "client-page" -> {
                browser.js("location.hash = '#/clients'");
                browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=client-link]"))).click();
                ready("[data-testid=client-name]");
            }
            case "client-form" -> {
                browser.js("location.hash = '#/clients'");
                browser.click("[data-testid=new-client]");
                ready("cordee-client-form form");
            }
            case "project-page" -> {
                browser.js("location.hash = '#/projects'");
                browser.wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[data-testid=project-list] tbody a"))).click();
                ready("[data-testid=project-name]");
                if (!driver.findElements(By.cssSelector("[data-testid=preview-plan]")).isEmpty()) {
                    browser.click("[data-testid=preview-plan]");
                    ready("[data-testid=plan-preview]");
                }
            }
            // the forms a click opens: a new overhead, a new team member, an invoice outside any plan
            case "bank-form", "team-form", "receivables-form" -> {
                String list = page.replace("-form", "");
                browser.js("location.hash = arguments[0]", "#/" + list);
                browser.click(switch (list) {
                    case "bank" -> "[data-testid=add-overhead]";
                    case "team" -> "[data-testid=add-member]";
                    default -> "[data-testid=add-invoice]";
                });
                ready(switch (list) {
                    case "bank" -> "[data-testid=bank-form]";
                    case "team" -> "[data-testid=member-form]";
                    default -> "[data-testid=action-form]";
                });
            }
            default -> {
                // the address, not the menu: at 390 px the menu wraps under a sticky header
                browser.js("location.hash = arguments[0]", "#/" + page);
                ready(switch (page) {
                    case "cockpit" -> "[data-testid=lowest-balance]";
                    case "clients" -> "li.client";
                    case "projects" -> "[data-testid=project-list]";
                    case "receivables" -> "[data-testid=aged-receivables]";
                    case "bank" -> "[data-testid=accounts]";
                    case "team" -> "[data-testid=members]";
                    case "staffing" -> "[data-testid=capacity]";
                    case "settings" -> "[data-testid=settings-agency]";
                    case "audit" -> "[data-testid=audit-count]";
                    default -> throw new IllegalArgumentException(page);
                });
            }
        }
    }

    private void ready(String css) {
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        browser.wait.until(d -> d.findElements(By.cssSelector("main .spinner")).isEmpty());
    }

    private void check(List<String> failures, String where) {
        try {
            browser.assertAccessible(where);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }
}
