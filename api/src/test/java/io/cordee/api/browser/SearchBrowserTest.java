package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The top bar's search box and alert bell (issue 19 point 7, ADR 0068) in Chromium: Ctrl-K, a demo client found
 * without its accent, chosen with the arrows and opened with Enter; the bell's count of open alerts checked
 * against the alerts query, then moved by the live alert feed while the page stays as it is (no reload).
 * Changes are made in a throw-away agency, never in the demo one.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBrowserTest {

    static final String OPEN_ALERTS = "{ alerts(first: 50, filter: {status: [OPEN]}) { totalCount nodes { id version } } }";


    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void ctrlKFindsADemoClientWithoutItsAccentAndEnterOpensItsPage() {
        HttpGraphQlTester api = browser.tenants.as(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        // what the server answers for the text typed: the client "Région Sud Numérique" among the hits
        List<Map<String, Object>> hits = api.document("{ search(text: \"region sud\") { hits { kind title path } } }")
                .execute().path("search.hits").entityList(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        int index = hits.stream().map(h -> h.get("title")).toList().indexOf("Région Sud Numérique");
        assertThat(index).as("the demo's public client in " + hits).isNotNegative();
        assertThat(hits.get(index).get("kind")).isEqualTo("CLIENT");

        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        WebElement input = openWithCtrlK();
        assertThat(browser.driver.switchTo().activeElement()).as("the focus in the search box").isEqualTo(input);
        input.sendKeys("region sud");
        browser.wait.until(d -> options().size() == hits.size());
        assertThat(options()).extracting(o -> o.findElement(By.cssSelector(".search-title")).getText())
                .containsExactlyElementsOf(hits.stream().map(h -> (String) h.get("title")).toList());
        assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(input.getDomAttribute("aria-activedescendant")).isEqualTo("search-hit-0");

        // down to the client (and, when it is first, down and back up), then Enter
        if (index == 0 && hits.size() > 1) {
            input.sendKeys(Keys.ARROW_DOWN);
            browser.wait.until(d -> "search-hit-1".equals(input.getDomAttribute("aria-activedescendant")));
            input.sendKeys(Keys.ARROW_UP);
        }
        for (int i = 0; i < index; i++) {
            input.sendKeys(Keys.ARROW_DOWN);
        }
        browser.wait.until(d -> ("search-hit-" + index).equals(input.getDomAttribute("aria-activedescendant")));
        assertThat(options().get(index).getDomAttribute("aria-selected")).isEqualTo("true");
        browser.assertAccessible("the search dialog with its hits");
        input.sendKeys(Keys.ENTER);

        assertThat(browser.text("[data-testid=client-name]")).isEqualTo("Région Sud Numérique");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#" + hits.get(index).get("path"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=search-dialog]")).isDisplayed()).isFalse();

        // Escape closes it and gives the focus back to the button; a click opens it again, empty
        WebElement again = openWithCtrlK();
        assertThat(again.getDomProperty("value")).isEmpty();
        again.sendKeys(Keys.ESCAPE);
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=search-dialog]")));
        assertThat(browser.driver.switchTo().activeElement().getDomAttribute("data-testid")).isEqualTo("search-open");
        browser.click("[data-testid=search-open]");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=search-input]")));

        // at a phone's 390 px: the dialog and the top bar fit, nothing scrolls sideways
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.driver.findElement(By.cssSelector("[data-testid=search-input]")).sendKeys("lumen");
        browser.wait.until(d -> !options().isEmpty());
        browser.assertAccessible("the search dialog at 390 px");
        Number width = (Number) browser.js("return document.documentElement.scrollWidth");
        Number viewport = (Number) browser.js("return document.documentElement.clientWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(viewport.intValue());
    }

    @Test
    void theBellCountsTheDemosOpenAlertsLikeTheAlertsQuery() {
        long open = browser.tenants.as(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD).document(OPEN_ALERTS).execute()
                .path("alerts.totalCount").entity(Long.class).get();
        assertThat(open).as("the demo opens alerts").isPositive();
        browser.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        browser.wait.until(d -> ("Open alerts: " + open).equals(bellLabel()));
        assertThat(browser.text("[data-testid=bell-count]")).isEqualTo(String.valueOf(open));
        browser.click("[data-testid=bell]");
        WebElement list = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=bell-list]")));
        browser.assertAccessible("the bell's list open");
        // at most five, each a link to the alerts page
        assertThat(list.findElements(By.cssSelector("li a"))).hasSize((int) Math.min(open, 5))
                .allSatisfy(a -> assertThat(a.getDomAttribute("href")).isEqualTo("#/alerts"));
        browser.click("[data-testid=bell-all]");
        browser.wait.until(ExpectedConditions.urlContains("#/alerts"));
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=bell-list]")));
    }

    @Test
    void theBellMovesLiveWhenAnAlertOpensResolvesAndIsAcknowledged() {
        LocalDate nextMonth = browser.clock.todayInParis().plusMonths(1).withDayOfMonth(1);
        SoloAndSite agency = signedInOwnerOfSoloAndSite("Cloche Vivante");
        HttpGraphQlTester owner = agency.owner();
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=bell-count]"))).isEmpty();

        // one person of one, 40 % on the only client next month: above the 30 % warning, CAPACITY_CONCENTRATION
        // opens and the subscription brings it to the bell
        Map<String, Object> allocation = allocate(owner, agency.member(), agency.project(), nextMonth);
        browser.wait.withTimeout(Duration.ofSeconds(30)).until(d -> "Open alerts: 1".equals(bellLabel()));
        assertThat(browser.text("[data-testid=bell-count]")).isEqualTo("1");
        assertThat(owner.document(OPEN_ALERTS).execute().path("alerts.totalCount").entity(Long.class).get()).isEqualTo(1L);

        // the allocation deleted through the API: the alert resolves, the bell goes back to 0 on its own
        owner.document("""
                        mutation($id: ID!, $v: Long!) { deleteAllocation(input: {id: $id, version: $v}) {
                          userErrors { code } } }""")
                .variable("id", allocation.get("id")).variable("v", allocation.get("version")).execute()
                .path("deleteAllocation.userErrors").entityList(Object.class).hasSize(0);
        browser.wait.withTimeout(Duration.ofSeconds(30)).until(d -> "Open alerts: 0".equals(bellLabel()));
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=bell-count]"))).isEmpty();

        // allocated again, a new alert opens (bell 1); acknowledged on the alerts page, the bell follows (0):
        // the server's feed announces the acknowledgement like anyone's (ADR 75)
        allocate(owner, agency.member(), agency.project(), nextMonth);
        browser.wait.withTimeout(Duration.ofSeconds(30)).until(d -> "Open alerts: 1".equals(bellLabel()));
        String alert = (String) owner.document(OPEN_ALERTS).execute().path("alerts.nodes[0]")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get().get("id");
        browser.go("alerts");
        browser.click("[data-alert='" + alert + "'] [data-testid=acknowledge]");
        assertThat(browser.text("[data-testid=alerts-notice]")).startsWith("Acknowledged");
        browser.wait.until(d -> "Open alerts: 0".equals(bellLabel()));
        owner.document(OPEN_ALERTS).execute().path("alerts.totalCount").entity(Long.class).isEqualTo(0L);
    }

    /**
     * ADR 75: the bell of an owner who does nothing moves when ANOTHER user acknowledges an alert through the API
     * (the agency's LEAD, 1 → 0) and when an API token snoozes one (1 → 0), on the same page, never reloaded (a
     * mark left on {@code window} at sign-in is still there at the end).
     */
    @Test
    void theBellMovesLiveWhenAnotherUserAcknowledgesAndATokenSnoozesThroughTheApi() {
        LocalDate nextMonth = browser.clock.todayInParis().plusMonths(1).withDayOfMonth(1);
        SoloAndSite agency = signedInOwnerOfSoloAndSite("Cloche Partagée");
        HttpGraphQlTester owner = agency.owner();
        browser.js("window.cordeeSamePage = true");

        // 40 % of the only person on the only client next month: CAPACITY_CONCENTRATION opens, bell 1
        Map<String, Object> allocation = allocate(owner, agency.member(), agency.project(), nextMonth);
        browser.wait.withTimeout(Duration.ofSeconds(30)).until(d -> "Open alerts: 1".equals(bellLabel()));

        // the LEAD acknowledges it over HTTP: the owner's bell goes to 0 by itself
        Map<String, Object> alert = openAlert(owner);
        browser.tenants.as(agency.tenant(), Role.LEAD).document("""
                        mutation($id: ID!, $v: Long!) { acknowledgeAlert(input: {id: $id, version: $v}) {
                          userErrors { code } } }""")
                .variable("id", alert.get("id")).variable("v", alert.get("version")).execute()
                .path("acknowledgeAlert.userErrors").entityList(Object.class).hasSize(0);
        browser.wait.withTimeout(Duration.ofSeconds(30)).until(d -> "Open alerts: 0".equals(bellLabel()));
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=bell-count]"))).isEmpty();

        // the allocation deleted (the alert resolves), then made again: a new alert, bell 1
        owner.document("""
                        mutation($id: ID!, $v: Long!) { deleteAllocation(input: {id: $id, version: $v}) {
                          userErrors { code } } }""")
                .variable("id", allocation.get("id")).variable("v", allocation.get("version")).execute()
                .path("deleteAllocation.userErrors").entityList(Object.class).hasSize(0);
        browser.wait.withTimeout(Duration.ofSeconds(30)).until(d -> owner.document(
                        "{ alerts(filter: {status: [RESOLVED]}) { totalCount } }").execute()
                .path("alerts.totalCount").entity(Long.class).get() == 1L);
        allocate(owner, agency.member(), agency.project(), nextMonth);
        browser.wait.withTimeout(Duration.ofSeconds(30)).until(d -> "Open alerts: 1".equals(bellLabel()));

        // an API token of the owner snoozes it for a week: bell 0 again
        String token = owner.document("""
                        mutation { createApiToken(input: {name: "Pager", access: READ_WRITE, areas: [ALERTS]}) {
                          token userErrors { code } } }""")
                .execute().path("createApiToken.token").entity(String.class).get();
        Map<String, Object> reopened = openAlert(owner);
        assertThat(reopened.get("id")).isNotEqualTo(alert.get("id"));
        browser.tenants.anonymous().mutate().header(org.springframework.http.HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build().document("""
                        mutation($id: ID!, $v: Long!, $u: Date!) { snoozeAlert(input: {id: $id, version: $v, until: $u}) {
                          userErrors { code } } }""")
                .variable("id", reopened.get("id")).variable("v", reopened.get("version"))
                .variable("u", browser.clock.todayInParis().plusDays(7).toString()).execute()
                .path("snoozeAlert.userErrors").entityList(Object.class).hasSize(0);
        browser.wait.withTimeout(Duration.ofSeconds(30)).until(d -> "Open alerts: 0".equals(bellLabel()));
        assertThat(browser.js("return window.cordeeSamePage === true")).as("the page was never reloaded").isEqualTo(true);
    }

    private static Map<String, Object> openAlert(HttpGraphQlTester owner) {
        return owner.document(OPEN_ALERTS).execute().path("alerts.nodes[0]")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    private static Map<String, Object> allocate(HttpGraphQlTester owner, String member, String project, LocalDate month) {
        return owner.document("""
                        mutation($m: ID!, $p: ID!, $from: Date!, $to: Date!) { createAllocation(input: {teamMemberId: $m,
                          projectId: $p, sharePercent: 40, startDate: $from, endDate: $to}) {
                          allocation { id version } userErrors { code } } }""")
                .variable("m", member).variable("p", project).variable("from", month.toString())
                .variable("to", month.plusMonths(1).minusDays(1).toString()).execute()
                .path("createAllocation.userErrors").entityList(Object.class).hasSize(0)
                .path("createAllocation.allocation").entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    private WebElement openWithCtrlK() {
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=search-input]")));
    }

    private List<WebElement> options() {
        return browser.driver.findElements(By.cssSelector("[data-testid=search-hits] [role=option]"));
    }

    private String bellLabel() {
        List<WebElement> bell = browser.driver.findElements(By.cssSelector("[data-testid=bell]"));
        return bell.isEmpty() ? null : bell.get(0).getDomAttribute("aria-label");
    }

    /** A new agency, its owner's GraphQL client, its one person and its project (global ids). */
    private record SoloAndSite(Tenants.Tenant tenant, HttpGraphQlTester owner, String member, String project) {
    }

    /**
     * A new agency named {@code name} with one person, "Solo" (5,000.00 a month), and a project "Site" of its only
     * client begun a month ago; its owner signed in here, the bell at 0 open alerts.
     */
    private SoloAndSite signedInOwnerOfSoloAndSite(String name) {
        Tenants.Tenant tenant = browser.tenants.create(name);
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        String member = owner.document("""
                        mutation { createTeamMember(input: {name: "Solo", monthlyLoadedCost: {amountMinor: 500000},
                          dailyBillRate: {amountMinor: 60000}}) { teamMember { id } userErrors { code } } }""")
                .execute().path("createTeamMember.teamMember.id").entity(String.class).get();
        String client = owner.document("{ clients { nodes { id } } }").execute().path("clients.nodes[0].id")
                .entity(String.class).get();
        String project = owner.document("""
                        mutation($c: ID!, $s: Date!) { createProject(input: {clientId: $c, name: "Site", status: ACTIVE,
                          startDate: $s, feeBudget: {amountMinor: 1000000}}) { project { id } userErrors { code } } }""")
                .variable("c", client).variable("s", browser.clock.todayInParis().minusMonths(1).toString()).execute()
                .path("createProject.project.id").entity(String.class).get();
        browser.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        browser.wait.until(d -> "Open alerts: 0".equals(bellLabel()));
        return new SoloAndSite(tenant, owner, member, project);
    }
}
