package io.cordee.api.imports;

import static io.cordee.api.imports.ImportReports.counts;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.AgencyRows;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
 * Spreadsheet import (ADR 49) end to end: sample files written for the test in the dialect French spreadsheets
 * save (semicolon, Windows-1252, decimal comma, dd/mm/yyyy), the same data as XLSX, bad rows, bad files, roles
 * and tenants. The clock is Thursday 3 December 2026, 11:00 in Paris.
 */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
class ImportTest {

    static final Charset CP1252 = Charset.forName("windows-1252");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Three clients; headers in French with accents, so the file only reads right as Windows-1252. */
    static final String CLIENTS = """
            Nom;Segment;Délai de paiement
            Société Générale d'Études;Grand compte;60
            Café Crème SARL;PME;30
            Élan Start-up;Start-up;45
            """;

    /**
     * Four invoices. Amounts in minor units: 1 200 000 + 840 050 + 123 456 + 99 999 = 2 263 505 (22 635,05 €).
     * F-2026-002 has no due date: its project "Refonte" takes the client's 60 days, 15/02/2026 + 60 days =
     * 2026-04-16 (13 days to the end of February, 31 in March, 16 in April). F-2026-003 names no project: it
     * goes to "Imported invoices" of Café Crème (30 days): 2026-03-01 + 30 = 2026-03-31. Three projects are
     * created: Refonte, Imported invoices, Appli.
     */
    static final String INVOICES = """
            Numéro de facture;Client;Projet;Date d'émission;Échéance;Montant TTC
            F-2026-001;Société Générale d'Études;Refonte;15/01/2026;16/03/2026;12 000,00
            F-2026-002;Société Générale d'Études;Refonte;15/02/2026;;8 400,50
            F-2026-003;Café Crème SARL;;2026-03-01;;1 234,56
            F-2026-004;Élan Start-up;Appli;31/03/2026;30/04/2026;999,99
            """;

    static final String JOB = """
            query($id: ID!) { importJob(id: $id) { id kind status rowCount failure
              mapping { header field } progress { done total }
              report { rows applied issueCount counts { record created updated skipped }
                issues { row column message code } } } }""";
    static final String DRY_RUN = """
            mutation($id: ID!) { dryRunImport(input: {id: $id}) { job { status
              report { rows applied issueCount counts { record created updated skipped }
                issues { row column message code } } } userErrors { field message code } } }""";
    static final String APPLY = """
            mutation($id: ID!) { applyImport(input: {id: $id}) { job { status } userErrors { field message code } } }""";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Tenants tenants;
    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void aSemicolonWindows1252DecimalCommaFileIsImportedExactlyAndAgainChangesNothing() {
        Tenants.Tenant tenant = tenants.create("Import Agency");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        HttpGraphQlTester finance = tenants.withToken(session);

        String clients = upload(session, "CLIENTS", "clients.csv", CLIENTS.getBytes(CP1252), "text/csv");
        JsonNode job = job(finance, clients);
        assertThat(job.path("rowCount").asInt()).isEqualTo(3);
        assertThat(job.path("mapping").toString()).contains("{\"header\":\"Délai de paiement\",\"field\":\"paymentTermsDays\"}")
                .contains("{\"header\":\"Nom\",\"field\":\"name\"}");
        JsonNode dry = dryRun(finance, clients);
        assertThat(dry.path("issueCount").asInt()).isZero();
        assertThat(counts(dry)).isEqualTo(Map.of("clients", List.of(3, 0, 0)));
        assertThat(count(tenant, "client")).as("a dry run writes nothing; only Own Client").isEqualTo(1);
        assertThat(apply(finance, clients).path("report").path("applied").asBoolean()).isTrue();
        assertThat(db.sql("SELECT segment || '/' || payment_terms_days FROM client WHERE agency_id = :a"
                        + " AND name = 'Société Générale d''Études'").bind("a", tenant.agencyId().value())
                .mapValue(String.class).one().block()).isEqualTo("ENTERPRISE/60");

        String invoices = upload(session, "INVOICES", "factures.csv", INVOICES.getBytes(CP1252), "text/csv");
        assertThat(counts(dryRun(finance, invoices))).isEqualTo(Map.of("projects", List.of(3, 0, 0),
                "invoices", List.of(4, 0, 0)));
        apply(finance, invoices);
        assertThat(sum(tenant)).isEqualTo(2_263_505L);
        assertThat(due(tenant, "F-2026-002")).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(due(tenant, "F-2026-003")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(due(tenant, "F-2026-001")).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(count(tenant, "project")).isEqualTo(3);
        // the audit trail holds every write, attributed to the finance user and to applyImport
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE agency_id = :a AND operation = 'applyImport'"
                        + " AND record IN ('client', 'project', 'invoice')").bind("a", tenant.agencyId().value())
                .mapValue(Long.class).one().block()).isEqualTo(3 + 3 + 4L);

