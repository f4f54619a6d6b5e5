package io.cordee.api.browser;

import static io.cordee.api.support.ClientEdits.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
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
 * The audit trail page (#/audit, issue 19 point 6, ADR 59) in Chromium: finance changes a client's payment terms
 * from 30 to 45 days and the owner renames it; the owner filters the page by person and kind of record and reads
 * 30 → 45, follows the link to the client's page, and is told next to the field when the end date is before the
 * start. In a throw-away agency; the page passes axe and fits a 390 px phone.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void theOwnerFiltersByPersonAndKindAndSeesOldToNew() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Journal");
        String client = GlobalId.of("Client", tenant.ownClient().id().value());
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        update(owner, client, Map.of("paymentTermsDays", 45), browser.tenants.as(tenant, Role.FINANCE));
        update(owner, client, Map.of("name", "Client Journalisé"), owner);

        browser.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        browser.go("audit");
        browser.text("[data-testid=audit-count]");
        new Select(browser.driver.findElement(By.cssSelector("[data-testid=audit-person]"))).selectByVisibleText("FINANCE user");
        new Select(browser.driver.findElement(By.cssSelector("[data-testid=audit-entity]"))).selectByVisibleText("Client");
        browser.click("[data-testid=audit-apply]");
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=audit-count]"), "1 change(s) found"));

        WebElement entry = browser.driver.findElement(By.cssSelector("[data-testid=audit-entry]"));
        assertThat(entry.findElement(By.cssSelector(".audit-head")).getText()).contains("FINANCE user", "changed Client");
        List<String> rows = entry.findElements(By.cssSelector("[data-testid=audit-change]")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).containsExactly("payment_terms_days 30 → 45");
        // the owner's rename is not the finance user's
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=audit-entries]")).getText())
                .doesNotContain("Client Journalisé");

        browser.assertAccessible("audit page");
        browser.atPhoneSize(() -> {
            assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        });

        browser.screenshot("audit");

        // the entity's link opens the client's page, now with its new name
        browser.click("[data-testid=audit-entity-link]");
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=client-name]"), "Client Journalisé"));
    }

    @Test
    void anEndBeforeTheStartIsShownNextToTheFieldAndChangesNothing() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Dates");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        String client = GlobalId.of("Client", tenant.ownClient().id().value());
        update(owner, client, Map.of("name", "Client Daté"), owner);

        browser.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        browser.go("audit");
        String before = browser.text("[data-testid=audit-count]");
        setDate("[data-testid=audit-from]", "2026-05-10");
        setDate("[data-testid=audit-to]", "2026-05-09");
        browser.click("[data-testid=audit-apply]");
        assertThat(browser.text("#audit-to-error")).isEqualTo("Must be on or after the start date.");
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=audit-to]")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.text("[data-testid=audit-count]")).isEqualTo(before);
    }

    private void setDate(String css, String iso) {
        browser.js("const i = document.querySelector(arguments[0]); i.value = arguments[1];"
                + " i.dispatchEvent(new Event('input', {bubbles: true}))", css, iso);
    }
}
