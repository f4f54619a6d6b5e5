package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The sales pipeline (#/deals, issue 17 point 5, ADR 55) in Chromium, through {@link BrowserTest}'s browser and
 * helpers, in a throw-away agency: finance creates a deal (a refused probability first, its message next to the
 * field, nothing created), reads its weighted value, is told to reload when someone else changed it, moves it to
 * proposal, wins it and opens the project it became. Dates are the agency's today by the application's clock.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealsBrowserTest {

    @Autowired
    DatabaseClient db;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void financeCreatesADealSeesItsWeightedValueWinsItAndOpensTheProject() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Pipeline");
        HttpGraphQlTester finance = browser.tenants.as(tenant, Role.FINANCE);
        browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=nav] a")).stream().map(WebElement::getText)
                .toList()).contains("Pipeline");
        browser.go("deals");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=pipeline-capacity]")));
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=pipeline-capacity] tbody tr"))).hasSize(6);

        // a deal for the agency's client: 12,345.67 at 150 % — refused beside the probability, nothing created
        browser.click("[data-testid=new-deal]");
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=deal-form]")));
        form.findElement(By.name("name")).sendKeys("Refonte");
        new Select(form.findElement(By.name("clientId"))).selectByValue(GlobalId.of("Client", tenant.ownClient().id().value()));
        form.findElement(By.name("expectedFee")).sendKeys("12345.67");
        browser.replace(form.findElement(By.name("probabilityPercent")), "150");
        submit();
        WebElement error = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid='error-probabilityPercent']")));
        assertThat(error.getText()).isNotBlank();
        assertThat(form.findElement(By.name("probabilityPercent")).getDomAttribute("aria-describedby"))
                .isEqualTo(error.getDomAttribute("id"));
        assertThat(dealCount(finance)).isZero();

        // 35 %: created, and its weighted value is ⌊1,234,567 × 35 / 100⌋ = ⌊432,098.45⌋ = 432,098 cents = €4,320.98
        browser.replace(form.findElement(By.name("probabilityPercent")), "35");
        submit();
        assertThat(done()).isEqualTo("Deal “Refonte” created.");
        WebElement row = row("LEAD");
        assertThat(row.findElement(By.cssSelector("[data-testid=deal-weighted]")).getText()).isEqualTo("€4,320.98");
        assertThat(row.findElement(By.cssSelector("[data-testid=deal-probability]")).getText()).isEqualTo("35%");
        assertThat(browser.text("[data-stage=LEAD] [data-testid=stage-weighted]")).isEqualTo("weighted €4,321");
        String deal = row.getDomAttribute("data-deal");

        // someone else renames it meanwhile: the page's version is stale, it says so instead of moving it
        finance.document("""
                        mutation($id: ID!) { updateDeal(input: {id: $id, version: 0, name: "Refonte du site"}) {
                          userErrors { code } } }""").variable("id", deal).execute()
                .path("updateDeal.userErrors").entityList(Object.class).hasSize(0);
        press(row.findElement(By.cssSelector("[data-action=PROPOSAL]")));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=conflict]")));
        assertThat(browser.text("[data-testid=conflict] span")).startsWith("Changed by someone else");
        press(browser.driver.findElement(By.cssSelector("[data-testid=conflict] button")));
        browser.wait.until(d -> row("LEAD").getText().contains("Refonte du site"));

        // to proposal, then win: the project is made and linked
        press(row("LEAD").findElement(By.cssSelector("[data-action=PROPOSAL]")));
        browser.wait.until(d -> done().equals("Deal “Refonte du site” moved to Proposal."));
        press(row("PROPOSAL").findElement(By.cssSelector("[data-action=WON]")));
        WebElement link = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=won-project]")));
        assertThat(done()).startsWith("Deal “Refonte du site” won");
        assertThat(row("WON").findElement(By.cssSelector("[data-testid=deal-project]")).getText()).isEqualTo("Refonte du site");
        assertThat(browser.driver.findElements(By.cssSelector("[data-stage=WON] [data-action]"))).as("a won deal is final").isEmpty();

        // at a phone's 390 px: no horizontal scrolling
        browser.atPhoneSize(() -> {
            assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("page width at 390 px").isTrue();
            browser.screenshot("deals");
        });

        link = browser.driver.findElement(By.cssSelector("[data-testid=won-project]"));
        press(link);
        browser.wait.until(d -> String.valueOf(browser.js("const p = document.querySelector('cordee-project-page');"
                + " return p ? p.innerText + ' ' + [...p.querySelectorAll('input')].map(i => i.value).join(' ') : ''"))
                .contains("Refonte du site"));
        assertThat(browser.driver.getCurrentUrl()).contains("#/projects/");
    }

    /**
     * The cockpit's "With pipeline" checkbox: 10,000 € in the bank today, a 50,000 € one-off in 10 weeks, and one
     * deal sure to be won (100 %) of 100,000 € invoiced in full on its start, today. Without the pipeline the
     * lowest balance is 10,000 − 50,000 = −40,000 €; with it the deal's invoice (due in 30 days, paid after the
     * client's expected delay) is in before the one-off, 110,000 − 50,000 = 60,000 € after it, so the lowest is
     * the 10,000 € of the weeks before the invoice is paid. The page shows the API's
     * figure for the same horizon, and a custom scenario turns the checkbox off (the API refuses the pipeline there).
     */
    @Test
    void theCockpitRedrawsTheForecastWithThePipeline() {
        java.time.LocalDate today = browser.clock.todayInParis();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Prévision");
        sql(tenant, "INSERT INTO bank_account (agency_id, id, name, currency) VALUES (:a, gen_random_uuid(), 'Main', 'EUR')");
        sql(tenant, "INSERT INTO bank_balance (agency_id, id, account_id, on_date, currency, amount_minor) SELECT :a,"
                + " gen_random_uuid(), id, DATE '" + today + "', 'EUR', 1000000 FROM bank_account WHERE agency_id = :a");
        sql(tenant, "INSERT INTO one_off_expense (agency_id, id, label, on_date, currency, amount_minor) VALUES (:a,"
                + " gen_random_uuid(), 'Servers', DATE '" + today.plusWeeks(10) + "', 'EUR', 5000000)");
        HttpGraphQlTester finance = browser.tenants.as(tenant, Role.FINANCE);
        finance.document("""
                        mutation($c: ID!, $on: Date!) { createDeal(input: {name: "Sure thing", clientId: $c,
                          expectedFee: {amountMinor: 10000000}, probabilityPercent: 100, expectedStart: $on, duration: 2,
                          durationUnit: MONTHS, billingPlan: {depositPercent: 100, monthlyInArrears: false}}) {
                          userErrors { field message } } }""")
                .variable("c", GlobalId.of("Client", tenant.ownClient().id().value())).variable("on", today.toString())
                .execute().path("createDeal.userErrors").entityList(Object.class).hasSize(0);

        browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        browser.go("cockpit");
        WebElement lowest = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=lowest-balance]")));
        assertThat(lowest.getDomAttribute("data-amount-minor")).isEqualTo("-4000000");
        int horizon = Integer.parseInt(new Select(browser.driver.findElement(By.cssSelector("[data-testid=horizon]")))
                .getFirstSelectedOption().getDomAttribute("value"));

        press(browser.driver.findElement(By.cssSelector("[data-testid=with-pipeline]")));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=pipeline-shown]")));
        long withPipeline = finance.document("query($h: Int) { cashForecast(horizonWeeks: $h, withPipeline: true) {"
                        + " lowestBalance { amountMinor } } }")
                .variable("h", horizon).execute().path("cashForecast.lowestBalance.amountMinor").entity(Long.class).get();
        browser.wait.until(d -> String.valueOf(withPipeline).equals(d.findElement(
                By.cssSelector("[data-testid=lowest-balance]")).getDomAttribute("data-amount-minor")));
        assertThat(withPipeline).isEqualTo(1_000_000L);

        press(browser.driver.findElement(By.cssSelector("[data-testid=scenario-CUSTOM]")));
        browser.wait.until(d -> !d.findElement(By.cssSelector("[data-testid=with-pipeline]")).isEnabled());
        // once the custom forecast is in, it says nothing of the pipeline
        browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid=pipeline-shown]")).isEmpty());
    }

    @Test
    void aLeadHasNoPipelinePage() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Sans Pipeline");
        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=nav] a[data-page=deals]"))).isEmpty();
        browser.driver.get(browser.url("/#/deals"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=not-allowed]")));
        assertThat(browser.driver.findElements(By.cssSelector("cordee-deals"))).isEmpty();
    }

    private void sql(Tenants.Tenant tenant, String sql) {
        db.sql(sql).bind("a", tenant.agencyId().value()).then().block(java.time.Duration.ofSeconds(30));
    }

    private WebElement row(String stage) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-stage=" + stage + "] tr[data-deal]")));
    }

    /** Submits and waits until the request is over (the form is busy while sending). */
    private void submit() {
        browser.click("[data-testid=deal-submit]");
        browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid=deal-form][aria-busy=true]")).isEmpty());
    }

    /** Clicks an element once scrolled to the middle of the window (the sticky header covers the top). */
    private void press(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private String done() {
        List<WebElement> done = browser.driver.findElements(By.cssSelector("[data-testid=deals-done]"));
        return done.isEmpty() ? "" : done.get(0).getText();
    }

    private static long dealCount(HttpGraphQlTester api) {
        return api.document("{ deals { totalCount } }").execute().path("deals.totalCount").entity(Long.class).get();
    }
}