        // the same two files again: nothing created, nothing changed
        String clientsAgain = upload(session, "CLIENTS", "clients.csv", CLIENTS.getBytes(CP1252), "text/csv");
        assertThat(counts(apply(finance, clientsAgain).path("report"))).isEqualTo(Map.of("clients", List.of(0, 0, 3)));
        String invoicesAgain = upload(session, "INVOICES", "factures.csv", INVOICES.getBytes(CP1252), "text/csv");
        assertThat(counts(apply(finance, invoicesAgain).path("report"))).isEqualTo(Map.of("invoices", List.of(0, 0, 4)));
        assertThat(count(tenant, "invoice")).isEqualTo(4);
        assertThat(count(tenant, "client")).isEqualTo(4);
        assertThat(sum(tenant)).isEqualTo(2_263_505L);

        // payments of two invoices: 12 000,00 settles F-2026-001, 4 000,00 is part of F-2026-002
        String payments = upload(session, "PAYMENTS", "reglements.csv", """
                Facture;Date de règlement;Montant
                F-2026-001;20/03/2026;12000,00
                F-2026-002;30/04/2026;4000,00
                """.getBytes(CP1252), "text/csv");
        assertThat(counts(apply(finance, payments).path("report"))).isEqualTo(Map.of("payments", List.of(2, 0, 0)));
        assertThat(db.sql("SELECT status || '/' || paid_minor FROM invoice WHERE agency_id = :a ORDER BY number")
                .bind("a", tenant.agencyId().value()).mapValue(String.class).all().collectList().block())
                .containsExactly("PAID/1200000", "ISSUED/400000", "ISSUED/0", "ISSUED/0");
    }

    @Test
    void badRowsArePointedAtTheirRowAndColumnAndNothingIsWritten() {
        Tenants.Tenant tenant = tenants.create("Bad Rows Agency");
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        HttpGraphQlTester owner = tenants.withToken(session);
        String id = upload(session, "INVOICES", "bad.csv", """
                Numéro de facture;Client;Date d'émission;Montant TTC
                F-1;Good Client;01/02/2026;100,00
                F-2;Good Client;30/02/2026;100,00
                F-3;Good Client;01/03/2026;1.234,56
                F-1;Good Client;01/04/2026;100,00
                F-5;Good Client;01/05/2026;12,345
                """.getBytes(CP1252), "text/csv");
        JsonNode report = apply(owner, id).path("report");
        assertThat(report.path("applied").asBoolean()).isFalse();
        assertThat(report.path("issueCount").asInt()).isEqualTo(4);
        JsonNode issues = report.path("issues");
        assertThat(issue(issues.get(0))).isEqualTo("3|Date d'émission|INVALID_FORMAT");
        assertThat(issues.get(0).path("message").asString()).contains("30/02/2026").contains("not a date that exists");
        assertThat(issue(issues.get(1))).isEqualTo("4|Montant TTC|INVALID_FORMAT");
        assertThat(issues.get(1).path("message").asString()).contains("more than one decimal separator");
        assertThat(issue(issues.get(2))).isEqualTo("5|Numéro de facture|INVALID_FORMAT");
        assertThat(issues.get(2).path("message").asString()).contains("already on row 2");
        assertThat(issue(issues.get(3))).isEqualTo("6|Montant TTC|INVALID_FORMAT");
        assertThat(issues.get(3).path("message").asString()).contains("more than 2 decimals");
        assertThat(count(tenant, "invoice")).isZero();
        assertThat(count(tenant, "client")).as("Good Client was not created either").isEqualTo(1);

        // an unknown column is named at row 1; mapping it to ignore lets the good rows through
        String unknown = upload(session, "CLIENTS", "clients.csv", "Nom,Couleur préférée\nAlpha,bleu\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        JsonNode dry = dryRun(owner, unknown);
        assertThat(issue(dry.path("issues").get(0))).isEqualTo("1|Couleur préférée|INVALID_FORMAT");
        assertThat(dry.path("issues").get(0).path("message").asString()).startsWith("unknown column");
        owner.document("""
                mutation($id: ID!) { setImportMapping(input: {id: $id, columns: [{header: "Couleur préférée",
                  field: "ignore"}]}) { userErrors { message } } }""").variable("id", unknown).execute()
                .path("setImportMapping.userErrors").entityList(Object.class).hasSize(0);
        assertThat(counts(apply(owner, unknown).path("report"))).isEqualTo(Map.of("clients", List.of(1, 0, 0)));

        // the mapping is remembered: the next file with that header is matched without asking
        String next = upload(session, "CLIENTS", "more.csv", "Nom,Couleur préférée\nBeta,vert\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(job(owner, next).path("mapping").toString())
                .contains("{\"header\":\"Couleur préférée\",\"field\":\"ignore\"}");
    }

    @Test
    void anXlsxOfTheSameDataGivesTheSameInvoices() throws IOException {
        Tenants.Tenant tenant = tenants.create("Xlsx Agency");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        HttpGraphQlTester finance = tenants.withToken(session);
        apply(finance, upload(session, "CLIENTS", "clients.csv", CLIENTS.getBytes(CP1252), "text/csv"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Factures");
        Object[][] rows = {
                {"Invoice number", "Client", "Project", "Issue date", "Due date", "Amount"},
                {"F-2026-001", "Société Générale d'Études", "Refonte", LocalDate.of(2026, 1, 15),
                        LocalDate.of(2026, 3, 16), new BigDecimal("12000")},
                {"F-2026-002", "Société Générale d'Études", "Refonte", LocalDate.of(2026, 2, 15), null,
                        new BigDecimal("8400.5")},
                {"F-2026-003", "Café Crème SARL", null, LocalDate.of(2026, 3, 1), null, new BigDecimal("1234.56")},
                {"F-2026-004", "Élan Start-up", "Appli", "31/03/2026", "2026-04-30", "999,99"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof LocalDate d) {
                    sheet.value(r, c, d);
                    sheet.style(r, c).format("dd/mm/yyyy").set();
                } else if (v instanceof BigDecimal n) {
                    sheet.value(r, c, n);
                } else if (v != null) {
                    sheet.value(r, c, (String) v);
                }
            }
        }
        workbook.finish();
        String id = upload(session, "INVOICES", "factures.xlsx", out.toByteArray(), XLSX);
        assertThat(job(finance, id).path("rowCount").asInt()).isEqualTo(4);
        assertThat(counts(apply(finance, id).path("report"))).isEqualTo(Map.of("projects", List.of(3, 0, 0),
                "invoices", List.of(4, 0, 0)));
        // the same 2 263 505 minor units and due dates as the CSV
        assertThat(sum(tenant)).isEqualTo(2_263_505L);
        assertThat(due(tenant, "F-2026-002")).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(due(tenant, "F-2026-001")).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void unreadableFilesAreRefusedWithTheirReasonAndNothingIsKept() throws IOException {
        Tenants.Tenant tenant = tenants.create("Bad Files Agency");
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);
        // a quote left open: the file was cut short
        assertRefused(session, "text/csv", "Nom;Segment\n\"Alpha;SME\nBeta;PME\n".getBytes(StandardCharsets.UTF_8),
                "a quote left open");
        assertRefused(session, "text/csv", new byte[0], "the file is empty");
        // an XLSX cut in half
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("x");
        for (int r = 0; r < 200; r++) {
            sheet.value(r, 0, "Client number " + r);
        }
        workbook.finish();
        byte[] whole = out.toByteArray();
        assertRefused(session, XLSX, java.util.Arrays.copyOf(whole, whole.length / 2), "cut short");
        // a zip bomb: 50 MB of zeros in one part compresses to about 50 KB, a ratio near 1000 (the limit is 100)
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertRefused(session, XLSX, bomb.toByteArray(), "compressed bomb");
        // a file over the size limit (20 MB)
        web.post().uri("/imports?kind=CLIENTS").cookie("CORDEE_SESSION", session)
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(new byte[20 * 1024 * 1024 + 1]).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("IMPORT_FILE_INVALID");
        // a form post (what another site could send) is not taken
        web.post().uri("/imports?kind=CLIENTS").cookie("CORDEE_SESSION", session)
                .contentType(MediaType.TEXT_PLAIN).bodyValue("Nom\nAlpha\n").exchange()
                .expectStatus().isBadRequest();
        web.post().uri("/imports?kind=CLIENTS").cookie("CORDEE_SESSION", session)
                .header(HttpHeaders.ORIGIN, "https://evil.example").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("Nom\nAlpha\n").exchange()
                .expectStatus().isForbidden();
        assertThat(count(tenant, "client")).isEqualTo(1);
    }

    @Test
    void onlyMoneyRolesImportAndAnotherAgencyCannotSeeOrApplyTheJob() {
        Tenants.Tenant a = tenants.create("Import Tenant A");
        Tenants.Tenant b = tenants.create("Import Tenant B");
        String financeA = tenants.signIn(a.email(Role.FINANCE), Tenants.PASSWORD);
        String id = upload(financeA, "CLIENTS", "clients.csv", CLIENTS.getBytes(CP1252), "text/csv");

        for (Role role : List.of(Role.LEAD, Role.CLIENT)) {
            String session = tenants.signIn(a.email(role), Tenants.PASSWORD);
            web.post().uri("/imports?kind=CLIENTS").cookie("CORDEE_SESSION", session)
                    .contentType(MediaType.parseMediaType("text/csv")).bodyValue(CLIENTS.getBytes(CP1252)).exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN");
            tenants.withToken(session).document(APPLY).variable("id", id).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        }
        web.post().uri("/imports?kind=CLIENTS").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(CLIENTS.getBytes(CP1252)).exchange().expectStatus().isUnauthorized();

        HttpGraphQlTester ownerB = tenants.as(b, Role.OWNER);
        ownerB.document(JOB).variable("id", id).execute().path("importJob").valueIsNull();
        ownerB.document(APPLY).variable("id", id).execute()
                .path("applyImport.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        ownerB.document(DRY_RUN).variable("id", id).execute()
                .path("dryRunImport.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        ownerB.document("mutation($id: ID!) { cancelImport(input: {id: $id}) { userErrors { code } } }")
                .variable("id", id).execute()
                .path("cancelImport.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        assertThat(count(a, "client")).isEqualTo(1);
        assertThat(count(b, "client")).isEqualTo(1);
        assertThat(job(tenants.withToken(financeA), id).path("status").asString()).isEqualTo("READY");

        // cancelled, the job can no longer be applied
        HttpGraphQlTester ownerA = tenants.as(a, Role.OWNER);
        ownerA.document("mutation($id: ID!) { cancelImport(input: {id: $id}) { job { status } } }")
                .variable("id", id).execute().path("cancelImport.job.status").entity(String.class)
                .isEqualTo("CANCELLED");
        ownerA.document(APPLY).variable("id", id).execute()
                .path("applyImport.userErrors[0].message").entity(String.class).satisfies(m ->
                        assertThat(m).contains("CANCELLED"));
        assertThat(count(a, "client")).isEqualTo(1);
    }

    @Test
    void anApiTokenImportsOnlyWithTheAreasTheKindWrites() {
        Tenants.Tenant tenant = tenants.create("Token Import Agency");
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        String billingOnly = token(owner, "billing", List.of("BILLING"));
        String clientsArea = token(owner, "clients", List.of("CLIENTS"));
        web.post().uri("/imports?kind=CLIENTS").header(HttpHeaders.AUTHORIZATION, "Bearer " + billingOnly)
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(CLIENTS.getBytes(CP1252)).exchange()
                .expectStatus().isForbidden();
        String body = web.post().uri("/imports?kind=CLIENTS").header(HttpHeaders.AUTHORIZATION, "Bearer " + clientsArea)
                .header("Idempotency-Key", "clients-2026-12-03")
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(CLIENTS.getBytes(CP1252)).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String id = json.readTree(body).path("id").asString();
        // the same key again: the same job, no second one
        String again = web.post().uri("/imports?kind=CLIENTS").header(HttpHeaders.AUTHORIZATION, "Bearer " + clientsArea)
                .header("Idempotency-Key", "clients-2026-12-03")
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(CLIENTS.getBytes(CP1252)).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        assertThat(json.readTree(again).path("id").asString()).isEqualTo(id);
        // applyImport belongs to BILLING for the scope check: a CLIENTS-only token is stopped there
        tenants.withToken(clientsArea).document(APPLY).variable("id", id).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        String both = token(owner, "both", List.of("CLIENTS", "BILLING"));
        HttpGraphQlTester partner = tenants.withToken(both);
        partner.document(APPLY).variable("id", id).execute().path("applyImport.userErrors").entityList(Object.class)
                .hasSize(0);
        assertThat(waitForEnd(partner, id).path("status").asString()).isEqualTo("APPLIED");
        assertThat(count(tenant, "client")).isEqualTo(4);
    }

    // ---------------------------------------------------------------------------------------------------

    private String token(HttpGraphQlTester owner, String name, List<String> areas) {
        return owner.document("""
                        mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { token
                          userErrors { message } } }""")
                .variable("in", Map.of("name", name, "access", "READ_WRITE", "areas", areas)).execute()
                .path("createApiToken.token").entity(String.class).get();
    }

    private String upload(String session, String kind, String fileName, byte[] bytes, String type) {
        String body = web.post().uri("/imports?kind=" + kind + "&fileName=" + fileName)
                .cookie("CORDEE_SESSION", session).contentType(MediaType.parseMediaType(type)).bodyValue(bytes)
                .exchange().expectBody(String.class)
                .consumeWith(r -> assertThat(r.getStatus().value()).as(r.getResponseBody()).isEqualTo(201))
                .returnResult().getResponseBody();
        return json.readTree(body).path("id").asString();
    }

    private void assertRefused(String session, String type, byte[] bytes, String reason) {
        web.post().uri("/imports?kind=CLIENTS").cookie("CORDEE_SESSION", session)
                .contentType(MediaType.parseMediaType(type)).bodyValue(bytes).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("IMPORT_FILE_INVALID")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains(reason));
    }

    private JsonNode job(HttpGraphQlTester tester, String id) {
        Object job = tester.document(JOB).variable("id", id).execute().path("importJob").entity(Object.class).get();
        return json.valueToTree(job);
    }

    private JsonNode dryRun(HttpGraphQlTester tester, String id) {
        Object report = tester.document(DRY_RUN).variable("id", id).execute()
                .path("dryRunImport.job.report").entity(Object.class).get();
        return json.valueToTree(report);
    }

    /** Applies and waits for the end; the job as it then is. */
    private JsonNode apply(HttpGraphQlTester tester, String id) {
        tester.document(APPLY).variable("id", id).execute().path("applyImport.userErrors").entityList(Object.class)
                .hasSize(0);
        return waitForEnd(tester, id);
    }

    private JsonNode waitForEnd(HttpGraphQlTester tester, String id) {
        return ImportJobWait.awaitEnd(() -> job(tester, id));
    }

    private static String issue(JsonNode issue) {
        return issue.path("row").asInt() + "|" + issue.path("column").asString() + "|" + issue.path("code").asString();
    }

    private long count(Tenants.Tenant tenant, String table) {
        return AgencyRows.count(db, tenant.agencyId(), table);
    }

    private long sum(Tenants.Tenant tenant) {
        return db.sql("SELECT coalesce(sum(amount_minor), 0) FROM invoice WHERE agency_id = :a")
                .bind("a", tenant.agencyId().value()).mapValue(Long.class).one().block();
    }

    private LocalDate due(Tenants.Tenant tenant, String number) {
        return db.sql("SELECT due_date FROM invoice WHERE agency_id = :a AND number = :n")
                .bind("a", tenant.agencyId().value()).bind("n", number).mapValue(LocalDate.class).one().block();
    }
}
