package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank-statement page (#/statements) over ADR 52's API, in Chromium: finance uploads a CAMT.053 statement
 * (BankStatementImportTest's: closing balance 12 345,67 € on 30 November, three credits, two matching open
 * invoices), sees the two proposals and the credit that matches nothing, drops one proposal, confirms: one
 * payment and the balance are recorded; the paid credit then shows as already recorded. Clock: 3 December 2026.
 */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BankStatementsBrowserTest {

    static final String INVOICES = """
            number,client,issueDate,dueDate,amount
            F-2026-101,Atelier Nord,2026-10-01,2026-10-31,1500.00
            F-2026-102,Brasserie du Port SARL,2026-10-15,2026-11-14,2400.50
            F-2026-103,Atelier Nord,2026-11-02,2026-12-02,980.00
            """;

    /** 1 500,00 € naming F-2026-101; 2 400,50 € from "Brasserie du Port"; 750,00 € from nobody known. */
    static final String CAMT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
             <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
             <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">12345.67</Amt>
              <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
             <Ntry><Amt Ccy="EUR">1500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
              <BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>BQ-0001</AcctSvcrRef>
              <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>ATELIER NORD SAS</Nm></Dbtr></RltdPties>
               <RmtInf><Ustrd>Facture F-2026-101 merci</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
             <Ntry><Amt Ccy="EUR">2400.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
              <BookgDt><Dt>2026-11-25</Dt></BookgDt><AcctSvcrRef>BQ-0003</AcctSvcrRef>
              <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Brasserie du Port</Nm></Dbtr></RltdPties>
               <RmtInf><Ustrd>VIR SEPA octobre</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
             <Ntry><Amt Ccy="EUR">750.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
              <BookgDt><Dt>2026-11-28</Dt></BookgDt><AcctSvcrRef>BQ-0005</AcctSvcrRef>
              <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Inconnu SA</Nm></Dbtr></RltdPties>
               <RmtInf><Ustrd>Remboursement</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
            </Stmt></BkToCstmrStmt></Document>
            """;

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void financeUploadsACamtStatementKeepsOneOfTheTwoProposalsAndConfirms() throws IOException {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Relevés");
        String session = browser.tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        HttpGraphQlTester finance = browser.tenants.withToken(session);
        importInvoices(finance, session);
        finance.document("mutation { createBankAccount(input: {name: \"Caisse\"}) { bankAccount { id } } }").execute();
        String account = finance.document("mutation { createBankAccount(input: {name: \"Société Générale\","
                + " label: \"7890 189\"}) { bankAccount { id } } }").execute()
                .path("createBankAccount.bankAccount.id").entity(String.class).get();
        Path file = Files.createTempFile("releve", ".xml");
        Files.writeString(file, CAMT, StandardCharsets.UTF_8);

        browser.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        browser.go("import");
        browser.click("[data-testid=import-other-kinds] a[href='#/statements']");
        new Select(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=statement-kind]")))).selectByValue("CAMT053");
        browser.driver.findElement(By.cssSelector("[data-testid=statement-file]")).sendKeys(file.toString());
        browser.click("[data-testid=statement-upload-submit]");

        assertThat(browser.text("[data-testid=statement] h2")).isEqualTo("Closing balance €12,345.67 on Nov 30, 2026");
        // the account recognised by its label, the end of the IBAN
        assertThat(new Select(browser.driver.findElement(By.cssSelector("[data-testid=statement-account]")))
                .getFirstSelectedOption().getText()).isEqualTo("Société Générale (7890 189)");
        assertThat(browser.text("[data-testid=statement-proposal-0]"))
                .isEqualTo("F-2026-101 — same amount, its number in the reference");
        assertThat(browser.text("[data-testid=statement-proposal-1]"))
                .isEqualTo("F-2026-102 — same amount, the client’s name");
        assertThat(browser.text("[data-testid=statement-proposal-2]")).isEqualTo("No open invoice matches");
        assertThat(checkbox(2).isEnabled()).isFalse();
        assertThat(browser.text("[data-testid=statement-confirm]")).isEqualTo("Confirm: 2 payment(s) and the balance");

        // the person drops the second proposal (by keyboard: space on its checkbox), then confirms
        checkbox(1).sendKeys(" ");
        assertThat(browser.text("[data-testid=statement-confirm]")).isEqualTo("Confirm: 1 payment(s) and the balance");
        browser.click("[data-testid=statement-confirm]");
        assertThat(browser.text("[data-testid=statement-done]")).isEqualTo(
                "Recorded: 1 payment(s) (0 already there); the balance is €12,345.67 on Nov 30, 2026.");
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=statement-proposal-0]"),
                "Already recorded"));

        assertThat(status(tenant, "F-2026-101")).isEqualTo("PAID 2026-11-20");
        assertThat(status(tenant, "F-2026-102")).isEqualTo("ISSUED null");
        assertThat(db.sql("SELECT on_date::text || ' ' || amount_minor FROM bank_balance WHERE agency_id = :a AND account_id = :acc")
                .bind("a", tenant.agencyId().value())
                .bind("acc", io.cordee.api.graphql.common.GlobalId.decode(account, "BankAccount", "id"))
                .mapValue(String.class).one().block()).isEqualTo("2026-11-30 1234567");
    }

    private WebElement checkbox(int credit) {
        return browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=statement-credit-" + credit + "] input[type=checkbox]")));
    }

    private String status(Tenants.Tenant tenant, String number) {
        return db.sql("SELECT status || ' ' || coalesce(paid_date::text, 'null') FROM invoice WHERE agency_id = :a"
                        + " AND number = :n").bind("a", tenant.agencyId().value()).bind("n", number)
                .mapValue(String.class).one().block(Duration.ofSeconds(10));
    }

    private void importInvoices(HttpGraphQlTester tester, String session) {
        String body = web.post().uri("/imports?kind=INVOICES").cookie("CORDEE_SESSION", session)
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(INVOICES.getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String job = JsonMapper.builder().build().readTree(body).path("id").asString();
        tester.document("mutation($id: ID!) { applyImport(input: {id: $id}) { job { status } } }")
                .variable("id", job).execute().path("applyImport.job.status").entity(String.class).isEqualTo("APPLIED");
    }
}
