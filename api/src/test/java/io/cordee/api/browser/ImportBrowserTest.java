package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The import page (#/import, ADR 49) in Chromium: finance uploads a CSV of three clients whose second data row
 * has payment terms written in words, sees the issue at row 3 and its column, maps that column to "ignore",
 * dry-runs (3 to create, no issue), applies and finds the clients in the clients list. In a throw-away agency.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void financeUploadsSeesTheBadRowFixesTheMappingDryRunsAppliesAndSeesTheClients() throws IOException {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Import");
        Path file = Files.createTempFile("clients", ".csv");
        Files.writeString(file, """
                Client;Catégorie;Délai de paiement
                Atelier Nord;PME;30
                Brasserie Sud;PME;trente
                Clinique Est;Grand compte;60
                """, StandardCharsets.UTF_8);
        try {
            browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
            browser.go("import");
            WebElement input = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-testid=import-file]")));
            input.sendKeys(file.toAbsolutePath().toString());
            browser.click("[data-testid=import-upload-submit]");
            assertThat(browser.text("[data-testid=import-job] h2")).isEqualTo("3 rows — ready");
            // the columns were recognised from their French names
            assertThat(selected("Client")).isEqualTo("name *");
            assertThat(selected("Délai de paiement")).isEqualTo("paymentTermsDays");

            browser.click("[data-testid=import-dry-run]");
            assertThat(browser.text("[data-testid=import-issue-3]"))
                    .isEqualTo("Row 3, Délai de paiement : 'trente' is not a whole number");
            assertThat(browser.driver.findElements(By.cssSelector("[data-testid^=import-issue-]"))).hasSize(1);
            browser.assertAccessible("the import page with an issue");

            // fix the mapping: the terms column is ignored (new clients get the default 30 days)
            new Select(mapping("Délai de paiement")).selectByValue("ignore");
            browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid=import-report]")).isEmpty());
            browser.click("[data-testid=import-dry-run]");
            assertThat(browser.text("[data-testid=import-count-clients]")).isEqualTo("Clients 3 0 0");
            assertThat(browser.driver.findElements(By.cssSelector("[data-testid^=import-issue-]"))).isEmpty();

            browser.click("[data-testid=import-apply]");
            assertThat(browser.text("[data-testid=import-done]")).isEqualTo("Import applied. See the clients");
            assertThat(browser.text("[data-testid=import-job] h2")).isEqualTo("3 rows — applied");

            // at a phone's 390 px: no horizontal scrolling (the preview table scrolls inside its box), in French too
            browser.atPhoneSize(() -> {
                assertThat(browser.noHorizontalScroll()).as("page width at 390 px").isTrue();
                browser.click("[data-testid=lang-fr]");
                assertThat(browser.text("[data-testid=import-job] h2")).isEqualTo("3 lignes — appliqué");
                assertThat(browser.text("[data-testid=import-count-clients]")).isEqualTo("Clients 3 0 0");
                assertThat(browser.noHorizontalScroll()).as("page width at 390 px in French").isTrue();
                browser.click("[data-testid=lang-en]");
            });

            browser.driver.findElement(By.cssSelector("[data-testid=import-done] a")).click();
            browser.wait.until(d -> d.findElements(By.cssSelector("li.client h2")).stream()
                    .map(WebElement::getText).toList().containsAll(java.util.List.of("Atelier Nord", "Brasserie Sud",
                            "Clinique Est")));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private WebElement mapping(String header) {
        return browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='import-map-" + header + "']")));
    }

    private String selected(String header) {
        return new Select(mapping(header)).getFirstSelectedOption().getText().strip();
    }
}
