package io.cordee.api.imports;

import static io.cordee.api.imports.ImportReports.counts;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.AgencyRows;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FEC import (ADR 51) end to end against PostgreSQL, with the ledger of a small agency written for the test
 * from article A47 A-1 of the LPF. The clock is Thursday 3 December 2026.
 */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
public class FecImportTest {

    static final Charset CP1252 = Charset.forName("windows-1252");

    /**
     * Three clients, six invoices (sales journal VE), five customer payments (bank journal BQ), one bank account.
     * New clients get SME and 30 days' terms; "OWN CLIENT" is the tenant's "Own Client" (SME, 30 days), matched
     * by name. Due = issue + 30 days; delay = lettering date (DateLet) − due:
     * <pre>
     * Atelier Dupont    FA-001 05/01 1 200,00 due 04/02  lettered A on 10/02 → paid, delay  6
     *                   FA-002 02/02 2 400,00 due 04/03  lettered B on 20/03 → paid, delay 16 (Feb has 28 days)
     *                   FA-003 02/03   600,00 due 01/04  lettered C on 03/04 → paid, delay  2
     *   delays sorted 2, 6, 16: median 6; P90 = the ⌈0.9 × 3⌉ = 3rd = 16; based on 3 invoices (the model learns)
     * Boulangerie Émile FA-004 15/01 3 000,00 due 14/02  lettered D on 01/03 → paid, delay 15
     *                   FA-005 10/02 1 800,00            lettered E with 900,00 only: partial → ignored, open
     *   one paid invoice (< 3): the SME default, 5 days, based on 1
     * Own Client        FA-006 20/03   500,00            not lettered: open
     * </pre>
     * Invoices 1 200 + 2 400 + 600 + 3 000 + 1 800 + 500 = 9 500,00 → 950 000 minor units; paid 1 200 + 2 400 + 600
     * + 3 000 = 7 200,00 → 720 000. Bank 512000: 10 000 (opening) + 1 200 + 900 + 3 000 + 2 400 + 600 − 4 000
     * (supplier) = 14 100,00 → 1 410 000, at the file's last entry date, 2026-04-03. Eight lines on other
     * accounts (706000 ×6, 110000, 401000) and five customer credits are ignored as such.
     * The 706000 label holds an "œ" (0x9C in Windows-1252), so the Windows-1252 copy is read as Windows-1252.
     */
    public static final String FEC = """
            JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise
            AN|À nouveaux|1|20260101|512000|Banque Populaire|||AN1|20260101|Report à nouveau|10000,00|0,00|||20260101||
            AN|À nouveaux|1|20260101|110000|Report à nouveau|||AN1|20260101|Report à nouveau|0,00|10000,00|||20260101||
            VE|Ventes|2|20260105|411000|Clients|411DUP|Atelier Dupont|FA-001|20260105|Facture FA-001|1200,00|0,00|A|20260210|20260105||
            VE|Ventes|2|20260105|706000|Prestations cœur de métier|||FA-001|20260105|Facture FA-001|0,00|1200,00|||20260105||
            VE|Ventes|3|20260115|411000|Clients|411EMI|Boulangerie Émile|FA-004|20260115|Facture FA-004|3000,00|0,00|D|20260301|20260115||
            VE|Ventes|3|20260115|706000|Prestations cœur de métier|||FA-004|20260115|Facture FA-004|0,00|3000,00|||20260115||
            VE|Ventes|4|20260202|411000|Clients|411DUP|Atelier Dupont|FA-002|20260202|Facture FA-002|2400,00|0,00|B|20260320|20260202||
            VE|Ventes|4|20260202|706000|Prestations cœur de métier|||FA-002|20260202|Facture FA-002|0,00|2400,00|||20260202||
            VE|Ventes|5|20260210|411000|Clients|411EMI|Boulangerie Émile|FA-005|20260210|Facture FA-005|1800,00|0,00|E|20260225|20260210||
            VE|Ventes|5|20260210|706000|Prestations cœur de métier|||FA-005|20260210|Facture FA-005|0,00|1800,00|||20260210||
            VE|Ventes|6|20260302|411000|Clients|411DUP|Atelier Dupont|FA-003|20260302|Facture FA-003|600,00|0,00|C|20260403|20260302||
            VE|Ventes|6|20260302|706000|Prestations cœur de métier|||FA-003|20260302|Facture FA-003|0,00|600,00|||20260302||
            VE|Ventes|7|20260320|411000|Clients|411OWN|OWN CLIENT|FA-006|20260320|Facture FA-006|500,00|0,00|||20260320||
            VE|Ventes|7|20260320|706000|Prestations cœur de métier|||FA-006|20260320|Facture FA-006|0,00|500,00|||20260320||
            BQ|Banque|8|20260210|512000|Banque Populaire|||RG-001|20260210|Règlement FA-001|1200,00|0,00|||20260210||
            BQ|Banque|8|20260210|411000|Clients|411DUP|Atelier Dupont|RG-001|20260210|Règlement FA-001|0,00|1200,00|A|20260210|20260210||
            BQ|Banque|9|20260225|512000|Banque Populaire|||RG-002|20260225|Acompte FA-005|900,00|0,00|||20260225||
            BQ|Banque|9|20260225|411000|Clients|411EMI|Boulangerie Émile|RG-002|20260225|Acompte FA-005|0,00|900,00|E|20260225|20260225||
            BQ|Banque|10|20260301|512000|Banque Populaire|||RG-003|20260301|Règlement FA-004|3000,00|0,00|||20260301||
            BQ|Banque|10|20260301|411000|Clients|411EMI|Boulangerie Émile|RG-003|20260301|Règlement FA-004|0,00|3000,00|D|20260301|20260301||
            BQ|Banque|11|20260320|512000|Banque Populaire|||RG-004|20260320|Règlement FA-002|2400,00|0,00|||20260320||
            BQ|Banque|11|20260320|411000|Clients|411DUP|Atelier Dupont|RG-004|20260320|Règlement FA-002|0,00|2400,00|B|20260320|20260320||
            BQ|Banque|12|20260331|401000|Fournisseurs|||FF-77|20260331|Loyer mars|4000,00|0,00|||20260331||
            BQ|Banque|12|20260331|512000|Banque Populaire|||FF-77|20260331|Loyer mars|0,00|4000,00|||20260331||
            BQ|Banque|13|20260403|512000|Banque Populaire|||RG-005|20260403|Règlement FA-003|600,00|0,00|||20260403||
            BQ|Banque|13|20260403|411000|Clients|411DUP|Atelier Dupont|RG-005|20260403|Règlement FA-003|0,00|600,00|C|20260403|20260403||
            """;

