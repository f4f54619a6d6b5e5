package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.identity.Role;
import io.cordee.core.staffing.PublicHolidays;
import io.cordee.core.staffing.WorkingCalendar;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The team page (#/team, issue 15 point 5) in Chromium, through {@link BrowserTest}'s browser and helpers:
 * finance adds a planned hire and the cockpit's lowest point falls by the hire's payroll; an absence lowers
 * the person's days in the month; a lead reads the team without any cost. Dates are relative to the
 * agency's today by the application's clock, so the test holds on any day (and under {@code -Dcordee.test.now}).
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamBrowserTest {

    @Autowired
    AgencyRepository agencies;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void financeAddsAPlannedHireAndTheCockpitsLowestPointFallsByItsPayroll() {
        LocalDate today = browser.clock.todayInParis();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Recrutement");
        HttpGraphQlTester finance = browser.tenants.as(tenant, Role.FINANCE);
        // 1,000,000.00 in the bank yesterday, nothing else: every week closes at 1,000,000.00, the lowest point too
        finance.document("mutation($d: Date!) { recordBankBalance(input: {date: $d, amount: {amountMinor: 100000000}}) {"
                        + " userErrors { code } } }").variable("d", today.minusDays(1).toString()).execute()
                .path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);

        browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        assertThat(lowestOnTheCockpit()).isEqualTo(100_000_000L);

        // Chloé, 6,000.00 a month from the 1st of the month after next: whole months, paid on the 25th (the payday)
        LocalDate start = YearMonth.from(today).plusMonths(2).atDay(1);
        browser.go("team");
        browser.click("[data-testid=add-member]");
        WebElement form = memberForm();
        form.findElement(By.name("name")).sendKeys("Chloé");
        form.findElement(By.name("cost")).sendKeys("6000");
        form.findElement(By.name("rate")).sendKeys("700");
        setDate(form.findElement(By.name("startDate")), start.toString());
        setDate(form.findElement(By.name("endDate")), start.minusDays(1).toString());
        submit(form);
        // an end before the start: the API's message next to the end date, nothing added
        assertThat(browser.text("#team-endDate-error")).startsWith("must not be before startDate");
        assertThat(browser.driver.findElements(By.cssSelector("tr[data-member]"))).isEmpty();
        setDate(form.findElement(By.name("endDate")), "");
        submit(form);
        assertThat(browser.text("[data-testid=team-done]")).isEqualTo("Chloé is added.");
        assertThat(browser.text("tr[data-member] [data-testid=member-cost]")).isEqualTo("€6,000.00");

        // The cockpit's 26 weeks run from the Monday of this week; each 25th from the start's month up to the
        // last Sunday is one 6,000.00 payroll (n of them): the lowest point is 1,000,000.00 − n × 6,000.00
        LocalDate lastDay = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(26).minusDays(1);
        int paydays = 0;
        for (YearMonth m = YearMonth.from(start); !m.atDay(25).isAfter(lastDay); m = m.plusMonths(1)) {
            paydays++;
        }
        assertThat(paydays).isBetween(3, 4);
        long expected = 100_000_000L - 600_000L * paydays;
        finance.document("{ cashForecast(horizonWeeks: 26) { lowestBalance { amountMinor } } }").execute()
                .path("cashForecast.lowestBalance.amountMinor").entity(Long.class).isEqualTo(expected);
        browser.go("cockpit");
        browser.wait.until(d -> Long.valueOf(expected).equals(lowestShown()));
        assertThat(lowestShown()).isEqualTo(expected);
    }

    @Test
    void anAbsenceLowersThatPersonsDaysInTheMonthAndIsRemovedAgain() throws IOException {
        LocalDate today = browser.clock.todayInParis();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Congés");
        agencies.addHolidays(tenant.agencyId(), PublicHolidays.france(today.getYear(), today.getYear() + 1),
                "Jour férié").block();
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        owner.document("""
                mutation { createTeamMember(input: {name: "Ana", fte: 1, monthlyLoadedCost: {amountMinor: 500000},
                  dailyBillRate: {amountMinor: 60000}}) { userErrors { code } } }""").execute()
                .path("createTeamMember.userErrors").entityList(Object.class).hasSize(0);
        // next month; the absence runs Monday to Friday of its second week: it takes away that week's working
        // days (5, fewer if a public holiday falls in it — a holiday is not taken twice)
        YearMonth month = YearMonth.from(today).plusMonths(1);
        LocalDate monday = month.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
        WorkingCalendar france = WorkingCalendar.france(today.getYear(), today.getYear() + 1);
        int monthDays = france.workingDays(month);
        int weekDays = france.workingDays(monday, monday.plusDays(4));

        browser.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        browser.go("team");
        WebElement monthInput = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=team-month]")));
        browser.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
                monthInput, month.toString());
        browser.wait.until(d -> String.valueOf(monthDays).equals(available()));
        assertThat(browser.text("[data-testid=member-days]")).isEqualTo(monthDays + " / " + monthDays);

        browser.click("tr[data-member] [data-action=absences]");
        browser.click("[data-testid=add-absence]");
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=absence-form]")));
        setDate(form.findElement(By.name("from")), monday.toString());
        setDate(form.findElement(By.name("to")), monday.plusDays(4).toString());
        form.findElement(By.name("note")).sendKeys("Vacances");
        submit(form);
        assertThat(browser.text("[data-testid=team-done]")).isEqualTo("Absence of Ana recorded.");
        browser.wait.until(d -> String.valueOf(monthDays - weekDays).equals(available()));
        assertThat(browser.text("[data-testid=member-days]")).isEqualTo((monthDays - weekDays) + " / " + monthDays);
        owner.document("query($m: String!) { teamCapacity(month: $m) { availableDays capacityDays } }")
                .variable("m", month.toString()).execute()
                .path("teamCapacity[0].availableDays").entity(Integer.class).isEqualTo(monthDays - weekDays);
        assertThat(browser.text("[data-testid=absences] li")).contains("Leave").contains("Vacances");

        // removed: the days are back
        browser.click("[data-action=remove-absence]");
        form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=absence-form]")));
        submit(form);
        browser.wait.until(d -> String.valueOf(monthDays).equals(available()));
        browser.screenshot("team");

        // phone width, in French: no horizontal scrolling
        browser.atPhoneSize(() -> {
            browser.click("[data-testid=lang-fr]");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Équipe"));
            assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            browser.phoneScreenshot("team-fr");
        });
    }

    @Test
    void aStaleEditIsToldToReloadThenADepartureIsSaved() {
        LocalDate today = browser.clock.todayInParis();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Départ");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        String ana = owner.document("""
                mutation { createTeamMember(input: {name: "Ana", monthlyLoadedCost: {amountMinor: 500000},
                  dailyBillRate: {amountMinor: 60000}}) { teamMember { id } } }""").execute()
                .path("createTeamMember.teamMember.id").entity(String.class).get();
        browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        browser.go("team");
        browser.click("tr[data-member] [data-action=edit]");
        WebElement form = memberForm();
        setDate(form.findElement(By.name("endDate")), today.plusDays(30).toString());
        // meanwhile, the owner renames her through the API: the page's version is stale
        owner.document("mutation($id: ID!) { updateTeamMember(input: {id: $id, version: 0, name: \"Ana B.\"}) {"
                        + " teamMember { version } } }").variable("id", ana).execute()
                .path("updateTeamMember.teamMember.version").entity(Long.class).isEqualTo(1L);
        submit(form);
        assertThat(browser.text("[data-testid=stale]")).startsWith("Changed by someone else — reload");
        assertThat(form.findElement(By.cssSelector("[data-testid=team-submit]")).isEnabled()).isFalse();
        owner.document("{ teamMembers { nodes { endDate } } }").execute()
                .path("teamMembers.nodes[0].endDate").valueIsNull();

        form.findElement(By.xpath(".//button[normalize-space()='Reload']")).click();
        browser.wait.until(d -> d.findElement(By.cssSelector("tr[data-member]")).getText().contains("Ana B."));
        browser.click("tr[data-member] [data-action=edit]");
        form = memberForm();
        setDate(form.findElement(By.name("endDate")), today.plusDays(30).toString());
        submit(form);
        assertThat(browser.text("[data-testid=team-done]")).isEqualTo("Ana B. is saved.");
        owner.document("{ teamMembers { nodes { endDate } } }").execute()
                .path("teamMembers.nodes[0].endDate").entity(String.class).isEqualTo(today.plusDays(30).toString());
        assertThat(browser.text("tr[data-member] [data-testid=member-end]")).isNotEqualTo("—");
    }

    @Test
    void aLeadReadsTheTeamWithoutCostsOrForms() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Lead Équipe");
        browser.tenants.as(tenant, Role.FINANCE).document("""
                mutation { createTeamMember(input: {name: "Ana", startDate: "2026-01-05", monthlyLoadedCost: {amountMinor: 512345},
                  dailyBillRate: {amountMinor: 60000}}) { userErrors { code } } }""").execute()
                .path("createTeamMember.userErrors").entityList(Object.class).hasSize(0);
        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        browser.go("team");
        WebElement table = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=members]")));
        assertThat(table.getText()).contains("Ana").doesNotContain("5,123.45").doesNotContain("Monthly loaded cost");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=add-member], [data-action=edit]"))).isEmpty();
        browser.click("tr[data-member] [data-action=absences]");
        assertThat(browser.text("[data-testid=absences]")).contains("No absence recorded.");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=add-absence]"))).isEmpty();
    }

    private long lowestOnTheCockpit() {
        browser.wait.until(d -> lowestShown() != null);
        return lowestShown();
    }

    private Long lowestShown() {
        List<WebElement> found = browser.driver.findElements(By.cssSelector("[data-testid=lowest-balance]"));
        return found.isEmpty() ? null : Long.valueOf(found.get(0).getDomAttribute("data-amount-minor"));
    }

    private String available() {
        List<WebElement> cells = browser.driver.findElements(By.cssSelector("[data-testid=member-days]"));
        return cells.isEmpty() ? null : cells.get(0).getDomAttribute("data-available");
    }

    private WebElement memberForm() {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=member-form]")));
    }

    private void submit(WebElement form) {
        form.findElement(By.cssSelector("[data-testid=team-submit]")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("form[aria-busy=true]")).isEmpty());
    }

    private void setDate(WebElement input, String value) {
        browser.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                input, value);
    }
}
