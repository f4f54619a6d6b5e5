package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Issue 15's acceptance: an owner enters a small agency <em>only through the SPA</em>, from an agency with no
 * money data (a fresh tenant: its users and the test support's "Own Client", with no project, invoice, team,
 * balance or cost), then reads the cockpit's lowest point and first crossing and checks them against the
 * figures worked out by hand below and against {@code cashForecast} for the same data.
 *
 * <p>The application's clock is set to Monday 1 March 2027, 10:00 in Paris, so the dates (and the ISO weeks)
 * are fixed; it is put back after the test.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallAgencyBrowserTest {

    /** Monday 1 March 2027, 10:00 in Paris (UTC+1 in winter). */
    private static final Instant MONDAY_1_MARCH_2027 = Instant.parse("2027-03-01T09:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    TestClock clock;

    final BrowserTest browser = new BrowserTest();

    @BeforeAll
    void startChromium() throws IOException {
        browser.against(port, tenants, clock).shareChromium();
    }

    @AfterAll
    void stopChromium() throws IOException {
        browser.stopChromium();
    }

    @BeforeEach
    void signedOutInEnglish() {
        clock.startAt(MONDAY_1_MARCH_2027);
        browser.signedOutInEnglish();
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    /*
     * The agency, as entered below (the agency's defaults: payday the 25th, safety threshold 0.00, an
     * enterprise's expected delay 30 days after the due date when it has fewer than 3 paid invoices):
     *
     *   bank       Compte courant 100,000.00 and Livret 50,000.00, both at the end of Sun 28 Feb 2027 (the
     *              forecast opens on balances recorded before its first day) → opening 150,000.00 on 1 Mar 2027
     *   team       Alice 6,000.00, Bruno 5,000.00, Chloé 4,000.00 a month, and Driss, a planned hire from
     *              1 May 2027 at 5,000.00 → payroll on the 25th: 15,000.00 in March and April, 20,000.00 from May
     *   overhead   rent 5,000.00 on the 5th of each month from 1 Mar 2027
     *   clients    Groupe Atlas, ENTERPRISE on 60 days; Nébuleuse, a STARTUP whose runway ends 30 Sep 2027
     *              (no invoice: nothing in the base forecast)
     *   project    "Refonte" for Groupe Atlas from 1 Mar 2027, fee 200,000.00 on 60 days; plan: 30 % deposit
     *              (60,000.00, issued 1 Mar, due 30 Apr, expected 30 days later: Sun 30 May 2027, week of 24 May),
     *              40 % on 1 Sep 2027 (80,000.00, due 31 Oct, expected Tue 30 Nov 2027, week of 29 Nov), 30 % on
     *              1 Mar 2028 (60,000.00, expected 30 May 2028: beyond the 52 weeks shown)
     *   staffing   allocations move capacity, not cash: none of them changes the forecast
     *
     * Balance after each movement (thousands):
     *   Mar  5 −5 → 145   Mar 25 −15 → 130   Apr  5 −5 → 125   Apr 25 −15 → 110
     *   May  5 −5 → 105   May 25 −20 →  85   May 30 +60 → 145
     *   Jun  5 → 140      Jun 25 → 120       Jul  5 → 115      Jul 25 →  95
     *   Aug  5 →  90      Aug 25 →  70       Sep  5 →  65      Sep 25 →  45
     *   Oct  5 →  40      Oct 25 →  20       Nov  5 →  15      Nov 25 (Thu) −20 → −5: under 0.00
     *   Nov 30 +80 → 75   Dec  5 → 70  Dec 25 → 50  Jan 5 → 45  Jan 25 → 25  Feb 5 → 20  Feb 25 → 0 (not under)
     * So the week of Mon 22 Nov 2027 — the 39th from the week of 1 Mar 2027 — closes at −5,000.00: the first week
     * under the threshold and the lowest point. The cockpit opens on the shortest horizon of 26 weeks or more that
     * shows it: 52 weeks (to Sun 27 Feb 2028; the 30 May 2028 payment is outside).
     */
    @Test
    void anOwnerEntersASmallAgencyThroughTheSpaAndTheCockpitTellsWhenTheCashRunsOut() {
        LocalDate today = clock.todayInParis();
        assertThat(today).isEqualTo(LocalDate.of(2027, 3, 1));
        Tenants.Tenant tenant = tenants.create("Atelier Petit");
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        browser.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);

        // two clients
        browser.go("clients");
        WebElement form = newClientForm();
        type(form, "name", "Groupe Atlas");
        new Select(form.findElement(By.name("segment"))).selectByValue("ENTERPRISE");
        type(form, "paymentTermsDays", "60");
        form.findElement(By.cssSelector("[data-testid=save-client]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=client-notice]"),
                "“Groupe Atlas” is created."));
        form = newClientForm();
        type(form, "name", "Nébuleuse");
        new Select(form.findElement(By.name("segment"))).selectByValue("STARTUP");
        WebElement funding = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=funding]")));
        new Select(funding.findElement(By.name("funding.stage"))).selectByValue("SEED");
        browser.setDate(funding.findElement(By.name("funding.runwayEnd")), LocalDate.of(2027, 9, 30));
        form.findElement(By.cssSelector("[data-testid=save-client]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=client-notice]"),
                "“Nébuleuse” is created."));

        // a project and its deposit + milestones plan
        browser.driver.get(browser.url("/#/projects/new"));
        form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=project-form]")));
        new Select(form.findElement(By.name("clientId"))).selectByVisibleText("Groupe Atlas");
        form.findElement(By.name("name")).sendKeys("Refonte");
        new Select(form.findElement(By.name("status"))).selectByValue("ACTIVE");
        browser.setDate(form.findElement(By.name("startDate")), today);
        browser.setDate(form.findElement(By.name("launchDate")), LocalDate.of(2027, 12, 1));
        form.findElement(By.name("feeBudget")).sendKeys("200000");
        type(form, "paymentTermsDays", "60");
        form.findElement(By.cssSelector("[data-testid=save-project]")).click();
        assertThat(browser.text("[data-testid=project-saved]")).isEqualTo("Project “Refonte” created.");
        WebElement plan = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=plan-form]")));
        browser.replace(plan.findElement(By.name("depositPercent")), "30");
        plan.findElement(By.name("milestones.0.label")).sendKeys("Design");
        browser.setDate(plan.findElement(By.name("milestones.0.date")), LocalDate.of(2027, 9, 1));
        browser.replace(plan.findElement(By.name("milestones.0.sharePercent")), "40");
        plan.findElement(By.cssSelector("[data-testid=add-milestone]")).click();
        plan.findElement(By.name("milestones.1.label")).sendKeys("Lancement");
        browser.setDate(plan.findElement(By.name("milestones.1.date")), LocalDate.of(2028, 3, 1));
        browser.replace(plan.findElement(By.name("milestones.1.sharePercent")), "30");
        plan.findElement(By.cssSelector("[data-testid=preview-plan]")).click();
        WebElement preview = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=plan-preview]")));
        assertThat(preview.findElements(By.cssSelector("[data-testid=preview-invoices] tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-amount")).toList()).containsExactly("6000000", "8000000", "6000000");
        plan.findElement(By.cssSelector("[data-testid=save-plan]")).click();
        assertThat(browser.text("[data-testid=plan-saved]")).isEqualTo("Billing plan saved: 3 planned invoices.");

        // four team members, one of them a planned hire
        browser.go("team");
        addMember("Alice", "6000", null);
        addMember("Bruno", "5000", null);
        addMember("Chloé", "4000", null);
        addMember("Driss", "5000", LocalDate.of(2027, 5, 1));
        browser.wait.until(d -> d.findElements(By.cssSelector("tr[data-member]")).size() == 4);

        // allocations on the timeline, with its create form
        browser.go("staffing");
        allocate("Alice", "80", today, LocalDate.of(2027, 6, 30));
        allocate("Bruno", "50", today, LocalDate.of(2027, 5, 31));
        browser.wait.until(d -> d.findElements(By.cssSelector(".tl-bar[data-allocation]")).size() == 2);

        // a balance on each of two accounts, and the rent
        browser.go("bank");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=no-account]")));
        addAccount("Compte courant");
        addAccount("Livret");
        recordBalance("Compte courant", today.minusDays(1), "100000");
        recordBalance("Livret", today.minusDays(1), "50000");
        assertThat(browser.text("[data-testid=bank-total]")).isEqualTo("Open accounts together: €150,000.00");
        browser.click("[data-testid=add-overhead]");
        form = bankForm("overhead");
        form.findElement(By.name("label")).sendKeys("Loyer");
        form.findElement(By.name("monthlyAmount")).sendKeys("5000");
        browser.replace(form.findElement(By.name("dayOfMonth")), "5");
        browser.setDate(form.findElement(By.name("startDate")), today);
        bankSubmit(form);
        assertThat(browser.text("[data-testid=bank-done]")).isEqualTo("“Loyer” is added.");

        // the cockpit: 52 weeks, under the threshold from the week of 22 Nov 2027, the 39th; lowest −5,000.00 then
        browser.go("cockpit");
        WebElement lowest;
        try {
            lowest = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=lowest-balance]")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the cockpit shows no lowest balance but: "
                    + browser.driver.findElement(By.tagName("main")).getText(), e);
        }
        assertThat(lowest.getDomAttribute("data-amount-minor")).isEqualTo("-500000");
        assertThat(lowest.getText()).isEqualTo("-€5,000");
        assertThat(new Select(browser.driver.findElement(By.cssSelector("[data-testid=horizon]")))
                .getFirstSelectedOption().getDomAttribute("value")).isEqualTo("52");
        assertThat(browser.text("[data-testid=first-below]")).isEqualTo("Nov 22, 2027");
        WebElement headline = browser.driver.findElement(By.cssSelector("[data-testid=cockpit-headline]"));
        assertThat(headline.getDomAttribute("data-crossing-week")).isEqualTo("39");
        assertThat(headline.getText()).startsWith("Below your").contains("from Nov 22, 2027 (week 39)")
                .endsWith("on Nov 22, 2027");
        browser.screenshot("small-agency-cockpit");

        // the API's forecast of the same data says the same
        owner.document("""
                        { cashForecast(horizonWeeks: 52) { opening { amountMinor } lowestBalance { amountMinor } lowestWeek
                          firstWeekBelowThreshold weeks { weekStart closing { amountMinor } } } }""").execute()
                .path("cashForecast.opening.amountMinor").entity(Long.class).isEqualTo(15_000_000L)
                .path("cashForecast.lowestBalance.amountMinor").entity(Long.class).isEqualTo(-500_000L)
                .path("cashForecast.lowestWeek").entity(String.class).isEqualTo("2027-11-22")
                .path("cashForecast.firstWeekBelowThreshold").entity(String.class).isEqualTo("2027-11-22")
                // the week of the deposit: 85,000 + 60,000; the last week of the 52: 0.00
                .path("cashForecast.weeks[12].weekStart").entity(String.class).isEqualTo("2027-05-24")
                .path("cashForecast.weeks[12].closing.amountMinor").entity(Long.class).isEqualTo(14_500_000L)
                .path("cashForecast.weeks[51].closing.amountMinor").entity(Long.class).isEqualTo(0L);
        // and what the SPA entered is there: four members, two allocations, two clients more than "Own Client"
        owner.document("{ teamMembers { nodes { name } } clients { totalCount } }").execute()
                .path("teamMembers.nodes[*].name").entityList(String.class).contains("Alice", "Bruno", "Chloé", "Driss").hasSize(4)
                .path("clients.totalCount").entity(Integer.class).isEqualTo(3);
    }

    /**
     * Issue 15 point 10 in one place: a LEAD has none of the money forms (bank, receivables, billing plan, team
     * costs, settings) and when its own browser session posts them anyway, the server refuses each one with
     * FORBIDDEN and nothing changes.
     */
    @Test
    void aLeadNeitherSeesNorPostsTheMoneyForms() {
        Tenants.Tenant tenant = tenants.create("Atelier Sans Argent");
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        String client = io.cordee.api.graphql.common.GlobalId.of("Client", tenant.ownClient().id().value());
        String project = owner.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Refonte", status: ACTIVE,
                          startDate: "2027-03-01", feeBudget: {amountMinor: 1000000}}) { project { id } } }""")
                .variable("c", client).execute().path("createProject.project.id").entity(String.class).get();
        owner.document("""
                        mutation($p: ID!) { setBillingPlan(input: {projectId: $p, depositPercent: 100}) { userErrors { code } } }""")
                .variable("p", project).execute().path("setBillingPlan.userErrors").entityList(Object.class).hasSize(0);
        String invoice = owner.document("query($p: ID!) { invoices(projectId: $p, first: 10) { nodes { id } } }")
                .variable("p", project).execute().path("invoices.nodes[0].id").entity(String.class).get();
        String member = owner.document("""
                        mutation { createTeamMember(input: {name: "Ana", monthlyLoadedCost: {amountMinor: 500000},
                          dailyBillRate: {amountMinor: 60000}}) { teamMember { id } } }""").execute()
                .path("createTeamMember.teamMember.id").entity(String.class).get();

        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=nav] a")).stream().map(WebElement::getText))
                .containsExactly("Clients", "Projects", "Briefs", "Staffing", "Alerts", "Team");
        for (String page : java.util.List.of("cockpit", "receivables", "bank", "settings", "projects/new")) {
            browser.driver.get(browser.url("/#/" + page));
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=not-allowed]")));
        }
        browser.driver.get(browser.url("/#/projects/" + project));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=project-form]")));
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=plan-form], [name=feeBudget]"))).isEmpty();
        browser.go("team");
        WebElement members = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=members]")));
        assertThat(members.getText()).contains("Ana").doesNotContain("5,000");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=add-member], [data-action=edit]"))).isEmpty();

        // what the SPA hides, posted from the LEAD's own session: refused, every one
        java.util.Map<String, String> posts = java.util.Map.of(
                "recordBankBalance", "mutation { recordBankBalance(input: {date: \"2027-03-01\", amount: {amountMinor: 100}}) { userErrors { code } } }",
                "createOverhead", "mutation { createOverhead(input: {label: \"Loyer\", monthlyAmount: {amountMinor: 100}, dayOfMonth: 5,"
                        + " startDate: \"2027-03-01\"}) { userErrors { code } } }",
                "setBillingPlan", "mutation { setBillingPlan(input: {projectId: \"" + project + "\", depositPercent: 50, milestones:"
                        + " [{label: \"Fin\", date: \"2027-06-01\", sharePercent: 50}]}) { userErrors { code } } }",
                "recordPayment", "mutation { recordPayment(input: {invoiceId: \"" + invoice + "\", amount: {amountMinor: 100},"
                        + " receivedOn: \"2027-03-01\"}) { userErrors { code } } }",
                "updateTeamMember", "mutation { updateTeamMember(input: {id: \"" + member + "\", version: 0,"
                        + " monthlyLoadedCost: {amountMinor: 1}}) { userErrors { code } } }",
                "updateAgencySettings", "mutation { updateAgencySettings(input: {version: 0, payday: 1}) { userErrors { code } } }");
        posts.forEach((mutation, query) -> assertThat(post(query)).as(mutation).contains("\"classification\":\"FORBIDDEN\""));
        owner.document("""
                        query($p: ID!) { bankAccounts { id } overheads { id } node(id: $p) { ... on Project { billingPlan { depositPercent } } }
                          teamMembers { nodes { monthlyLoadedCost { amountMinor } } } agency { settings { payday } } }""")
                .variable("p", project).execute()
                .path("bankAccounts").entityList(Object.class).hasSize(0)
                .path("overheads").entityList(Object.class).hasSize(0)
                .path("node.billingPlan.depositPercent").entity(Integer.class).isEqualTo(100)
                .path("teamMembers.nodes[0].monthlyLoadedCost.amountMinor").entity(Long.class).isEqualTo(500_000L)
                .path("agency.settings.payday").entity(Integer.class).isEqualTo(25);
        owner.document("query($p: ID!) { invoices(projectId: $p, first: 10) { nodes { paid { amountMinor } } } }")
                .variable("p", project).execute()
                .path("invoices.nodes[0].paid.amountMinor").entity(Long.class).isEqualTo(0L);
    }

    /** POSTs a GraphQL document from the page, with the browser's session, as the SPA would; the raw answer. */
    private String post(String query) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/graphql', {method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify({query: arguments[0]})}).then(r => r.text()).then(done, e => done('failed: ' + e));""", query);
    }

    // --- helpers (the forms' own test ids, as in the page tests)

    private WebElement newClientForm() {
        browser.click("[data-testid=new-client]");
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=client-form]")));
        browser.wait.until(d -> "name".equals(d.switchTo().activeElement().getDomAttribute("name")));
        return form;
    }

    private void addMember(String name, String cost, LocalDate start) {
        browser.click("[data-testid=add-member]");
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=member-form]")));
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("cost")).sendKeys(cost);
        form.findElement(By.name("rate")).sendKeys("600");
        if (start != null) {
            browser.setDate(form.findElement(By.name("startDate")), start);
        }
        form.findElement(By.cssSelector("[data-testid=team-submit]")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("form[aria-busy=true]")).isEmpty());
        assertThat(browser.text("[data-testid=team-done]")).isEqualTo(name + " is added.");
    }

    private void allocate(String member, String share, LocalDate from, LocalDate to) {
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=new-allocation]")));
        int before = browser.driver.findElements(By.cssSelector(".tl-bar[data-allocation]")).size();
        new Select(form.findElement(By.name("teamMemberId"))).selectByVisibleText(member);
        new Select(form.findElement(By.name("projectId"))).selectByVisibleText("Groupe Atlas · Refonte");
        browser.replace(form.findElement(By.name("sharePercent")), share);
        browser.setDate(form.findElement(By.name("startDate")), from);
        browser.setDate(form.findElement(By.name("endDate")), to);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector(".tl-bar[data-allocation]")).size() > before);
    }

    private void addAccount(String name) {
        browser.click("[data-testid=add-account]");
        WebElement form = bankForm("account");
        form.findElement(By.name("name")).sendKeys(name);
        bankSubmit(form);
        assertThat(browser.text("[data-testid=bank-done]")).isEqualTo("“" + name + "” is added.");
    }

    private void recordBalance(String account, LocalDate date, String amount) {
        if (browser.driver.findElements(By.cssSelector("[data-testid=bank-form][data-kind=balance]")).isEmpty()) {
            browser.click("[data-testid=record-balance]");
        }
        WebElement form = bankForm("balance");
        new Select(form.findElement(By.name("accountId"))).selectByVisibleText(account);
        browser.setDate(form.findElement(By.name("date")), date);
        browser.replace(form.findElement(By.name("amount")), amount);
        bankSubmit(form);
        assertThat(browser.text("[data-testid=bank-done]")).isEqualTo("Balance of “" + account + "” recorded.");
    }

    private WebElement bankForm(String kind) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=bank-form][data-kind=" + kind + "]")));
    }

    private void bankSubmit(WebElement form) {
        form.findElement(By.cssSelector("[data-testid=bank-submit]")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid=bank-form][aria-busy=true]")).isEmpty());
    }

    private void type(WebElement form, String name, String value) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }
}
