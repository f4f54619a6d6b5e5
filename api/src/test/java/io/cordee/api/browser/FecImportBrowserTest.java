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
 * The FEC kind on the import page (ADR 51) in Chromium: finance picks "Accounting ledger (FEC)", uploads the
 * ledger of FecImportTest (27 lines: the header and 26 entries), dry-runs, sees the counts (6 invoices, 4 payments, 1 bank
 * balance) and the notes (FA-005's partial lettering ignored), applies; the page holds at 390 px.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FecImportBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void financeImportsALedgerAndSeesWhatWasRecognisedAndIgnored() throws IOException {
        Tenants.Tenant tenant = browser.tenants.create("Atelier FEC");
        Path file = Files.createTempFile("FEC20261231", ".txt");
        Files.writeString(file, io.cordee.api.imports.FecImportTest.FEC, StandardCharsets.UTF_8);
        try {
            browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
            browser.go("import");
            WebElement kind = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-testid=import-kind]")));
            new Select(kind).selectByValue("FEC");
            browser.driver.findElement(By.cssSelector("[data-testid=import-file]"))
                    .sendKeys(file.toAbsolutePath().toString());
            browser.click("[data-testid=import-upload-submit]");
            assertThat(browser.text("[data-testid=import-job] h2")).isEqualTo("26 rows — ready");

            browser.click("[data-testid=import-dry-run]");
            assertThat(browser.text("[data-testid=import-count-invoices]")).isEqualTo("Invoices 6 0 0");
            assertThat(browser.text("[data-testid=import-count-payments]")).isEqualTo("Payments 4 0 0");
            assertThat(browser.text("[data-testid=import-count-bankBalances]")).isEqualTo("Bank balances 1 0 0");
            assertThat(browser.driver.findElements(By.cssSelector("[data-testid=import-note-IGNORED]")).stream()
                    .map(WebElement::getText).toList())
                    .anySatisfy(n -> assertThat(n).startsWith("Ignored — Row 10 : invoice FA-005: lettering 'E'"));
            browser.assertAccessible("the import page with a FEC's notes");

            browser.click("[data-testid=import-apply]");
            assertThat(browser.text("[data-testid=import-done]")).isEqualTo("Import applied. See the clients");
            assertThat(browser.text("[data-testid=import-job] h2")).isEqualTo("26 rows — applied");
            browser.atPhoneSize(() -> {
                assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("page width at 390 px").isTrue();
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
