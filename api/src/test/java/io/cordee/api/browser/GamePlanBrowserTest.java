package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The game plan in Chromium (issue 19 points 2 and 3, ADR 0064): a lead records a commitment of the client
 * and sets the strengths map on the client's page; the client contact signs in to the portal and marks the
 * commitment delivered with a comment; the lead sees it delivered, with the comment, in the timeline. Dates
 * are the agency's today by the application's clock. A throw-away agency.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GamePlanBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void aLeadRecordsACommitmentTheClientMarksItDeliveredWithACommentAndTheLeadSeesIt() {
        LocalDate today = browser.clock.todayInParis();
        Tenants.Tenant tenant = browser.tenants.create("Atelier Plan de jeu");
        String client = GlobalId.of("Client", tenant.ownClient().id().value());
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        owner.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "New website",
                          startDate: "2026-01-05", feeBudget: {amountMinor: 2000000}}) { project { id } } }""")
                .variable("c", client).execute().path("createProject.project.id").hasValue();

        // the lead, on the client's page
        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        openClientPage(client);

        // a commitment without a title: the API's message next to the title, nothing recorded
        press(browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=new-commitment]"))));
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=new-commitment-form]")));
        new Select(form.findElement(By.name("kind"))).selectByValue("ASSETS");
        browser.setDate(form.findElement(By.name("dueDate")), today.plusDays(7));
        press(form.findElement(By.cssSelector("button[type=submit]")));
        WebElement titleError = browser.wait.until(d -> d.findElements(By.cssSelector(
                "[data-testid=new-commitment-form] .field-error")).stream().findFirst().orElse(null));
        assertThat(titleError.getText()).isNotBlank();
        assertThat(form.findElement(By.name("title")).getDomAttribute("aria-describedby")).isEqualTo(titleError.getDomAttribute("id"));
        assertThat(commitmentCount(owner, client)).isZero();

        // with its title: recorded, due in 7 days, not delivered
        form.findElement(By.name("title")).sendKeys("Brand photos");
        press(form.findElement(By.cssSelector("button[type=submit]")));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=plan-saved]")));
        WebElement row = commitmentRow("commitments", "Brand photos");
        assertThat(row.getText()).contains("New website");
        assertThat(commitmentCount(owner, client)).isEqualTo(1);

        // the strengths map as a grid: four domains 3/3 proposed; design set to 5 for the agency, led by it
        press(browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=edit-strengths]"))));
        WebElement grid = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=edit-strengths-form]")));
        new Select(grid.findElement(By.name("agency-2"))).selectByValue("5");
        new Select(grid.findElement(By.name("lead-2"))).selectByValue("AGENCY");
        press(grid.findElement(By.cssSelector("button[type=submit]")));
        WebElement design = browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid=strengths] tr[data-domain=DESIGN]"))
                .stream().findFirst().orElse(null));
        assertThat(design.getDomAttribute("data-agency")).isEqualTo("5");
        assertThat(design.getDomAttribute("data-client")).isEqualTo("3");
        assertThat(design.getDomAttribute("data-lead")).isEqualTo("AGENCY");

        // the client contact, in the portal: marks it delivered today with a comment
        browser.signedOutInEnglish();
        browser.signIn(tenant.email(Role.CLIENT), Tenants.PASSWORD);
        WebElement portalRow = commitmentRow("portal-commitments", "Brand photos");
        press(portalRow.findElement(By.cssSelector("[data-testid=deliver-commitment]")));
        WebElement deliver = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=deliver-commitment-form]")));
        deliver.findElement(By.name("comment")).sendKeys("All 24 photos are in the shared drive");
        press(deliver.findElement(By.cssSelector("button[type=submit]")));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=portal-plan-saved]")));
        assertThat(commitmentRow("portal-commitments", "Brand photos")
                .findElements(By.cssSelector("[data-testid=deliver-commitment]"))).isEmpty();
        assertThat(browser.text("[data-testid=portal-timeline] [data-testid=comment-body]"))
                .isEqualTo("All 24 photos are in the shared drive");

        // the lead sees it delivered today, the comment in the timeline from the client's side
        browser.signedOutInEnglish();
        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        openClientPage(client);
        WebElement entry = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=plan-timeline] li[data-delivery=true]")));
        assertThat(entry.getDomAttribute("data-side")).isEqualTo("CLIENT");
        assertThat(entry.getText()).contains("Brand photos").contains("All 24 photos are in the shared drive");
        owner.document("query($c: ID!) { client(id: $c) { commitments { title deliveredDate late } } }")
                .variable("c", client).execute()
                .path("client.commitments[0].deliveredDate").entity(String.class).isEqualTo(today.toString())
                .path("client.commitments[0].late").entity(Boolean.class).isEqualTo(false);
    }

    private void openClientPage(String client) {
        browser.js("location.hash = '#/clients/' + encodeURIComponent(arguments[0])", client);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=client-name]")));
    }

    private WebElement commitmentRow(String table, String title) {
        return browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid=" + table + "] tr[data-title]"))
                .stream().filter(r -> title.equals(r.getDomAttribute("data-title"))).findFirst().orElse(null));
    }

    private static int commitmentCount(HttpGraphQlTester owner, String client) {
        return owner.document("query($c: ID!) { client(id: $c) { commitments { id } } }").variable("c", client).execute()
                .path("client.commitments").entityList(Object.class).get().size();
    }

    /** Clicks an element scrolled to the middle of the window, clear of the sticky top bar. */
    private void press(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }
}
