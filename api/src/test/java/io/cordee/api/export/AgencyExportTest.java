package io.cordee.api.export;

import static io.cordee.api.support.Zips.unzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The complete agency export (ADR 42): the demo agency's ZIP against the database, and who may take it. */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
class AgencyExportTest {

    @Autowired
    Tenants tenants;
    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void theManifestCountsAreTheDatabasesAndItsHashesVerify() throws IOException {
        // another agency with a client and a project of its own: none of it may be counted
        Tenants.Tenant other = tenants.create("Other Agency For The Archive");
        HttpGraphQlTester otherFinance = tenants.as(other, Role.FINANCE);
        otherFinance.document("""
                mutation { createClient(input: {name: "=Not Boreal's", segment: SME}) { client { id } } }""").execute();

        String session = tenants.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        var result = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/exports/agency.zip").cookie("CORDEE_SESSION", session).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/zip")
                .expectBody(byte[].class).returnResult();
        assertThat(result.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo("studio-boreal-export-2026-12-03.zip");

        Map<String, byte[]> files = unzip(result.getResponseBody());
        JsonNode manifest = JsonMapper.builder().build().readTree(files.get("manifest.json"));
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(4);
        assertThat(manifest.get("agency").get("id").asString()).isEqualTo(DemoAgency.ID.value().toString());
        // the test clock runs from 10:00:00; the manifest keeps whole seconds
        assertThat(Instant.parse(manifest.get("exportedAt").asString()))
                .isBetween(Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T10:05:00Z"))
                .matches(i -> i.getNano() == 0);

        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("agency.csv", "agency WHERE agency_id = :a");
        tables.put("clients.csv", "client WHERE agency_id = :a");
        tables.put("projects.csv", "project WHERE agency_id = :a");
        tables.put("billing_plans.csv", "billing_plan WHERE agency_id = :a");
        tables.put("invoices.csv", "invoice WHERE agency_id = :a");
        tables.put("payments.csv", "payment WHERE agency_id = :a");
        tables.put("bank_accounts.csv", "bank_account WHERE agency_id = :a");
        tables.put("bank_balances.csv", "bank_balance WHERE agency_id = :a");
        tables.put("team_members.csv", "team_member WHERE agency_id = :a");
        tables.put("absences.csv", "team_absence WHERE agency_id = :a");
        tables.put("allocations.csv", "allocation WHERE agency_id = :a");
        tables.put("overheads.csv", "overhead WHERE agency_id = :a");
        tables.put("one_off_expenses.csv", "one_off_expense WHERE agency_id = :a");
        tables.put("holidays.csv", "agency_holiday WHERE agency_id = :a");
        tables.put("milestones.csv", "billing_plan, jsonb_array_elements(milestones) WHERE agency_id = :a");
        tables.put("deals.csv", "deal WHERE agency_id = :a");
        tables.put("time_entries.csv", "time_entry WHERE agency_id = :a");
        // format 4 (ADR 70)
        tables.put("briefs.csv", "brief WHERE agency_id = :a");
        tables.put("brief_versions.csv", "brief_version WHERE agency_id = :a");
        tables.put("brief_requirements.csv", "brief_requirement WHERE agency_id = :a");
        tables.put("brief_signatures.csv", "brief_signature WHERE agency_id = :a");
        tables.put("proposals.csv", "renegotiation_proposal WHERE agency_id = :a");
        tables.put("proposal_options.csv",
                "renegotiation_proposal, jsonb_array_elements(options) WHERE agency_id = :a");
        tables.put("relationship_comments.csv", "relationship_comment WHERE agency_id = :a");
        tables.put("import_mappings.csv", "import_mapping WHERE agency_id = :a");
        tables.put("bank_statement_lines.csv", "bank_statement_line WHERE agency_id = :a");

        Map<String, JsonNode> listed = new LinkedHashMap<>();
        manifest.get("files").forEach(f -> listed.put(f.get("name").asString(), f));
        assertThat(listed.keySet()).containsAll(tables.keySet()).contains("client_contacts.csv");
        assertThat(files.keySet()).containsAll(listed.keySet());
        for (var entry : listed.entrySet()) {
            byte[] csv = files.get(entry.getKey());
            // the SHA-256 in the manifest is the file's
            assertThat(entry.getValue().get("sha256").asString()).as(entry.getKey())
                    .isEqualTo(AgencyArchive.sha256(csv));
            // and its row count is the number of records in the file
            int rows = ExportTest.csv(csv).size();
            assertThat(entry.getValue().get("rows").asInt()).as(entry.getKey()).isEqualTo(rows);
            String from = tables.get(entry.getKey());
            if (from != null) {
                long inDatabase = db.sql("SELECT count(*) FROM " + from).bind("a", DemoAgency.ID.value())
                        .map(r -> r.get(0, Long.class)).one().block();
                assertThat((long) rows).as(entry.getKey()).isEqualTo(inDatabase);
            }
        }
        // the demo has data in each of the files the forecast reads
        for (String name : List.of("clients.csv", "projects.csv", "invoices.csv", "payments.csv", "bank_balances.csv",
                "team_members.csv", "allocations.csv", "overheads.csv")) {
            assertThat(listed.get(name).get("rows").asInt()).as(name).isPositive();
        }
        assertThat(new String(files.get("clients.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("Not Boreal");
        // each holiday with its label, as the calendar holds it
        List<String> labelled = db.sql("SELECT day::text || ',' || label AS line FROM agency_holiday"
                        + " WHERE agency_id = :a ORDER BY day").bind("a", DemoAgency.ID.value())
                .map(r -> r.get("line", String.class)).all().collectList().block();
        assertThat(labelled).isNotEmpty();
        assertThat(new String(files.get("holidays.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFFdate,label").contains(labelled);
    }

    @Test
    void onlyTheOwnerTakesTheWholeAgency() {
        for (String email : List.of(DemoAgency.FINANCE_EMAIL, DemoAgency.LEAD_EMAIL, DemoAgency.CLIENT_EMAIL)) {
            String session = tenants.signIn(email, DemoAgency.PASSWORD);
            web.get().uri("/exports/agency.zip").cookie("CORDEE_SESSION", session).exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN");
        }
        web.get().uri("/exports/agency.zip").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void textIsEscapedReversibly() {
        assertThat(AgencyArchive.escape("=1+1")).isEqualTo("'=1+1");
        assertThat(AgencyArchive.escape("'quoted")).isEqualTo("''quoted");
        assertThat(AgencyArchive.escape("Studio Boréal")).isEqualTo("Studio Boréal");
        // the import strips one leading quote: every text comes back exactly
        for (String text : List.of("=1+1", "'quoted", "''", "-", "plain", "@x", "\tx")) {
            String escaped = AgencyArchive.escape(text);
            assertThat(escaped.startsWith("'") ? escaped.substring(1) : escaped).isEqualTo(text);
        }
    }
}
