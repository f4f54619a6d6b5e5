package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Projects and billing plans in Chromium (#/projects, issue 15 point 2), through {@link BrowserTest}'s browser
 * and helpers: finance creates a project from the client's page, writes a deposit + milestones plan, reads the
 * preview's invoices and the lift of the agency's lowest point, saves, and finds the planned invoices on the
 * client's page; a plan of 90 % is refused next to the milestones and nothing is saved; a lead sees the
 * project without its money forms. Dates are relative to the agency's today by the application's clock.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectsBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void financeCreatesAProjectPreviewsItsPlanAndSavesIt() {
        LocalDate today = browser.clock.todayInParis();
        // the Monday eight weeks after this week's: an 80,000.00 one-off that week
        LocalDate crunch = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(8);
        Tenants.Tenant tenant = browser.tenants.create("Atelier Projets");
        HttpGraphQlTester finance = browser.tenants.as(tenant, Role.FINANCE);
        String client = GlobalId.of("Client", tenant.ownClient().id().value());
        finance.document("mutation($d: Date!) { recordBankBalance(input: {date: $d, amount: {amountMinor: 5000000}}) {"
                        + " userErrors { code } } }").variable("d", today.minusDays(1).toString()).execute()
                .path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        finance.document("mutation($d: Date!) { createOneOffExpense(input: {label: \"Servers\", date: $d,"
                        + " amount: {amountMinor: 8000000}}) { userErrors { code } } }").variable("d", crunch.toString())
                .execute().path("createOneOffExpense.userErrors").entityList(Object.class).hasSize(0);

        browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        browser.js("location.hash = arguments[0]", "#/clients/" + client);
        browser.click("[data-testid=client-new-project]");
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=project-form]")));
        assertThat(form.findElement(By.name("clientId")).getDomProperty("value")).isEqualTo(client);
        form.findElement(By.name("name")).sendKeys("Platform");
        LocalDate start = today.plusDays(1);
        browser.setDate(form.findElement(By.name("startDate")), start);
        browser.setDate(form.findElement(By.name("launchDate")), crunch.plusDays(60));
        browser.setDate(form.findElement(By.name("communicationPlanDate")), crunch.plusDays(70));
        form.findElement(By.name("feeBudget")).sendKeys("100000");
        form.findElement(By.name("paymentTermsDays")).sendKeys("30");
        form.findElement(By.cssSelector("[data-testid=save-project]")).click();
        assertThat(browser.text("[data-testid=project-saved]")).isEqualTo("Project “Platform” created.");
        String project = browser.driver.getCurrentUrl().replaceAll(".*#/projects/", "");

        // 30 % deposit, then "Design approved" 40 % two weeks after the crunch and "Launch" 60 % — 130 % — then 30 %
        WebElement plan = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=plan-form]")));
        browser.replace(plan.findElement(By.name("depositPercent")), "30");
        plan.findElement(By.name("milestones.0.label")).sendKeys("Design approved");
        browser.setDate(plan.findElement(By.name("milestones.0.date")), crunch.plusDays(14));
        browser.replace(plan.findElement(By.name("milestones.0.sharePercent")), "40");
        plan.findElement(By.cssSelector("[data-testid=add-milestone]")).click();
        plan.findElement(By.name("milestones.1.label")).sendKeys("Launch");
        browser.setDate(plan.findElement(By.name("milestones.1.date")), crunch.plusDays(60));
        plan.findElement(By.name("milestones.1.sharePercent")).sendKeys("60");
        assertThat(browser.text("[data-testid=plan-total]"))
                .isEqualTo("Deposit and milestones add up to 130 %: they must add up to 100 %.");
        browser.replace(plan.findElement(By.name("milestones.1.sharePercent")), "30");
        assertThat(browser.text("[data-testid=plan-total]")).isEqualTo("Deposit and milestones add up to 100 %.");
        assertThat(plan.findElement(By.cssSelector("[data-testid=save-plan]")).isEnabled()).as("saved unseen").isFalse();

        plan.findElement(By.cssSelector("[data-testid=preview-plan]")).click();
        WebElement preview = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=plan-preview]")));
        // 100,000.00: 30,000.00 + 40,000.00 + 30,000.00
        assertThat(preview.findElements(By.cssSelector("[data-testid=preview-invoices] tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-amount")).toList()).containsExactly("3000000", "4000000", "3000000");
        assertThat(preview.findElement(By.cssSelector("[data-testid=preview-invoices] tbody tr")).getText())
                .contains("Deposit 30 %").contains("€30,000.00");
        // Before: 50,000.00 until the crunch takes it to −30,000.00. The deposit, invoiced tomorrow on 30-day
        // terms, is expected 5 days after its due date (an SME's default): today + 36 days, before the crunch
        // week (at least 50 days away), so the crunch leaves 50,000 + 30,000 − 80,000 = 0.00: a lift of 30,000.00.
        WebElement lowest = preview.findElement(By.cssSelector("[data-testid=preview-lowest]"));
        assertThat(lowest.getDomAttribute("data-before")).isEqualTo("-3000000");
        assertThat(lowest.getDomAttribute("data-after")).isEqualTo("0");
        assertThat(lowest.getDomAttribute("data-change")).isEqualTo("3000000");
        assertThat(lowest.getText()).contains("-€30,000 now → €0 with this plan").contains("+€30,000");
        assertThat(preview.findElement(By.cssSelector("[data-testid=preview-threshold]")).getText()).endsWith("→ never with this plan");
        // the same figures as the forecast, which nothing has changed yet
        assertThat(lowestBalance(finance)).isEqualTo(-3_000_000L);
        browser.screenshot("project-billing-plan");

        plan.findElement(By.cssSelector("[data-testid=save-plan]")).click();
        assertThat(browser.text("[data-testid=plan-saved]")).isEqualTo("Billing plan saved: 3 planned invoices.");
        assertThat(lowestBalance(finance)).isEqualTo(0L);
        finance.document("query($p: ID!) { invoices(projectId: $p, first: 10) { nodes { status amount { amountMinor } } } }")
                .variable("p", project).execute()
                .path("invoices.nodes[*].amount.amountMinor").entityList(Long.class)
                .containsExactly(3_000_000L, 4_000_000L, 3_000_000L)
                .path("invoices.nodes[*].status").entityList(String.class)
                .containsExactly("PLANNED", "PLANNED", "PLANNED");

        // the client's page lists them among its invoices
        browser.js("window.scrollTo(0, 0)");
        browser.click("a.back");
        WebElement invoices = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.invoices")));
        assertThat(invoices.getText()).contains("Deposit 30 %").contains("Design approved").contains("Launch")
                .contains("€40,000.00");
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=projects]")).getText()).contains("Platform");
    }

    @Test
    void ninetyPercentIsRefusedNextToTheMilestonesAndNothingIsSaved() throws IOException {
        LocalDate today = browser.clock.todayInParis();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Quatre-Vingt-Dix");
        HttpGraphQlTester finance = browser.tenants.as(tenant, Role.FINANCE);
        String project = finance.document("""
                        mutation($c: ID!, $s: Date!, $l: Date!) { createProject(input: {clientId: $c, name: "Boutique",
                          startDate: $s, launchDate: $l, feeBudget: {amountMinor: 2000000}}) { project { id } } }""")
                .variable("c", GlobalId.of("Client", tenant.ownClient().id().value()))
                .variable("s", today.toString()).variable("l", today.plusDays(90).toString()).execute()
                .path("createProject.project.id").entity(String.class).get();

        browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        browser.go("projects");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=project-list]")));
        browser.driver.findElement(By.linkText("Boutique")).click();
        WebElement plan = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=plan-form]")));
        // 30 % deposit + 60 % at launch = 90 %
        browser.replace(plan.findElement(By.name("depositPercent")), "30");
        plan.findElement(By.name("milestones.0.label")).sendKeys("Launch");
        browser.setDate(plan.findElement(By.name("milestones.0.date")), today.plusDays(90));
        browser.replace(plan.findElement(By.name("milestones.0.sharePercent")), "60");
        assertThat(browser.text("[data-testid=plan-total]")).contains("90 %");
        plan.findElement(By.cssSelector("[data-testid=preview-plan]")).click();
        WebElement error = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=error-milestones]")));
        assertThat(error.getText()).isEqualTo("deposit and milestones must add up to 100 % (they add up to 90 %)");
        assertThat(plan.findElements(By.cssSelector("[data-testid=plan-preview]"))).isEmpty();
        assertThat(plan.findElement(By.cssSelector("[data-testid=save-plan]")).isEnabled()).isFalse();
        finance.document("query($p: ID!) { node(id: $p) { ... on Project { billingPlan { version } } }"
                        + " invoices(projectId: $p, first: 10) { totalCount } }").variable("p", project).execute()
                .path("node.billingPlan").valueIsNull()
                .path("invoices.totalCount").entity(Integer.class).isEqualTo(0);

        // at a phone's 390 px, in French: no horizontal scrolling
        browser.atPhoneSize(() -> {
            browser.click("[data-testid=lang-fr]");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#plan-title"),
                    "Échéancier de facturation"));
            assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("page width at 390 px").isTrue();
            browser.js("document.querySelector('[data-testid=plan-form]').scrollIntoView()");
            browser.phoneScreenshot("project-plan-fr");
        });
    }

    @Test
    void aLeadEditsTheProjectButSeesNoPlanAndSendsNoMoney() {
        LocalDate today = browser.clock.todayInParis();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Chef de Projet");
        HttpGraphQlTester finance = browser.tenants.as(tenant, Role.FINANCE);
        String project = finance.document("""
                        mutation($c: ID!, $s: Date!) { createProject(input: {clientId: $c, name: "Refonte",
                          startDate: $s, feeBudget: {amountMinor: 2000000}}) { project { id } } }""")
                .variable("c", GlobalId.of("Client", tenant.ownClient().id().value()))
                .variable("s", today.toString()).execute().path("createProject.project.id").entity(String.class).get();

        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        browser.go("projects");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=new-project]"))).isEmpty();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Refonte"))).click();
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=project-form]")));
        assertThat(form.findElements(By.name("feeBudget"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=plan-form]"))).isEmpty();
        browser.setDate(form.findElement(By.name("launchDate")), today.plusDays(120));
        form.findElement(By.cssSelector("[data-testid=save-project]")).click();
        assertThat(browser.text("[data-testid=project-saved]")).isEqualTo("Project “Refonte” saved.");
        finance.document("query($p: ID!) { node(id: $p) { ... on Project { launchDate feeBudget { amountMinor } } } }")
                .variable("p", project).execute()
                .path("node.launchDate").entity(String.class).isEqualTo(today.plusDays(120).toString())
                .path("node.feeBudget.amountMinor").entity(Long.class).isEqualTo(2_000_000L);
        browser.js("location.hash = '#/projects/new'");
        assertThat(browser.text("[data-testid=not-allowed]")).isNotEmpty();
    }

    private long lowestBalance(HttpGraphQlTester api) {
        return api.document("{ cashForecast(horizonWeeks: 52) { lowestBalance { amountMinor } } }").execute()
                .path("cashForecast.lowestBalance.amountMinor").entity(Long.class).get();
    }
}
