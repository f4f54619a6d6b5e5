package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.core.identity.Role;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The probabilistic fan under the cockpit's chart (ADR 48), in Chromium on the demo agency: the headline
 * probability the API gives, a drawn fan, the 13/26/52-week figures, and Nuvola among the clients weighing on
 * the bad futures (its launch payment is lost when its round in doubt fails); in French too.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CashRiskBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void theOwnerSeesTheFanAndTheHeadlineProbability() {
        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        browser.go("cockpit");
        WebElement panel = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=cash-risk]")));
        String headline = panel.findElement(By.cssSelector("[data-testid=risk-headline]")).getText();
        // the demo never goes under within 13 weeks (DemoAgencyTest): 0 %, over 2,000 futures
        assertThat(headline).startsWith("0%").contains("within 13 weeks").contains("2000");
        browser.wait.until(d -> d.findElement(By.cssSelector("cordee-cash-risk")).getDomAttribute("data-drawn") != null);
        assertThat(panel.findElement(By.cssSelector(".risk-host canvas")).isDisplayed()).isTrue();
        // the fan covers the cockpit's horizon (26 or 52 weeks: where the demo's first week under the threshold
        // falls depends on the weekday its dates start from), the figures reach 52 weeks whatever the horizon
        String horizon = browser.driver.findElement(By.cssSelector("[data-testid=horizon]")).getDomProperty("value");
        assertThat(browser.driver.findElement(By.cssSelector("cordee-cash-risk")).getDomAttribute("data-drawn"))
                .isEqualTo(horizon);
        assertThat(panel.findElement(By.cssSelector("[data-testid=risk-52]")).getText()).isEqualTo("100%");
        // the clients weighing on the bad futures, as the API gives them over the same 52 weeks (same paths, same
        // seed). Which ones they are depends on the day of the month the demo's dates start from (some of its
        // dates are months from the 1st, others days from today): Nuvola's launch payment on 4 December, none on
        // 5 December, when every future goes under before any client's payment is lost
        List<String> weighing = browser.tenants.as(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD)
                .document("{ cashRisk(horizonWeeks: 52) { badPathClients { client { name } } } }").execute()
                .path("cashRisk.badPathClients[*].client.name").entityList(String.class).get();
        List<WebElement> shown = panel.findElements(By.cssSelector("[data-testid=risk-clients] li"));
        assertThat(shown).hasSize(weighing.size());
        for (int i = 0; i < weighing.size(); i++) {
            assertThat(shown.get(i).getText()).startsWith(weighing.get(i) + " —");
        }

        browser.js("localStorage.setItem('cordee.locale', 'fr'); location.reload();");
        WebElement fr = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=risk-headline]")));
        assertThat(fr.getText()).contains("d’ici 13 semaines");
    }

    @Test
    void theOwnerSetsTheCashRiskSettingsAndAnOutOfRangeValueIsRefusedNextToItsField() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Aléa");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        browser.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        browser.go("settings");
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=settings-risk]")));
        // the defaults of ADR 48: the alert above 20 %, a round in doubt fails one time in two
        assertThat(form.findElement(By.name("cashRiskPercent")).getDomProperty("value")).isEqualTo("20");
        assertThat(form.findElement(By.name("IN_DOUBT")).getDomProperty("value")).isEqualTo("50");

        // 150 % is no probability: the server's message next to the field, nothing saved
        WebElement threshold = form.findElement(By.name("cashRiskPercent"));
        threshold.clear();
        threshold.sendKeys("150");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-cashRiskPercent-error")))
                .getText()).isNotBlank();
        owner.document("{ cashRiskSettings { version cashRiskPercent } }").execute()
                .path("cashRiskSettings.cashRiskPercent").entity(Integer.class).isEqualTo(20)
                .path("cashRiskSettings.version").valueIsNull();

        // 35 % and a round in doubt at 60 %: saved, and what the API then gives
        threshold.clear();
        threshold.sendKeys("35");
        WebElement inDoubt = form.findElement(By.name("IN_DOUBT"));
        inDoubt.clear();
        inDoubt.sendKeys("60");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=settings-risk] [data-testid=settings-saved]")));
        owner.document("{ cashRiskSettings { cashRiskPercent roundFailurePercent { status percent } } }").execute()
                .path("cashRiskSettings.cashRiskPercent").entity(Integer.class).isEqualTo(35)
                .path("cashRiskSettings.roundFailurePercent[?(@.status == 'IN_DOUBT')].percent")
                .entityList(Integer.class).containsExactly(60)
                .path("cashRiskSettings.roundFailurePercent[?(@.status == 'NOT_STARTED')].percent")
                .entityList(Integer.class).containsExactly(30);
    }
}