    static final String JOB = """
            query($id: ID!) { importJob(id: $id) { status rowCount
              report { rows applied issueCount noteCount counts { record created updated skipped }
                issues { row column message code } notes(first: 100) { row kind message } } } }""";
    static final String DRY_RUN = """
            mutation($id: ID!) { dryRunImport(input: {id: $id}) { job { status
              report { rows applied issueCount noteCount counts { record created updated skipped }
                issues { row column message code } notes(first: 100) { row kind message } } }
              userErrors { field message code } } }""";
    static final String APPLY = """
            mutation($id: ID!) { applyImport(input: {id: $id}) { job { status } userErrors { field message code } } }""";
    static final String BEHAVIOUR = """
            { clients(first: 20) { nodes { name paymentBehaviour { expectedDelayDays p90DelayDays basedOnInvoices } } } }""";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Tenants tenants;
    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void aSmallAgencysLedgerBecomesInvoicesPaymentsABankBalanceAndTheDelayModelLearnsFromIt() {
        Tenants.Tenant tenant = tenants.create("FEC Agency");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        HttpGraphQlTester finance = tenants.withToken(session);

        String id = upload(session, "FEC20261231.txt", FEC.getBytes(StandardCharsets.UTF_8));
        JsonNode dry = dryRun(finance, id);
        assertThat(dry.path("issueCount").asInt()).as(dry.toString()).isZero();
        assertThat(counts(dry)).isEqualTo(Map.of("clients", List.of(2, 0, 0), "projects", List.of(3, 0, 0),
                "invoices", List.of(6, 0, 0), "payments", List.of(4, 0, 0), "bankAccounts", List.of(1, 0, 0),
                "bankBalances", List.of(1, 0, 0)));
        assertThat(count(tenant, "invoice")).as("a dry run writes nothing").isZero();
        List<String> notes = notes(dry);
        assertThat(notes).contains(
                "0|IGNORED|8 entries on other accounts than 411 (customers) and 512 (banks): sales, VAT, expenses and"
                        + " the rest are not imported",
                "0|RECOGNISED|bank account 512000 'Banque Populaire': balance 14100.00 EUR on 2026-04-03 (debits"
                        + " 18100.00 EUR − credits 4000.00 EUR)",
                "4|RECOGNISED|client 'Atelier Dupont' created (not found in Cordée by name): segment SME, 30 days'"
                        + " terms",
                "10|IGNORED|invoice FA-005: lettering 'E' on 411000 411EMI is partial (debits 1800.00 EUR, credits"
                        + " 900.00 EUR): no payment imported, the invoice stays open");
        assertThat(notes).noneMatch(n -> n.contains("'OWN CLIENT' created"));

        JsonNode applied = apply(finance, id);
        assertThat(applied.path("status").asString()).isEqualTo("APPLIED");
        assertThat(db.sql("SELECT number || '/' || status || '/' || amount_minor || '/' || paid_minor || '/'"
                        + " || coalesce(paid_date::text, '-') || '/' || due_date FROM invoice WHERE agency_id = :a"
                        + " ORDER BY number").bind("a", tenant.agencyId().value()).mapValue(String.class).all()
                .collectList().block()).containsExactly(
                "FA-001/PAID/120000/120000/2026-02-10/2026-02-04",
                "FA-002/PAID/240000/240000/2026-03-20/2026-03-04",
                "FA-003/PAID/60000/60000/2026-04-03/2026-04-01",
                "FA-004/PAID/300000/300000/2026-03-01/2026-02-14",
                "FA-005/ISSUED/180000/0/-/2026-03-12",
                "FA-006/ISSUED/50000/0/-/2026-04-19");
        assertThat(sum(tenant, "SELECT sum(amount_minor) FROM invoice")).isEqualTo(950_000L);
        assertThat(sum(tenant, "SELECT sum(amount_minor) FROM payment")).isEqualTo(720_000L);
        assertThat(db.sql("SELECT a.name || '/' || a.label || '/' || b.on_date || '/' || b.amount_minor FROM bank_balance b"
                        + " JOIN bank_account a ON a.id = b.account_id WHERE b.agency_id = :a")
                .bind("a", tenant.agencyId().value()).mapValue(String.class).all().collectList().block())
                .containsExactly("Banque Populaire/512000/2026-04-03/1410000");
        // the FA-006 of "OWN CLIENT" went to the existing Own Client
        assertThat(db.sql("SELECT c.name FROM invoice i JOIN client c ON c.id = i.client_id WHERE i.agency_id = :a"
                        + " AND i.number = 'FA-006'").bind("a", tenant.agencyId().value()).mapValue(String.class)
                .one().block()).isEqualTo("Own Client");
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE agency_id = :a AND operation = 'applyImport'"
                        + " AND record IN ('client', 'project', 'invoice', 'payment', 'bank_account', 'bank_balance')")
                .bind("a", tenant.agencyId().value()).mapValue(Long.class).one().block())
                .as("2 clients + 3 projects + 6 invoices + 4 payments + 1 account + 1 balance").isEqualTo(17L);

        // the delay model learns from the lettering on the first day
        Map<String, String> behaviour = behaviour(finance);
        assertThat(behaviour).containsEntry("Atelier Dupont", "6/16/3")
                .containsEntry("Boulangerie Émile", "5/5/1");

        // the same file again: nothing is written
        String again = upload(session, "FEC20261231.txt", FEC.getBytes(StandardCharsets.UTF_8));
        JsonNode second = apply(finance, again);
        assertThat(counts(second.path("report"))).isEqualTo(Map.of("invoices", List.of(0, 0, 6),
                "payments", List.of(0, 0, 4), "bankAccounts", List.of(0, 0, 1), "bankBalances", List.of(0, 0, 1)));
        assertThat(count(tenant, "invoice")).isEqualTo(6);
        assertThat(count(tenant, "payment")).isEqualTo(4);
        assertThat(count(tenant, "client")).isEqualTo(3);
        assertThat(count(tenant, "bank_balance")).isEqualTo(1);
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE agency_id = :a AND operation = 'applyImport'"
                        + " AND record IN ('client', 'project', 'invoice', 'payment', 'bank_account', 'bank_balance')")
                .bind("a", tenant.agencyId().value()).mapValue(Long.class).one().block()).isEqualTo(17L);
    }

    @Test
    void aLaterLedgerWhoseLetteringPaysAnOpenInvoiceRecordsThePayment() {
        Tenants.Tenant tenant = tenants.create("FEC Later");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        HttpGraphQlTester finance = tenants.withToken(session);
        // first the ledger without FA-001's lettering (rows 4 and 17): FA-001 stays open, 3 payments
        String unlettered = FEC.replace("|1200,00|0,00|A|20260210|", "|1200,00|0,00|||")
                .replace("|0,00|1200,00|A|20260210|", "|0,00|1200,00|||");
        assertThat(counts(apply(finance, upload(session, "early.txt", unlettered.getBytes(StandardCharsets.UTF_8)))
                .path("report")).get("payments")).isEqualTo(List.of(3, 0, 0));
        // then the full ledger: FA-001 is paid on 10/02, the other three payments are already there
        JsonNode later = apply(finance, upload(session, "late.txt", FEC.getBytes(StandardCharsets.UTF_8)));
        assertThat(counts(later.path("report")).get("payments")).isEqualTo(List.of(1, 0, 3));
        assertThat(db.sql("SELECT status || '/' || paid_date FROM invoice WHERE agency_id = :a AND number = 'FA-001'")
                .bind("a", tenant.agencyId().value()).mapValue(String.class).one().block())
                .isEqualTo("PAID/2026-02-10");
        assertThat(sum(tenant, "SELECT sum(amount_minor) FROM payment")).isEqualTo(720_000L);
    }

    @Test
    void tabSeparatedUtf8AndPipeSeparatedWindows1252GiveTheSameLedger() {
        Tenants.Tenant tabs = tenants.create("FEC Tabs");
        String tabSession = tenants.signIn(tabs.email(Role.OWNER), Tenants.PASSWORD);
        apply(tenants.withToken(tabSession), upload(tabSession, "fec-tab.txt",
                FEC.replace('|', '\t').getBytes(StandardCharsets.UTF_8)));

        Tenants.Tenant cp = tenants.create("FEC Windows");
        String cpSession = tenants.signIn(cp.email(Role.OWNER), Tenants.PASSWORD);
        byte[] bytes = FEC.replace("\n", "\r\n").getBytes(CP1252);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("é is one byte, 0xE9").contains("Boulangerie \u00C9mile");
        apply(tenants.withToken(cpSession), upload(cpSession, "fec-1252.txt", bytes));

        for (Tenants.Tenant t : List.of(tabs, cp)) {
            assertThat(sum(t, "SELECT sum(amount_minor) FROM invoice")).isEqualTo(950_000L);
            assertThat(sum(t, "SELECT sum(amount_minor) FROM payment")).isEqualTo(720_000L);
            assertThat(sum(t, "SELECT sum(amount_minor) FROM bank_balance")).isEqualTo(1_410_000L);
            assertThat(db.sql("SELECT name FROM client WHERE agency_id = :a ORDER BY name").bind("a", t.agencyId().value())
                    .mapValue(String.class).all().collectList().block())
                    .containsExactly("Atelier Dupont", "Boulangerie Émile", "Own Client");
        }
    }

    @Test
    void anImpossibleDateIsAnIssueAtItsRowAndColumnAndNothingIsWritten() {
        Tenants.Tenant tenant = tenants.create("FEC Bad Date");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        HttpGraphQlTester finance = tenants.withToken(session);
        // row 12 is FA-003's customer line: 30 February does not exist
        String bad = FEC.replace("VE|Ventes|6|20260302|411000", "VE|Ventes|6|20260230|411000");
        String id = upload(session, "bad.txt", bad.getBytes(StandardCharsets.UTF_8));
        JsonNode report = apply(finance, id).path("report");
        assertThat(report.path("applied").asBoolean()).isFalse();
        assertThat(report.path("issueCount").asInt()).isEqualTo(1);
        JsonNode issue = report.path("issues").get(0);
        assertThat(issue.path("row").asInt() + "|" + issue.path("column").asString() + "|"
                + issue.path("code").asString()).isEqualTo("12|EcritureDate|INVALID_FORMAT");
        assertThat(issue.path("message").asString()).contains("20260230").contains("not a date that exists");
        assertThat(count(tenant, "invoice")).isZero();
        assertThat(count(tenant, "payment")).isZero();
        assertThat(count(tenant, "bank_balance")).isZero();
        assertThat(count(tenant, "client")).isEqualTo(1);

        // a file that is not a FEC is refused at upload
        web.post().uri("/imports?kind=FEC").cookie("CORDEE_SESSION", session)
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("Nom;Segment\nAlpha;PME\n")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("IMPORT_FILE_INVALID");
    }

    @Test
    void onlyMoneyRolesWithTheirAreasImportAFecAndAnotherAgencyCannotApplyIt() {
        Tenants.Tenant a = tenants.create("FEC Tenant A");
        Tenants.Tenant b = tenants.create("FEC Tenant B");
        String financeA = tenants.signIn(a.email(Role.FINANCE), Tenants.PASSWORD);
        String id = upload(financeA, "fec.txt", FEC.getBytes(StandardCharsets.UTF_8));

        String lead = tenants.signIn(a.email(Role.LEAD), Tenants.PASSWORD);
        web.post().uri("/imports?kind=FEC").cookie("CORDEE_SESSION", lead)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(FEC.getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isForbidden();
        tenants.withToken(lead).document(APPLY).variable("id", id).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));

        HttpGraphQlTester ownerB = tenants.as(b, Role.OWNER);
        ownerB.document(JOB).variable("id", id).execute().path("importJob").valueIsNull();
        ownerB.document(APPLY).variable("id", id).execute()
                .path("applyImport.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");

        // a token without CASH may not write a FEC's bank balances
        HttpGraphQlTester owner = tenants.as(a, Role.OWNER);
        String noCash = owner.document("""
                        mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { token } }""")
                .variable("in", Map.of("name", "ledger", "access", "READ_WRITE",
                        "areas", List.of("CLIENTS", "PROJECTS", "BILLING"))).execute()
                .path("createApiToken.token").entity(String.class).get();
        web.post().uri("/imports?kind=FEC").header(HttpHeaders.AUTHORIZATION, "Bearer " + noCash)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(FEC.getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("CASH"));
        assertThat(count(a, "invoice")).isZero();
        assertThat(count(b, "invoice")).isZero();
    }

    // ---------------------------------------------------------------------------------------------------

    private String upload(String session, String fileName, byte[] bytes) {
        String body = web.post().uri("/imports?kind=FEC&fileName=" + fileName)
                .cookie("CORDEE_SESSION", session).contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(bytes)
                .exchange().expectBody(String.class)
                .consumeWith(r -> assertThat(r.getStatus().value()).as(r.getResponseBody()).isEqualTo(201))
                .returnResult().getResponseBody();
        JsonNode answer = json.readTree(body);
        assertThat(answer.path("kind").asString()).isEqualTo("FEC");
        return answer.path("id").asString();
    }

    private JsonNode dryRun(HttpGraphQlTester tester, String id) {
        Object report = tester.document(DRY_RUN).variable("id", id).execute()
                .path("dryRunImport.job.report").entity(Object.class).get();
        return json.valueToTree(report);
    }

    private JsonNode apply(HttpGraphQlTester tester, String id) {
        tester.document(APPLY).variable("id", id).execute().path("applyImport.userErrors").entityList(Object.class)
                .hasSize(0);
        return ImportJobWait.awaitEnd(() -> json.valueToTree(tester.document(JOB).variable("id", id).execute()
                .path("importJob").entity(Object.class).get()));
    }

    /** name → expected/p90/basedOn. */
    private Map<String, String> behaviour(HttpGraphQlTester tester) {
        JsonNode nodes = json.valueToTree(tester.document(BEHAVIOUR).execute().path("clients.nodes")
                .entity(Object.class).get());
        Map<String, String> result = new TreeMap<>();
        nodes.forEach(n -> {
            JsonNode b = n.path("paymentBehaviour");
            result.put(n.path("name").asString(), b.path("expectedDelayDays").asInt() + "/"
                    + b.path("p90DelayDays").asInt() + "/" + b.path("basedOnInvoices").asInt());
        });
        return result;
    }

    private static List<String> notes(JsonNode report) {
        List<String> notes = new java.util.ArrayList<>();
        report.path("notes").forEach(n -> notes.add(n.path("row").asInt() + "|" + n.path("kind").asString() + "|"
                + n.path("message").asString()));
        return notes;
    }

    private long count(Tenants.Tenant tenant, String table) {
        return AgencyRows.count(db, tenant.agencyId(), table);
    }

    private long sum(Tenants.Tenant tenant, String select) {
        return db.sql("SELECT coalesce((" + select + " WHERE agency_id = :a), 0)").bind("a", tenant.agencyId().value())
                .mapValue(Long.class).one().block();
    }
}
