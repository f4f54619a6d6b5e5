package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.cordee.api.support.FreshInstance;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntries;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * First run in real Chromium (ADR 27): a Cordée started for a real agency (demo off, an empty database of
 * its own) opens the setup page; the token is read from the file the server wrote; a wrong password is
 * refused next to its field; then the owner lands in the cockpit, signed in, and stays so after a reload.
 */
class SetupBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static FreshInstance instance;
    private static ChromeDriver driver;
    private static WebDriverWait wait;
    private static Path home;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Chromium or its driver is missing: apt-get install -y chromium chromium-driver";
            if (System.getenv("CI") != null) {
                fail(missing + " (.ci/run installs them; on CI their absence is a failure)");
            }
            Assumptions.abort(missing);
        }
        instance = FreshInstance.start();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        home = Files.createTempDirectory("cordee-chromium-home");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toString(), "TZ", "Europe/Paris")).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--user-data-dir=" + home.resolve("profile"), "--window-size=1280,900", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // an element found, then drawn again (a re-render) before its text is read: look again, as for one not found
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (instance != null) {
            instance.close();
        }
        if (home != null) {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private WebElement field(String name) {
        return driver.findElement(By.cssSelector("[data-testid='setup-" + name + "']"));
    }

    private void type(String name, String text) {
        WebElement input = field(name);
        input.clear();
        input.sendKeys(text);
    }

    private static void screenshot(String name) throws IOException {
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void fromAnEmptyDatabaseTheOwnerSetsUpTheAgencyAndLandsInTheCockpit() throws IOException {
        // localhost, not 127.0.0.1: the resolver rules map every other name to nowhere
        driver.get("http://localhost:" + instance.port() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='setup-form']")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Set up your agency");
        // the page's own requests: the anonymous viewer is a 401 the app expects, not a console error of a 400
        LogEntries console = driver.manage().logs().get(LogType.BROWSER);
        assertThat(console.getAll()).noneMatch(e -> e.getMessage().contains("400"));

        String token = Files.readString(instance.tokenFile()).strip();
        type("setupToken", token);
        type("agencyName", "Atelier Nord");
        type("country", "fr");
        type("currency", "eur");
        type("timeZone", "Europe/Paris");
        type("ownerName", "Inès Martin");
        type("email", "ines@atelier-nord.fr");
        // 12 characters but the most common of them: refused next to the field, nothing created
        type("password", "password1234");
        field("submit").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setup-password-error")));
        assertThat(driver.findElement(By.id("setup-password-error")).getText())
                .contains("most common passwords");
        assertThat(field("password").getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("setup-page-weak-password.png");
        assertThat(instance.count("SELECT count(*) FROM agency")).isZero();

        type("password", "rope and cash together");
        field("submit").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='agency-name']"), "Atelier Nord"));
        wait.until(ExpectedConditions.urlContains("#/cockpit"));
        assertThat(driver.findElement(By.cssSelector(".who")).getText()).contains("Inès Martin").contains("Owner");
        // The new agency's cockpit has no bank balance to start the forecast from: it says what to enter first
        // (FirstDayBrowserTest follows its links), not an error.
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "[data-testid='cockpit-onboarding']")));
        assertThat(driver.findElement(By.cssSelector("cordee-cockpit h1")).getText()).isEqualTo("Cash cockpit");
        assertThat(answer.getText()).contains("Start with your bank balance");
        assertThat(driver.findElements(By.cssSelector("cordee-cockpit .failure"))).isEmpty();
        screenshot("setup-cockpit.png");
        assertThat(instance.count("SELECT count(*) FROM app_user WHERE role = 'OWNER'"
                + " AND email = 'ines@atelier-nord.fr'")).isEqualTo(1);
        assertThat(Files.exists(instance.tokenFile())).isFalse();

        // signed in by the session cookie: a reload opens the cockpit again, not the setup page
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='agency-name']"), "Atelier Nord"));
        assertThat(driver.findElements(By.cssSelector("[data-testid='setup-form']"))).isEmpty();
    }
}
