package io.cordee.api.bankstatement;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.AgencyRows;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bank statements (ADR 52) end to end: a CAMT.053 and an OFX statement written for the test, each with a closing
 * balance and three incoming credits, two of which pay open invoices; the proposals, the confirmation, a
 * re-import that pays nothing twice, hostile XML refused, roles and tenants. The clock is Thursday 3 December 2026.
 */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
public class BankStatementImportTest {

    /**
     * Three open invoices (imported as a spreadsheet): F-2026-101 1 500,00 € and F-2026-103 980,00 € to Atelier
     * Nord, F-2026-102 2 400,50 € to Brasserie du Port SARL. Amounts unlike the seed's, so nothing else matches.
     */
    public static final String INVOICES = """
            number,client,issueDate,dueDate,amount
            F-2026-101,Atelier Nord,2026-10-01,2026-10-31,1500.00
            F-2026-102,Brasserie du Port SARL,2026-10-15,2026-11-14,2400.50
            F-2026-103,Atelier Nord,2026-11-02,2026-12-02,980.00
            """;

    static final String IBAN = "FR7630006000011234567890189";

    /**
     * camt.053.001.02. Opening 8 000,00 € + credits 1 500,00 + 2 400,50 + 750,00 − debits 120,00 − 184,83
     * = 12 345,67 € closing booked (CLBD) on 2026-11-30: 8000 + 1500 = 9500; + 2400.50 = 11900.50; + 750 =
     * 12650.50; − 120 = 12530.50; − 184.83 = 12345.67. Credit 1 names F-2026-101 in its remittance text (1 500,00
     * € due: NUMBER_AND_AMOUNT; F-2026-103, same client, is 980,00 € so it is not a candidate). Credit 2 names no
     * invoice but comes from "Brasserie du Port", the client of the only 2 400,50 € invoice (CLIENT_AND_AMOUNT).
     * Credit 3, 750,00 € from an unknown payer, matches nothing. The debits are not credits.
     */
    public static final String CAMT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
             <BkToCstmrStmt>
              <GrpHdr><MsgId>STMT-2026-11</MsgId><CreDtTm>2026-12-01T06:00:00</CreDtTm></GrpHdr>
              <Stmt>
               <Id>2026-11-30-001</Id>
               <Acct><Id><IBAN>%s</IBAN></Id><Ccy>EUR</Ccy></Acct>
               <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">8000.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>
               <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">12345.67</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
               <Ntry><NtryRef>N1</NtryRef><Amt Ccy="EUR">1500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-11-20</Dt></BookgDt><ValDt><Dt>2026-11-20</Dt></ValDt><AcctSvcrRef>BQ-0001</AcctSvcrRef>
                <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>ATELIER NORD SAS</Nm></Dbtr></RltdPties>
                 <RmtInf><Ustrd>Facture F-2026-101 merci</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
               <Ntry><Amt Ccy="EUR">120.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-11-21</Dt></BookgDt><AcctSvcrRef>BQ-0002</AcctSvcrRef></Ntry>
               <Ntry><Amt Ccy="EUR">2400.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-11-25</Dt></BookgDt><AcctSvcrRef>BQ-0003</AcctSvcrRef>
                <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Brasserie du Port</Nm></Dbtr></RltdPties>
                 <RmtInf><Ustrd>VIR SEPA octobre</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
               <Ntry><Amt Ccy="EUR">184.83</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-11-26</Dt></BookgDt><AcctSvcrRef>BQ-0004</AcctSvcrRef></Ntry>
               <Ntry><Amt Ccy="EUR">750.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-11-28</Dt></BookgDt><AcctSvcrRef>BQ-0005</AcctSvcrRef>
                <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Inconnu SA</Nm></Dbtr></RltdPties>
                 <RmtInf><Ustrd>Remboursement</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
              </Stmt>
             </BkToCstmrStmt>
            </Document>
            """.formatted(IBAN);

    /**
     * OFX 1.02 (SGML: leaf elements unclosed), Windows-1252. LEDGERBAL 9 876,54 € as of 2026-11-30. Credits: 1 500,00
     * € "F-2026-101" in MEMO (NUMBER_AND_AMOUNT), 2 400,50 € from BRASSERIE DU PORT (CLIENT_AND_AMOUNT), 42,00 €
     * "Café remboursé" (nothing); one DEBIT of 63,10 € skipped.
     */
    static final String OFX = """
            OFXHEADER:100
            DATA:OFXSGML
            VERSION:102
            SECURITY:NONE
            ENCODING:USASCII
            CHARSET:1252
            COMPRESSION:NONE
            OLDFILEUID:NONE
            NEWFILEUID:NONE

