package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The "Bank & costs" page (#/bank, issue 15 points 4 and 5) in Chromium, through {@link BrowserTest}'s browser
 * and helpers. A throw-away agency with no invoice, no team and no cost: its forecast's lowest point is its
 * opening balance less what the page adds. Dates are relative to the agency's today by the application's
 * clock, so the test holds at any hour.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BankBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void financeRecordsBalancesOnTwoAccountsAndAnOverheadAndTheCockpitFollows() {
        LocalDate today = browser.clock.todayInParis();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Banque");
        HttpGraphQlTester finance = browser.tenants.as(tenant, Role.FINANCE);
        browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        assertThat(navigation()).contains("Bank & costs");
        browser.go("bank");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=no-account]")));

        // two accounts
        addAccount("Compte courant", "…4521");
        assertThat(done()).isEqualTo("“Compte courant” is added.");
        addAccount("Livret", "");
        assertThat(done()).isEqualTo("“Livret” is added.");

        // 120,000.00 on the current account three days ago, 30,500.50 on the savings account yesterday
        record("Compte courant", today.minusDays(3), "120000");
        assertThat(done()).isEqualTo("Balance of “Compte courant” recorded.");
        record("Livret", today.minusDays(1), "30500.50");
        assertThat(accountBalance("Compte courant", "€120,000.00")).isEqualTo("€120,000.00");
        assertThat(accountBalance("Livret", "€30,500.50")).isEqualTo("€30,500.50");
        // 120,000.00 + 30,500.50 = 150,500.50
        assertThat(browser.text("[data-testid=bank-total]")).isEqualTo("Open accounts together: €150,500.50");

        // tomorrow's balance: the API's message next to the date, nothing recorded
        record("Livret", today.plusDays(1), "1");
        WebElement error = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bank-date-error")));
        assertThat(error.getText()).startsWith("is in the future");
        assertThat(accountBalance("Livret", null)).isEqualTo("€30,500.50");
        browser.driver.findElement(By.cssSelector("[data-testid=bank-form] button.secondary")).click();

        // the cockpit opens on the sum; with nothing else in the agency it is also the lowest point
        browser.go("cockpit");
        assertThat(lowestMinor()).isEqualTo(15_050_050L);
        assertThat(apiForecast(finance)).containsEntry("opening", 15_050_050L);

        // an overhead of 9,500.00 on the 5th, from today for two months: any two months hold exactly two 5ths,
        // so the lowest point is 150,500.50 − 2 × 9,500.00 = 131,500.50, whatever today is
        browser.go("bank");
        browser.click("[data-testid=add-overhead]");
        WebElement form = form("overhead");
        form.findElement(By.name("label")).sendKeys("Loyer");
        form.findElement(By.name("monthlyAmount")).sendKeys("9500");
        browser.replace(form.findElement(By.name("dayOfMonth")), "5");
        browser.setDate(form.findElement(By.name("startDate")), today);
        browser.setDate(form.findElement(By.name("endDate")), today.plusMonths(2).minusDays(1));
        submit(form);
        assertThat(done()).isEqualTo("“Loyer” is added.");
        browser.go("cockpit");
        assertThat(lowestMinor()).isEqualTo(13_150_050L);
        assertThat(apiForecast(finance)).containsEntry("lowest", 13_150_050L);

        // deleted, the rent no longer lowers the forecast; undone, it is back
        browser.go("bank");
        WebElement rent = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=overhead-list] tbody tr")));
        rent.findElement(By.cssSelector("[data-action=delete]")).click();
        assertThat(done()).startsWith("“Loyer” is deleted.");
        assertThat(apiForecast(finance)).containsEntry("lowest", 15_050_050L);
        browser.click("[data-testid=bank-undo]");
        browser.wait.until(d -> done().startsWith("“Loyer” is back."));
        assertThat(apiForecast(finance)).containsEntry("lowest", 13_150_050L);
        browser.screenshot("bank");

        // at a phone's 390 px: no horizontal scrolling, in French too
        browser.atPhoneSize(() -> {
            assertThat(browser.noHorizontalScroll()).as("page width at 390 px").isTrue();
            browser.click("[data-testid=lang-fr]");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                    "Comptes bancaires"));
            assertThat(browser.text("[data-testid=overheads] h2")).isEqualTo("Frais généraux");
            assertThat(browser.noHorizontalScroll()).as("page width at 390 px in French").isTrue();
            browser.phoneScreenshot("bank-fr");
        });
    }

    @Test
    void aStaleOverheadEditIsToldToReloadAndAOneOffIsEdited() {
        LocalDate today = browser.clock.todayInParis();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Banque Périmé");
        HttpGraphQlTester finance = browser.tenants.as(tenant, Role.FINANCE);
        String rent = finance.document("""
                        mutation($on: Date!) { createOverhead(input: {label: "Loyer", monthlyAmount: {amountMinor: 950000},
                          dayOfMonth: 5, startDate: $on}) { overhead { id } } }""").variable("on", today.toString())
                .execute().path("createOverhead.overhead.id").entity(String.class).get();
        browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        browser.go("bank");
        WebElement row = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-overhead='" + rent + "']")));
        row.findElement(By.cssSelector("[data-action=edit]")).click();
        WebElement form = form("overhead");
        assertThat(form.findElement(By.name("monthlyAmount")).getDomProperty("value")).isEqualTo("9500.00");
        // someone else changes it meanwhile (version 0 → 1)
        finance.document("mutation($id: ID!) { updateOverhead(input: {id: $id, version: 0, label: \"Loyer bureaux\"}) {"
                        + " overhead { version } } }").variable("id", rent).execute()
                .path("updateOverhead.overhead.version").entity(Long.class).isEqualTo(1L);
        browser.replace(form.findElement(By.name("monthlyAmount")), "9800");
        submit(form);
        assertThat(browser.text("[data-testid=stale]")).startsWith("Changed by someone else — reload");
        assertThat(form.findElement(By.cssSelector("[data-testid=bank-submit]")).isEnabled()).isFalse();
        finance.document("{ overheads { label monthlyAmount { amountMinor } } }").execute()
                .path("overheads[0].label").entity(String.class).isEqualTo("Loyer bureaux")
                .path("overheads[0].monthlyAmount.amountMinor").entity(Long.class).isEqualTo(950_000L);

        // a one-off expense added, then its amount corrected: 1,200.00 → 1,450.00
        browser.click("[data-testid=add-one-off]");
        form = form("oneOff");
        form.findElement(By.name("label")).sendKeys("Écrans");
        browser.setDate(form.findElement(By.name("date")), today.plusDays(10));
        form.findElement(By.name("amount")).sendKeys("1200");
        submit(form);
        assertThat(done()).isEqualTo("“Écrans” is added.");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=one-off-list] [data-action=edit]"))).click();
        form = form("oneOff");
        browser.replace(form.findElement(By.name("amount")), "1450");
        submit(form);
        assertThat(done()).isEqualTo("“Écrans” is saved.");
        finance.document("query($f: Date!, $t: Date!) { oneOffExpenses(from: $f, to: $t) { amount { amountMinor } version } }")
                .variable("f", today.toString()).variable("t", today.plusDays(30).toString()).execute()
                .path("oneOffExpenses[0].amount.amountMinor").entity(Long.class).isEqualTo(145_000L)
                .path("oneOffExpenses[0].version").entity(Long.class).isEqualTo(1L);
    }

    @Test
    void aLeadHasNoBankPage() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Banque Lead");
        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        assertThat(navigation()).doesNotContain("Bank & costs");
        browser.driver.get(browser.url("/#/bank"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=not-allowed]")));
        assertThat(browser.driver.findElements(By.cssSelector("cordee-bank"))).isEmpty();
    }

    private void addAccount(String name, String label) {
        browser.click("[data-testid=add-account]");
        WebElement form = form("account");
        form.findElement(By.name("name")).sendKeys(name);
        if (!label.isEmpty()) {
            form.findElement(By.name("label")).sendKeys(label);
        }
        submit(form);
    }

    private void record(String account, LocalDate date, String amount) {
        if (browser.driver.findElements(By.cssSelector("[data-testid=bank-form][data-kind=balance]")).isEmpty()) {
            browser.click("[data-testid=record-balance]");
        }
        WebElement form = form("balance");
        new Select(form.findElement(By.name("accountId"))).selectByVisibleText(account);
        browser.setDate(form.findElement(By.name("date")), date);
        browser.replace(form.findElement(By.name("amount")), amount);
        submit(form);
    }

    /** The account's latest balance as shown, once it is {@code expected} (null: whatever it is now). */
    private String accountBalance(String account, String expected) {
        java.util.function.Function<org.openqa.selenium.WebDriver, String> shown = d -> d.findElements(
                        By.cssSelector("[data-testid=accounts] tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector("td")).getText().startsWith(account)).findFirst()
                .map(r -> r.findElement(By.cssSelector("[data-testid=account-balance]")).getText()).orElse(null);
        if (expected != null) {
            try {
                browser.wait.until(d -> expected.equals(shown.apply(d)));
            } catch (org.openqa.selenium.TimeoutException e) {
                // the assertion below says what is shown instead
            }
        }
        return shown.apply(browser.driver);
    }

    private long lowestMinor() {
        WebElement lowest = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=lowest-balance]")));
        return Long.parseLong(lowest.getDomAttribute("data-amount-minor"));
    }

    /** The forecast's opening and lowest point over 104 weeks, from the API. */
    private static Map<String, Long> apiForecast(HttpGraphQlTester api) {
        var response = api.document("{ cashForecast(horizonWeeks: 104) { opening { amountMinor } lowestBalance { amountMinor } } }")
                .execute();
        return Map.of("opening", response.path("cashForecast.opening.amountMinor").entity(Long.class).get(),
                "lowest", response.path("cashForecast.lowestBalance.amountMinor").entity(Long.class).get());
    }

    private List<String> navigation() {
        return browser.driver.findElements(By.cssSelector("[data-testid=nav] a")).stream().map(WebElement::getText)
                .toList();
    }

    private WebElement form(String kind) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=bank-form][data-kind=" + kind + "]")));
    }

    /** Submits and waits until the request is over (submit is disabled while sending). */
    private void submit(WebElement form) {
        form.findElement(By.cssSelector("[data-testid=bank-submit]")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid=bank-form][aria-busy=true]")).isEmpty());
    }

    private String done() {
        return browser.text("[data-testid=bank-done]");
    }
}
