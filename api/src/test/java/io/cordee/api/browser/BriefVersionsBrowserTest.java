package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Briefs in Chromium (issue 19 point 1, ADR 0060): a lead creates a brief and writes its requirements,
 * watches the feasibility the server computes for an unsaved estimate, starts version 2, applies the
 * suggestion to drop two Shoulds, and reads the diff of the two versions side by side; and moves a launch
 * to the earliest realistic date in one click.
 *
 * <p>The hand-worked agency (as {@code BriefVersionsTest}): one person at 1.0 FTE, 100 % on the project from
 * M, the Monday after next (nothing depends on the weekday the test runs), for ten weeks; no public holidays.
 * The project launches on M + 25, a Friday: 4 weeks × 5 working days = 20 person-days of capacity.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefVersionsBrowserTest {

    private static final DateTimeFormatter EN_MEDIUM = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);


    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void aLeadCreatesABriefStartsASecondVersionAppliesTheSuggestionAndReadsTheDiff() {
        Fixture f = fixture("Atelier Cahier");
        browser.signIn(f.tenant().email(Role.LEAD), Tenants.PASSWORD);
        browser.go("briefs");

        // a brief without a title is refused next to the field, and nothing is created
        browser.click("[data-testid=new-brief]");
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=create-brief]")));
        browser.wait.until(d -> form.findElements(By.cssSelector("select[name=projectId] option")).size() == 2);
        new Select(form.findElement(By.name("projectId"))).selectByVisibleText("Boutique");
        browser.click("[data-testid=create-brief-submit]");
        assertThat(browser.text("#create-brief-title-error")).isEqualTo("Give the brief a title.");
        assertThat(briefCount(f)).isZero();

        form.findElement(By.name("title")).sendKeys("Boutique en ligne", Keys.ENTER);
        assertThat(browser.text("[data-testid=brief-notice]")).startsWith("Brief “Boutique en ligne” created");
        assertThat(briefCount(f)).isEqualTo(1);

        addRequirement("Catalogue", "En tant que cliente, je parcours les produits sur mon téléphone", "MUST", "13");
        addRequirement("Paiement", null, "SHOULD", "6");
        addRequirement("Recherche", null, "SHOULD", "5");
        addRequirement("Avis", null, "COULD", "3");
        assertThat(row("Catalogue").getText()).contains("En tant que cliente, je parcours les produits sur mon téléphone");
        // Must + Should = 13 + 6 + 5 = 24 against 20: 1.2 → unrealistic. Target 0.85 × 20 = 17: without
        // Paiement 18 > 17, without Recherche too 13 ≤ 17 → drop both. 24 ÷ 0.85 = 28.24 → the 29th working
        // day from M: five weeks (25, to M + 32), then M + 35, 36, 37, 38 → M + 38
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=verdict]"), "Unrealistic"));
        assertThat(browser.text("[data-testid=scope]")).startsWith("24 person-days of Must + Should for 20 allocated");
        assertThat(browser.text("[data-testid=apply-drop]")).isEqualTo("Apply: move Paiement, Recherche to Won’t");
        assertThat(browser.text("[data-testid=apply-launch]"))
                .isEqualTo("Apply: launch on " + f.m().plusDays(38).format(EN_MEDIUM));

        // while an estimate is typed, the server says what it would give: Paiement at 2 makes 13 + 2 + 5 = 20,
        // 20 ÷ 20 = 100 % → tight; dropping Recherche (now the largest Should) gives 15 ≤ 17; 20 ÷ 0.85 =
        // 23.53 → the 24th working day: four weeks (20, to M + 25), then M + 28, 29, 30, 31 → M + 31
        row("Paiement").findElement(By.cssSelector("[data-testid=edit-requirement]")).click();
        WebElement estimate = browser.driver.findElement(By.cssSelector("tr.editing [name=estimateDays]"));
        estimate.clear();
        estimate.sendKeys("2");
        assertThat(browser.text("[data-testid=feasibility-preview] p"))
                .startsWith("Not saved yet: 20 person-days of Must + Should, 100% of the capacity").endsWith("Tight");
        assertThat(browser.text("[data-testid=preview-drop]")).contains("Recherche").doesNotContain("Paiement");
        assertThat(browser.text("[data-testid=preview-earliest]")).contains(f.m().plusDays(31).format(EN_MEDIUM));
        assertThat(browser.text("[data-testid=verdict]")).isEqualTo("Unrealistic");
        estimate.sendKeys(Keys.ESCAPE);
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=feasibility-preview]")));
        requirements(f, 0).containsExactly("Catalogue:MUST:13", "Paiement:SHOULD:6", "Recherche:SHOULD:5", "Avis:COULD:3");

        // version 2, a draft copied from version 1
        clickInView("[data-testid=start-version]");
        assertThat(browser.text("[data-testid=brief-notice]")).startsWith("Version 2 started");
        browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid=versions] li")).size() == 2);

        // one click: Paiement and Recherche become Won't in version 2; 13 ÷ 20 = 65 % → realistic
        clickInView("[data-testid=apply-drop]");
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=verdict]"), "Realistic"));
        assertThat(browser.text("[data-testid=brief-notice]")).startsWith("Suggestion applied to version 2");
        assertThat(browser.text("[data-testid=scope]")).startsWith("13 person-days of Must + Should for 20 allocated").contains("65%");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=apply-drop], [data-testid=apply-launch]"))).isEmpty();
        requirements(f, 1).containsExactly("Catalogue:MUST:13", "Paiement:WONT:6", "Recherche:WONT:5", "Avis:COULD:3");
        requirements(f, 0).containsExactly("Catalogue:MUST:13", "Paiement:SHOULD:6", "Recherche:SHOULD:5", "Avis:COULD:3");

        // the diff, side by side: the two priorities changed, and the verdict
        clickInView("[data-testid=compare-form] button[type=submit]");
        WebElement table = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=comparison] table")));
        List<WebElement> changed = table.findElements(By.cssSelector("tr[data-change=changed]"));
        assertThat(changed).hasSize(2);
        assertThat(changed.get(0).findElement(By.cssSelector("td.from")).getText()).startsWith("SHOULD").contains("Paiement");
        assertThat(changed.get(0).findElement(By.cssSelector("td.to")).getText()).startsWith("WONT").contains("Paiement");
        assertThat(changed.get(1).findElement(By.cssSelector("td.to")).getText()).startsWith("WONT").contains("Recherche");
        assertThat(table.findElement(By.cssSelector("tr[data-change=feasibility] td.from")).getText()).startsWith("Unrealistic");
        assertThat(table.findElement(By.cssSelector("tr[data-change=feasibility] td.to")).getText()).startsWith("Realistic");
        assertThat(table.findElements(By.cssSelector("tr[data-change=added], tr[data-change=removed]"))).isEmpty();
        browser.js("arguments[0].scrollIntoView({block: 'start'})", table);
        browser.screenshot("brief-versions-diff");

        // on a phone the page does not scroll sideways: the diff scrolls inside its own box
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.wait.until(d -> (Boolean) browser.js(
                    "return document.documentElement.scrollWidth <= window.innerWidth"));
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 800));
        }
    }

    @Test
    void oneClickMovesTheLaunchToTheEarliestRealisticDate() {
        Fixture f = fixture("Atelier Lancement");
        String brief = f.owner().document("""
                        mutation($p: ID!) { createBrief(input: {projectId: $p, title: "Boutique en ligne", requirements: [
                          {title: "Catalogue", priority: MUST, estimateDays: "13"}, {title: "Paiement", priority: SHOULD, estimateDays: "6"},
                          {title: "Recherche", priority: SHOULD, estimateDays: "5"}]}) { brief { id } userErrors { code } } }""")
                .variable("p", f.project()).execute()
                .path("createBrief.userErrors").entityList(Object.class).hasSize(0)
                .path("createBrief.brief.id").entity(String.class).get();
        browser.signIn(f.tenant().email(Role.OWNER), Tenants.PASSWORD);
        browser.go("briefs");
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=verdict]"), "Unrealistic"));

        // 24 person-days: the launch on M + 38 gives 29 working days, 24 ÷ 29 = 83 % → realistic, same scope
        clickInView("[data-testid=apply-launch]");
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=verdict]"), "Realistic"));
        assertThat(browser.text("[data-testid=scope]")).startsWith("24 person-days of Must + Should for 29 allocated").contains("83%");
        assertThat(browser.text("[data-testid=launch]")).contains(f.m().plusDays(38).format(EN_MEDIUM));
        f.owner().document("query($id: ID!) { brief(id: $id) { currentVersion { number launchDate } } }")
                .variable("id", brief).execute()
                .path("brief.currentVersion.number").entity(Integer.class).isEqualTo(1)
                .path("brief.currentVersion.launchDate").entity(String.class).isEqualTo(f.m().plusDays(38).toString());
    }

    // ---- helpers

    private record Fixture(Tenants.Tenant tenant, HttpGraphQlTester owner, String project, LocalDate m) {
    }

    private Fixture fixture(String agency) {
        Tenants.Tenant tenant = browser.tenants.create(agency);
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        LocalDate today = browser.clock.todayInParis();
        LocalDate m = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        String member = owner.document("""
                        mutation { createTeamMember(input: {name: "Ada Lovelace", monthlyLoadedCost: {amountMinor: 600000},
                          dailyBillRate: {amountMinor: 70000}}) { teamMember { id } } }""").execute()
                .path("createTeamMember.teamMember.id").entity(String.class).get();
        String project = owner.document("""
                        mutation($c: ID!, $start: Date!, $launch: Date!) { createProject(input: {clientId: $c, name: "Boutique",
                          status: ACTIVE, startDate: $start, launchDate: $launch, feeBudget: {amountMinor: 5000000}}) { project { id } } }""")
                .variable("c", owner.document("{ clients { nodes { id } } }").execute()
                        .path("clients.nodes[0].id").entity(String.class).get())
                .variable("start", today.minusDays(7).toString()).variable("launch", m.plusDays(25).toString())
                .execute().path("createProject.project.id").entity(String.class).get();
        owner.document("""
                        mutation($m: ID!, $p: ID!, $from: Date!, $to: Date!) { createAllocation(input: {teamMemberId: $m,
                          projectId: $p, sharePercent: 100, startDate: $from, endDate: $to}) { userErrors { code } } }""")
                .variable("m", member).variable("p", project).variable("from", m.toString())
                .variable("to", m.plusDays(69).toString()).execute()
                .path("createAllocation.userErrors").entityList(Object.class).hasSize(0);
        return new Fixture(tenant, owner, project, m);
    }

    /** Clicks an element once it is in the middle of the window, clear of the sticky top bar. */
    private void clickInView(String css) {
        WebElement element = browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", element);
        browser.click(css);
    }

    private void addRequirement(String title, String story, String priority, String days) {
        WebElement form = browser.driver.findElement(By.cssSelector("[data-testid=add-requirement]"));
        form.findElement(By.name("title")).sendKeys(title);
        if (story != null) {
            form.findElement(By.name("userStory")).sendKeys(story);
        }
        new Select(form.findElement(By.name("priority"))).selectByValue(priority);
        form.findElement(By.name("estimateDays")).sendKeys(days, Keys.ENTER);
        row(title);
        browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid=add-requirement] [name=title]"))
                .getDomProperty("value").isEmpty());
    }

    private WebElement row(String title) {
        return browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid=requirements] tr[data-key]")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().startsWith(title)).findFirst().orElse(null));
    }

    private long briefCount(Fixture f) {
        return f.owner().document("{ briefs { totalCount } }").execute().path("briefs.totalCount").entity(Long.class).get();
    }

    /** The requirements of version {@code index} of the agency's one brief, "title:PRIORITY:estimate". */
    private org.assertj.core.api.ListAssert<String> requirements(Fixture f, int index) {
        List<Map<String, Object>> list = f.owner().document("""
                        { briefs { nodes { versions { requirements { title priority estimateDays } } } } }""").execute()
                .path("briefs.nodes[0].versions[" + index + "].requirements")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        return assertThat(list.stream().map(r -> r.get("title") + ":" + r.get("priority") + ":" + r.get("estimateDays")).toList());
    }
}
