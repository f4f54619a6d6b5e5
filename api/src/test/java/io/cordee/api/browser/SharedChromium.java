package io.cordee.api.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One Chromium for the whole test JVM, lent to one browser test class after another (the classes run one at a
 * time), instead of a Chromium started and stopped by each: its start is seconds of a loaded CI machine, times
 * some thirty classes.
 *
 * <p>Each class gets it as clean as a new one: a new tab, the tabs of the class before closed (with any dialog
 * they showed and any DevTools override they set: device metrics, blocked URLs, scripts run on new documents);
 * no cookie of any port; nothing stored (local storage, IndexedDB, caches, service workers) by any origin the
 * classes before used; an empty HTTP cache and Downloads folder; the first window size. A Chromium that cannot
 * be cleaned so (it crashed, its driver stopped answering) is replaced by a new one, so one class's broken
 * browser does not fail the classes after it. Each test still starts signed out, without cookies or local
 * storage ({@link BrowserTest#signedOutInEnglish}). A class with two users' browsers open at once (their own
 * cookies) starts Chromiums of its own ({@link BrowserTest#startChromium}). Closed when the JVM ends.
 */
final class SharedChromium {

    /** The Chromium lent, and its HOME (profile, Downloads). */
    record Lent(ChromeDriver driver, Path home) {
    }

    private static ChromeDriver driver;
    private static Path home;
    /** The origins of the applications the classes opened in it: a class's application may listen on another port. */
    private static final Set<String> ORIGINS = new LinkedHashSet<>();
    private static boolean closedAtExit;

    private SharedChromium() {
    }

    /** The shared Chromium, cleaned for a class whose application is at {@code origin} (started if none runs). */
    static synchronized Lent lend(String origin) throws IOException {
        long started = System.nanoTime(); // printed: what a class's own start would have cost, against a clean
        if (driver != null) {
            try {
                clean();
                System.out.printf("[chromium] the shared Chromium cleaned for the next class in %d ms%n",
                        (System.nanoTime() - started) / 1_000_000);
            } catch (WebDriverException e) {
                System.out.println("[chromium] the shared Chromium could not be cleaned for the next class, replaced: " + e);
                close();
            }
        }
        if (driver == null) {
            home = Files.createTempDirectory("cordee-chromium-home");
            driver = BrowserTest.launch(home);
            System.out.printf("[chromium] the shared Chromium started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            if (!closedAtExit) {
                Runtime.getRuntime().addShutdownHook(new Thread(SharedChromium::close, "shared-chromium-close"));
                closedAtExit = true;
            }
        }
        ORIGINS.add(origin);
        return new Lent(driver, home);
    }

    private static void clean() throws IOException {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // no dialog open
        }
        String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle);
                driver.close();
            }
        }
        driver.switchTo().window(fresh);
        for (String origin : ORIGINS) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.manage().window().setSize(new Dimension(BrowserTest.WIDTH, BrowserTest.HEIGHT));
        Path downloads = home.resolve("Downloads");
        BrowserTest.deleteFolder(downloads);
        Files.createDirectories(downloads);
    }

    private static synchronized void close() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } catch (WebDriverException e) {
            System.out.println("[chromium] the shared Chromium did not quit cleanly: " + e);
        } finally {
            driver = null;
            ORIGINS.clear();
            try {
                BrowserTest.deleteFolder(home);
            } catch (IOException e) {
                System.out.println("[chromium] its folder " + home + " is left: " + e);
            }
            home = null;
        }
    }
}
