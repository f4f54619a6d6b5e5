package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page of the SPA (every route of app.js's {@code PAGES}, for every role that has it, and the pages shown
 * signed out), in English and in French, checked for what issue 19 points 9 and 10 ask (ADR 43, ADR 69):
 * <ul>
 * <li>axe-core finds no serious or critical violation (at 1280 × 800);</li>
 * <li>every chart ({@code canvas}, a drawn {@code svg}) has a text alternative: a name of its own, or it is hidden
 * from assistive technology beside a table or list of its figures;</li>
 * <li>at a phone's 390 × 844 the document is no wider than the viewport;</li>
 * <li>the layout shift while the page loads (Chromium's {@code layout-shift} entries without recent input, the
 * measure behind CLS) is printed per page and must stay under 0.05.</li>
 * </ul>
 * {@link #theListsBelowNameEveryRouteOfTheSpa()} fails when a route is added to app.js without being added here.
 * Only reads the demo agency; the forms opened are never submitted.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path APP_JS = Path.of("..", "web-client", "src", "main", "resources", "META-INF", "resources", "app.js");
    private static final double LAYOUT_SHIFT_LIMIT = 0.05;

    /**
     * One view checked: its name, the route of app.js it belongs to, the address opened (or {@code null} when it is
     * reached by clicks, see {@link #open}) and what shows that it has loaded.
     */
    record View(String name, String route, String hash, String ready) {
    }

    /** Every view, keyed by name. */
    private static final Map<String, View> VIEWS = views(
            new View("cockpit", "cockpit", "#/cockpit", "[data-testid=lowest-balance]"),
            new View("alerts", "alerts", "#/alerts", "[data-testid=alerts], [data-testid=alerts-empty]"),
            new View("clients", "clients", "#/clients", "li.client"),
            new View("client-page", "clients", null, "[data-testid=client-name]"),
            // the game plan's editors opened on a client's page: strengths grid, a new agreement, a new commitment
            new View("game-plan", "clients", null, "[data-testid=new-commitment-form]"),
            new View("client-form", "clients", null, "cordee-client-form form"),
            new View("projects", "projects", "#/projects", "[data-testid=project-list]"),
            new View("project-page", "projects", null, "[data-testid=project-name]"),
            new View("deals", "deals", "#/deals", "[data-testid=deals]"),
            new View("proposal", "proposal", null, "[data-testid=proposal-title]"),
            new View("receivables", "receivables", "#/receivables", "[data-testid=aged-receivables]"),
            new View("receivables-form", "receivables", null, "[data-testid=action-form]"),
            new View("briefs", "briefs", "#/briefs", "cordee-briefs h1"),
            new View("staffing", "staffing", "#/staffing", "[data-testid=capacity]"),
            new View("team", "team", "#/team", "[data-testid=members]"),
            new View("team-form", "team", null, "[data-testid=member-form]"),
            new View("bank", "bank", "#/bank", "[data-testid=accounts]"),
            new View("bank-form", "bank", null, "[data-testid=bank-form]"),
            new View("people", "people", "#/people", "[data-testid=users]"),
            new View("settings", "settings", "#/settings", "[data-testid=settings-agency]"),
            new View("import", "import", "#/import", "[data-testid=import-upload]"),
            new View("timesheets", "timesheets", "#/timesheets", "[data-testid=timesheet-upload]"),
            new View("statements", "statements", "#/statements", "[data-testid=statement-upload]"),
            new View("audit", "audit", "#/audit", "[data-testid=audit-count]"),
            new View("account", "account", "#/account", "[data-testid=change-password-form]"),
            new View("portal", "portal", "#/portal", "[data-testid=portal-client]"));

    /** The views each role is checked on, in the order of its menu. */
    private static final Map<String, List<String>> VIEWS_BY_ROLE = Map.of(
            "OWNER", List.of("cockpit", "alerts", "clients", "client-page", "game-plan", "client-form", "projects",
                    "project-page", "deals", "receivables", "receivables-form", "briefs", "staffing", "team", "team-form",
                    "bank", "bank-form", "people", "settings", "import", "timesheets", "statements", "audit", "proposal",
                    "account"),
            "FINANCE", List.of("cockpit", "alerts", "clients", "client-page", "projects", "project-page", "deals",
                    "receivables", "briefs", "staffing", "team", "bank", "settings", "import", "timesheets", "statements",
                    "proposal", "account"),
            "LEAD", List.of("clients", "client-page", "game-plan", "projects", "project-page", "briefs", "staffing",
                    "alerts", "team", "account"),
            "CLIENT", List.of("portal", "account"));

    private static final Map<String, String> EMAIL_BY_ROLE = Map.of("OWNER", DemoAgency.OWNER_EMAIL,
            "FINANCE", DemoAgency.FINANCE_EMAIL, "LEAD", DemoAgency.LEAD_EMAIL, "CLIENT", DemoAgency.CLIENT_EMAIL);

    /**
     * The pages shown signed out: sign-in, forgotten password, first-run setup and sign-up (app.js's phases), and the
     * links of mails (app.js's {@code this.route === '…'} branches), each with what shows it has loaded.
     */
    private static final Map<String, String> SIGNED_OUT = Map.of(
            "sign-in", "form.sign-in",
            "forgot", "[data-testid=forgot-form]",
            "setup", "[data-testid=setup-form]",
            "signup", "[data-testid=setup-form]",
            "accept", "[data-testid=accept-form]",
            "reset", "[data-testid=reset-form]",
            "digest-off", "[data-testid=digest-off-form]");

    /** The few pictures docs/screenshots keeps (ADR 69): view, role, language, width. */
    private static final Set<String> DOC_SHOTS = Set.of("cockpit OWNER en 1280", "cockpit OWNER fr 390",
            "clients OWNER en 390", "client-page LEAD fr 1280", "game-plan LEAD en 390", "briefs OWNER fr 390",
            "deals OWNER en 1280", "portal CLIENT fr 390", "sign-in - fr 390");

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;
    /** Layout shift by page and language, printed at the end of each test. */
    final Map<String, String> shifts = new LinkedHashMap<>();

    /**
     * Waits that look again every 20 ms: this class waits four to six times on each of its 134 pages, and at
     * Selenium's default 500 ms each wait not met at once lasted until the next half second. It only reads the
     * demo agency, so no step depends on how soon a wait returns; the timeout is unchanged.
     */
    @BeforeAll
    void waitsLookOften() {
        browser.wait.pollingEvery(BrowserTest.POLL);
    }

    @Test
    void theOwnersPagesPassInEitherLanguage() {
        checkEveryViewOf("OWNER");
    }

    @Test
    void theFinancesPagesPassInEitherLanguage() {
        checkEveryViewOf("FINANCE");
    }

    @Test
    void theLeadsPagesPassInEitherLanguage() {
        checkEveryViewOf("LEAD");
    }

    @Test
    void theClientContactsPagesPassInEitherLanguage() {
        checkEveryViewOf("CLIENT");
    }

    @Test
    void theSignedOutPagesPassInEitherLanguage() {
        List<String> failures = new ArrayList<>();
        for (String lang : List.of("en", "fr")) {
            for (Map.Entry<String, String> page : new java.util.TreeMap<>(SIGNED_OUT).entrySet()) {
                browser.driver.manage().deleteAllCookies();
                browser.js("localStorage.setItem('cordee.locale', arguments[0])", lang);
                // a made-up token: these pages show their form before asking the server anything
                String token = "x".repeat(43);
                browser.driver.get(browser.url(switch (page.getKey()) {
                    case "accept", "reset", "digest-off" -> "/#/" + page.getKey() + "/" + token;
                    default -> "/?fresh=" + System.nanoTime();
                }));
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        List.of("accept", "reset", "digest-off").contains(page.getKey()) ? page.getValue() : "form.sign-in")));
                startMeasuringShifts();
                switch (page.getKey()) {
                    case "forgot" -> browser.click("[data-testid=forgot-link]");
                    // this instance has agencies, so the server never asks for the setup page: the shell is put in
                    // the phase it takes on an empty instance (setup) or when sign-up is open (signup)
                    case "setup", "signup" -> browser.js("document.querySelector('cordee-app').phase = arguments[0]", page.getKey());
                    default -> { }
                }
                ready(page.getValue());
                checkHere(failures, page.getKey(), "-", lang);
            }
        }
        report(failures);
    }

    /**
     * app.js's routes (the keys of {@code PAGES}), the routes each role has ({@code PAGES_BY_ROLE}, plus the account
     * page every role reaches from its name) and the pages outside the shell ({@code this.route === '…'}) are all
     * checked above: a route added to the SPA and not here fails this test.
     */
    @Test
    void theListsBelowNameEveryRouteOfTheSpa() throws IOException {
        String app = Files.readString(APP_JS);
        String pages = app.substring(app.indexOf("const PAGES = {"), app.indexOf("const PAGES_BY_ROLE"));
        Set<String> routes = matches(Pattern.compile("(?m)^  (\\w+): \\{ label:"), pages);
        assertThat(routes).as("app.js's PAGES as read by this test").contains("cockpit", "portal", "account");

        Set<String> checked = new TreeSet<>();
        VIEWS.values().forEach(v -> checked.add(v.route()));
        assertThat(checked).as("routes of app.js with a view checked here").containsAll(routes);

        String byRole = app.substring(app.indexOf("const PAGES_BY_ROLE"), app.indexOf("};", app.indexOf("const PAGES_BY_ROLE")));
        Matcher role = Pattern.compile("(\\w+): \\[([^\\]]*)]").matcher(byRole);
        Set<String> roles = new TreeSet<>();
        while (role.find()) {
            roles.add(role.group(1));
            Set<String> has = matches(Pattern.compile("'([\\w-]+)'"), role.group(2));
            has.add("account");
            Set<String> checkedForRole = new TreeSet<>();
            VIEWS_BY_ROLE.getOrDefault(role.group(1), List.of()).forEach(v -> checkedForRole.add(VIEWS.get(v).route()));
            assertThat(checkedForRole).as("routes checked as " + role.group(1)).isEqualTo(has);
        }
        assertThat(roles).as("roles of app.js").isEqualTo(VIEWS_BY_ROLE.keySet());

        Set<String> outside = matches(Pattern.compile("this\\.route === '([\\w-]+)'"), app);
        assertThat(SIGNED_OUT.keySet()).as("pages outside the shell").containsAll(outside);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private void checkEveryViewOf(String role) {
        List<String> failures = new ArrayList<>();
        browser.signIn(EMAIL_BY_ROLE.get(role), DemoAgency.PASSWORD);
        for (String lang : List.of("en", "fr")) {
            switchTo(lang);
            for (String name : VIEWS_BY_ROLE.get(role)) {
                try {
                    open(VIEWS.get(name));
                } catch (org.openqa.selenium.TimeoutException e) {
                    failures.add(name + " (" + role + ", " + lang + ") did not open: " + e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
                checkHere(failures, name, role, lang);
            }
        }
        report(failures);
    }

    /** The page on screen: axe, charts, the layout shift while it loaded, then its width at 390 px. */
    private void checkHere(List<String> failures, String name, String role, String lang) {
        String where = name + " (" + role + ", " + lang + ")";
        settle();
        double shift = ((Number) browser.js("return window.__shiftSince(window.__shiftMark)")).doubleValue();
        shifts.put(where, String.format("%.4f %s", shift, shift > 0.001 ? browser.js("return window.__shiftSources(window.__shiftMark)") : ""));
        if (shift >= LAYOUT_SHIFT_LIMIT) {
            failures.add(where + " shifts its layout by " + String.format("%.3f", shift) + " while it loads: "
                    + browser.js("return window.__shiftSources(window.__shiftMark)"));
        }
        try {
            browser.assertAccessible(where);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
        Object charts = browser.js("""
                return [...document.querySelectorAll('canvas, svg')].filter(c => {
                  const box = c.getBoundingClientRect();
                  if (box.width < 48 || box.height < 48 || c.closest('svg') !== c && c.tagName !== 'CANVAS') return false;
                  // its own name, or that of the picture it is drawn in (a role="img" host naming the key figures)
                  const host = c.closest('[role=img]');
                  const named = c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') || c.querySelector(':scope > title')
                    || (c.tagName === 'CANVAS' && c.textContent.trim()) || host?.getAttribute('aria-label') || host?.getAttribute('aria-labelledby');
                  const hidden = c.closest('[aria-hidden=true]');
                  const figures = c.closest('figure, section, .card, li')?.querySelector('table, dl, ul, ol, .sr-only');
                  return !(named && !hidden) && !(hidden && figures);
                }).map(c => c.tagName + '.' + c.getAttribute('class') + ' in ' + c.parentElement.tagName.toLowerCase());""");
        if (!((List<?>) charts).isEmpty()) {
            failures.add(where + " has charts without a text alternative: " + charts);
        }
        if (lang.equals("en")) {
            focusIsVisible(failures, where);
        }
        screenshotIfKept(name, role, lang, 1280);

        ChromeDriver chrome = (ChromeDriver) browser.driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            settle();
            browser.js("window.scrollTo(0, 0)");
            List<?> w = (List<?>) browser.js("return [document.documentElement.scrollWidth, window.innerWidth,"
                    + " [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                    + " > window.innerWidth + 1 && !e.closest('.scroll')).slice(0, 3).map(e => e.tagName + '.'"
                    + " + e.className + '[' + (e.dataset.testid || '') + ']').join(' ')]");
            if (((Number) w.get(0)).longValue() > ((Number) w.get(1)).longValue()) {
                failures.add(where + " is " + w.get(0) + " px wide at " + w.get(1) + " px: " + w.get(2));
            }
            screenshotIfKept(name, role, lang, 390);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            settle();
        }
    }

    /**
     * The first dozen stops of the keyboard (Tab from the top of the page) each draw a visible focus: an outline or a
     * ring (box-shadow) on the focused element, not the browser's default removed and nothing put back.
     */
    private void focusIsVisible(List<String> failures, String where) {
        browser.js("document.activeElement?.blur(); window.scrollTo(0, 0)");
        List<String> invisible = new ArrayList<>();
        for (int stop = 0; stop < 12; stop++) {
            new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
            Object seen = browser.js("""
                    const e = document.activeElement;
                    if (!e || e === document.body) return null;
                    // Chromium marks a date, month or time field's focus on its focused part (the day or month
                    // highlighted), not with an outline: not measurable here, and visible
                    if (e.matches('input[type=date], input[type=month], input[type=week], input[type=time], input[type=datetime-local]')) return '';
                    const s = getComputedStyle(e);
                    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
                    return ring ? '' : e.tagName.toLowerCase() + (e.dataset.testid ? '[' + e.dataset.testid + ']' : '')
                      + ' "' + (e.textContent || e.value || '').trim().slice(0, 20) + '"';""");
            if (seen != null && !seen.toString().isEmpty()) {
                invisible.add(seen.toString());
            }
        }
        browser.js("document.activeElement?.blur(); window.scrollTo(0, 0)");
        if (!invisible.isEmpty()) {
            failures.add(where + " draws no visible focus on " + invisible);
        }
    }

    private void report(List<String> failures) {
        shifts.forEach((page, shift) -> System.out.println("layout shift " + page + ": " + shift));
        shifts.clear();
        assertThat(failures).as("accessibility, phone width and layout shift").isEmpty();
    }

    /**
     * Watches Chromium's layout-shift entries for this document (once per document: hash changes keep it) and marks
     * now as the start of the page's load; {@code __shiftSince(mark)} sums the shifts after the mark that did not
     * follow an input, as CLS does.
     */
    private void startMeasuringShifts() {
        browser.js("""
                if (!window.__shifts) {
                  window.__shifts = [];
                  new PerformanceObserver(list => window.__shifts.push(...list.getEntries())).observe({ type: 'layout-shift', buffered: true });
                  window.__shiftSince = (mark) => window.__shifts.filter(e => e.startTime >= mark && !e.hadRecentInput)
                    .reduce((sum, e) => sum + e.value, 0);
                  window.__shiftSources = (mark) => window.__shifts.filter(e => e.startTime >= mark && !e.hadRecentInput)
                    .flatMap(e => e.sources.map(s => (s.node?.nodeName || '?') + '.' + (s.node?.className || '') + ' '
                      + s.previousRect.y + '→' + s.currentRect.y)).slice(0, 4).join('; ');
                }
                window.__shiftMark = performance.now();""");
    }

    /** Two frames: what the last change drew is laid out (and its shifts reported). */
    private void settle() {
        browser.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))");
    }

    /** The pictures docs/screenshots keeps, under {@code target/screenshots/docs/} (copied by hand, ADR 69). */
    private void screenshotIfKept(String name, String role, String lang, int width) {
        if (!DOC_SHOTS.contains(name + " " + role + " " + lang + " " + width)) {
            return;
        }
        try {
            // the game plan's picture shows its editors, further down the client's page
            browser.js(name.equals("game-plan") ? "document.getElementById('plan-title').scrollIntoView()" : "window.scrollTo(0, 0)");
            Path to = SCREENSHOTS.resolve("docs").resolve(name + (lang.equals("fr") ? "-fr" : "") + "-"
                    + (width == 390 ? "390x844" : "1280x800") + ".png");
            Files.createDirectories(to.getParent());
            Files.copy(((ChromeDriver) browser.driver).getScreenshotAs(OutputType.FILE).toPath(), to,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void switchTo(String lang) {
        browser.click("[data-testid=lang-" + lang + "]");
        browser.wait.until(d -> lang.equals(browser.js("return document.documentElement.lang")));
    }

    /** Opens a view from another page of the shell and waits until what axe should see is on screen. */
    private void open(View view) {
        // from the account page, so every view starts its load from the same place
        browser.js("location.hash = '#/account'");
        ready(VIEWS.get("account").ready());
        startMeasuringShifts();
        switch (view.name()) {
            case "client-page", "game-plan" -> {
                browser.js("location.hash = '#/clients'");
                browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=client-link]"))).click();
                ready("[data-testid=client-name]");
                if (view.name().equals("game-plan")) {
                    browser.click("[data-testid=edit-strengths]");
                    browser.click("[data-testid=new-agreement]");
                    browser.click("[data-testid=new-commitment]");
                }
            }
            case "client-form" -> {
                browser.js("location.hash = '#/clients'");
                browser.click("[data-testid=new-client]");
            }
            case "project-page" -> {
                browser.js("location.hash = '#/projects'");
                browser.wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[data-testid=project-list] tbody a"))).click();
                ready("[data-testid=project-name]");
                if (!browser.driver.findElements(By.cssSelector("[data-testid=preview-plan]")).isEmpty()) {
                    browser.click("[data-testid=preview-plan]");
                    ready("[data-testid=plan-preview]");
                }
            }
            case "proposal" -> {
                browser.js("location.hash = '#/alerts'");
                browser.click("[data-testid=open-proposal]");
            }
            // the forms a click opens: a new overhead, a new team member, an invoice outside any plan
            case "bank-form", "team-form", "receivables-form" -> {
                String list = view.route();
                browser.js("location.hash = arguments[0]", "#/" + list);
                browser.click(switch (list) {
                    case "bank" -> "[data-testid=add-overhead]";
                    case "team" -> "[data-testid=add-member]";
                    default -> "[data-testid=add-invoice]";
                });
            }
            // the address, not the menu: at 390 px the menu wraps under a sticky header
            default -> browser.js("location.hash = arguments[0]", view.hash());
        }
        ready(view.ready());
    }

    private void ready(String css) {
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        browser.wait.until(d -> d.findElements(By.cssSelector("main .spinner")).isEmpty());
    }

    private static Map<String, View> views(View... views) {
        Map<String, View> byName = new LinkedHashMap<>();
        for (View v : views) {
            byName.put(v.name(), v);
        }
        return byName;
    }
}
