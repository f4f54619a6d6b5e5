package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The export buttons (issue 18 point 5, ADR 42) in Chromium, through {@link BrowserTest}'s browser: finance
 * switches the cockpit to the stress scenario, clicks "CSV", and the downloaded file's first week is the
 * cockpit's first week; the receivables page offers its three files; the owner finds "Export everything".
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void financeDownloadsTheShownForecastAndItsFirstRowIsTheCockpitsFirstWeek() throws IOException {
        browser.signIn(DemoAgency.FINANCE_EMAIL, DemoAgency.PASSWORD);
        browser.go("cockpit");
        browser.click("[data-testid=scenario-STRESS]");
        browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid=scenario-shown]")).getText()
                .equalsIgnoreCase("Stress"));
        WebElement csv = browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid=export-forecast-csv]")));
        String href = csv.getAttribute("href");
        assertThat(href).contains("/exports/forecast.csv?scenario=STRESS&weeks=").contains("&asOf=");
        assertThat(csv.getAttribute("download")).isNotNull();

        // the cockpit's first week, as the table shows it once opened: "2026-W49 30 Nov" … "€123,456.78"
        browser.click("details.forecast-table summary");
        browser.wait.until(d -> d.findElement(By.cssSelector("details.forecast-table tbody tr")));
        @SuppressWarnings("unchecked")
        List<String> firstRow = (List<String>) browser.js("""
                const row = document.querySelector('details.forecast-table tbody tr');
                return Array.from(row.querySelectorAll('td')).map((td) => td.textContent.trim());""");

        Path downloads = browser.home.resolve("Downloads");
        csv.click();
        Path file = new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        assertThat(file.getFileName().toString()).startsWith("studio-boreal-forecast-stress-");
        String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .get().parse(new java.io.StringReader(text.substring(1))).getRecords();
        CSVRecord first = rows.get(0);
        assertThat(firstRow.get(0)).startsWith(first.get("iso_week"));
        // the same amounts, whatever the display's currency symbol and grouping: the table shows whole euros
        // (formatMoney rounds half away from zero), the file the cents
        assertThat(digits(firstRow.get(1))).isEqualTo(wholeUnits(first.get("inflow")));
        assertThat(digits(firstRow.get(2))).isEqualTo(wholeUnits(first.get("outflow")));
        assertThat(digits(firstRow.get(3))).isEqualTo(wholeUnits(first.get("closing")));
        assertThat(first.get("closing")).matches("-?[0-9]+\\.[0-9]{2}");
        assertThat(firstRow.get(3).contains("-") || firstRow.get(3).contains("−"))
                .isEqualTo(first.get("closing").startsWith("-"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=export-forecast-xlsx]")).getAttribute("href"))
                .contains("/exports/forecast.xlsx?scenario=STRESS&weeks=");

        browser.go("receivables");
        browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid=receivables-exports]")));
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=receivables-exports] a[download]"))
                .stream().map(a -> a.getAttribute("href").replaceAll("^https?://[^/]+", "")).toList())
                .containsExactly("/exports/invoices.csv", "/exports/payments.csv", "/exports/aged-receivables.csv");
    }

    @Test
    void theOwnerFindsExportEverythingOnThePeoplePageInFrenchToo() {
        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        browser.go("people");
        WebElement link = browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid=export-everything]")));
        assertThat(link.getText()).isEqualTo("Export everything (ZIP)");
        assertThat(link.getAttribute("href")).endsWith("/exports/agency.zip");
        browser.js("localStorage.setItem('cordee.locale', 'fr'); location.reload();");
        WebElement french = browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid=export-everything]")));
        assertThat(french.getText()).isEqualTo("Tout exporter (ZIP)");
    }

    private static String wholeUnits(String amount) {
        return new java.math.BigDecimal(amount).abs().setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }
}