            <OFX>
            <SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20261201060000<LANGUAGE>FRA</SONRS></SIGNONMSGSRSV1>
            <BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>
            <STMTRS><CURDEF>EUR
            <BANKACCTFROM><BANKID>30006<BRANCHID>00001<ACCTID>12345678901<ACCTTYPE>CHECKING</BANKACCTFROM>
            <BANKTRANLIST><DTSTART>20261101<DTEND>20261130
            <STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261120120000[+1:CET]<TRNAMT>1500.00<FITID>OFX-1<NAME>ATELIER NORD<MEMO>Reglement F-2026-101</STMTTRN>
            <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261121<TRNAMT>-63.10<FITID>OFX-2<NAME>PAPETERIE</STMTTRN>
            <STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261125<TRNAMT>2400.50<FITID>OFX-3<NAME>BRASSERIE DU PORT<MEMO>VIR octobre</STMTTRN>
            <STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261128<TRNAMT>42.00<FITID>OFX-4<NAME>Café remboursé</STMTTRN>
            </BANKTRANLIST>
            <LEDGERBAL><BALAMT>9876.54<DTASOF>20261130</LEDGERBAL>
            </STMTRS></STMTTRNRS></BANKMSGSRSV1>
            </OFX>
            """;

    static final String PROPOSALS = """
            query($id: ID!, $acc: ID) { bankStatementImport(id: $id, accountId: $acc) { format accountRef
              account { id name } balanceDate closingBalance { amountMinor }
              credits { index amount { amountMinor } bookedOn debtorName remittance matchReason alreadyRecorded
                proposedInvoice { id number } } } }""";
    static final String CONFIRM = """
            mutation($in: ConfirmBankStatementInput!) { confirmBankStatement(input: $in) { payments alreadyRecorded
              bankBalance { date amount { amountMinor } } userErrors { field message code } } }""";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Tenants tenants;
    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void aCamt053StatementProposesTwoInvoicesAndItsConfirmationPaysThemAndRecordsTheBalanceOnce() {
        Tenants.Tenant tenant = tenants.create("Camt Agency");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        HttpGraphQlTester finance = tenants.withToken(session);
        importInvoices(finance, session);
        // two open accounts: the statement's is recognised by its label, the end of the IBAN
        String other = createAccount(finance, "Caisse d'épargne", null);
        String account = createAccount(finance, "Société Générale", "7890 189");

        String id = upload(session, "CAMT053", CAMT.getBytes(StandardCharsets.UTF_8), "application/xml");
        JsonNode statement = proposals(finance, id, null);
        assertThat(statement.path("format").asString()).isEqualTo("CAMT053");
        assertThat(statement.path("accountRef").asString()).isEqualTo(IBAN);
        assertThat(statement.path("account").path("id").asString()).isEqualTo(account).isNotEqualTo(other);
        assertThat(statement.path("balanceDate").asString()).isEqualTo("2026-11-30");
        assertThat(statement.path("closingBalance").path("amountMinor").asLong()).isEqualTo(1_234_567L);
        assertThat(lines(statement)).containsExactly(
                "0 150000 2026-11-20 ATELIER NORD SAS | F-2026-101 NUMBER_AND_AMOUNT",
                "1 240050 2026-11-25 Brasserie du Port | F-2026-102 CLIENT_AND_AMOUNT",
                "2 75000 2026-11-28 Inconnu SA | - -");
        assertThat(statement.path("credits").get(0).path("remittance").asString()).isEqualTo("Facture F-2026-101 merci");
        assertThat(count(tenant, "payment")).as("proposing writes nothing").isZero();

        JsonNode confirmed = confirm(finance, id, null, acceptAll(statement));
        assertThat(confirmed.path("userErrors")).isEmpty();
        assertThat(confirmed.path("payments").asInt()).isEqualTo(2);
        assertThat(confirmed.path("bankBalance").path("date").asString()).isEqualTo("2026-11-30");
        assertThat(confirmed.path("bankBalance").path("amount").path("amountMinor").asLong()).isEqualTo(1_234_567L);
        assertThat(status(tenant, "F-2026-101")).isEqualTo("PAID 2026-11-20");
        assertThat(status(tenant, "F-2026-102")).isEqualTo("PAID 2026-11-25");
        assertThat(status(tenant, "F-2026-103")).isEqualTo("ISSUED null");
        assertThat(count(tenant, "payment")).isEqualTo(2);
        assertThat(balance(tenant, account)).isEqualTo("2026-11-30 1234567");
        assertThat(db.sql("SELECT count(*) FROM bank_balance WHERE agency_id = :a AND account_id = :acc")
                .bind("a", tenant.agencyId().value()).bind("acc", uuid(other)).mapValue(Long.class).one().block())
                .as("the other account is untouched").isZero();

        // the same statement again: the two credits are known, nothing is proposed for them, nothing paid twice
        String again = upload(session, "CAMT053", CAMT.getBytes(StandardCharsets.UTF_8), "application/xml");
        JsonNode second = proposals(finance, again, null);
        assertThat(second.path("credits").get(0).path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(second.path("credits").get(1).path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(second.path("credits").get(2).path("alreadyRecorded").asBoolean()).isFalse();
        assertThat(lines(second)).allMatch(l -> l.endsWith("| - -"));
        // even a confirmation that names the credits again (a partner system replaying its call) pays nothing
        JsonNode replay = confirm(finance, again, null, acceptAll(statement));
        assertThat(replay.path("payments").asInt()).isZero();
        assertThat(replay.path("alreadyRecorded").asInt()).isEqualTo(2);
        assertThat(count(tenant, "payment")).isEqualTo(2);
    }

    @Test
    void anOfxStatementIsReadTheSameWay() {
        Tenants.Tenant tenant = tenants.create("Ofx Agency");
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        HttpGraphQlTester owner = tenants.withToken(session);
        importInvoices(owner, session);
        String account = createAccount(owner, "Crédit Agricole", "45678901");
        createAccount(owner, "Livret", null);

        String id = upload(session, "OFX", OFX.getBytes(Charset.forName("windows-1252")), "application/x-ofx");
        JsonNode statement = proposals(owner, id, null);
        assertThat(statement.path("accountRef").asString()).isEqualTo("12345678901");
        assertThat(statement.path("account").path("id").asString()).isEqualTo(account);
        assertThat(lines(statement)).containsExactly(
                "0 150000 2026-11-20 ATELIER NORD | F-2026-101 NUMBER_AND_AMOUNT",
                "1 240050 2026-11-25 BRASSERIE DU PORT | F-2026-102 CLIENT_AND_AMOUNT",
                "2 4200 2026-11-28 Café remboursé | - -");

        JsonNode confirmed = confirm(owner, id, null, acceptAll(statement));
        assertThat(confirmed.path("userErrors")).isEmpty();
        assertThat(confirmed.path("payments").asInt()).isEqualTo(2);
        assertThat(status(tenant, "F-2026-101")).isEqualTo("PAID 2026-11-20");
        assertThat(status(tenant, "F-2026-102")).isEqualTo("PAID 2026-11-25");
        assertThat(balance(tenant, account)).isEqualTo("2026-11-30 987654");
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefusedAndNothingIsKept() {
        Tenants.Tenant tenant = tenants.create("Xxe Agency");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><Dt><Dt>2026-11-30</Dt></Dt></Bal>
                <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-30</Dt></BookgDt>
                <NtryDtls><TxDtls><RmtInf><Ustrd>&xxe;</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                </Stmt></BkToCstmrStmt></Document>""";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<Document><BkToCstmrStmt><Stmt><Ntry><RmtInf><Ustrd>&lol9;</Ustrd></RmtInf></Ntry>"
                + "</Stmt></BkToCstmrStmt></Document>");
        long balances = count(tenant, "bank_balance");
        refused(session, "CAMT053", xxe, "DOCTYPE");
        refused(session, "CAMT053", laughs.toString(), "DOCTYPE");
        refused(session, "OFX", "<?xml version=\"1.0\"?><!DOCTYPE OFX [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<OFX><CURDEF>EUR</CURDEF><LEDGERBAL><BALAMT>&x;</BALAMT></LEDGERBAL></OFX>", "DOCTYPE");
        refused(session, "CAMT053", CAMT.replace("<Cd>CLBD</Cd>", "<Cd>CLAV</Cd>"), "closing booked balance");
        refused(session, "CAMT053", CAMT.substring(0, CAMT.length() / 2), "XML cannot be read");
        assertThat(count(tenant, "bank_balance")).isEqualTo(balances);
        assertThat(count(tenant, "payment")).isZero();
    }

    @Test
    void onlyOwnerAndFinanceOfTheAgencyReachAStatement() {
        Tenants.Tenant tenant = tenants.create("Statement Agency");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        HttpGraphQlTester finance = tenants.withToken(session);
        importInvoices(finance, session);
        createAccount(finance, "Société Générale", "7890189");
        String id = upload(session, "CAMT053", CAMT.getBytes(StandardCharsets.UTF_8), "application/xml");
        JsonNode statement = proposals(finance, id, null);

        for (Role role : List.of(Role.LEAD)) {
            String s = tenants.signIn(tenant.email(role), Tenants.PASSWORD);
            web.post().uri("/imports?kind=CAMT053").cookie("CORDEE_SESSION", s)
                    .contentType(MediaType.APPLICATION_XML).bodyValue(CAMT.getBytes(StandardCharsets.UTF_8))
                    .exchange().expectStatus().isForbidden();
            HttpGraphQlTester lead = tenants.withToken(s);
            lead.document(PROPOSALS).variable("id", id).variable("acc", null).execute()
                    .errors().satisfy(errors -> assertThat(errors).anyMatch(e -> "FORBIDDEN".equals(
                            e.getExtensions().get("classification"))));
            lead.document(CONFIRM).variable("in", Map.of("id", id, "matches", acceptAll(statement))).execute()
                    .errors().satisfy(errors -> assertThat(errors).anyMatch(e -> "FORBIDDEN".equals(
                            e.getExtensions().get("classification"))));
        }

        // another agency's finance: the statement is not there, its confirmation finds nothing, writes nothing
        Tenants.Tenant stranger = tenants.create("Stranger Agency");
        HttpGraphQlTester strangerFinance = tenants.withToken(tenants.signIn(stranger.email(Role.FINANCE),
                Tenants.PASSWORD));
        strangerFinance.document(PROPOSALS).variable("id", id).variable("acc", null).execute()
                .path("bankStatementImport").valueIsNull();
        JsonNode refused = confirm(strangerFinance, id, null, acceptAll(statement));
        assertThat(refused.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
        // and this agency cannot pay another agency's invoice with its statement
        String strangerSession = tenants.signIn(stranger.email(Role.FINANCE), Tenants.PASSWORD);
        importInvoices(strangerFinance, strangerSession);
        JsonNode foreign = confirm(finance, id, null, List.of(Map.of("credit", 0,
                "invoiceId", proposals(strangerFinance, upload(strangerSession, "CAMT053",
                        CAMT.getBytes(StandardCharsets.UTF_8), "application/xml"), accountOf(strangerFinance))
                        .path("credits").get(0).path("proposedInvoice").path("id").asString())));
        assertThat(foreign.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(count(tenant, "payment") + count(stranger, "payment")).isZero();
        assertThat(count(tenant, "bank_statement_line")).as("rolled back with the refusal").isZero();
    }

    // ---- helpers

    private void importInvoices(HttpGraphQlTester tester, String session) {
        String body = web.post().uri("/imports?kind=INVOICES").cookie("CORDEE_SESSION", session)
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(INVOICES.getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String job = json.readTree(body).path("id").asString();
        tester.document("mutation($id: ID!) { applyImport(input: {id: $id}) { job { status } } }")
                .variable("id", job).execute().path("applyImport.job.status").entity(String.class).isEqualTo("APPLIED");
    }

    private String createAccount(HttpGraphQlTester tester, String name, String label) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("name", name);
        input.put("label", label);
        return tester.document("mutation($in: CreateBankAccountInput!) { createBankAccount(input: $in) {"
                        + " bankAccount { id } userErrors { message } } }").variable("in", input).execute()
                .path("createBankAccount.bankAccount.id").entity(String.class).get();
    }

    private String accountOf(HttpGraphQlTester tester) {
        return createAccount(tester, "Compte " + System.nanoTime(), null);
    }

    private String upload(String session, String kind, byte[] bytes, String type) {
        String body = web.post().uri("/imports?kind=" + kind + "&fileName=releve").cookie("CORDEE_SESSION", session)
                .contentType(MediaType.parseMediaType(type)).bodyValue(bytes).exchange().expectBody(String.class)
                .consumeWith(r -> assertThat(r.getStatus().value()).as(r.getResponseBody()).isEqualTo(201))
                .returnResult().getResponseBody();
        return json.readTree(body).path("id").asString();
    }

    private void refused(String session, String kind, String file, String reason) {
        web.post().uri("/imports?kind=" + kind).cookie("CORDEE_SESSION", session)
                .contentType(MediaType.APPLICATION_XML).bodyValue(file.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("IMPORT_FILE_INVALID")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains(reason));
    }

    private JsonNode proposals(HttpGraphQlTester tester, String id, String accountId) {
        Object answer = tester.document(PROPOSALS).variable("id", id).variable("acc", accountId).execute()
                .path("bankStatementImport").entity(Object.class).get();
        return json.valueToTree(answer);
    }

    private JsonNode confirm(HttpGraphQlTester tester, String id, String accountId, List<Map<String, Object>> matches) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("id", id);
        input.put("accountId", accountId);
        input.put("matches", matches);
        Object answer = tester.document(CONFIRM).variable("in", input).execute()
                .path("confirmBankStatement").entity(Object.class).get();
        return json.valueToTree(answer);
    }

    /** What the user accepts: every proposal as made. */
    private static List<Map<String, Object>> acceptAll(JsonNode statement) {
        List<Map<String, Object>> matches = new ArrayList<>();
        for (JsonNode credit : statement.path("credits")) {
            if (!credit.path("proposedInvoice").isNull() && !credit.path("proposedInvoice").isMissingNode()) {
                matches.add(Map.of("credit", credit.path("index").asInt(),
                        "invoiceId", credit.path("proposedInvoice").path("id").asString()));
            }
        }
        return matches;
    }

    private static List<String> lines(JsonNode statement) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : statement.path("credits")) {
            JsonNode invoice = c.path("proposedInvoice");
            out.add(c.path("index").asInt() + " " + c.path("amount").path("amountMinor").asLong() + " "
                    + c.path("bookedOn").asString() + " " + c.path("debtorName").asString() + " | "
                    + (invoice.isNull() || invoice.isMissingNode() ? "-" : invoice.path("number").asString()) + " "
                    + (c.path("matchReason").isNull() ? "-" : c.path("matchReason").asString()));
        }
        return out;
    }

    private String status(Tenants.Tenant tenant, String number) {
        return db.sql("SELECT status || ' ' || coalesce(paid_date::text, 'null') FROM invoice WHERE agency_id = :a"
                        + " AND number = :n").bind("a", tenant.agencyId().value()).bind("n", number)
                .mapValue(String.class).one().block(Duration.ofSeconds(10));
    }

    private String balance(Tenants.Tenant tenant, String accountId) {
        return db.sql("SELECT on_date::text || ' ' || amount_minor FROM bank_balance WHERE agency_id = :a"
                        + " AND account_id = :acc").bind("a", tenant.agencyId().value()).bind("acc", uuid(accountId))
                .mapValue(String.class).one().block(Duration.ofSeconds(10));
    }

    private long count(Tenants.Tenant tenant, String table) {
        return AgencyRows.count(db, tenant.agencyId(), table);
    }

    private static java.util.UUID uuid(String globalId) {
        return io.cordee.api.graphql.common.GlobalId.decode(globalId, "BankAccount", "id");
    }
}
