package io.cordee.api.browser;

import static io.cordee.api.browser.StaffingApi.allocation;
import static io.cordee.api.browser.StaffingApi.dates;
import static io.cordee.api.browser.StaffingApi.member;
import static io.cordee.api.browser.StaffingApi.ownClient;
import static io.cordee.api.browser.StaffingApi.project;
import static io.cordee.api.browser.StaffingApi.share;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The staffing timeline (issue 15 point 6) and the settings page (point 7) in Chromium, through
 * {@link BrowserTest}'s browser and helpers. Each test works in a throw-away agency; dates count from the
 * agency's today by the application's clock, so the tests hold on any day (the timeline opens two weeks
 * before this week's Monday, 26 weeks wide, 48 px a week).
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffingAndSettingsBrowserTest {

    private static final int WEEK_PX = 48;


    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    // --- staffing timeline

    @Test
    void theLeadDragsAnAllocationAWeekLaterStretchesOneByKeyboardAndARefusedMoveSnapsBack() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Glisser");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        LocalDate monday = browser.clock.todayInParis().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String project = project(owner, ownClient(owner), "Refonte", monday.minusWeeks(4));
        // both four weeks long: this week's Monday to the Sunday three weeks later
        String ada = allocation(owner, member(owner, "Ada Lovelace"), project, 50, monday, monday.plusDays(27));
        String ben = allocation(owner, member(owner, "Ben Okri"), project, 40, monday, monday.plusDays(27));

        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        browser.go("staffing");
        WebElement adaBar = bar(ada);

        // dragged one week (48 px) to the right: both dates 7 days later in the API
        new Actions(browser.driver).clickAndHold(adaBar).moveByOffset(WEEK_PX / 2, 0).moveByOffset(WEEK_PX / 2 + 2, 0)
                .release().perform();
        browser.wait.until(d -> dates(owner, ada).equals(List.of(monday.plusDays(7).toString(), monday.plusDays(34).toString())));
        assertThat(browser.text("[data-testid=timeline-message]")).startsWith("Saved:");
        assertThat(driver().findElements(By.cssSelector("[data-testid=edit-allocation]"))).as("a drag is not a click").isEmpty();

        // by keyboard: shift + → stretches Ben's by a week (end 7 days later, start unchanged), → moves it
        WebElement benBar = bar(ben);
        press(benBar, true, Keys.ARROW_RIGHT);
        browser.wait.until(d -> dates(owner, ben).equals(List.of(monday.toString(), monday.plusDays(34).toString())));
        assertThat(driver().switchTo().activeElement().getDomAttribute("data-allocation")).as("focus stays on the bar").isEqualTo(ben);
        press(driver().switchTo().activeElement(), false, Keys.ARROW_RIGHT);
        browser.wait.until(d -> dates(owner, ben).equals(List.of(monday.plusDays(7).toString(), monday.plusDays(41).toString())));
        // Enter opens the form with the saved dates
        press(driver().switchTo().activeElement(), false, Keys.ENTER);
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=edit-allocation]")));
        assertThat(form.findElement(By.name("endDate")).getDomProperty("value")).isEqualTo(monday.plusDays(41).toString());
        assertThat(form.findElement(By.name("sharePercent")).getDomProperty("value")).isEqualTo("40");
        form.findElement(By.xpath(".//button[normalize-space()='Cancel']")).click();
        // its right edge dragged one week (48 px) to the left: shortened, the end 7 days earlier, the start kept
        new Actions(browser.driver).clickAndHold(bar(ben).findElement(By.cssSelector(".tl-stretch")))
                .moveByOffset(-WEEK_PX / 2, 0).moveByOffset(-WEEK_PX / 2 - 2, 0).release().perform();
        browser.wait.until(d -> dates(owner, ben).equals(List.of(monday.plusDays(7).toString(), monday.plusDays(34).toString())));
        // the page has that answer and has read the staffing again after it: it knows Ada's version before the change below
        browser.wait.until(d -> "false".equals(bar(ben).getDomAttribute("aria-busy")));
        browser.wait.until(d -> "false".equals(d.findElement(By.cssSelector("section[aria-labelledby=alloc-title]")).getDomAttribute("aria-busy")));

        // someone else changes Ada's meanwhile: the lead's move is refused, the bar goes back, the reason shows
        share(owner, ada, 60);
        String left = bar(ada).getCssValue("left");
        press(bar(ada), false, Keys.ARROW_RIGHT);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=timeline-message]"),
                "Changed by someone else — reload"));
        assertThat(bar(ada).getCssValue("left")).isEqualTo(left);
        assertThat(dates(owner, ada)).containsExactly(monday.plusDays(7).toString(), monday.plusDays(34).toString());
        browser.screenshot("staffing-timeline");
    }

    @Test
    void anOverAllocationOf60And50PercentIsMarkedForExactlyTheOverlappingWeeksAndFiltersHideOtherClients() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Surcharge");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        LocalDate monday = browser.clock.todayInParis().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String other = owner.document("mutation { createClient(input: {name: \"Autre Client\", segment: ENTERPRISE}) { client { id } } }")
                .execute().path("createClient.client.id").entity(String.class).get();
        String refonte = project(owner, ownClient(owner), "Refonte", monday.minusWeeks(4));
        String portail = project(owner, other, "Portail", monday.minusWeeks(4));
        String ada = member(owner, "Ada Lovelace"); // FTE 1.0
        // 60 % weeks 1–4 (monday … monday + 27) and 50 % weeks 3–6 (monday + 14 … monday + 41):
        // 110 % in weeks 3 and 4 only (Mondays monday + 14 and monday + 21); weeks 1, 2, 5, 6 are 60 % or 50 %
        String sixty = allocation(owner, ada, refonte, 60, monday, monday.plusDays(27));
        String fifty = allocation(owner, ada, portail, 50, monday.plusDays(14), monday.plusDays(41));

        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        browser.go("staffing");
        bar(sixty);
        String row = "[data-testid=timeline] .tl-row[data-member='" + ada + "']";
        List<String> marked = driver().findElements(By.cssSelector(row + " .tl-over")).stream()
                .map(e -> e.getDomAttribute("data-over-week")).toList();
        assertThat(marked).containsExactly(monday.plusDays(14).toString(), monday.plusDays(21).toString());
        // each mark sits in its week's column: (monday + 14 − (monday − 14)) / 7 = 4 weeks from the left
        assertThat(driver().findElement(By.cssSelector(row + " .tl-over")).getCssValue("left")).isEqualTo(4 * WEEK_PX + "px");

        // the client filter hides the other client's bar, the project filter too
        new Select(driver().findElement(By.cssSelector("[data-testid=timeline-client]"))).selectByVisibleText("Own Client");
        browser.wait.until(d -> d.findElements(By.cssSelector(".tl-bar")).size() == 1);
        assertThat(driver().findElements(By.cssSelector(".tl-bar[data-allocation='" + fifty + "']"))).isEmpty();
        new Select(driver().findElement(By.cssSelector("[data-testid=timeline-client]"))).selectByVisibleText("All");
        new Select(driver().findElement(By.cssSelector("[data-testid=timeline-project]"))).selectByVisibleText("Autre Client · Portail");
        browser.wait.until(d -> d.findElements(By.cssSelector(".tl-bar")).size() == 1);
        assertThat(driver().findElements(By.cssSelector(".tl-bar[data-allocation='" + fifty + "']"))).hasSize(1);

        // at a phone's 390 px the timeline scrolls in its own box and the page does not scroll sideways
        ((ChromeDriver) driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("page width at 390 px").isTrue();
            assertThat((Boolean) browser.js("const b = document.querySelector('[data-testid=timeline]');"
                    + " return b.scrollWidth > b.clientWidth")).as("the timeline scrolls inside its box").isTrue();
            assertThat((Boolean) browser.js("const f = document.querySelector('[data-testid=new-allocation]').getBoundingClientRect();"
                    + " return [...document.querySelectorAll('[data-testid=new-allocation] input, [data-testid=new-allocation] select,"
                    + " [data-testid=new-allocation] button')].every(e => e.getBoundingClientRect().right <= Math.min(f.right, window.innerWidth))"))
                    .as("the new allocation's fields stay inside the form").isTrue();
            browser.js("document.querySelector('[data-testid=timeline]').scrollIntoView()");
            phoneShot("staffing-timeline-390x844");
            browser.click("[data-testid=lang-fr]");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-help"), "Glissez une barre"));
            assertThat(bar(fifty).getDomAttribute("aria-label")).startsWith("Ada Lovelace, Autre Client · Portail, 50 %, du ");
            assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("page width at 390 px in French").isTrue();
            browser.click("[data-testid=lang-en]");
        } finally {
            ((ChromeDriver) driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }

        // the staffing page leaves the screen when Alerts is opened
        browser.go("alerts");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("cordee-alerts")));
        assertThat(driver().findElements(By.cssSelector("cordee-staffing"))).isEmpty();
        assertThat(driver().findElements(By.cssSelector("main#content > *"))).hasSize(1);
    }

    // --- settings

    @Test
    void theTimelineMovesAQuarterLaterToShowAndMarkWhatIsBeyondItsFirstWindow() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Trimestre");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        LocalDate monday = browser.clock.todayInParis().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String refonte = project(owner, ownClient(owner), "Refonte", monday);
        String ada = member(owner, "Ada Lovelace"); // FTE 1.0
        // 60 % + 50 % in weeks 30 and 31 from this week (Mondays monday + 210 and monday + 217): 110 %, beyond the
        // first window, which shows 26 weeks from monday − 14 (its last Monday is monday + 161)
        LocalDate week30 = monday.plusWeeks(30);
        String sixty = allocation(owner, ada, refonte, 60, week30, week30.plusDays(13));
        allocation(owner, ada, refonte, 50, week30, week30.plusDays(13));

        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        browser.go("staffing");
        bar(sixty);
        String marks = "[data-testid=timeline] .tl-row[data-member='" + ada + "'] .tl-over";
        assertThat(driver().findElements(By.cssSelector(marks))).as("not asked for beyond the window").isEmpty();

        // 13 weeks later: the window starts at monday − 14 + 91 = monday + 77, so week 30 is (210 − 77) / 7 = 19 weeks in
        browser.click("[data-testid=timeline-later]");
        browser.wait.until(d -> d.findElements(By.cssSelector(marks)).size() == 2);
        assertThat(driver().findElements(By.cssSelector(marks)).stream().map(e -> e.getDomAttribute("data-over-week")).toList())
                .containsExactly(week30.toString(), week30.plusWeeks(1).toString());
        assertThat(bar(sixty).getCssValue("left")).isEqualTo(19 * WEEK_PX + "px");

        // back to this week: the first window again, its button disabled
        browser.click("[data-testid=timeline-today]");
        browser.wait.until(d -> d.findElements(By.cssSelector(marks)).isEmpty());
        assertThat(bar(sixty).getCssValue("left")).isEqualTo(32 * WEEK_PX + "px"); // (210 + 14) / 7 = 32 weeks in
        assertThat(driver().findElement(By.cssSelector("[data-testid=timeline-today]")).isEnabled()).isFalse();
    }

    @Test
    void everyAllocationIsOnTheTimelineEvenBeyondTheFirstHundred() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Centaine");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        LocalDate monday = browser.clock.todayInParis().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String refonte = project(owner, ownClient(owner), "Refonte", monday);
        String ben = member(owner, "Ben Okri");
        // 101 one-week allocations of 1 % on the same week: 101 bars (101 % in that week, so it is marked too);
        // the view reads allocations a hundred at a time, so the 101st comes from a second page
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add(allocation(owner, ben, refonte, 1, monday, monday.plusDays(6)));
        }

        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        browser.go("staffing");
        bar(ids.get(100));
        assertThat(driver().findElements(By.cssSelector("[data-testid=timeline] .tl-bar"))).hasSize(101);
    }

    @Test
    void theOwnerRaisesTheSafetyThresholdAndTheCockpitsCrossingFollows() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Seuil");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        LocalDate today = browser.clock.todayInParis();
        // the forecast opens on a balance of yesterday's evening at the latest; payday is never yesterday nor
        // today (tomorrow's day of the month, or 1–4 at a month's end), so no payroll falls on the edge
        int payday = today.getDayOfMonth() % 28 + 1;
        owner.document("mutation($p: Int!) { updateAgencySettings(input: {version: 0, payday: $p}) { userErrors { message } } }")
                .variable("p", payday).execute().path("updateAgencySettings.userErrors").entityList(Object.class).hasSize(0);
        owner.document("mutation($d: Date!) { recordBankBalance(input: {date: $d, amount: {amountMinor: 10000000}}) { userErrors { message } } }")
                .variable("d", today.minusDays(1).toString()).execute().path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        member(owner, "Ada Lovelace"); // 10,000.00 a month, FTE 1.0
        // 100,000.00 yesterday, then 10,000.00 of payroll on each payday: 90,000, 80,000, 70,000 after the third.
        // Threshold 0 (the default): below (−10,000.00) from the week of the eleventh payday.
        // Threshold 75,000.00: below (70,000.00) from the week of the third payday.
        LocalDate first = today.getDayOfMonth() < payday ? today.withDayOfMonth(payday) : today.plusMonths(1).withDayOfMonth(payday);
        LocalDate third = first.plusMonths(2);
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long zeroCrossingWeek = ChronoUnit.WEEKS.between(thisMonday, first.plusMonths(10).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))) + 1;
        long crossingWeek = ChronoUnit.WEEKS.between(thisMonday, third.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))) + 1;

        browser.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        browser.go("cockpit");
        browser.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=cockpit-headline], .failure")).isEmpty());
        assertThat(driver().findElements(By.cssSelector(".failure"))).as(browser.text("main")).isEmpty();
        WebElement headline = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=cockpit-headline]")));
        assertThat(headline.getText()).startsWith("Below your €0 threshold").contains("(week " + zeroCrossingWeek + ")");

        browser.go("settings");
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=settings-agency]")));
        WebElement threshold = form.findElement(By.name("safetyCashThreshold"));
        assertThat(threshold.findElement(By.xpath("following-sibling::span[@class='unit']")).getText()).isEqualTo("€");
        threshold.clear();
        threshold.sendKeys("75000");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=settings-agency] [data-testid=settings-saved]")));
        owner.document("{ agency { settings { safetyCashThreshold { amountMinor } } } }").execute()
                .path("agency.settings.safetyCashThreshold.amountMinor").entity(Long.class).isEqualTo(7_500_000L);

        browser.go("cockpit");
        headline = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=cockpit-headline][data-crossing-week]")));
        browser.wait.until(d -> String.valueOf(crossingWeek).equals(
                d.findElement(By.cssSelector("[data-testid=cockpit-headline]")).getDomAttribute("data-crossing-week")));
        assertThat(browser.text("[data-testid=cockpit-headline]")).startsWith("Below your €75,000")
                .contains("(week " + crossingWeek + ")");
        owner.document("{ cashForecast { firstWeekBelowThreshold } }").execute()
                .path("cashForecast.firstWeekBelowThreshold").entity(String.class)
                .isEqualTo(third.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString());
    }

    @Test
    void weightsThatDoNotAddUpTo100AreRefusedNextToTheFieldAndNothingIsWrittenAndAStaleEditSaysReload() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Poids");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        browser.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        browser.go("settings");
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=settings-health]")));
        // the defaults 30 + 15 + 20 + 15 + 20 = 100; commitments 40 makes 110
        WebElement commitments = form.findElement(By.name("commitments"));
        commitments.clear();
        commitments.sendKeys("40");
        assertThat(form.findElement(By.cssSelector("[data-testid=weights-sum]")).getText()).isEqualTo("Together: 110 %");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-weights-error")));
        assertThat(error.getText()).contains("must add up to 100 (got 110)");
        owner.document("{ healthWeights { commitments version } }").execute()
                .path("healthWeights.commitments").entity(Integer.class).isEqualTo(30)
                .path("healthWeights.version").valueIsNull();

        // 40 + 15 + 10 + 15 + 20 = 100: saved
        WebElement energy = form.findElement(By.name("energy"));
        energy.clear();
        energy.sendKeys("10");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=settings-health] [data-testid=settings-saved]")));
        owner.document("{ healthWeights { commitments energy } }").execute()
                .path("healthWeights.commitments").entity(Integer.class).isEqualTo(40)
                .path("healthWeights.energy").entity(Integer.class).isEqualTo(10);

        // an alert threshold out of range: the server's message next to it
        WebElement alerts = driver().findElement(By.cssSelector("[data-testid=settings-alerts]"));
        WebElement critical = alerts.findElement(By.name("cashCriticalWeeks"));
        assertThat(critical.findElement(By.xpath("following-sibling::span[@class='unit']")).getText()).isEqualTo("weeks");
        critical.clear();
        critical.sendKeys("40"); // not fewer than the 26 warning weeks
        alerts.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-cashCriticalWeeks-error")))
                .getText()).isNotBlank();

        // someone else saves the agency settings meanwhile: this page's version is stale
        owner.document("mutation { updateAgencySettings(input: {version: 0, payday: 20}) { userErrors { message } } }").execute()
                .path("updateAgencySettings.userErrors").entityList(Object.class).hasSize(0);
        WebElement agency = driver().findElement(By.cssSelector("[data-testid=settings-agency]"));
        WebElement payday = agency.findElement(By.name("payday"));
        payday.clear();
        payday.sendKeys("10");
        agency.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.text("[data-testid=settings-stale]")).startsWith("Changed by someone else — reload");
        owner.document("{ agency { settings { payday } } }").execute().path("agency.settings.payday").entity(Integer.class).isEqualTo(20);
        driver().findElement(By.xpath("//*[@data-testid='settings-stale']//button[normalize-space()='Reload']")).click();
        browser.wait.until(d -> "20".equals(d.findElement(By.cssSelector("[data-testid=settings-agency] input[name=payday]"))
                .getDomProperty("value")));
        browser.screenshot("settings");

        // at a phone's 390 px, in French: every field fits, nothing scrolls sideways
        ((ChromeDriver) driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            browser.click("[data-testid=lang-fr]");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "Réglages"));
            assertThat(browser.text("[data-testid=settings-alerts] h2")).isEqualTo("Seuils d’alerte");
            assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("page width at 390 px in French").isTrue();
            phoneShot("settings-fr-390x844");
        } finally {
            ((ChromeDriver) driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void aLeadHasNoSettingsPageAndTheServerRefusesItsChange() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Chef");
        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        assertThat(driver().findElements(By.cssSelector("[data-testid=nav] a[data-page=settings]"))).isEmpty();
        driver().get(browser.url("/#/settings"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=not-allowed]")));
        assertThat(driver().findElements(By.cssSelector("cordee-settings"))).isEmpty();

        HttpGraphQlTester lead = browser.tenants.as(tenant, Role.LEAD);
        lead.document("mutation { updateAgencySettings(input: {version: 0, safetyCashThreshold: {amountMinor: 1}}) { userErrors { message } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        lead.document("mutation { updateHealthWeights(input: {commitments: 100, feedback: 0, energy: 0, frequency: 0, payment: 0}) { userErrors { message } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        browser.tenants.as(tenant, Role.OWNER).document("{ agency { version settings { safetyCashThreshold { amountMinor } } } healthWeights { version } }")
                .execute().path("agency.version").entity(Long.class).isEqualTo(0L)
                .path("agency.settings.safetyCashThreshold.amountMinor").entity(Long.class).isEqualTo(0L)
                .path("healthWeights.version").valueIsNull();
    }

    // --- helpers

    private org.openqa.selenium.WebDriver driver() {
        return browser.driver;
    }

    /** Focuses an element as Tab would and presses a key on it, with shift held or not. */
    private void press(WebElement element, boolean shift, Keys key) {
        browser.js("arguments[0].focus()", element);
        Actions keys = new Actions(driver());
        (shift ? keys.keyDown(Keys.SHIFT).sendKeys(key).keyUp(Keys.SHIFT) : keys.sendKeys(key)).perform();
    }

    private void phoneShot(String name) {
        try {
            Files.copy(((ChromeDriver) driver()).getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of("target", "screenshots", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebElement bar(String allocation) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".tl-bar[data-allocation='" + allocation + "']")));
    }
}
