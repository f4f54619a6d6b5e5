package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.identity.Role;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The single-page app in Debian's headless Chromium against the whole application and its real
 * PostgreSQL with the demo agency: what each role sees and does not see, the cockpit against the API's
 * own numbers, both languages, API text that stays text, and the allocation editor. Saves screenshots
 * under {@code target/screenshots} and prints the cockpit's paint timings.
 *
 * <p>The test JVM's one browser ({@link SharedChromium}), lent clean to the class. Changes are made in a
 * throw-away agency, never in the demo one, whose numbers other tests check.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    /**
     * How often {@link AccessibilityBrowserTest}'s waits look again. {@link #wait} keeps Selenium's default, 500 ms,
     * under which a wait whose condition is not met at once lasts until the next half second. Not shortened for
     * every class: StaffingAndSettingsBrowserTest's conflict step, which waits on the server's state and then changes
     * it as another user, once relied on the SPA having finished its own reload within that half second (it now
     * waits for the page's answer and reload, the allocations' {@code aria-busy}).
     */
    static final Duration POLL = Duration.ofMillis(20);
    /** The window's size at the start of each test. */
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    /** The application's clock: "today" in these tests is the server's, in Paris, whatever the machine's clock says. */
    @Autowired
    TestClock clock;

    /** The browser's HOME: its profile, its Downloads folder. */
    Path home;
    WebDriver driver;
    WebDriverWait wait;
    /** Whether {@link #driver} is {@link SharedChromium}'s, lent to this class, rather than a Chromium of its own. */
    private boolean shared;

    /** Points this browser at the test context's application: its port, its tenants and its clock. */
    BrowserTest against(int port, Tenants tenants, TestClock clock) {
        this.port = port;
        this.tenants = tenants;
        this.clock = clock;
        return this;
    }

    /**
     * For a class that needs one browser at a time: the test JVM's Chromium ({@link SharedChromium}), as clean as a
     * new one, rather than a start of its own.
     */
    @BeforeAll
    void shareChromium() throws IOException {
        requireChromium();
        SharedChromium.Lent lent = SharedChromium.lend(url(""));
        home = lent.home();
        driver = lent.driver();
        shared = true;
        waitOnDriver();
    }

    /** A Chromium of its own (own profile, own cookies): for a class with two users' browsers open at once. */
    void startChromium() throws IOException {
        requireChromium();
        home = Files.createTempDirectory("cordee-chromium-home");
        driver = launch(home);
        shared = false;
        waitOnDriver();
    }

    private static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Chromium or its driver is missing: apt-get install -y chromium chromium-driver";
            if (System.getenv("CI") != null) {
                fail(missing + " (.ci/run installs them; on CI their absence is a failure)");
            }
            Assumptions.abort(missing);
        }
    }

    /** Starts headless Chromium with {@code home} as its HOME and profile folder. */
    static ChromeDriver launch(Path home) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // the browser's time zone is the agency's (Europe/Paris) unless -Dcordee.test.browser-tz says otherwise;
                // the SPA's "today" does not depend on it (js/clock.js), only the way dates are drawn
                .withEnvironment(Map.of("HOME", home.toString(), "TZ", System.getProperty("cordee.test.browser-tz", "Europe/Paris")))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--user-data-dir=" + home.resolve("profile"), "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-US",
                "--hide-scrollbars");
        return new ChromeDriver(service, options);
    }

    private void waitOnDriver() throws IOException {
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // an element found, then drawn again (a re-render) before its text is read: look again, as for one not found
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    /** A Chromium of its own is stopped and its folder deleted; the shared one is left for the next class. */
    @AfterAll
    void stopChromium() throws IOException {
        if (shared) {
            driver = null;
            return;
        }
        if (driver != null) {
            driver.quit();
        }
        deleteFolder(home);
    }

    static void deleteFolder(Path folder) throws IOException {
        if (folder != null && Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void signedOutInEnglish() {
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        // the previous page left (its scripts stopped), then the application's cookies and local storage cleared
        // from outside the page: the SPA is loaded once, signed out and without a chosen language
        driver.get("about:blank");
        ((ChromeDriver) driver).executeCdpCommand("Storage.clearDataForOrigin",
                Map.of("origin", url(""), "storageTypes", "cookies,local_storage"));
        driver.get(url("/?fresh=" + System.nanoTime()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("email")));
    }

    @Test
    void theOwnerSeesTheCockpitWithTheApisNumbersAndAStressScenarioRedrawsIt() {
        HttpGraphQlTester api = tenants.as(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        // The demo's dates follow today, so whether stress lowers the lowest balance of the default 26 weeks
        // depends on the day; take the first horizon the page offers on which it does.
        int horizon = 0;
        String base = null;
        String stress = null;
        for (int weeks : List.of(26, 52, 13)) {
            base = lowestBalance(api, "BASE", weeks);
            stress = lowestBalance(api, "STRESS", weeks);
            if (!base.equals(stress)) {
                horizon = weeks;
                break;
            }
        }
        assertThat(horizon).as("a horizon on which the stress scenario changes the lowest balance").isPositive();
        String baseLowest = base;
        String stressLowest = stress;

        signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        assertThat(navigation()).containsExactly("Cockpit", "Alerts", "Clients", "Projects", "Pipeline", "Receivables", "Briefs", "Staffing", "Team",
                "Bank & costs", "People", "Settings", "Import", "Audit trail");
        assertThat(text("[data-testid=agency-name]")).isEqualTo("Studio Boréal");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("cordee-cash-chart canvas")));
        screenshot("cockpit");
        new Select(driver.findElement(By.cssSelector("[data-testid=horizon]"))).selectByValue(String.valueOf(horizon));
        wait.until(d -> baseLowest.equals(d.findElement(By.cssSelector("[data-testid=lowest-balance]"))
                .getDomAttribute("data-amount-minor")));
        assertThat(text("[data-testid=lowest-balance]")).matches("-?€[\\d,]+");

        // the keyboard moves from week to week like the pointer
        @SuppressWarnings("unchecked")
        List<String> weeks = (List<String>) js("return document.querySelector('cordee-cockpit').forecast.weeks.map(w => w.isoWeek)");
        WebElement chart = driver.findElement(By.cssSelector(".chart-host"));
        chart.sendKeys(Keys.ARROW_RIGHT);
        String shown = wait.until(d -> weeks.stream().filter(w -> d.findElement(By.cssSelector(".week-detail"))
                .getText().startsWith("Week " + w + " ")).findFirst().orElse(null));
        int next = Math.min(weeks.size() - 1, weeks.indexOf(shown) + 1);
        chart.sendKeys(Keys.ARROW_RIGHT);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".week-detail"),
                "Week " + weeks.get(next) + " "));
        // the clients behind a week's inflow, in the week's details
        @SuppressWarnings("unchecked")
        List<String> payers = (List<String>) js("""
                const weeks = document.querySelector('cordee-cockpit').forecast.weeks;
                const i = weeks.findIndex((w, i) => i > arguments[0] && w.inflowByClient.length > 0);
                return i < 0 ? [] : [String(i - arguments[0])].concat(weeks[i].inflowByClient.map(c => c.client.name))""", next);
        assertThat(payers).as("a week after the first with money coming in").isNotEmpty();
        for (int i = 0; i < Integer.parseInt(payers.get(0)); i++) {
            chart.sendKeys(Keys.ARROW_RIGHT);
        }
        wait.until(d -> {
            String listed = d.findElements(By.cssSelector(".inflow-clients")).stream().map(WebElement::getText)
                    .findFirst().orElse("");
            return payers.subList(1, payers.size()).stream().allMatch(listed::contains);
        });

        click("[data-testid=scenario-STRESS]");
        wait.until(d -> stressLowest.equals(d.findElement(By.cssSelector("[data-testid=lowest-balance]"))
                .getDomAttribute("data-amount-minor")));
        assertThat(text("[data-testid=scenario-shown]")).isEqualTo("Stress");
        assertThat(driver.findElements(By.cssSelector("cordee-cash-chart canvas"))).hasSize(1);

        // a what-if: the enterprise client moves to a 30 % deposit and monthly billing
        String hexagone = api.document("{ clients(filter: {nameContains: \"Hexagone\"}) { nodes { id } } }").execute()
                .path("clients.nodes[0].id").entity(String.class).get();
        String custom = String.valueOf(api.document("""
                        query($h: Int, $c: ID!) { cashForecast(horizonWeeks: $h, scenario: {kind: CUSTOM,
                          adjustments: [{clientId: $c, depositPercent: 30, monthlyInArrears: true}]}) { lowestBalance { amountMinor } } }""")
                .variable("h", horizon).variable("c", hexagone).execute()
                .path("cashForecast.lowestBalance.amountMinor").entity(Long.class).get());
        click("[data-testid=scenario-CUSTOM]");
        click(".adjustments button.secondary");
        WebElement adjustment = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=adjustment]")));
        new Select(adjustment.findElement(By.tagName("select"))).selectByVisibleText("Groupe Hexagone");
        adjustment.findElement(By.name("depositPercent")).sendKeys("30");
        adjustment.findElement(By.name("monthlyInArrears")).click();
        driver.findElement(By.xpath("//button[normalize-space()='Recompute']")).click();
        wait.until(d -> d.findElement(By.cssSelector("[data-testid=scenario-shown]")).getText().equals("Custom")
                && custom.equals(d.findElement(By.cssSelector("[data-testid=lowest-balance]")).getDomAttribute("data-amount-minor")));

        // exposure of one client, asked for when chosen; time to first cash of every project
        String peak = api.document("query($c: ID!, $h: Int) { exposure(clientId: $c, weeks: $h) { peak { amountMinor } } }")
                .variable("c", hexagone).variable("h", horizon).execute()
                .path("exposure.peak.amountMinor").entity(Long.class).get().toString();
        new Select(driver.findElement(By.cssSelector("[data-testid=exposure-client]"))).selectByVisibleText("Groupe Hexagone");
        WebElement exposurePeak = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=exposure-peak]")));
        assertThat(exposurePeak.getDomAttribute("data-amount-minor")).isEqualTo(peak);
        assertThat(text("[data-testid=time-to-first-cash]")).contains("Espace client Hexagone", "120 days");
        fullPage("cockpit-what-if");

        // the cockpit's first paint, on a fresh load of the page by a signed-in owner
        driver.get(url("/?paint=" + System.nanoTime() + "#/cockpit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("cordee-cash-chart canvas")));
        wait.until(d -> js("return performance.getEntriesByName('cordee:cockpit-chart').length") instanceof Long n
                && n > 0);
        Object firstContentfulPaint = js("""
                const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? Math.round(p.startTime) : -1""");
        Object chartDrawn = js("return Math.round(performance.getEntriesByName('cordee:cockpit-chart')[0].startTime)");
        System.out.printf("Cockpit paint timings after sign-in (target < 1500 ms): first contentful paint %s ms, "
                + "forecast chart drawn %s ms after navigation start%n", firstContentfulPaint, chartDrawn);
    }

    @Test
    void financeOpensAClientsInvoices() {
        signIn(DemoAgency.FINANCE_EMAIL, DemoAgency.PASSWORD);
        assertThat(navigation()).containsExactly("Cockpit", "Alerts", "Clients", "Projects", "Pipeline", "Receivables", "Briefs", "Staffing", "Team",
                "Bank & costs", "Settings", "Import");
        go("clients");
        WebElement hexagone = clientCard("Groupe Hexagone");
        hexagone.findElement(By.xpath(".//button[normalize-space()='Show invoices']")).click();
        wait.until(d -> !hexagone.findElements(By.cssSelector("table.invoices tbody tr")).isEmpty());
        assertThat(hexagone.findElement(By.cssSelector("table.invoices")).getText()).contains("Cadrage");
        // exposure at a glance: the API's peak over 26 weeks, formatted as the page formats money
        HttpGraphQlTester api = tenants.as(DemoAgency.FINANCE_EMAIL, DemoAgency.PASSWORD);
        String id = api.document("{ clients(first: 100, filter: {nameContains: \"Hexagone\"}) { nodes { id } } }").execute()
                .path("clients.nodes[0].id").entity(String.class).get();
        String peak = api.document("query($id: ID!) { exposure(clientId: $id) { peak { amount } } }").variable("id", id)
                .execute().path("exposure.peak.amount").entity(String.class).get();
        assertThat(Double.parseDouble(peak)).as("the demo's Hexagone is exposed").isPositive();
        String euros = (String) js("return new Intl.NumberFormat(document.documentElement.lang || 'en', {style: 'currency',"
                + " currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0}).format(Number(arguments[0]))", peak);
        assertThat(wait.until(d -> hexagone.findElement(By.cssSelector("[data-testid=exposure]"))).getText())
                .isEqualTo("Exposure up to " + euros);
        screenshot("clients-invoices");
    }

    @Test
    void theLeadHasNoCockpitAndSeesCapacityAndOverAllocation() {
        signIn(DemoAgency.LEAD_EMAIL, DemoAgency.PASSWORD);
        assertThat(navigation()).containsExactly("Clients", "Projects", "Briefs", "Staffing", "Alerts", "Team");
        clientCard("Groupe Hexagone");
        assertThat(driver.findElements(By.xpath("//button[normalize-space()='Show invoices']"))).isEmpty();

        driver.get(url("/#/cockpit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=not-allowed]")));
        assertThat(driver.findElements(By.cssSelector("cordee-cash-chart"))).isEmpty();

        go("staffing");
        WebElement capacity = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=capacity]")));
        assertThat(capacity.findElement(By.cssSelector("tbody tr th")).getText()).isEqualTo("Groupe Hexagone");
        assertThat(capacity.findElements(By.cssSelector("td.share.warn, td.share.critical"))).isNotEmpty();
        assertThat(text("[data-testid=over-allocations]")).contains("Noah Mercier");
        screenshot("staffing");
    }

    @Test
    void aFailedRequestSaysSoAndOffersToRetry() {
        signIn(DemoAgency.LEAD_EMAIL, DemoAgency.PASSWORD);
        clientCard("Groupe Hexagone");
        js("window.realFetch = window.fetch; window.fetch = () => Promise.reject(new TypeError('offline'))");
        go("staffing");
        WebElement failure = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".failure")));
        assertThat(failure.getText()).contains("Cordée cannot be reached");
        js("window.fetch = window.realFetch");
        failure.findElement(By.xpath(".//button[normalize-space()='Retry']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=capacity]")));
        assertThat(driver.findElements(By.cssSelector(".failure"))).isEmpty();
        assertThat(driver.getTitle()).isEqualTo("Staffing · Studio Boréal · Cordée");

        // a session that ends while the page is open leads back to the sign-in form
        driver.manage().deleteAllCookies();
        go("clients");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("email")));
    }

    @Test
    void theClientSeesOnlyMaisonLumen() {
        signIn(DemoAgency.CLIENT_EMAIL, DemoAgency.PASSWORD);
        assertThat(navigation()).containsExactly("Our projects");
        WebElement portal = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=portal-client]")));
        assertThat(portal.getText()).contains("Maison Lumen", "Boutique en ligne Lumen");
        assertThat(portal.findElements(By.cssSelector("table.invoices tbody tr"))).isNotEmpty();
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("Groupe Hexagone", "Nuvola", "Cockpit", "Staffing");
        screenshot("portal");

        for (String page2 : List.of("cockpit", "clients", "staffing")) {
            driver.get(url("/#/" + page2));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=not-allowed]")));
        }
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Groupe Hexagone");

        click("[data-testid=sign-out]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("email")));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("email")));
        assertThat(driver.findElements(By.cssSelector("[data-testid=nav]"))).isEmpty();
    }

    @Test
    void frenchAndEnglishBothRenderAndTheChoiceIsRemembered() {
        click("[data-testid=lang-fr]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button[type=submit]"),
                "Se connecter"));
        screenshot("sign-in-fr");
        signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        assertThat(navigation()).containsExactly("Trésorerie", "Alertes", "Clients", "Projets", "Pipeline", "Créances", "Cahiers des charges",
                "Staffing", "Équipe", "Banque et coûts", "Personnes", "Réglages", "Import", "Journal des modifications");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Solde le plus bas"));
        // French money: digits grouped by narrow spaces, the euro sign after
        assertThat(text("[data-testid=lowest-balance]")).matches("[-−]?[\\d\\s\u202f]+\\s€");
        screenshot("cockpit-fr");

        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Solde le plus bas"));
        assertThat(js("return document.documentElement.lang")).isEqualTo("fr");

        click("[data-testid=lang-en]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Lowest balance"));
        assertThat(navigation()).containsExactly("Cockpit", "Alerts", "Clients", "Projects", "Pipeline", "Receivables", "Briefs", "Staffing", "Team",
                "Bank & costs", "People", "Settings", "Import", "Audit trail");
    }

    @Test
    void textFromTheApiIsNeverHtml() {
        Tenants.Tenant tenant = tenants.create("Atelier <b>Test</b>");
        tenants.as(tenant, Role.OWNER).document("""
                        mutation($name: String!) { createClient(input: {name: $name, segment: STARTUP}) { userErrors { code } } }""")
                .variable("name", HOSTILE_NAME).execute()
                .path("createClient.userErrors").entityList(Object.class).hasSize(0);

        signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        assertThat(text("[data-testid=agency-name]")).isEqualTo("Atelier <b>Test</b>");
        go("clients");
        clientCard(HOSTILE_NAME);
        assertThat(driver.findElements(By.cssSelector("[data-testid=clients] img, header b"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void theAllocationEditorShowsErrorsNextToTheFieldsAndExplainsAConflict() {
        Tenants.Tenant tenant = tenants.create("Atelier Staffing");
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        adaLovelace(owner);
        String clientId = onlyClient(owner);
        LocalDate start = clock.todayInParis().withDayOfMonth(1);
        owner.document("""
                        mutation($c: ID!, $start: Date!) { createProject(input: {clientId: $c, name: "Refonte", status: ACTIVE,
                          startDate: $start, feeBudget: {amountMinor: 5000000}}) { userErrors { code } } }""")
                .variable("c", clientId).variable("start", start.toString()).execute();

        signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        go("staffing");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=new-allocation]")));
        new Select(form.findElement(By.name("teamMemberId"))).selectByVisibleText("Ada Lovelace");
        new Select(form.findElement(By.name("projectId"))).selectByVisibleText("Own Client · Refonte");
        WebElement share = form.findElement(By.name("sharePercent"));
        share.clear();
        share.sendKeys("150");
        // from today (the timeline opens two weeks before this week's Monday, so the bar is in view)
        LocalDate from = clock.todayInParis();
        js("arguments[0].value = arguments[1]; arguments[2].value = arguments[3]",
                form.findElement(By.name("startDate")), from.toString(),
                form.findElement(By.name("endDate")), from.plusMonths(2).toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement shareError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("new-sharePercent-error")));
        assertThat(shareError.findElement(By.xpath("..")).getText()).startsWith("Share %");
        assertThat(driver.findElements(By.cssSelector(".tl-bar"))).isEmpty();

        share.clear();
        share.sendKeys("50");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement bar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tl-bar[data-allocation]")));
        assertThat(bar.getDomAttribute("aria-label")).startsWith("Ada Lovelace, Own Client · Refonte, 50 %");
        screenshot("allocation-editor");

        // someone else changes it meanwhile
        String id = bar.getDomAttribute("data-allocation");
        owner.document("mutation($id: ID!) { updateAllocation(input: {id: $id, version: 0, sharePercent: 70}) { userErrors { code } } }")
                .variable("id", id).execute().path("updateAllocation.userErrors").entityList(Object.class).hasSize(0);
        bar.click();
        WebElement edit = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=edit-allocation]")));
        WebElement editShare = edit.findElement(By.name("sharePercent"));
        editShare.clear();
        editShare.sendKeys("60");
        edit.findElement(By.xpath(".//button[normalize-space()='Save']")).click();
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=edit-allocation] .conflict")));
        assertThat(conflict.getText()).contains("Changed by someone else — reload");

        conflict.findElement(By.xpath(".//button[normalize-space()='Reload']")).click();
        wait.until(d -> d.findElement(By.cssSelector(".tl-bar[data-allocation]")).getDomAttribute("aria-label").contains(", 70 %,"));
        driver.findElement(By.cssSelector(".tl-bar[data-allocation]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=edit-allocation]")))
                .findElement(By.xpath(".//button[normalize-space()='Delete']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".tl-bar[data-allocation]")));
        owner.document("{ allocations { totalCount } }").execute()
                .path("allocations.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void theOwnerReadsTheDemosAlertsAndPreviewsTheRenegotiationLetter() {
        signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        go("alerts");
        // the story's warnings, worst first: Nuvola's funding risk is critical
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=alerts] li.alert")));
        assertThat(first.getDomAttribute("data-kind")).isEqualTo("FUNDING_RISK");
        assertThat(first.getText()).contains("Critical", "Funding risk · Nuvola", "What to do:");
        WebElement capacity = wait.until(d -> d.findElement(
                By.cssSelector("li.alert[data-kind=CAPACITY_CONCENTRATION]")));
        assertThat(capacity.getText()).contains("Capacity concentration · Groupe Hexagone", "Peak capacity share");
        screenshot("alerts");

        // the letter the agency could send, computed on demand and never stored
        capacity.findElement(By.cssSelector("[data-testid=letter-fr]")).click();
        WebElement letter = wait.until(d -> capacity.findElement(By.cssSelector("[data-testid=letter]")));
        assertThat(letter.getText()).contains("Chère équipe Groupe Hexagone");
        capacity.findElement(By.cssSelector("[data-testid=letter-en]")).click();
        wait.until(d -> capacity.findElement(By.cssSelector("[data-testid=letter]")).getText()
                .contains("Dear Groupe Hexagone team"));
        tenants.as(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD).document("{ proposals { totalCount } }").execute()
                .path("proposals.totalCount").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void anAlertRaisedThroughTheApiAppearsWithoutAReloadAndIsAcknowledged() {
        Tenants.Tenant tenant = tenants.create("Atelier Alertes");
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        // one person at 40 % on the agency's only client next month: its share of the capacity is 40 % > 30 %
        String member = adaLovelace(owner);
        String clientId = onlyClient(owner);
        LocalDate nextMonth = clock.todayInParis().plusMonths(1).withDayOfMonth(1);
        String project = owner.document("""
                        mutation($c: ID!, $start: Date!) { createProject(input: {clientId: $c, name: "Refonte", status: ACTIVE,
                          startDate: $start, feeBudget: {amountMinor: 5000000}}) { project { id } } }""")
                .variable("c", clientId).variable("start", nextMonth.minusMonths(1).toString()).execute()
                .path("createProject.project.id").entity(String.class).get();
        signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        go("alerts");
        // nothing yet; the allocation made through the API (another user, another tab) shows up live
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=alerts-empty]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=alerts-live]")));
        js("window.beforeTheChange = true");
        owner.document("""
                        mutation($m: ID!, $p: ID!, $from: Date!, $to: Date!) { createAllocation(input: {teamMemberId: $m,
                          projectId: $p, sharePercent: 40, startDate: $from, endDate: $to}) { userErrors { code } } }""")
                .variable("m", member).variable("p", project).variable("from", nextMonth.toString())
                .variable("to", nextMonth.plusMonths(1).minusDays(1).toString()).execute()
                .path("createAllocation.userErrors").entityList(Object.class).hasSize(0);

        WebElement alert = wait.until(d -> d.findElement(By.cssSelector("li.alert[data-kind=CAPACITY_CONCENTRATION]")));
        assertThat(js("return window.beforeTheChange")).as("the page was not reloaded").isEqualTo(true);
        assertThat(alert.getText()).contains("Warning", "Own Client", "40");
        alert.findElement(By.name("comment")).sendKeys("Calling them on Monday");
        alert.findElement(By.cssSelector("[data-testid=acknowledge]")).click();
        assertThat(text("[data-testid=alerts-notice]")).isEqualTo("Acknowledged: Own Client.");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=alerts-empty]")));

        click("[data-testid=alerts-tab-ACKNOWLEDGED]");
        WebElement acknowledged = wait.until(d -> d.findElement(By.cssSelector("li.alert[data-kind=CAPACITY_CONCENTRATION]")));
        assertThat(acknowledged.getText()).contains("Calling them on Monday");
        owner.document("{ alerts(filter: {status: [ACKNOWLEDGED]}) { nodes { comment } } }").execute()
                .path("alerts.nodes[*].comment").entityList(String.class).containsExactly("Calling them on Monday");
    }

    @Test
    void theClientSignsABriefInThePortalAndBothSignaturesAgreeIt() {
        Tenants.Tenant tenant = tenants.create("Atelier Portail");
        HttpGraphQlTester lead = tenants.as(tenant, Role.LEAD);
        String clientId = lead.document("{ clients { nodes { id } } }").execute()
                .path("clients.nodes[0].id").entity(String.class).get();
        String project = tenants.as(tenant, Role.OWNER).document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Boutique", status: ACTIVE,
                          startDate: "2026-01-05", feeBudget: {amountMinor: 5000000}}) { project { id } } }""")
                .variable("c", clientId).execute().path("createProject.project.id").entity(String.class).get();
        String version = lead.document("""
                        mutation($p: ID!) { createBrief(input: {projectId: $p, title: "Boutique en ligne",
                          requirements: [{title: "Catalogue", priority: MUST, estimateDays: "10"}]}) {
                          brief { currentVersion { id } } userErrors { code } } }""")
                .variable("p", project).execute()
                .path("createBrief.brief.currentVersion.id").entity(String.class).get();
        lead.document("mutation($id: ID!) { signBriefVersion(input: {id: $id, version: 0}) { userErrors { code } } }")
                .variable("id", version).execute().path("signBriefVersion.userErrors").entityList(Object.class).hasSize(0);

        signIn(tenant.email(Role.CLIENT), Tenants.PASSWORD);
        WebElement brief = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=portal-briefs] li.brief")));
        assertThat(brief.getText()).contains("Boutique en ligne", "Draft", "Catalogue", "signed by");
        brief.findElement(By.cssSelector("[data-testid=sign-brief]")).click();
        wait.until(d -> d.findElement(By.cssSelector("[data-testid=portal-briefs] [data-testid=brief-status]"))
                .getText().equals("Agreed"));
        assertThat(driver.findElements(By.cssSelector("[data-testid=sign-brief]"))).isEmpty();
        screenshot("portal-brief");
        lead.document("query($id: ID!) { node(id: $id) { ... on BriefVersion { status signatures { party } } } }")
                .variable("id", version).execute()
                .path("node.status").entity(String.class).isEqualTo("AGREED")
                .path("node.signatures[*].party").entityList(String.class).contains("AGENCY", "CLIENT").hasSize(2);
    }

    @Test
    void aLeadSeesHealthAtAGlanceAndLogsAnInteractionInAFewSeconds() {
        signIn(DemoAgency.LEAD_EMAIL, DemoAgency.PASSWORD);
        go("clients");
        // the demo's model partner is healthy, the enterprise client slips and the agency carries it
        assertThat(clientCard("Maison Lumen").findElement(By.cssSelector("[data-testid=health]")).getText())
                .startsWith("Health 9");
        assertThat(clientCard("Groupe Hexagone").getText()).contains("One-sided: we carry it", "late commitment");
        // capacity share at a glance: this month's and the highest of the next three, as the API computes them
        // the server's month (Paris), which the page asks for too (js/clock.js), not the browser's or the JVM's
        String month = java.time.YearMonth.from(clock.todayInParis()).toString();
        HttpGraphQlTester api = tenants.as(DemoAgency.LEAD_EMAIL, DemoAgency.PASSWORD);
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<Double> share = api.document("query($from: String!) { capacity(from: $from, months: 3) { clients { client { name } share } } }")
                    .variable("from", month).execute()
                    .path("capacity[" + i + "].clients[?(@.client.name == 'Groupe Hexagone')].share").entityList(Double.class).get();
            shares.add(share.isEmpty() ? 0.0 : share.get(0));
        }
        // the demo puts Hexagone at about 40 % of the capacity: a warning, shown as a whole percentage
        assertThat(shares.get(0)).isGreaterThan(0.3);
        assertThat(wait.until(d -> clientCard("Groupe Hexagone").findElement(By.cssSelector("[data-testid=share]"))).getText())
                .isEqualTo("Capacity " + Math.round(shares.get(0) * 100) + "% · peak "
                        + Math.round(Collections.max(shares) * 100) + "%");
        driver.findElement(By.cssSelector("[data-testid=sign-out]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("email")));

        Tenants.Tenant tenant = tenants.create("Atelier Relations");
        signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        go("clients");
        WebElement card = clientCard("Own Client");
        card.findElement(By.cssSelector("[data-testid=log-interaction]")).click();
        WebElement form = wait.until(d -> clientCard("Own Client").findElement(By.cssSelector("[data-testid=interaction-form]")));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // an empty summary is refused next to its field, nothing is written
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("interaction-summary-error")));
        form.findElement(By.name("summary")).sendKeys("Kick-off workshop, both teams enthusiastic");
        new Select(form.findElement(By.name("kind"))).selectByVisibleText("Workshop");
        new Select(form.findElement(By.name("clientEnergy"))).selectByVisibleText("5");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement logged = wait.until(d -> clientCard("Own Client").findElement(By.cssSelector("[data-testid=interactions] li")));
        assertThat(logged.getText()).contains("Workshop", "Kick-off workshop, both teams enthusiastic", "energy 4/5");
        tenants.as(tenant, Role.OWNER).document("{ clients { nodes { interactions { totalCount nodes { kind clientEnergy date } } } } }")
                .execute()
                .path("clients.nodes[0].interactions.totalCount").entity(Long.class).isEqualTo(1L)
                .path("clients.nodes[0].interactions.nodes[0].clientEnergy").entity(Integer.class).isEqualTo(5)
                // the form's date was "today" as the server counts it (Paris), even at 00:30 with the browser elsewhere
                .path("clients.nodes[0].interactions.nodes[0].date").entity(String.class)
                .isEqualTo(clock.todayInParis().toString());
    }

    @Test
    void addingARequirementUpdatesTheFeasibilityVerdict() {
        Tenants.Tenant tenant = tenants.create("Atelier Cahier");
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        String member = adaLovelace(owner);
        String clientId = onlyClient(owner);
        LocalDate today = clock.todayInParis();
        LocalDate launch = today.plusWeeks(8);
        String project = owner.document("""
                        mutation($c: ID!, $start: Date!, $launch: Date!) { createProject(input: {clientId: $c, name: "Boutique",
                          status: ACTIVE, startDate: $start, launchDate: $launch, feeBudget: {amountMinor: 5000000}}) { project { id } } }""")
                .variable("c", clientId).variable("start", today.minusDays(7).toString()).variable("launch", launch.toString())
                .execute().path("createProject.project.id").entity(String.class).get();
        // one person full time until the launch: about 40 working days (eight weeks, holidays aside)
        owner.document("""
                        mutation($m: ID!, $p: ID!, $from: Date!, $to: Date!) { createAllocation(input: {teamMemberId: $m,
                          projectId: $p, sharePercent: 100, startDate: $from, endDate: $to}) { userErrors { code } } }""")
                .variable("m", member).variable("p", project).variable("from", today.toString())
                .variable("to", launch.toString()).execute()
                .path("createAllocation.userErrors").entityList(Object.class).hasSize(0);
        // a Must of 10 person-days against about 40: realistic
        owner.document("""
                        mutation($p: ID!) { createBrief(input: {projectId: $p, title: "Boutique en ligne",
                          requirements: [{title: "Catalogue", priority: MUST, estimateDays: "10"}]}) { userErrors { code } } }""")
                .variable("p", project).execute().path("createBrief.userErrors").entityList(Object.class).hasSize(0);

        signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        go("briefs");
        assertThat(text("[data-testid=verdict]")).isEqualTo("Realistic");
        WebElement form = driver.findElement(By.cssSelector("[data-testid=add-requirement]"));
        form.findElement(By.name("title")).sendKeys("Paiement en ligne");
        form.findElement(By.name("estimateDays")).sendKeys("-3");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // a negative estimate is refused next to its field
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=add-requirement] .field-error")).isEmpty());
        assertThat(text("[data-testid=verdict]")).isEqualTo("Realistic");

        // 10 + 60 = 70 person-days against about 40: unrealistic
        WebElement days = driver.findElement(By.cssSelector("[data-testid=add-requirement] [name=estimateDays]"));
        days.clear();
        days.sendKeys("60");
        driver.findElement(By.cssSelector("[data-testid=add-requirement] button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=verdict]"), "Unrealistic"));
        assertThat(driver.findElement(By.cssSelector("[data-testid=requirements]")).getText())
                .contains("Catalogue", "Paiement en ligne");
        screenshot("briefs");
    }

    // --- helpers

    private String lowestBalance(HttpGraphQlTester api, String kind, int weeks) {
        return String.valueOf(api.document("""
                        query($k: ScenarioKind!, $h: Int) { cashForecast(horizonWeeks: $h, scenario: {kind: $k}) { lowestBalance { amountMinor } } }""")
                .variable("k", kind).variable("h", weeks).execute()
                .path("cashForecast.lowestBalance.amountMinor").entity(Long.class).get());
    }

    void signIn(String email, String password) {
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav]")));
    }

    private List<String> navigation() {
        return driver.findElements(By.cssSelector("[data-testid=nav] a")).stream().map(WebElement::getText).toList();
    }

    void go(String page) {
        driver.findElement(By.cssSelector("[data-testid=nav] a[data-page=" + page + "]")).click();
    }

    private WebElement clientCard(String name) {
        return wait.until(d -> d.findElements(By.cssSelector("li.client")).stream()
                .filter(c -> c.findElement(By.cssSelector("h2")).getText().equals(name)).findFirst().orElse(null));
    }

    String text(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
    }

    void click(String css) {
        wait.until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(d);
            if (element == null) {
                return false;
            }
            try {
                element.click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false; // drawn again between finding and clicking it (a re-render): find it anew
            }
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The page at a laptop's 1280×800 and a tablet's 800×1100. */
    void screenshot(String name) {
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(800, 1100))) {
            driver.manage().window().setSize(size);
            // let the chart follow the new width before the picture
            js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            try {
                Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SCREENSHOTS.resolve(name + "-" + size.width + "x" + size.height + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        driver.manage().window().setSize(new Dimension(1280, 800));
        fullPage(name);
    }

    /** The whole page at 1280 px wide, below the fold included. */
    @SuppressWarnings("unchecked")
    void fullPage(String name) {
        js("window.scrollTo(0, 0)");
        Map<String, Object> metrics = ((ChromeDriver) driver).executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        long height = Math.round(((Number) content.get("height")).doubleValue());
        Map<String, Object> shot = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot", Map.of(
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", height, "scale", 1)));
        try {
            Files.write(SCREENSHOTS.resolve(name + "-1280-full.png"),
                    java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs axe-core (com.deque.html.axe-core:selenium, ADR 43) on the page as it is now and fails with one line per
     * serious or critical violation: the rule, the element and axe's help text. Minor and moderate findings are
     * printed, not failed.
     */
    void assertAccessible(String where) {
        com.deque.html.axecore.selenium.AxeBuilder axe = new com.deque.html.axecore.selenium.AxeBuilder();
        // axe.run on the page itself, as ADR 43 describes: the same rules and results as the builder's default,
        // which splits the run into axe.runPartial here and axe.finishRun in a new blank tab (for cross-origin
        // frames, which the SPA has none of), and so opened a tab and injected axe twice for every page checked
        axe.setLegacyMode(true);
        // every rule runs as before and every violation comes back with all its nodes; the passes, the incomplete
        // and the inapplicable, which this check never reads, come back with one node each instead of every node
        // of the page (axe's resultTypes, meant for large pages: axe builds a selector for each node it reports)
        com.deque.html.axecore.args.AxeRunOptions options = new com.deque.html.axecore.args.AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        axe.withOptions(options);
        // axe injected once per document: the SPA changes views without loading a new one, and axe stays on it
        axe.setInjectAxe(d -> {
            if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
                js(axeScript());
            }
        }, false);
        com.deque.html.axecore.results.Results results = axe.analyze(driver);
        if (results.isErrored()) {
            fail("axe-core could not check " + where + ": " + results.getErrorMessage());
        }
        List<String> blocking = new ArrayList<>();
        for (com.deque.html.axecore.results.Rule rule : results.getViolations()) {
            boolean serious = "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact());
            for (com.deque.html.axecore.results.CheckedNode node : rule.getNodes()) {
                String line = rule.getImpact() + " " + rule.getId() + " at " + node.getTarget() + ": " + rule.getHelp();
                if (serious) {
                    blocking.add(line);
                } else {
                    System.out.println("axe (" + where + "): " + line);
                }
            }
        }
        if (!blocking.isEmpty()) {
            fail("axe-core finds " + blocking.size() + " serious or critical violation(s) on " + where + ":\n  "
                    + String.join("\n  ", blocking));
        }
    }

    private static String axeScript;

    /** axe-core's script, the one the builder would inject (axe.min.js of com.deque.html.axe-core), read once. */
    private static synchronized String axeScript() {
        if (axeScript == null) {
            try {
                axeScript = new com.deque.html.axecore.selenium.AxeBuilder().getAxeScriptProvider().getScript();
            } catch (IOException | javax.naming.OperationNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
        return axeScript;
    }

    /** Empties {@code input} as the form hears it (an input event), then types {@code text}. */
    void replace(WebElement input, String text) {
        js("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", input);
        input.sendKeys(text);
    }

    /** A date input's value, as a date picker would set it. */
    void setDate(WebElement input, LocalDate date) {
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                input, date.toString());
    }

    /** Ada Lovelace on the agency's team (6,000.00 a month, 700.00 a day); her global id. */
    private static String adaLovelace(HttpGraphQlTester owner) {
        return owner.document("""
                        mutation { createTeamMember(input: {name: "Ada Lovelace", monthlyLoadedCost: {amountMinor: 600000},
                          dailyBillRate: {amountMinor: 70000}}) { teamMember { id } } }""").execute()
                .path("createTeamMember.teamMember.id").entity(String.class).get();
    }

    /** The global id of a new agency's only client, its own. */
    private static String onlyClient(HttpGraphQlTester owner) {
        return owner.document("{ clients { nodes { id } } }").execute()
                .path("clients.nodes[0].id").entity(String.class).get();
    }

    /** Whether the page fits the window's width: no horizontal scroll. */
    boolean noHorizontalScroll() {
        return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    /** Runs {@code checks} at a phone's 390×844 (mobile emulation), then back to the window's own size, whatever they did. */
    void atPhoneSize(Runnable checks) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            checks.run();
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** The page as the phone of {@link #atPhoneSize} shows it, as {@code target/screenshots/<name>-390x844.png}. */
    void phoneScreenshot(String name) {
        try {
            Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + "-390x844.png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // =============================================================================================
    // A client's page (#/clients/<id>) and the interactions in the client portal
    // =============================================================================================

    @Test
    void aLeadOpensGroupeHexagonesPageAndSeesTheApisHealthTrendStrengthsAndLateCommitments() {
        HttpGraphQlTester api = tenants.as(DemoAgency.LEAD_EMAIL, DemoAgency.PASSWORD);
        String id = clientIdNamed(api, "Hexagone");
        var answer = api.document("""
                        query($id: ID!) { client(id: $id) { relationship { lateCommitments
                          health { score trend { score } }
                          strengths { strengths { domain agency client lead } } } } }""")
                .variable("id", id).execute();
        int score = answer.path("client.relationship.health.score").entity(Integer.class).get();
        int late = answer.path("client.relationship.lateCommitments").entity(Integer.class).get();
        List<Map<String, Object>> strengths = answer.path("client.relationship.strengths.strengths")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        // the demo: arborescence delivered 15 days late, wireframe feedback 14 days late, the charter approval
        // (due 14 days ago) and the CRM access (due 7 days ago) still missing; the hosting choice was on time
        assertThat(late).isEqualTo(4);
        // strategy, content, design, tech, marketing, data, decisions and the agency's own "Achats et juridique"
        assertThat(strengths).hasSize(8);

        signIn(DemoAgency.LEAD_EMAIL, DemoAgency.PASSWORD);
        go("clients");
        openClientPage("Groupe Hexagone");
        WebElement health = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=health-score]")));
        assertThat(health.getDomAttribute("data-score")).isEqualTo(String.valueOf(score));
        assertThat(health.getText()).startsWith(String.valueOf(score));
        assertThat(text("[data-testid=health-card]")).contains("One-sided: we carry it", "4 late commitment(s)");
        // the 26 weekly points of the trend, drawn on uPlot's canvas
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("cordee-health-chart canvas")));
        assertThat(driver.findElement(By.cssSelector(".health-chart")).getDomAttribute("data-points")).isEqualTo("26");

        // each component's evidence in words, never the API's keys
        String components = text("[data-testid=health-components]");
        assertThat(components).contains("Commitments kept on time", "Commitments due", "Kept on time",
                "Past due, not delivered", "Energy of the interactions", "Their average energy",
                "Median payment delay (days)");
        assertThat(components).doesNotContain("commitmentsDue", "overdueNotDelivered", "clientAverage",
                "medianDelayDays", "COMMITMENTS");

        // the doubles: each domain with the agency's value on one side and the client's on the other
        List<WebElement> rows = driver.findElements(By.cssSelector("[data-testid=strengths] tbody tr"));
        assertThat(rows).hasSize(strengths.size());
        for (Map<String, Object> s : strengths) {
            WebElement row = clientStrengthRow((String) s.get("domain"));
            assertThat(row.findElement(By.cssSelector("td.agency [data-testid=agency-value]")).getText())
                    .isEqualTo(String.valueOf(s.get("agency")));
            assertThat(row.findElement(By.cssSelector("td.client [data-testid=client-value]")).getText())
                    .isEqualTo(String.valueOf(s.get("client")));
            assertThat(row.getDomAttribute("data-lead")).isEqualTo(s.get("lead"));
        }
        // tech: the agency 5 (a full bar, 100 %), the client 3 (60 %), the agency leads
        WebElement tech = clientStrengthRow("TECH");
        assertThat(tech.getText()).contains("Tech", "We lead");
        assertThat(tech.findElement(By.cssSelector("td.agency .bar")).getDomAttribute("style")).contains("width:100%");
        assertThat(tech.findElement(By.cssSelector("td.client .bar")).getDomAttribute("style")).contains("width:60%");
        assertThat(clientStrengthRow("Achats et juridique").getText()).contains("They lead");

        // the late commitments are the highlighted rows, with how late they are
        List<WebElement> lateRows = driver.findElements(By.cssSelector("[data-testid=commitments] tr.late"));
        assertThat(lateRows).hasSize(late);
        assertThat(lateRows.stream().map(WebElement::getText).toList())
                .anyMatch(r -> r.contains("Accès API du CRM") && r.contains("Late · 7 d"));
        assertThat(text("[data-testid=commitments]")).contains("Textes des pages");
        assertThat(driver.findElements(By.cssSelector("[data-testid=commitments] tr.late")).stream()
                .map(WebElement::getText)).noneMatch(r -> r.contains("Textes des pages") || r.contains("Choix de l'hébergement"));

        // the game plan with each side's owner, the interactions newest first with the internal note marked
        assertThat(text("[data-testid=agreements]")).contains("Désigner un décideur unique", "Bertrand Moreau", "Client",
                "Agency");
        List<WebElement> interactions = driver.findElements(By.cssSelector("[data-testid=interactions] li"));
        assertThat(interactions.get(0).getText()).contains("Bertrand ne tranche pas", "Internal");
        assertThat(interactions.get(0).getDomAttribute("data-internal")).isEqualTo("true");
        assertThat(interactions.get(interactions.size() - 1).getText()).contains("Atelier de cadrage");

        // a lead sees no money: no fee column, no invoices (the API refuses them to a lead)
        assertThat(text("[data-testid=projects]")).contains("Espace client Hexagone").doesNotContain("Fee", "€");
        assertThat(driver.findElements(By.cssSelector("table.invoices"))).isEmpty();
        assertThat(driver.getTitle()).isEqualTo("Groupe Hexagone · Clients · Cordée");
        screenshot("client-page");

        // in French: the page's words, the components and the evidence
        click("[data-testid=lang-fr]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Santé de la relation"));
        assertThat(text("[data-testid=health-components]")).contains("Engagements tenus à temps", "Engagements échus",
                "Leur énergie moyenne");
        assertThat(clientStrengthRow("TECH").getText()).contains("Technique", "Nous menons");
        screenshot("client-page-fr");
    }

    @Test
    void theOwnerSeesTheFeesAndInvoicesOnAClientsPage() {
        signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        go("clients");
        openClientPage("Groupe Hexagone");
        WebElement invoices = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.invoices")));
        assertThat(invoices.getText()).contains("Cadrage");
        assertThat(text("[data-testid=projects]")).contains("Fee", "€");
        // the alerts' evidence is in words too (capacity concentration: its peak share as a percentage)
        go("alerts");
        WebElement capacity = wait.until(d -> d.findElement(By.cssSelector("li.alert[data-kind=CAPACITY_CONCENTRATION]")));
        String evidence = capacity.findElement(By.cssSelector("dl.evidence")).getText();
        assertThat(evidence).contains("Peak capacity share", "Peak month", "Warning threshold").doesNotContain("peakShare");
        assertThat(capacity.findElement(By.cssSelector("[data-evidence=peakShare] dd")).getText()).matches("\\d+%");
    }

    @Test
    void anInteractionAddedOnAClientsPageAppearsFirstAndInteractionsArePaged() {
        Tenants.Tenant tenant = tenants.create("Atelier Fiche Client");
        HttpGraphQlTester lead = tenants.as(tenant, Role.LEAD);
        String clientId = lead.document("{ clients { nodes { id } } }").execute()
                .path("clients.nodes[0].id").entity(String.class).get();
        // eleven older calls: one page of ten, the eleventh behind "Load more"
        LocalDate today = clock.todayInParis();
        for (int i = 1; i <= 11; i++) {
            lead.document("""
                            mutation($c: ID!, $d: Date!, $s: String!) { createInteraction(input: {clientId: $c, date: $d,
                              kind: CALL, summary: $s}) { userErrors { code } } }""")
                    .variable("c", clientId).variable("d", today.minusDays(20 + i).toString()).variable("s", "Call " + i)
                    .execute().path("createInteraction.userErrors").entityList(Object.class).hasSize(0);
        }

        signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        go("clients");
        openClientPage("Own Client");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=health-score]")));
        assertThat(text("main")).contains("No strengths map yet.");
        assertThat(driver.findElements(By.cssSelector("[data-testid=interactions] li"))).hasSize(10);
        click("[data-testid=more-interactions]");
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=interactions] li")).size() == 11);
        assertThat(driver.findElements(By.cssSelector("[data-testid=interactions] li")).get(10).getText()).contains("Call 11");
        assertThat(driver.findElements(By.cssSelector("[data-testid=more-interactions]"))).isEmpty();

        // a quick note after a meeting, internal, whose text is HTML: it stays text
        click("[data-testid=log-interaction]");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=interaction-form]")));
        form.findElement(By.name("summary")).sendKeys(HOSTILE_NAME);
        form.findElement(By.name("internal")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=interactions] li:first-child"), HOSTILE_NAME));
        WebElement first = driver.findElement(By.cssSelector("[data-testid=interactions] li:first-child"));
        assertThat(first.getText()).contains("Meeting", "energy 4/4", "Internal");
        assertThat(driver.findElements(By.cssSelector("[data-testid=interactions] img"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        lead.document("query($c: ID!) { client(id: $c) { interactions(first: 1) { totalCount nodes { summary internal } } } }")
                .variable("c", clientId).execute()
                .path("client.interactions.totalCount").entity(Integer.class).isEqualTo(12)
                .path("client.interactions.nodes[0].summary").entity(String.class).isEqualTo(HOSTILE_NAME)
                .path("client.interactions.nodes[0].internal").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void theClientSeesLumensInteractionsButNeitherTheHealthNorTheInternalNotes() {
        HttpGraphQlTester owner = tenants.as(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        String lumen = clientIdNamed(owner, "Lumen");
        List<Map<String, Object>> all = owner.document(
                        "query($c: ID!) { client(id: $c) { interactions(first: 100) { nodes { summary internal } } } }")
                .variable("c", lumen).execute().path("client.interactions.nodes")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        List<String> shared = all.stream().filter(i -> !(Boolean) i.get("internal")).map(i -> (String) i.get("summary")).toList();
        List<String> internal = all.stream().filter(i -> (Boolean) i.get("internal")).map(i -> (String) i.get("summary")).toList();
        // the demo: five meetings, workshops and calls with Sophie's team, and one internal note about a V2
        assertThat(shared).hasSize(5);
        assertThat(internal).containsExactly("Sophie évoque une V2 avec la marketplace : à préparer");

        signIn(DemoAgency.CLIENT_EMAIL, DemoAgency.PASSWORD);
        WebElement interactions = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=portal-interactions]")));
        assertThat(interactions.findElements(By.tagName("li"))).hasSize(shared.size());
        assertThat(interactions.getText()).contains(shared.toArray(String[]::new));
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain(internal.get(0), "Internal", "Health", "Reciprocity", "One-sided");
        assertThat(driver.findElements(By.cssSelector("[data-testid=health-score], [data-testid=health], cordee-health-chart")))
                .isEmpty();
        screenshot("portal-interactions");

        // the client user logs a call from their side: only their own energy is asked for
        click("[data-testid=portal-client] [data-testid=log-interaction]");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=interaction-form]")));
        assertThat(form.findElements(By.name("agencyEnergy"))).isEmpty();
        assertThat(form.findElements(By.name("internal"))).isEmpty();

        // a client's page is not theirs to open
        driver.get(url("/#/clients/" + lumen));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=not-allowed]")));
        assertThat(driver.findElements(By.cssSelector("cordee-client-page"))).isEmpty();
    }

    @Test
    void aClientUserLogsAnInteractionFromTheirSideInThePortal() {
        Tenants.Tenant tenant = tenants.create("Atelier Portail Échanges");
        signIn(tenant.email(Role.CLIENT), Tenants.PASSWORD);
        WebElement portal = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=portal-client]")));
        assertThat(portal.getText()).contains("No interaction logged yet.");
        click("[data-testid=portal-client] [data-testid=log-interaction]");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=interaction-form]")));
        form.findElement(By.name("summary")).sendKeys("Retours sur la maquette envoyés");
        new Select(form.findElement(By.name("kind"))).selectByVisibleText("Call");
        new Select(form.findElement(By.name("clientEnergy"))).selectByVisibleText("5");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement logged = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=portal-interactions] li")));
        // rated on the client's side only: the agency's energy stays unrated
        assertThat(logged.getText()).contains("Call", "Retours sur la maquette envoyés", "energy: agency —, you 5");
        tenants.as(tenant, Role.LEAD).document("{ clients { nodes { interactions { totalCount nodes { internal agencyEnergy clientEnergy } } } } }")
                .execute()
                .path("clients.nodes[0].interactions.totalCount").entity(Integer.class).isEqualTo(1)
                .path("clients.nodes[0].interactions.nodes[0].internal").entity(Boolean.class).isEqualTo(false)
                .path("clients.nodes[0].interactions.nodes[0].clientEnergy").entity(Integer.class).isEqualTo(5)
                .path("clients.nodes[0].interactions.nodes[0].agencyEnergy").valueIsNull();
    }

    // --- helpers of the client page's tests

    private String clientIdNamed(HttpGraphQlTester api, String part) {
        return api.document("query($q: String) { clients(filter: {nameContains: $q}) { nodes { id } } }")
                .variable("q", part).execute().path("clients.nodes[0].id").entity(String.class).get();
    }

    private void openClientPage(String name) {
        clientCard(name).findElement(By.cssSelector("[data-testid=client-link]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=client-name]"), name));
    }

    private WebElement clientStrengthRow(String domain) {
        return wait.until(d -> d.findElements(By.cssSelector("[data-testid=strengths] tbody tr")).stream()
                .filter(r -> domain.equals(r.getDomAttribute("data-domain"))).findFirst().orElse(null));
    }

    // ==== The brief editor (issue 6, point 5): a throw-away agency with one person full time on a project
    // whose launch is eight weeks away, so the feasibility verdict moves with the requirements. Helpers of
    // this section are named for briefs and stay at its end.

    @Test
    void editingARequirementsEstimateAndRemovingItMoveTheFeasibilityVerdict() {
        BriefEditorFixture brief = briefEditorFixture("Atelier Édition", "Boutique en ligne", """
                [{title: "Catalogue", priority: MUST, estimateDays: "10"},
                 {title: "Paiement en ligne", priority: SHOULD, estimateDays: "20"}]""");
        signIn(brief.tenant().email(Role.LEAD), Tenants.PASSWORD);
        go("briefs");
        // Must + Should = 10 + 20 = 30 person-days against 40 or 41 working days of one person: 0.73–0.75 ≤ 0.85
        assertThat(text("[data-testid=verdict]")).isEqualTo("Realistic");
        assertThat(text("[data-testid=scope]")).startsWith("30 person-days");

        // an estimate that is not a number is refused next to the field, nothing is written
        briefEditorOpenRow("Paiement en ligne");
        WebElement estimate = driver.findElement(By.cssSelector("tr.editing [name=estimateDays]"));
        estimate.clear();
        estimate.sendKeys("beaucoup", Keys.ENTER);
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr.editing td.invalid .field-error")));
        assertThat(error.getText()).contains("person-days");
        assertThat(text("[data-testid=verdict]")).isEqualTo("Realistic");

        // 10 + 45 = 55 person-days against 40 or 41: 1.34–1.38 > 1.0, previewed while typing, saved with the keyboard
        estimate = driver.findElement(By.cssSelector("tr.editing [name=estimateDays]"));
        estimate.clear();
        estimate.sendKeys("45");
        // computed by the server (previewBriefFeasibility, ADR 0060), shown a moment after the keystroke
        assertThat(text("[data-testid=feasibility-preview] p")).startsWith("Not saved yet: 55 person-days").endsWith("Unrealistic");
        assertThat(text("[data-testid=verdict]")).isEqualTo("Realistic");
        estimate.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=verdict]"), "Unrealistic"));
        assertThat(driver.findElements(By.cssSelector("[data-testid=feasibility-preview]"))).isEmpty();
        assertThat(text("[data-testid=scope]")).startsWith("55 person-days");
        assertThat(briefEditorRow("Paiement en ligne").findElement(By.cssSelector("[data-testid=estimate]")).getText())
                .isEqualTo("45");
        assertThat(text("[data-testid=brief-notice]")).startsWith("Saved.");
        screenshot("brief-editor");

        // removing it leaves the Must alone: 10 against 40 or 41, 0.24–0.25, realistic again
        briefEditorRow("Paiement en ligne").findElement(By.cssSelector("[data-testid=remove-requirement]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=verdict]"), "Realistic"));
        assertThat(text("[data-testid=scope]")).startsWith("10 person-days");
        assertThat(text("[data-testid=requirements]")).doesNotContain("Paiement en ligne");
        briefEditorRequirements(brief).containsExactly("Catalogue:MUST:10");

        // the undo puts it back, the same requirement (its key) with its estimate: unrealistic again
        click("[data-testid=undo-remove]");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=verdict]"), "Unrealistic"));
        briefEditorRequirements(brief).containsExactly("Catalogue:MUST:10", "Paiement en ligne:SHOULD:45");
    }

    @Test
    void changingTheLaunchDateAndTheScopeOfABrief() {
        BriefEditorFixture brief = briefEditorFixture("Atelier Calendrier", "Boutique en ligne", """
                [{title: "Catalogue", priority: MUST, estimateDays: "60"}]""");
        signIn(brief.tenant().email(Role.OWNER), Tenants.PASSWORD);
        go("briefs");
        // 60 person-days against 40 or 41 until the launch in eight weeks: unrealistic
        assertThat(text("[data-testid=verdict]")).isEqualTo("Unrealistic");

        click("[data-testid=edit-details]");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=details-form]")));
        form.findElement(By.name("objectives")).sendKeys("Vendre en ligne", Keys.ENTER, "Fidéliser les clients");
        form.findElement(By.name("targetUsers")).sendKeys("Marie, 34 ans, achète le soir sur mobile");
        // a launch before the project's start is refused next to the field; nothing is written
        setDate(form.findElement(By.name("launchDate")), brief.today().minusMonths(1));
        click("[data-testid=save-details]");
        WebElement launchError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("brief-launchDate-error")));
        assertThat(launchError.findElement(By.xpath("..")).getText()).startsWith("Launch date");
        assertThat(text("[data-testid=verdict]")).isEqualTo("Unrealistic");

        // sixteen weeks instead of eight: the allocation runs for twenty, so 80 or 81 working days; 60 ÷ 80 = 0.75
        LocalDate later = brief.today().plusWeeks(16);
        setDate(driver.findElement(By.cssSelector("[data-testid=details-form] [name=launchDate]")), later);
        click("[data-testid=save-details]");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=verdict]"), "Realistic"));
        assertThat(text("[data-testid=details] [data-field=objectives]")).contains("Vendre en ligne", "Fidéliser les clients");
        assertThat(text("[data-testid=details] [data-field=launchDate]")).contains(String.valueOf(later.getYear()));
        brief.owner().document("""
                        query($id: ID!) { brief(id: $id) { currentVersion { launchDate objectives targetUsers
                          feasibility { verdict } } } }""")
                .variable("id", brief.brief()).execute()
                .path("brief.currentVersion.launchDate").entity(String.class).isEqualTo(later.toString())
                .path("brief.currentVersion.objectives").entityList(String.class)
                .containsExactly("Vendre en ligne", "Fidéliser les clients")
                .path("brief.currentVersion.targetUsers").entityList(String.class)
                .containsExactly("Marie, 34 ans, achète le soir sur mobile")
                .path("brief.currentVersion.feasibility.verdict").entity(String.class).isEqualTo("REALISTIC");
    }

    @Test
    void aStaleBriefEditIsAConflictToReloadNeverAnOverwrite() {
        BriefEditorFixture brief = briefEditorFixture("Atelier Concurrence", HOSTILE_NAME, """
                [{key: "catalogue", title: "Catalogue", priority: MUST, estimateDays: "10"}]""");
        signIn(brief.tenant().email(Role.LEAD), Tenants.PASSWORD);
        go("briefs");
        // the title from the API is text, never HTML
        assertThat(text("[data-brief] h2")).isEqualTo(HOSTILE_NAME);
        assertThat(driver.findElements(By.cssSelector("[data-brief] img"))).isEmpty();
        briefEditorOpenRow("Catalogue");

        // meanwhile someone else adds a requirement through the API
        String[] version = briefEditorCurrentVersion(brief);
        brief.owner().document("""
                        mutation($id: ID!, $v: Long!) { updateBriefVersion(input: {id: $id, version: $v, requirements: [
                          {key: "catalogue", title: "Catalogue", priority: MUST, estimateDays: "10"},
                          {title: "Newsletter", priority: COULD, estimateDays: "3"}]}) { userErrors { code } } }""")
                .variable("id", version[0]).variable("v", Long.parseLong(version[1])).execute()
                .path("updateBriefVersion.userErrors").entityList(Object.class).hasSize(0);

        WebElement estimate = driver.findElement(By.cssSelector("tr.editing [name=estimateDays]"));
        estimate.clear();
        estimate.sendKeys("30");
        click("[data-testid=save-requirement]");
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=brief-conflict]")));
        assertThat(conflict.getText()).contains("Someone else changed this brief", "nothing was saved");
        briefEditorRequirements(brief).containsExactly("Catalogue:MUST:10", "Newsletter:COULD:3");
        screenshot("brief-conflict");

        conflict.findElement(By.xpath(".//button[normalize-space()='Reload']")).click();
        wait.until(d -> d.findElement(By.cssSelector("[data-testid=requirements]")).getText().contains("Newsletter"));
        assertThat(driver.findElements(By.cssSelector("[data-testid=brief-conflict], tr.editing"))).isEmpty();
        assertThat(briefEditorRow("Catalogue").findElement(By.cssSelector("[data-testid=estimate]")).getText())
                .isEqualTo("10");
    }

    @Test
    void twoVersionsSideBySideShowTheChangedRequirementInBothColumns() {
        BriefEditorFixture brief = briefEditorFixture("Atelier Versions", "Boutique en ligne", """
                [{key: "catalogue", title: "Catalogue", priority: MUST, estimateDays: "10"},
                 {key: "paiement", title: "Paiement en ligne", priority: SHOULD, estimateDays: "20"}]""");
        // version 1 signed by the agency and the client: agreed
        String[] v1 = briefEditorCurrentVersion(brief);
        for (Role signer : List.of(Role.LEAD, Role.CLIENT)) {
            tenants.as(brief.tenant(), signer).document("""
                            mutation($id: ID!, $v: Long!) { signBriefVersion(input: {id: $id, version: $v}) { userErrors { code } } }""")
                    .variable("id", v1[0]).variable("v", Long.parseLong(v1[1])).execute()
                    .path("signBriefVersion.userErrors").entityList(Object.class).hasSize(0);
        }
        signIn(brief.tenant().email(Role.LEAD), Tenants.PASSWORD);
        go("briefs");
        assertThat(text("[data-testid=current-status]")).isEqualTo("Agreed · version 1");
        assertThat(text("[data-testid=sign-off]")).contains("Agency", "signed by LEAD user", "Client", "signed by CLIENT user");
        assertThat(driver.findElements(By.cssSelector("[data-testid=sign-agency]"))).isEmpty();

        // a change to an agreed version starts version 2, a draft nobody has signed
        briefEditorOpenRow("Catalogue");
        WebElement estimate = driver.findElement(By.cssSelector("tr.editing [name=estimateDays]"));
        estimate.clear();
        estimate.sendKeys("15", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=current-status]"), "Draft · version 2"));
        assertThat(text("[data-testid=brief-notice]")).contains("Saved as version 2");
        assertThat(text("[data-testid=sign-off]")).contains("not signed yet");
        assertThat(text("[data-testid=versions]")).contains("Version 2 · Draft", "Version 1 · Agreed", "signed by CLIENT user");

        // version 1 against version 2 (the default pair): the changed requirement in both columns
        click("[data-testid=compare-form] button[type=submit]");
        WebElement changed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=comparison] tr[data-change=changed][data-key=catalogue]")));
        assertThat(changed.findElement(By.cssSelector("td.from")).getText()).contains("Catalogue", "10 days");
        assertThat(changed.findElement(By.cssSelector("td.to")).getText()).contains("Catalogue", "15 days");
        assertThat(changed.findElement(By.cssSelector("td.to .diff")).getText()).isEqualTo("15 days");
        assertThat(text("[data-testid=comparison] thead")).contains("Version 1 · Agreed", "Version 2 · Draft");
        assertThat(driver.findElements(By.cssSelector("[data-testid=comparison] tr[data-change=changed]"))).hasSize(1);
        assertThat(text("[data-testid=comparison]")).contains("Requirements unchanged: 1.");
        js("arguments[0].scrollIntoView({block: 'center'})", changed);
        screenshot("brief-compare");

        // the agency signs version 2; the client's signature is what remains
        click("[data-testid=sign-agency]");
        wait.until(d -> d.findElement(By.cssSelector("[data-testid=sign-off] li[data-party=AGENCY]")).getText()
                .contains("signed by LEAD user"));
        assertThat(text("[data-testid=sign-off] li[data-party=CLIENT]")).contains("not signed yet");
        assertThat(driver.findElements(By.cssSelector("[data-testid=sign-agency]"))).isEmpty();

        // the same page in French, the comparison kept
        click("[data-testid=lang-fr]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=comparison] thead"),
                "Version 1 · Validé"));
        assertThat(text("[data-testid=sign-off]")).contains("Agence", "signé par LEAD user", "pas encore signé");
        assertThat(text("[data-testid=brief-notice]")).isEqualTo(
                "La version 2 est signée pour l'agence ; la signature du client la validera.");
        assertThat(text("[data-testid=comparison] tr[data-change=changed] td.to")).contains("15 jours");
        assertThat(text("[data-testid=compare-form] button[type=submit]")).isEqualTo("Comparer côte à côte");
        screenshot("brief-compare-fr");
    }

    @Test
    void theLeadComparesTheTwoAgreedVersionsOfTheDemosNuvolaBriefSideBySide() {
        // the demo's story: version 1 asked 305 person-days, version 2 was cut down and agreed
        HttpGraphQlTester lead = tenants.as(DemoAgency.LEAD_EMAIL, DemoAgency.PASSWORD);
        String title = "Application mobile Nuvola — cahier des charges";
        var briefs = lead.document("{ briefs(first: 50) { nodes { id title versions { id } } } }").execute();
        List<String> titles = briefs.path("briefs.nodes[*].title").entityList(String.class).get();
        int index = titles.indexOf(title);
        assertThat(index).as("the demo's Nuvola brief").isNotNegative();
        String briefId = briefs.path("briefs.nodes[" + index + "].id").entity(String.class).get();
        List<String> versions = briefs.path("briefs.nodes[" + index + "].versions[*].id").entityList(String.class).get();
        assertThat(versions).hasSize(2);
        var comparison = lead.document("""
                        query($f: ID!, $t: ID!) { compareBriefVersions(from: $f, to: $t) {
                          added { key } removed { title } changed { key } } }""")
                .variable("f", versions.get(0)).variable("t", versions.get(1)).execute();
        int changed = comparison.path("compareBriefVersions.changed").entityList(Object.class).get().size();
        List<String> removed = comparison.path("compareBriefVersions.removed[*].title").entityList(String.class).get();
        assertThat(changed).as("requirements re-estimated or re-prioritised").isPositive();

        signIn(DemoAgency.LEAD_EMAIL, DemoAgency.PASSWORD);
        go("briefs");
        WebElement link = wait.until(d -> d.findElements(By.cssSelector(".brief-nav a")).stream()
                .filter(a -> a.getText().startsWith(title)).findFirst().orElse(null));
        link.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-brief] h2"), title));
        assertThat(js("return location.hash")).isEqualTo("#/briefs/" + briefId);
        assertThat(text("[data-testid=current-status]")).isEqualTo("Agreed · version 2");
        assertThat(text("[data-testid=versions]")).contains("Version 2 · Agreed", "Version 1 · Superseded");

        click("[data-testid=compare-form] button[type=submit]");
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=comparison] table")));
        assertThat(table.findElements(By.cssSelector("tr[data-change=changed]"))).hasSize(changed);
        // Must + Should: version 1 25 + 60 + 70 + 45 + 35 + 30 + 40 = 305, version 2 20 + 50 + 40 + 30 = 140
        assertThat(table.findElement(By.cssSelector("tr[data-change=feasibility] td.from")).getText())
                .contains("Unrealistic", "305 days");
        assertThat(table.findElement(By.cssSelector("tr[data-change=feasibility] td.to")).getText()).contains("140 days");
        assertThat(table.findElements(By.cssSelector("tr[data-change=removed] td.from")).stream().map(WebElement::getText))
                .hasSize(removed.size()).allMatch(cell -> removed.stream().anyMatch(cell::contains));
        // what moved out of scope: "Mode hors ligne" joined "Version web"
        assertThat(table.findElement(By.cssSelector("tr[data-field=outOfScope] td.to")).getText()).contains("Mode hors ligne");
        assertThat(table.findElement(By.cssSelector("tr[data-field=outOfScope] td.from")).getText()).doesNotContain("Mode hors ligne");
        js("arguments[0].scrollIntoView({block: 'start'})", table);
        screenshot("briefs-demo-compare");

        // the address names the brief: a reload shows it again
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-brief] h2"), title));
    }

    private record BriefEditorFixture(Tenants.Tenant tenant, HttpGraphQlTester owner, String brief, LocalDate today) {
    }

    /**
     * A brief of the given requirements (a GraphQL list literal) on a project started last week whose launch
     * is eight weeks away, with one person full time from today for twenty weeks. The agency has no public
     * holidays, so the capacity until the launch is the weekdays of those eight weeks, both ends included:
     * 40 or 41 person-days depending on the day of the week the test runs.
     */
    private BriefEditorFixture briefEditorFixture(String agency, String title, String requirements) {
        Tenants.Tenant tenant = tenants.create(agency);
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        String member = adaLovelace(owner);
        LocalDate today = clock.todayInParis();
        String project = owner.document("""
                        mutation($c: ID!, $start: Date!, $launch: Date!) { createProject(input: {clientId: $c, name: "Boutique",
                          status: ACTIVE, startDate: $start, launchDate: $launch, feeBudget: {amountMinor: 5000000}}) { project { id } } }""")
                .variable("c", owner.document("{ clients { nodes { id } } }").execute()
                        .path("clients.nodes[0].id").entity(String.class).get())
                .variable("start", today.minusDays(7).toString()).variable("launch", today.plusWeeks(8).toString())
                .execute().path("createProject.project.id").entity(String.class).get();
        owner.document("""
                        mutation($m: ID!, $p: ID!, $from: Date!, $to: Date!) { createAllocation(input: {teamMemberId: $m,
                          projectId: $p, sharePercent: 100, startDate: $from, endDate: $to}) { userErrors { code } } }""")
                .variable("m", member).variable("p", project).variable("from", today.toString())
                .variable("to", today.plusWeeks(20).toString()).execute()
                .path("createAllocation.userErrors").entityList(Object.class).hasSize(0);
        String brief = owner.document("""
                        mutation($p: ID!, $t: String!) { createBrief(input: {projectId: $p, title: $t,
                          requirements: %s}) { brief { id } userErrors { code } } }""".formatted(requirements))
                .variable("p", project).variable("t", title).execute()
                .path("createBrief.userErrors").entityList(Object.class).hasSize(0)
                .path("createBrief.brief.id").entity(String.class).get();
        return new BriefEditorFixture(tenant, owner, brief, today);
    }

    /** The current version's id and optimistic version, as the API has them now. */
    private String[] briefEditorCurrentVersion(BriefEditorFixture brief) {
        var response = brief.owner().document("query($id: ID!) { brief(id: $id) { currentVersion { id version } } }")
                .variable("id", brief.brief()).execute();
        return new String[] {response.path("brief.currentVersion.id").entity(String.class).get(),
                String.valueOf(response.path("brief.currentVersion.version").entity(Long.class).get())};
    }

    /** The current version's requirements as the API has them, "title:PRIORITY:estimate" in order. */
    private org.assertj.core.api.ListAssert<String> briefEditorRequirements(BriefEditorFixture brief) {
        List<Map<String, Object>> requirements = brief.owner().document("""
                        query($id: ID!) { brief(id: $id) { currentVersion { requirements { title priority estimateDays } } } }""")
                .variable("id", brief.brief()).execute()
                .path("brief.currentVersion.requirements").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        return assertThat(requirements.stream().map(r -> r.get("title") + ":" + r.get("priority") + ":" + r.get("estimateDays"))
                .toList());
    }

    /** The requirement's row in the editor's table, found by its title. */
    private WebElement briefEditorRow(String title) {
        return wait.until(d -> d.findElements(By.cssSelector("[data-testid=requirements] tr[data-key]")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().startsWith(title)).findFirst().orElse(null));
    }

    /** Opens a requirement's row for editing; the title field has the focus. */
    private void briefEditorOpenRow(String title) {
        briefEditorRow(title).findElement(By.cssSelector("[data-testid=edit-requirement]")).click();
        wait.until(d -> "title".equals(d.switchTo().activeElement().getDomAttribute("name")));
    }

}
