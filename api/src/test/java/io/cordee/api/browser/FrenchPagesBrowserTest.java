package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Issue 19 point 8 (ADR 63): a French page shows no English from the catalogue, and its figures are written the
 * French way. Every page the demo's OWNER reaches (the menu, a client's and a project's page, the sub-pages and
 * the account) and the portal of its CLIENT contact are opened in French; every text node and every
 * aria-label/title/placeholder is compared with the English catalogue. An English value counts only when it
 * differs from its own French value and is not in {@link #SAME_IN_BOTH} (words both languages write alike, such as
 * "Client" where another key translates it "Client·e" or "Contact"); an English value copied by mistake into the
 * French block is therefore found too. Values with placeholders are matched as patterns ("{n} days overdue").
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrenchPagesBrowserTest {

    /**
     * Written the same in French and English, so never a leak. Keep this list short and each word obviously
     * French too; a sentence never belongs here.
     */
    static final Set<String> SAME_IN_BOTH = Set.of(
            // French for the menu's "Import" (nav.import), English for the timesheet page's button (timesheets.import)
            "Import");

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;
    @Autowired
    Tenants tenants;

    List<Pattern> english;
    Map<Pattern, String> keyOf;

    @BeforeAll
    void buildEnglishPatterns() {
        Catalogue catalogue = Catalogue.load();
        Map<String, String> fr = catalogue.map("fr");
        english = new ArrayList<>();
        keyOf = new java.util.HashMap<>();
        catalogue.map("en").forEach((key, value) -> {
            String text = value.strip().replaceAll("\\s+", " ");
            if (text.equals(fr.get(key)) || SAME_IN_BOTH.contains(text)) {
                return;
            }
            // a pattern needs a word of its own outside the placeholders ("{a} · {b}" says nothing in any language)
            String literal = text.replaceAll("\\{\\w+\\}", " ");
            if (!Pattern.compile("[A-Za-z]{2,}").matcher(literal).find()) {
                return;
            }
            StringBuilder regex = new StringBuilder();
            Matcher m = Pattern.compile("\\{\\w+\\}").matcher(text);
            int at = 0;
            while (m.find()) {
                regex.append(Pattern.quote(text.substring(at, m.start()))).append(".+?");
                at = m.end();
            }
            regex.append(Pattern.quote(text.substring(at)));
            Pattern pattern = Pattern.compile(regex.toString());
            english.add(pattern);
            keyOf.put(pattern, key + " = \"" + value + "\"");
        });
        assertThat(english).as("English texts to look for").hasSizeGreaterThan(800);
    }

    @Test
    void theOwnersPagesInFrenchShowNoEnglishFromTheCatalogue() {
        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        toFrench();
        List<String> pages = new ArrayList<>(browser.driver.findElements(By.cssSelector("[data-testid=nav] a[data-page]"))
                .stream().map(a -> a.getDomAttribute("data-page")).toList());
        assertThat(pages).as("the owner's menu").contains("cockpit", "clients", "alerts", "settings");
        pages.addAll(List.of("account", "timesheets", "statements"));
        Set<String> leaks = new TreeSet<>();
        for (String page : pages) {
            open("#/" + page);
            leaks.addAll(leaksOn(page));
        }
        open("#/clients");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=client-link]"))).click();
        settle("[data-testid=client-name]");
        leaks.addAll(leaksOn("client page"));
        open("#/projects");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=project-list] tbody a"))).click();
        settle("[data-testid=project-name]");
        leaks.addAll(leaksOn("project page"));
        assertThat(leaks).as("English catalogue texts on the owner's French pages (page: text ← key)").isEmpty();
    }

    @Test
    void theClientsPortalInFrenchShowsNoEnglishFromTheCatalogue() {
        browser.signIn(DemoAgency.CLIENT_EMAIL, DemoAgency.PASSWORD);
        toFrench();
        Set<String> leaks = new TreeSet<>();
        for (String page : List.of("portal", "account")) {
            open("#/" + page);
            leaks.addAll(leaksOn("client " + page));
        }
        assertThat(leaks).as("English catalogue texts on the client's French portal").isEmpty();
    }

    /**
     * The demo's capacity concentration alert, read through the API and on the French alerts page: its share with
     * one decimal and a comma, its month abbreviated in French. E.g. peakShare 0.426667 → "42,7 %",
     * peakMonth 2026-12 → "déc. 2026" (Intl puts a narrow no-break space before %).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theAlertsActionAndTheCockpitWriteFiguresTheFrenchWay() {
        HttpGraphQlTester api = tenants.as(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        List<Map<String, Object>> evidence = api.document("""
                        { alerts(first: 50) { edges { node { kind evidence { name value } } } } }""")
                .execute().path("alerts.edges[*].node").entityList(Map.class).get().stream()
                .filter(n -> "CAPACITY_CONCENTRATION".equals(n.get("kind"))).findFirst()
                .map(n -> (List<Map<String, Object>>) n.get("evidence")).orElseThrow();
        String share = value(evidence, "peakShare");
        YearMonth month = YearMonth.parse(value(evidence, "peakMonth"));
        String percent = new BigDecimal(share).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString()
                .replace('.', ',');
        String[] frenchMonths = {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
                "nov.", "déc."};
        String expectedMonth = frenchMonths[month.getMonthValue() - 1] + " " + month.getYear();

        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        toFrench();
        open("#/alerts");
        WebElement action = browser.wait.until(d -> d.findElement(
                By.cssSelector("li.alert[data-kind=CAPACITY_CONCENTRATION] [data-testid=alert-action]")));
        String text = action.getText().replace('\u202f', ' ').replace('\u00a0', ' ');
        assertThat(text).startsWith("Ce client prend " + percent + " % de la capacité de l'équipe en " + expectedMonth)
                .doesNotContain(share).doesNotContain(month.toString());
        // money the French way on the cockpit: whole euros grouped by (narrow) spaces, the sign after,
        // e.g. 7328012 cents → "73 280 €" (Intl rounds half away from zero, as HALF_UP does)
        open("#/cockpit");
        WebElement lowest = browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid=lowest-balance]")));
        BigDecimal euros = new BigDecimal(lowest.getDomAttribute("data-amount-minor")).movePointLeft(2)
                .setScale(0, RoundingMode.HALF_UP);
        String grouped = new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(euros.abs()).replace(',', ' ');
        assertThat(lowest.getText().replace('\u202f', ' ').replace('\u00a0', ' ').replace('\u2212', '-'))
                .isEqualTo((euros.signum() < 0 ? "-" : "") + grouped + " €");
        open("#/alerts");
        // and the same alert in English, the English way: "42.7%" and "Dec 2026"
        browser.click("[data-testid=lang-en]");
        browser.wait.until(d -> "en".equals(browser.js("return document.documentElement.lang")));
        String expectedEnglish = "This client takes " + percent.replace(',', '.') + "% of the team's capacity in "
                + month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " "
                + month.getYear();
        browser.wait.until(d -> d.findElement(By.cssSelector(
                "li.alert[data-kind=CAPACITY_CONCENTRATION] [data-testid=alert-action]")).getText().startsWith("This"));
        assertThat(browser.text("li.alert[data-kind=CAPACITY_CONCENTRATION] [data-testid=alert-action]"))
                .startsWith(expectedEnglish);
    }

    private static String value(List<Map<String, Object>> evidence, String name) {
        return evidence.stream().filter(e -> name.equals(e.get("name"))).map(e -> (String) e.get("value")).findFirst()
                .orElseThrow(() -> new AssertionError("no evidence " + name));
    }

    private void toFrench() {
        browser.click("[data-testid=lang-fr]");
        browser.wait.until(d -> "fr".equals(browser.js("return document.documentElement.lang")));
    }

    private void open(String hash) {
        browser.js("location.hash = arguments[0]", hash);
        settle("main h1");
    }

    /** Waits until the page has drawn its heading and no spinner is left (nested parts load after the page). */
    private void settle(String css) {
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        browser.wait.until(d -> d.findElements(By.cssSelector("main .spinner")).isEmpty());
        browser.js("return new Promise(r => setTimeout(r, 150))");
        browser.wait.until(d -> d.findElements(By.cssSelector("main .spinner")).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private List<String> leaksOn(String page) {
        List<String> texts = (List<String>) browser.js("""
                const out = new Set();
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const node = walker.currentNode;
                  if (node.parentElement?.closest('script, style, template')) continue;
                  const text = node.data.replace(/\\s+/g, ' ').trim();
                  if (text) out.add(text);
                }
                for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
                  for (const name of ['aria-label', 'title', 'placeholder']) {
                    const v = (el.getAttribute(name) || '').replace(/\\s+/g, ' ').trim();
                    if (v) out.add(v);
                  }
                }
                return [...out];""");
        assertThat(texts).as("texts on " + page).isNotEmpty();
        List<String> leaks = new ArrayList<>();
        for (String text : new LinkedHashSet<>(texts)) {
            for (Pattern pattern : english) {
                if (pattern.matcher(text).matches()) {
                    leaks.add(page + ": \"" + text + "\" ← " + keyOf.get(pattern));
                    break;
                }
            }
        }
        return leaks;
    }
}
