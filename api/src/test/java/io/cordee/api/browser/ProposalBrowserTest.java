package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A renegotiation proposal end to end in Chromium (issue 19 point 4, ADR 65): from a capacity alert the owner
 * opens the client's proposal, reads the letter as a document, marks it sent by post, is told when someone else
 * answered meanwhile, records the acceptance of option 1 and sees the project's new planned invoices. Dates are
 * relative to the agency's today by the application's clock; changes are made in a throw-away agency.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void fromAnAlertTheProposalIsSentAcceptedAndItsOptionBecomesTheBillingPlan() {
        LocalDate today = browser.clock.todayInParis();
        YearMonth thisMonth = YearMonth.from(today);
        LocalDate start = thisMonth.atDay(1);
        LocalDate launch = thisMonth.plusMonths(1).atEndOfMonth();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Proposition");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        String clientId = owner.document("{ clients { nodes { id } } }").execute()
                .path("clients.nodes[0].id").entity(String.class).get();
        // fee 30,000.00 from the first of this month to the end of next month, invoiced in one part at the launch
        String project = owner.document("""
                        mutation($c: ID!, $start: Date!, $launch: Date!) { createProject(input: {clientId: $c,
                          name: "Refonte", status: ACTIVE, startDate: $start, launchDate: $launch,
                          feeBudget: {amountMinor: 3000000}}) { project { id } } }""")
                .variable("c", clientId).variable("start", start.toString()).variable("launch", launch.toString())
                .execute().path("createProject.project.id").entity(String.class).get();
        owner.document("""
                        mutation($p: ID!, $on: Date!) { setBillingPlan(input: {projectId: $p, depositPercent: 0,
                          milestones: [{label: "Launch", date: $on, sharePercent: 100}]}) { userErrors { code } } }""")
                .variable("p", project).variable("on", launch.toString()).execute()
                .path("setBillingPlan.userErrors").entityList(Object.class).hasSize(0);
        // the agency's only person at 40 % on it next month: 40 % of the capacity > 30 %, a capacity alert
        String member = owner.document("""
                        mutation { createTeamMember(input: {name: "Ada Lovelace", monthlyLoadedCost: {amountMinor: 600000},
                          dailyBillRate: {amountMinor: 70000}}) { teamMember { id } } }""").execute()
                .path("createTeamMember.teamMember.id").entity(String.class).get();
        LocalDate nextMonth = thisMonth.plusMonths(1).atDay(1);
        owner.document("""
                        mutation($m: ID!, $p: ID!, $from: Date!, $to: Date!) { createAllocation(input: {teamMemberId: $m,
                          projectId: $p, sharePercent: 40, startDate: $from, endDate: $to}) { userErrors { code } } }""")
                .variable("m", member).variable("p", project).variable("from", nextMonth.toString())
                .variable("to", launch.toString()).execute()
                .path("createAllocation.userErrors").entityList(Object.class).hasSize(0);

        // a proposal runs the forecast, which starts from a recorded balance: 50,000.00 yesterday
        owner.document("mutation($on: Date!) { recordBankBalance(input: {date: $on, amount: {amountMinor: 5000000}}) { userErrors { code } } }")
                .variable("on", today.minusDays(1).toString()).execute()
                .path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        browser.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        browser.go("alerts");
        WebElement alert = browser.wait.until(d -> d.findElement(By.cssSelector("li.alert[data-kind=CAPACITY_CONCENTRATION]")));
        alert.findElement(By.cssSelector("[data-testid=open-proposal]")).click();

        // the page, or what went wrong on it
        WebElement shown = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "[data-testid=proposal-title], main .failure, [data-testid=not-allowed]")));
        assertThat(shown.getDomAttribute("data-testid")).as(browser.driver.findElement(By.cssSelector("main")).getText())
                .isEqualTo("proposal-title");
        // the letter is a document: its title and headings, not Markdown marks
        assertThat(browser.text("[data-testid=proposal-title]")).isEqualTo("Renegotiation proposal — Own Client");
        WebElement letter = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=letter-doc]")));
        assertThat(letter.findElement(By.cssSelector("h2")).getText())
                .isEqualTo("A proposal to keep our projects healthy — Own Client");
        assertThat(letter.findElements(By.cssSelector("h3")).stream().map(WebElement::getText).toList())
                .contains("The facts", "Options we propose");
        assertThat(letter.getText()).doesNotContain("###", "**");
        // and its table of figures: one row per option
        assertThat(letter.findElements(By.cssSelector("table tbody tr"))).hasSize(2);
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=proposal-options] li"))).hasSize(2);

        // marked sent today by post
        WebElement send = browser.driver.findElement(By.cssSelector("[data-testid=send-form]"));
        assertThat(send.findElement(By.name("sentOn")).getDomProperty("value")).isEqualTo(today.toString());
        new Select(send.findElement(By.name("channel"))).selectByValue("POST");
        send.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.text("[data-testid=proposal-notice]")).startsWith("Recorded as sent on ");
        WebElement sent = browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid=sent-proposals] li")));
        assertThat(sent.getText()).contains("Post", "EN", "Download the PDF");
        String proposal = sent.getDomAttribute("data-proposal");
        assertThat(sent.findElement(By.cssSelector("[data-testid=letter-pdf]")).getDomAttribute("href"))
                .isEqualTo("/exports/proposals/" + proposal + "/letter.pdf");

        // meanwhile a colleague records a counter-proposal: the page's version is stale and it says so
        owner.document("""
                        mutation($p: ID!) { recordProposalAnswer(input: {proposalId: $p, version: 0, answer: COUNTERED,
                          note: "They ask for 20 %"}) { userErrors { code } } }""")
                .variable("p", proposal).execute()
                .path("recordProposalAnswer.userErrors").entityList(Object.class).hasSize(0);
        WebElement answer = sent.findElement(By.cssSelector("[data-testid=answer-form]"));
        assertThat(new Select(answer.findElement(By.name("acceptedOption"))).getFirstSelectedOption().getText())
                .startsWith("1. ");
        answer.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.text("[data-proposal='" + proposal + "'] .field-error"))
                .isEqualTo("Changed by someone else — reload the page.");
        assertThat(plannedLabels(owner, project)).containsExactly("Launch");

        // reloaded: the counter-proposal is shown; the client now accepts option 1, applied in the same step
        browser.driver.navigate().refresh();
        sent = browser.wait.until(d -> d.findElement(By.cssSelector("[data-proposal='" + proposal + "']")));
        assertThat(browser.text("[data-testid=answer-line]")).startsWith("Counter-proposal").contains("They ask for 20 %");
        sent.findElement(By.name("note")).sendKeys("Signed by their CFO");
        sent.findElement(By.cssSelector("[data-testid=answer-form] button[type=submit]")).click();
        assertThat(browser.text("[data-testid=proposal-notice]"))
                .isEqualTo("Option 1 accepted and applied: the billing plans and planned invoices were updated.");

        // option 1 is a 30 % deposit then monthly billing until the launch: deposit 30 % of 30,000.00 = 9,000.00;
        // the other 21,000.00 in two months (this one and the next, the launch's) = 10,500.00 each
        WebElement planned = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=planned-invoices]")));
        List<String> amounts = planned.findElements(By.cssSelector("tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-amount")).toList();
        assertThat(amounts).containsExactlyInAnyOrder("9000.00", "10500.00", "10500.00");
        assertThat(planned.getText()).contains("Deposit 30 %", "Month " + thisMonth, "Month " + thisMonth.plusMonths(1),
                "€9,000.00", "€10,500.00");
        assertThat(plannedLabels(owner, project))
                .containsExactly("Deposit 30 %", "Month " + thisMonth, "Month " + thisMonth.plusMonths(1));
        owner.document("query($p: ID!) { node(id: $p) { ... on Project { billingPlan { depositPercent monthlyInArrears } } } }")
                .variable("p", project).execute()
                .path("node.billingPlan.depositPercent").entity(Integer.class).isEqualTo(30)
                .path("node.billingPlan.monthlyInArrears").entity(Boolean.class).isEqualTo(true);
        owner.document("query($id: ID!) { node(id: $id) { ... on RenegotiationProposal { answer acceptedOption answerNote channel } } }")
                .variable("id", proposal).execute()
                .path("node.answer").entity(String.class).isEqualTo("ACCEPTED")
                .path("node.acceptedOption").entity(Integer.class).isEqualTo(1)
                .path("node.answerNote").entity(String.class).isEqualTo("Signed by their CFO")
                .path("node.channel").entity(String.class).isEqualTo("POST");
        // an accepted proposal is final: no answer form any more
        assertThat(browser.driver.findElements(By.cssSelector("[data-proposal='" + proposal + "'] [data-testid=answer-form]")))
                .isEmpty();
    }

    private static List<String> plannedLabels(HttpGraphQlTester owner, String project) {
        return owner.document("query($p: ID!) { invoices(projectId: $p, status: [PLANNED], first: 20) { nodes { label } } }")
                .variable("p", project).execute().path("invoices.nodes[*].label").entityList(String.class).get();
    }
}
