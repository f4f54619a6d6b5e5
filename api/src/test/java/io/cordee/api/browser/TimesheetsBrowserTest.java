package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Timesheets in Chromium (ADR 57): finance uploads a Harvest export with one unknown person and sees the problem
 * at its row and column (nothing imported), then the right file — a dry run, the import — and opens the project's
 * page, where the budget burn and the actual beside allocated days are the API's. A lead sees the days and no
 * cost. The clock is Thursday 3 December 2026; the agency is TimesheetImportTest's.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimesheetsBrowserTest {

    private static final String HEADER = "Date,Client,Project,Project Code,Task,Notes,Hours,Billable?,Invoiced?,"
            + "First Name,Last Name,Roles,Employee?\n";
    /** Camille 7.5 + 4 + 8 = 19.5 h in the week of 2 November; Élodie 8 + 6 = 14 h in the week of 9 November. */
    private static final String GOOD = HEADER + """
            2026-11-02,Atelier Nord,Site vitrine,AN-01,Design,Maquettes,7.5,Yes,No,Camille,Martin,Designer,Yes
            2026-11-03,Atelier Nord,Site vitrine,AN-01,Design,Maquettes,4,Yes,No,Camille,Martin,Designer,Yes
            2026-11-04,Atelier Nord,Site vitrine,AN-01,Design,Revue,8,Yes,No,Camille,Martin,Designer,Yes
            2026-11-10,Atelier Nord,Site vitrine,AN-01,Development,Intégration,8,Yes,No,Élodie,Durand,Developer,Yes
            2026-11-12,Atelier Nord,Site vitrine,AN-01,Development,Intégration,6,Yes,No,Élodie,Durand,Developer,Yes
            """;

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    TestClock clock;

    final BrowserTest browser = new BrowserTest();
    Path files;

    @BeforeAll
    void startChromium() throws IOException {
        browser.against(port, tenants, clock).shareChromium();
        files = Files.createTempDirectory("cordee-timesheets");
    }

    @AfterAll
    void stopChromium() throws IOException {
        browser.stopChromium();
    }

    @BeforeEach
    void thursdayInEnglish() {
        clock.startAt(Instant.parse("2026-12-03T10:00:00Z"));
        browser.signedOutInEnglish();
    }

    @AfterEach
    void backToTheRunsClock() {
        browser.driver.manage().window().setSize(new Dimension(1280, 800));
        clock.reset();
    }

    @Test
    void financeImportsAHarvestExportAfterFixingAnUnknownPersonAndReadsTheBudgetBurnOnTheProject() throws IOException {
        Tenants.Tenant tenant = tenants.create("Atelier Temps");
        String project = agency(tenants.as(tenant, Role.OWNER));
        browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        // not in the navigation: a link of the Import page
        browser.go("import");
        browser.click("[data-testid=import-other-kinds] a[href='#/timesheets']");

        // one line names "Zoé Inconnue": the problem at row 3, column First Name; nothing is imported
        upload(GOOD.replace("2026-11-03,Atelier Nord,Site vitrine,AN-01,Design,Maquettes,4,Yes,No,Camille,Martin",
                "2026-11-03,Atelier Nord,Site vitrine,AN-01,Design,Maquettes,4,Yes,No,Zoé,Inconnue"));
        browser.click("[data-testid=timesheet-import]");
        WebElement issue = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=timesheet-issue-3]")));
        assertThat(issue.getText()).isEqualTo("3 First Name no team member named \"Zoé Inconnue\"");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid^=timesheet-issue-]"))).hasSize(1);

        // the right file: a dry run writes nothing, then the import
        upload(GOOD);
        browser.click("[data-testid=timesheet-dry-run]");
        String ready = "Ready: 5 new entries, 0 already imported, 33.5 hours in the file. Nothing written yet.";
        assertThat(summary(ready)).isEqualTo(ready);
        browser.click("[data-testid=timesheet-import]");
        String imported = "Imported: 5 new entries, 0 already there (33.5 hours in the file).";
        assertThat(summary(imported)).isEqualTo(imported);
        // the same file again changes nothing
        browser.click("[data-testid=timesheet-import]");
        String again = "Imported: 0 new entries, 5 already there (33.5 hours in the file).";
        assertThat(summary(again)).isEqualTo(again);

        // at 390 px wide, no horizontal scroll
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        browser.driver.manage().window().setSize(new Dimension(1280, 800));

        // the project's page: fee 30,000.00; 33.5 h ÷ 8 = 4.19 days; Camille 19.5 h = 2.4375 days × 315.00 =
        // 767.8125, Élodie 14 h = 1.75 days × 280.00 = 490.00: 1,257.8125 → €1,257.81, 4 % of the fee; nothing
        // invoiced. The weeks shown are the eight from 12 October (today's week and the seven before).
        browser.driver.get(browser.url("/#/projects/" + project));
        assertThat(browser.text("[data-testid=burn-fee]")).isEqualTo("€30,000");
        assertThat(browser.text("[data-testid=burn-days]")).isEqualTo("4.19");
        assertThat(browser.text("[data-testid=burn-cost]")).isEqualTo("€1,257.81 (4%)");
        assertThat(browser.text("[data-testid=burn-invoiced]")).isEqualTo("€0.00 (0%)");
        assertThat(weeks()).containsExactly(
                "Nov 2, 2026 Camille Martin 2.44 2.5",
                "Nov 9, 2026 Camille Martin 0 2",
                "Nov 9, 2026 Élodie Durand 1.75 3.2",
                "Nov 16, 2026 Camille Martin 0 2.5",
                "Nov 16, 2026 Élodie Durand 0 4",
                "Nov 23, 2026 Camille Martin 0 2.5");

        // a lead: the days, not the costs
        browser.signedOutInEnglish();
        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        browser.driver.get(browser.url("/#/projects/" + project));
        assertThat(browser.text("[data-testid=burn-days]")).isEqualTo("4.19");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=burn-cost]"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=burn-invoiced]"))).isEmpty();
        browser.driver.get(browser.url("/#/timesheets"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=not-allowed]")));
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=timesheet-upload]"))).isEmpty();
    }

    private void upload(String csv) throws IOException {
        Path file = Files.createTempFile(files, "export", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        new Select(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=timesheet-format]")))).selectByValue("HARVEST");
        WebElement input = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=timesheet-file]")));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /** The summary once it says {@code expected} (the previous one stays until the answer), or what it says. */
    private String summary(String expected) {
        try {
            browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid=timesheet-summary]")).stream()
                    .anyMatch(e -> e.getText().equals(expected)));
        } catch (org.openqa.selenium.TimeoutException e) {
            // fall through: the assertion shows what the page says
        }
        return browser.text("[data-testid=timesheet-summary]");
    }

    private List<String> weeks() {
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=timesheet-weeks]")));
        return browser.driver.findElements(By.cssSelector("[data-testid=timesheet-week]")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText)
                        .reduce((a, b) -> a + " " + b).orElse(""))
                .toList();
    }

    /** TimesheetImportTest's agency (its figures), without Brasserie; answers Atelier Nord's project id. */
    private static String agency(HttpGraphQlTester owner) {
        owner.document("mutation { addPublicHolidays(input: {days: [\"2026-11-11\"], label: \"Armistice\"}) {"
                + " userErrors { message } } }").execute();
        String camille = id(owner, "mutation { createTeamMember(input: {name: \"Camille Martin\", fte: 1.0,"
                + " monthlyLoadedCost: {amountMinor: 630000}, dailyBillRate: {amountMinor: 60000}}) { teamMember { id } } }",
                "createTeamMember.teamMember.id");
        String elodie = id(owner, "mutation { createTeamMember(input: {name: \"Élodie Durand\", fte: 0.8,"
                + " monthlyLoadedCost: {amountMinor: 448000}, dailyBillRate: {amountMinor: 60000}}) { teamMember { id } } }",
                "createTeamMember.teamMember.id");
        String client = id(owner, "mutation { createClient(input: {name: \"Atelier Nord\", segment: SME}) { client { id } } }",
                "createClient.client.id");
        String project = owner.document("mutation($c: ID!) { createProject(input: {clientId: $c, name: \"Site vitrine\","
                        + " status: ACTIVE, startDate: \"2026-10-01\", feeBudget: {amountMinor: 3000000}}) { project { id } } }")
                .variable("c", client).execute().path("createProject.project.id").entity(String.class).get();
        allocate(owner, camille, project, 50, "2026-11-02", "2026-11-29");
        allocate(owner, elodie, project, 100, "2026-11-09", "2026-11-20");
        return project;
    }

    private static String id(HttpGraphQlTester owner, String document, String path) {
        return owner.document(document).execute().path(path).entity(String.class).get();
    }

    private static void allocate(HttpGraphQlTester owner, String member, String project, int share, String from,
                                 String to) {
        owner.document("mutation($m: ID!, $p: ID!, $s: Int!, $f: Date!, $t: Date!) { createAllocation(input: {"
                        + " teamMemberId: $m, projectId: $p, sharePercent: $s, startDate: $f, endDate: $t}) {"
                        + " allocation { id } } }")
                .variable("m", member).variable("p", project).variable("s", share).variable("f", from)
                .variable("t", to).execute().path("createAllocation.allocation.id").entity(String.class).get();
    }
}
