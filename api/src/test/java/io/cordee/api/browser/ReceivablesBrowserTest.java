package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The receivables page (#/receivables, issue 15 point 3) in Chromium, through {@link BrowserTest}'s browser
 * and helpers: finance issues a planned invoice, records a part-payment then the rest, is refused a payment
 * dated tomorrow next to the date, and reads the aged receivables the API computes. Dates are relative to
 * the agency's today by the application's clock, so the test holds at any hour (and under
 * {@code -Dcordee.test.now}). Changes are made in a throw-away agency.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceivablesBrowserTest {

    private static final List<String> BUCKETS = List.of("notDue", "days1To30", "days31To60", "days61To90", "over90",
            "total");


    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void financeIssuesAnInvoiceAndRecordsAPartPaymentThenTheRest() {
        LocalDate today = browser.clock.todayInParis();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Créances");
        HttpGraphQlTester finance = browser.tenants.as(tenant, Role.FINANCE);
        // fee 30,000.00 on 30-day terms: deposit 30 % = 9,000.00, "Design" 30 % = 9,000.00, "Launch" 40 % = 12,000.00
        List<String> invoices = plannedInvoices(finance, GlobalId.of("Client", tenant.ownClient().id().value()), today);
        // "Design" issued 40 days ago through the API: due 10 days ago, 9,000.00 in the 1–30 days bucket
        finance.document("""
                        mutation($id: ID!, $on: Date!) { issueInvoice(input: {id: $id, version: 0, number: "F-099",
                          issueDate: $on}) { invoice { dueDate } } }""")
                .variable("id", invoices.get(1)).variable("on", today.minusDays(40).toString()).execute()
                .path("issueInvoice.invoice.dueDate").entity(String.class).isEqualTo(today.minusDays(10).toString());

        browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        assertThat(navigation()).contains("Receivables");
        browser.go("receivables");
        WebElement deposit = row(invoices.get(0));
        assertThat(deposit.findElement(By.cssSelector("[data-testid=invoice-status]")).getText()).isEqualTo("Planned");

        // issue the deposit today under F-100 (the date is today's by default)
        deposit.findElement(By.cssSelector("[data-action=issue]")).click();
        WebElement form = form("issue");
        form.findElement(By.name("number")).sendKeys("F-100");
        submit(form);
        assertThat(done()).isEqualTo("“F-100” is issued.");
        assertThat(row(invoices.get(0)).findElement(By.cssSelector("[data-testid=invoice-status]")).getText())
                .isEqualTo("Issued");

        // 4,000.00 of 9,000.00 today: 5,000.00 still owed
        row(invoices.get(0)).findElement(By.cssSelector("[data-action=pay]")).click();
        form = form("pay");
        assertThat(form.findElement(By.name("amount")).getDomProperty("value")).isEqualTo("9000.00");
        browser.replace(form.findElement(By.name("amount")), "4000");
        submit(form);
        assertThat(done()).isEqualTo("€4,000.00 recorded on “F-100”: €5,000.00 still owed.");
        assertThat(balance(invoices.get(0))).isEqualTo("€5,000.00");

        // the rest dated tomorrow: the API's message next to the date, nothing recorded
        row(invoices.get(0)).findElement(By.cssSelector("[data-action=pay]")).click();
        form = form("pay");
        browser.setDate(form.findElement(By.name("receivedOn")), today.plusDays(1));
        submit(form);
        WebElement error = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("receivables-receivedOn-error")));
        assertThat(error.getText()).startsWith("is in the future");
        assertThat(form.findElement(By.name("receivedOn")).getDomAttribute("aria-describedby"))
                .isEqualTo("receivables-receivedOn-error");
        assertThat(balance(invoices.get(0))).isEqualTo("€5,000.00");
        assertThat(paidMinor(finance, invoices.get(0))).isEqualTo(400_000L);

        // the rest, 5,000.00 (the amount proposed), today: paid
        browser.setDate(form.findElement(By.name("receivedOn")), today);
        submit(form);
        assertThat(done()).isEqualTo("€5,000.00 recorded: “F-100” is paid.");
        assertThat(row(invoices.get(0)).findElement(By.cssSelector("[data-testid=invoice-status]")).getText())
                .isEqualTo("Paid");
        finance.document("query($id: ID!) { node(id: $id) { ... on Invoice { number status paid { amountMinor } paidDate } } }")
                .variable("id", invoices.get(0)).execute()
                .path("node.number").entity(String.class).isEqualTo("F-100")
                .path("node.status").entity(String.class).isEqualTo("PAID")
                .path("node.paid.amountMinor").entity(Long.class).isEqualTo(900_000L)
                .path("node.paidDate").entity(String.class).isEqualTo(today.toString());

        // the aged table: only "Design" is owed, 9,000.00 in 1–30 days; each total cell is the API's
        Map<String, String> api = apiTotals(finance);
        assertThat(api).containsEntry("days1To30", "9000.00").containsEntry("total", "9000.00")
                .containsEntry("notDue", "0.00");
        WebElement total = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=aged-total]")));
        for (String bucket : BUCKETS) {
            assertThat(total.findElement(By.cssSelector("[data-bucket=" + bucket + "]")).getText()).as(bucket)
                    .isEqualTo(euros(api.get(bucket)));
        }
        assertThat(total.findElement(By.cssSelector("[data-bucket=days1To30]")).getText()).isEqualTo("€9,000.00");

        // filtered to paid invoices: only the deposit
        new Select(browser.driver.findElement(By.cssSelector("[data-testid=filter-status]"))).selectByValue("PAID");
        browser.wait.until(d -> d.findElements(By.cssSelector("table[data-testid=invoices] tbody tr")).size() == 1);
        assertThat(browser.driver.findElements(By.cssSelector("tr[data-invoice='" + invoices.get(0) + "']"))).hasSize(1);
        browser.screenshot("receivables");

        // at a phone's 390 px: no horizontal scrolling, in French too
        browser.atPhoneSize(() -> {
            assertThat(browser.noHorizontalScroll()).as("page width at 390 px").isTrue();
            browser.click("[data-testid=lang-fr]");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                    "Factures et paiements"));
            assertThat(browser.text("[data-testid=aged-receivables] h2")).isEqualTo("Balance âgée");
            assertThat(browser.noHorizontalScroll()).as("page width at 390 px in French").isTrue();
            browser.phoneScreenshot("receivables-fr");
        });
    }

    @Test
    void aStaleIssueIsToldToReloadAndAnInvoiceOutsideThePlanIsAdded() {
        LocalDate today = browser.clock.todayInParis();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Périmé");
        HttpGraphQlTester finance = browser.tenants.as(tenant, Role.FINANCE);
        List<String> invoices = plannedInvoices(finance, GlobalId.of("Client", tenant.ownClient().id().value()), today);

        browser.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        browser.go("receivables");
        row(invoices.get(2)).findElement(By.cssSelector("[data-action=issue]")).click();
        WebElement form = form("issue");
        form.findElement(By.name("number")).sendKeys("F-200");
        // meanwhile, someone else issues it through the API
        finance.document("mutation($id: ID!, $on: Date!) { issueInvoice(input: {id: $id, version: 0, number: \"F-201\","
                        + " issueDate: $on}) { invoice { status } } }")
                .variable("id", invoices.get(2)).variable("on", today.toString()).execute()
                .path("issueInvoice.invoice.status").entity(String.class).isEqualTo("ISSUED");
        submit(form);
        assertThat(browser.text("[data-testid=stale]")).startsWith("Changed by someone else — reload");
        assertThat(form.findElement(By.cssSelector("[data-testid=action-submit]")).isEnabled()).isFalse();
        finance.document("query($id: ID!) { node(id: $id) { ... on Invoice { number } } }").variable("id", invoices.get(2))
                .execute().path("node.number").entity(String.class).isEqualTo("F-201");
        form.findElement(By.xpath(".//button[normalize-space()='Reload']")).click();
        browser.wait.until(d -> row(invoices.get(2)).getText().contains("F-201"));

        // an invoice outside the plan: a zero amount is refused next to the amount, then 1,250.50 is added
        browser.click("[data-testid=add-invoice]");
        form = form("create");
        new Select(form.findElement(By.name("projectId"))).selectByVisibleText("Own Client · Boutique");
        form.findElement(By.name("label")).sendKeys("Extra pages");
        form.findElement(By.name("amount")).sendKeys("0");
        submit(form);
        assertThat(browser.text("#receivables-amount-error")).isEqualTo("must be more than 0");
        browser.replace(form.findElement(By.name("amount")), "1250.50");
        form.findElement(By.name("number")).sendKeys("X-1");
        submit(form);
        assertThat(done()).isEqualTo("“X-1” is added.");
        finance.document("{ invoices(status: [ISSUED], first: 10) { nodes { number label amount { amountMinor } dueDate } } }")
                .execute()
                .path("invoices.nodes[?(@.number == 'X-1')].label").entityList(String.class).containsExactly("Extra pages")
                .path("invoices.nodes[?(@.number == 'X-1')].amount.amountMinor").entityList(Long.class)
                .containsExactly(125_050L)
                .path("invoices.nodes[?(@.number == 'X-1')].dueDate").entityList(String.class)
                .containsExactly(today.plusDays(30).toString());
    }

    @Test
    void aLeadHasNoReceivablesPage() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Lead");
        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        assertThat(navigation()).doesNotContain("Receivables");
        browser.driver.get(browser.url("/#/receivables"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=not-allowed]")));
        assertThat(browser.driver.findElements(By.cssSelector("cordee-receivables"))).isEmpty();
    }

    private List<String> navigation() {
        return browser.driver.findElements(By.cssSelector("[data-testid=nav] a")).stream().map(WebElement::getText)
                .toList();
    }

    private WebElement row(String invoice) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-invoice='" + invoice + "']")));
    }

    private String balance(String invoice) {
        return row(invoice).findElement(By.cssSelector("[data-testid=invoice-balance]")).getText();
    }

    private WebElement form(String kind) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=action-form][data-kind=" + kind + "]")));
    }

    /** Submits and waits until the request is over (submit is disabled while sending). */
    private void submit(WebElement form) {
        form.findElement(By.cssSelector("[data-testid=action-submit]")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid=action-form][aria-busy=true]")).isEmpty());
    }

    private String done() {
        return browser.text("[data-testid=receivables-done]");
    }

    /** An amount from the API as the page formats it (English, cents). */
    private String euros(String amount) {
        return (String) browser.js("return new Intl.NumberFormat('en', {style: 'currency', currency: 'EUR',"
                + " minimumFractionDigits: 2, maximumFractionDigits: 2}).format(Number(arguments[0]))", amount);
    }

    private static long paidMinor(HttpGraphQlTester api, String invoice) {
        return api.document("query($id: ID!) { node(id: $id) { ... on Invoice { paid { amountMinor } } } }")
                .variable("id", invoice).execute().path("node.paid.amountMinor").entity(Long.class).get();
    }

    private static Map<String, String> apiTotals(HttpGraphQlTester api) {
        HttpGraphQlTester.Response r = api.document("{ agedReceivables { total { " + String.join(" ",
                BUCKETS.stream().map(b -> b + " { amount }").toList()) + " } } }").execute();
        return BUCKETS.stream().collect(java.util.stream.Collectors.toMap(b -> b,
                b -> r.path("agedReceivables.total." + b + ".amount").entity(String.class).get()));
    }

    /** A project started 60 days ago, launching in 60, billed 30 % deposit, 30 % "Design" 10 days ago, 40 % at launch. */
    private static List<String> plannedInvoices(HttpGraphQlTester finance, String client, LocalDate today) {
        String project = finance.document("""
                        mutation($c: ID!, $s: Date!, $l: Date!) { createProject(input: {clientId: $c, name: "Boutique",
                          status: ACTIVE, startDate: $s, launchDate: $l, feeBudget: {amountMinor: 3000000},
                          paymentTermsDays: 30}) { project { id } } }""")
                .variable("c", client).variable("s", today.minusDays(60).toString())
                .variable("l", today.plusDays(60).toString()).execute()
                .path("createProject.project.id").entity(String.class).get();
        finance.document("""
                        mutation($p: ID!, $m: [MilestoneInput!]) { setBillingPlan(input: {projectId: $p, depositPercent: 30,
                          milestones: $m}) { billingPlan { version } userErrors { message } } }""")
                .variable("p", project).variable("m", List.of(
                        Map.of("label", "Design", "date", today.minusDays(10).toString(), "sharePercent", 30),
                        Map.of("label", "Launch", "date", today.plusDays(60).toString(), "sharePercent", 40)))
                .execute().path("setBillingPlan.billingPlan.version").entity(Long.class).isEqualTo(0L);
        return finance.document("query($p: ID!) { invoices(projectId: $p, first: 10) { nodes { id } } }")
                .variable("p", project).execute().path("invoices.nodes[*].id").entityList(String.class).get();
    }
}
