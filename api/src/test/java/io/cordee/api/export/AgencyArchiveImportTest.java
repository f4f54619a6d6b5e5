package io.cordee.api.export;

import static io.cordee.api.support.Zips.unzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.AgencyRows;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.PasswordHasher;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agency archive imported back (ADR 58): the demo agency exported, imported into an empty agency, gives the
 * same 104-week forecast to the cent; a changed, truncated or bomb archive, or a non-empty agency, is refused and
 * nothing is written; the import writes only into the caller's agency.
 */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
class AgencyArchiveImportTest {
    /** The application's clock: the demo tests below put it back on the run's day (see {@link #onTheDemosDay}). */
    @Autowired
    io.cordee.api.support.TestClock clock;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> COUNTED = List.of("client", "project", "invoice", "payment", "team_member",
            "allocation", "bank_balance", "overhead", "billing_plan", "deal", "time_entry", "interaction",
            "strengths_map", "agreement", "client_commitment", "brief", "brief_version", "brief_requirement",
            "brief_signature", "renegotiation_proposal", "relationship_comment", "import_mapping",
            "bank_statement_line");

    @Autowired
    Tenants tenants;
    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    AgencyRepository agencies;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordHasher hasher;
    @Autowired
    IdGenerator ids;
    @Autowired
    io.cordee.core.alert.AlertRepository alerts;
    @Autowired
    io.cordee.core.relationship.RelationshipRepository relationships;
    @Autowired
    io.cordee.core.cash.CashRiskSettingsRepository cashRisk;
    @Autowired
    io.cordee.core.deal.DealRepository deals;
    @Autowired
    io.cordee.core.timesheet.TimesheetRepository timesheets;

    @Test
    void theDemoAgencyImportedIntoAnEmptyAgencyHasTheSameForecastToTheCent() {
        onTheDemosDay();
        byte[] archive = demoArchive();
        Empty empty = emptyAgency("Round Trip Agency");
        Map<String, Long> demoBefore = counts(DemoAgency.ID);

        JsonNode answer = upload(empty.session(), archive).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        // every kind of record came over, as many as the demo has
        Map<String, Long> imported = counts(empty.id());
        assertThat(imported).isEqualTo(demoBefore);
        assertThat(imported.get("invoice")).isPositive();
        assertThat(answer.get("imported").get("invoices").asLong()).isEqualTo(imported.get("invoice"));
        assertThat(answer.get("imported").get("clients").asLong()).isEqualTo(imported.get("client"));
        // the demo agency is untouched, and the ids are the archive's (in the importing agency)
        assertThat(counts(DemoAgency.ID)).isEqualTo(demoBefore);
        long sameIds = db.sql("SELECT count(*) FROM invoice a JOIN invoice b ON a.id = b.id"
                        + " WHERE a.agency_id = :demo AND b.agency_id = :copy")
                .bind("demo", DemoAgency.ID.value()).bind("copy", empty.id().value())
                .map(r -> r.get(0, Long.class)).one().block();
        assertThat(sameIds).isEqualTo(imported.get("invoice"));
        // the settings came over: the demo's safety threshold, payday and segment delays, not the defaults
        assertThat(agencies.findById(empty.id()).block().settings())
                .isEqualTo(agencies.findById(DemoAgency.ID).block().settings());
        // audited: the inserts are attributed to the importing owner, under one operation
        long audited = db.sql("SELECT count(*) FROM audit_entry WHERE agency_id = :a AND record = 'invoice'"
                        + " AND action = 'INSERT' AND operation = 'importAgencyArchive' AND actor_user_id = :u")
                .bind("a", empty.id().value()).bind("u", empty.owner().value())
                .map(r -> r.get(0, Long.class)).one().block();
        assertThat(audited).isEqualTo(imported.get("invoice"));

        // the 104-week forecast, week by week, to the cent, under BASE and STRESS
        HttpGraphQlTester demo = tenants.withToken(tenants.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD));
        HttpGraphQlTester copy = tenants.withToken(empty.session());
        for (String scenario : List.of("BASE", "STRESS")) {
            Map<String, Object> expected = forecast(demo, scenario);
            Map<String, Object> actual = forecast(copy, scenario);
            List<?> weeks = (List<?>) expected.get("weeks");
            assertThat(weeks).as(scenario).hasSize(104);
            assertThat(actual.get("opening")).as(scenario).isEqualTo(expected.get("opening"));
            assertThat(actual.get("lowestBalance")).as(scenario).isEqualTo(expected.get("lowestBalance"));
            assertThat(actual.get("lowestWeek")).as(scenario).isEqualTo(expected.get("lowestWeek"));
            assertThat(actual.get("asOf")).as(scenario).isEqualTo(expected.get("asOf"));
            for (int i = 0; i < 104; i++) {
                assertThat(((List<?>) actual.get("weeks")).get(i)).as(scenario + " week " + i).isEqualTo(weeks.get(i));
            }
            // the weeks are not all flat: the forecast moves, so equality means something
            assertThat(weeks.stream().map(w -> ((Map<?, ?>) w).get("inflow")).distinct().count()).isGreaterThan(3);
        }

        // the relationship came over (format 3, ADR 61): the demo has some of each, and every client's health —
        // score, components, 26-point trend — is the same, as are its strengths map and game plan
        for (String table : List.of("interaction", "strengths_map", "agreement", "client_commitment")) {
            assertThat(imported.get(table)).as(table).isPositive();
        }
        assertThat(relationship(copy)).isEqualTo(relationship(demo));
        // and the briefs (format 4, ADR 70): every version, requirement and signature, with who signed
        assertThat(imported.get("brief_signature")).isPositive();
        assertThat(briefs(copy)).isEqualTo(briefs(demo));

        // a second import into the (now full) agency is refused and changes nothing
        upload(empty.session(), archive).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("AGENCY_NOT_EMPTY");
        assertThat(counts(empty.id())).isEqualTo(imported);
    }

    @Test
    void aChangedByteATruncatedArchiveOrABrokenManifestIsRefusedAndWritesNothing() throws IOException {
        byte[] archive = demoArchive();
        Empty empty = emptyAgency("Tampered Archive Agency");

        // one byte of invoices.csv changed (a digit of an amount), the manifest left as exported
        Map<String, byte[]> files = unzip(archive);
        byte[] invoices = files.get("invoices.csv");
        int digit = new String(invoices, StandardCharsets.UTF_8).indexOf("\r\n") + 1;
        while (!Character.isDigit(invoices[digit])) {
            digit++;
        }
        invoices[digit] = (byte) (invoices[digit] == '9' ? '8' : invoices[digit] + 1);
        upload(empty.session(), zip(files)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("ARCHIVE_INVALID")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("invoices.csv").contains("SHA-256"));

        // the archive cut in half
        upload(empty.session(), Arrays.copyOf(archive, archive.length / 2)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("ARCHIVE_INVALID");

        // a row count that does not match the file (the hash recomputed, as a careless tool would)
        upload(empty.session(), rewrite(archive, "payments.csv", m -> m, 1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("payments.csv holds"));

        // a newer format version
        byte[] v9 = unzipEdit(archive, "manifest.json", bytes -> {
            ObjectNode manifest = (ObjectNode) JSON.readTree(bytes);
            manifest.put("formatVersion", 9);
            return JSON.writeValueAsBytes(manifest);
        });
        upload(empty.session(), v9).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("format version 9"));

        // a record twice (the same id on two lines): refused before the transaction, naming the file
        upload(empty.session(), rewrite(archive, "clients.csv", csv -> csv + csv.substring(csv.indexOf("\r\n") + 2,
                csv.indexOf("\r\n", csv.indexOf("\r\n") + 2) + 2), 1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("clients.csv").contains("twice"));

        // all or nothing: an overhead paid on day 32 of the month passes every file check and fails at the
        // database's CHECK, after the clients, projects, invoices, payments, balances and team were inserted;
        // the transaction takes them all back
        byte[] day32 = rewrite(archive, "overheads.csv", csv -> {
            String[] lines = csv.split("\r\n");
            List<String> header = Arrays.asList(lines[0].replace("\uFEFF", "").split(","));
            String[] cells = lines[1].split(",", -1);
            cells[header.indexOf("day_of_month")] = "32";
            lines[1] = String.join(",", cells);
            return String.join("\r\n", lines) + "\r\n";
        }, 0);
        upload(empty.session(), day32).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("ARCHIVE_INVALID");

        assertThat(counts(empty.id()).values()).allMatch(n -> n == 0);
        assertThat(agencies.findById(empty.id()).block().settings().payday()).isEqualTo(25);
    }

    @Test
    void aNonEmptyAgencyIsRefusedAndOnlyTheOwnerImports() {
        byte[] archive = demoArchive();
        // an agency with one client of its own ("Own Client")
        Tenants.Tenant busy = tenants.create("Busy Agency For The Archive");
        Map<String, Long> before = counts(busy.agencyId());
        upload(tenants.signIn(busy.email(Role.OWNER), Tenants.PASSWORD), archive).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("AGENCY_NOT_EMPTY");
        assertThat(counts(busy.agencyId())).isEqualTo(before).containsEntry("client", 1L);

        Empty empty = emptyAgency("Role Check Agency");
        String finance = tenants.addUser(new Tenants.Tenant(empty.id(), null, null, Map.of()), Role.FINANCE, "fin");
        upload(tenants.signIn(finance, Tenants.PASSWORD), archive).expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN");
        web.post().uri("/imports/agency-archive").contentType(MediaType.parseMediaType("application/zip"))
                .bodyValue(archive).exchange().expectStatus().isUnauthorized();
        // a form post (text/plain) is not an archive
        web.post().uri("/imports/agency-archive").cookie("CORDEE_SESSION", empty.session())
                .contentType(MediaType.TEXT_PLAIN).bodyValue("x").exchange().expectStatus().isBadRequest();
        assertThat(counts(empty.id()).values()).allMatch(n -> n == 0);
    }

    @Test
    void theImportWritesIntoTheCallersAgencyWhateverTheArchiveSays() {
        // the demo's archive names the demo agency in its manifest and in agency.csv; imported by another
        // agency's owner, it lands in that agency, and the demo (which holds the same ids) does not change
        byte[] archive = demoArchive();
        Map<String, Long> demo = counts(DemoAgency.ID);
        long demoVersion = dataVersion(DemoAgency.ID);
        Empty other = emptyAgency("Tenant Check Agency");
        upload(other.session(), archive).expectStatus().isCreated();
        assertThat(counts(DemoAgency.ID)).isEqualTo(demo);
        assertThat(dataVersion(DemoAgency.ID)).isEqualTo(demoVersion);
        assertThat(counts(other.id())).isEqualTo(demo);
        // and the demo owner sees the same clients as before, not the copies
        long demoClients = tenants.withToken(tenants.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD))
                .document("{ clients(first: 100) { edges { node { id } } } }").execute()
                .path("clients.edges").entityList(Object.class).get().size();
        assertThat(demoClients).isEqualTo(demo.get("client"));
    }

    @Test
    void theAlertThresholdsHealthWeightsAndCashRiskSettingsComeOver() {
        // an agency whose owner changed all three from the defaults (capacity 30/50, weights 30/15/20/15/20,
        // cash risk 20 %)
        Empty source = emptyAgency("Settings Source Agency");
        var thresholds = new io.cordee.core.alert.AlertThresholds(25, 45, 8, 20, 75, 40, 10, 40, 12, 20, 45, 5);
        alerts.saveThresholds(source.id(), thresholds, -1).block();
        var weights = new io.cordee.core.relationship.HealthWeights(40, 10, 20, 10, 20, 0);
        relationships.saveHealthWeights(source.id(), weights, -1).block();
        var risk = new io.cordee.core.cash.CashRiskSettings(Map.of(io.cordee.core.client.RoundStatus.IN_DOUBT, 65,
                io.cordee.core.client.RoundStatus.FAILED, 100), 15, null);
        cashRisk.save(source.id(), risk, null).block();

        byte[] archive = big().get().uri("/exports/agency.zip").cookie("CORDEE_SESSION", source.session()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        Empty target = emptyAgency("Settings Target Agency");
        upload(target.session(), archive).expectStatus().isCreated();

        assertThat(alerts.findThresholds(target.id()).block().thresholds()).isEqualTo(thresholds);
        var copied = relationships.findHealthWeights(target.id()).block();
        assertThat(List.of(copied.commitments(), copied.feedback(), copied.energy(), copied.frequency(),
                copied.payment())).containsExactly(40, 10, 20, 10, 20);
        var copiedRisk = cashRisk.find(target.id()).block();
        assertThat(copiedRisk.cashRiskPercent()).isEqualTo(15);
        assertThat(copiedRisk.roundFailurePercent()).isEqualTo(risk.roundFailurePercent());

        // an archive of format 1 (before these files) still imports, and leaves the defaults
        byte[] v1 = unzipEdit(archive, "manifest.json", bytes -> {
            ObjectNode manifest = (ObjectNode) JSON.readTree(bytes);
            manifest.put("formatVersion", 1);
            var files = (tools.jackson.databind.node.ArrayNode) manifest.get("files");
            for (int i = files.size() - 1; i >= 0; i--) {
                if (List.of("alert_thresholds.csv", "health_weights.csv", "cash_risk_settings.csv")
                        .contains(files.get(i).get("name").asString())
                        || FORMAT_3.contains(files.get(i).get("name").asString())
                        || FORMAT_4.contains(files.get(i).get("name").asString())) {
                    files.remove(i);
                }
            }
            return JSON.writeValueAsBytes(manifest);
        });
        Map<String, byte[]> v1Files = unzipQuietly(v1);
        v1Files.keySet().removeAll(List.of("alert_thresholds.csv", "health_weights.csv", "cash_risk_settings.csv"));
        v1Files.keySet().removeAll(FORMAT_3);
        v1Files.keySet().removeAll(FORMAT_4);
        Empty old = emptyAgency("Format One Agency");
        upload(old.session(), zipQuietly(v1Files)).expectStatus().isCreated();
        assertThat(alerts.findThresholds(old.id()).blockOptional()).isEmpty();
        assertThat(cashRisk.find(old.id()).blockOptional()).isEmpty();
        // a threshold out of its range is refused with the file and line
        Empty broken = emptyAgency("Broken Thresholds Agency");
        upload(broken.session(), rewrite(archive, "alert_thresholds.csv", csv -> csv.replaceFirst("\r\n25,", "\r\n0,"),
                0)).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("alert_thresholds.csv line 2"));
    }

    @Test
    void dealsAndTimeEntriesComeOverSoThePipelineForecastAndTheCashRiskAreTheSame() {
        onTheDemosDay();
        // the source: the demo copied into an empty agency (the demo itself stays as other tests know it), then
        // given a pipeline and some actual time
        Empty source = emptyAgency("Pipeline Source Agency");
        upload(source.session(), demoArchive()).expectStatus().isCreated();
        var client = db.sql("SELECT id FROM client WHERE agency_id = :a ORDER BY id LIMIT 1")
                .bind("a", source.id().value()).map(r -> r.get(0, java.util.UUID.class)).one().block();
        List<java.util.UUID> members = db.sql("SELECT id FROM team_member WHERE agency_id = :a ORDER BY id LIMIT 2")
                .bind("a", source.id().value()).map(r -> r.get(0, java.util.UUID.class)).all().collectList().block();
        var project = db.sql("SELECT id FROM project WHERE agency_id = :a ORDER BY id LIMIT 1")
                .bind("a", source.id().value()).map(r -> r.get(0, java.util.UUID.class)).one().block();
        var eur = Currency.getInstance("EUR");
        // a client's deal: 120,000.00 at 60 %, from Monday 4 January 2027 for 3 months, 30 % deposit and two
        // milestones (40 % on 2027-02-15, 30 % on 2027-03-31), needing two people
        var clientDeal = new io.cordee.core.deal.Deal(new io.cordee.core.deal.DealId(ids.newId()), source.id(),
                "Replatforming", new io.cordee.core.client.ClientId(client), null, null,
                new io.cordee.core.money.Money(12_000_000L, eur), 60, java.time.LocalDate.of(2027, 1, 4), 3,
                io.cordee.core.deal.DurationUnit.MONTHS, new io.cordee.core.billing.BillingPlan(30, List.of(
                        new io.cordee.core.billing.Milestone("Beta", java.time.LocalDate.of(2027, 2, 15), 40),
                        new io.cordee.core.billing.Milestone("=Launch", java.time.LocalDate.of(2027, 3, 31), 30)),
                        false),
                List.of(new io.cordee.core.deal.StaffingNeed(new io.cordee.core.staffing.TeamMemberId(members.get(0)), 80),
                        new io.cordee.core.deal.StaffingNeed(new io.cordee.core.staffing.TeamMemberId(members.get(1)), 50)),
                io.cordee.core.deal.DealStage.PROPOSAL, null, 0);
        // a prospect's deal, monthly in arrears: 45,000.00 at 25 % over 12 weeks from 2027-02-01
        var prospectDeal = new io.cordee.core.deal.Deal(new io.cordee.core.deal.DealId(ids.newId()), source.id(),
                "Brand site", null, "Nouvelle Vague SAS", io.cordee.core.agency.Segment.STARTUP,
                new io.cordee.core.money.Money(4_500_000L, eur), 25, java.time.LocalDate.of(2027, 2, 1), 12,
                io.cordee.core.deal.DurationUnit.WEEKS, new io.cordee.core.billing.BillingPlan(0, List.of(), true),
                List.of(), io.cordee.core.deal.DealStage.LEAD, null, 0);
        // a lost deal: outside the forecast, but the agency's history
        var lostDeal = new io.cordee.core.deal.Deal(new io.cordee.core.deal.DealId(ids.newId()), source.id(),
                "Lost pitch", new io.cordee.core.client.ClientId(client), null, null,
                new io.cordee.core.money.Money(800_000L, eur), 10, java.time.LocalDate.of(2026, 11, 2), 6,
                io.cordee.core.deal.DurationUnit.WEEKS, new io.cordee.core.billing.BillingPlan(50, List.of(), false),
                List.of(), io.cordee.core.deal.DealStage.LOST, null, 0);
        for (var deal : List.of(clientDeal, prospectDeal, lostDeal)) {
            deals.insert(deal).block();
        }
        // three days of actual time: 7 h 30, 4 h and 8 h
        List<io.cordee.core.timesheet.TimeEntry> time = List.of(
                entry(members.get(0), project, "2026-11-30", 450, "a"),
                entry(members.get(0), project, "2026-12-01", 240, "b"),
                entry(members.get(1), project, "2026-12-01", 480, "c"));
        assertThat(timesheets.insertNew(source.id(), time).block()).isEqualTo(3L);

        byte[] archive = big().get().uri("/exports/agency.zip").cookie("CORDEE_SESSION", source.session()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        JsonNode manifest = JSON.readTree(unzipQuietly(archive).get("manifest.json"));
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(4);
        Empty target = emptyAgency("Pipeline Target Agency");
        JsonNode answer = upload(target.session(), archive).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.get("imported").get("deals").asInt()).isEqualTo(3);
        assertThat(answer.get("imported").get("timeEntries").asInt()).isEqualTo(3);

        // the same rows in every table, the new ones included
        assertThat(counts(target.id())).isEqualTo(counts(source.id()));
        for (String table : List.of("deal", "time_entry")) {
            assertThat(count(table, target.id())).as(table).isEqualTo(3L).isEqualTo(count(table, source.id()));
        }
        // each deal as it was: plan template (the "=Launch" label escaped and back), staffing need, stage
        for (var deal : List.of(clientDeal, prospectDeal, lostDeal)) {
            var copied = deals.findById(target.id(), deal.id()).block();
            assertThat(copied).usingRecursiveComparison().ignoringFields("agencyId").isEqualTo(deal);
        }
        // the entries keep their keys: the tracker's file imported again into the copy would add nothing
        assertThat(timesheets.existingKeys(target.id(), time.stream().map(io.cordee.core.timesheet.TimeEntry::key)
                .toList()).collectList().block()).hasSize(3);
        assertThat(timesheets.findAll(target.id()).collectList().block()).isEqualTo(timesheets.findAll(source.id())
                .collectList().block());

        // the forecast with the pipeline, week by week, to the cent (BASE and STRESS)
        HttpGraphQlTester from = tenants.withToken(source.session());
        HttpGraphQlTester to = tenants.withToken(target.session());
        for (String scenario : List.of("BASE", "STRESS")) {
            Map<String, Object> expected = forecast(from, scenario, true);
            assertThat((List<?>) expected.get("weeks")).hasSize(104);
            assertThat(forecast(to, scenario, true)).as(scenario).isEqualTo(expected);
            // the deals weigh: with them the forecast is not the one without (60 % of the 36,000.00 deposit
            // alone is 21,600.00 of inflow)
            assertThat(forecast(from, scenario, false)).as(scenario).isNotEqualTo(expected);
        }
        // the Monte Carlo with the same seed: every percentile of every week, the probabilities, the clients
        Map<String, Object> risk = cashRisk(from);
        assertThat(cashRisk(to)).isEqualTo(risk);
        assertThat((List<?>) risk.get("weeks")).hasSize(26);

        // a format 2 archive (before deals and time) still imports: no deals, no time, the same BASE forecast
        // without the pipeline
        byte[] v2 = unzipEdit(archive, "manifest.json", bytes -> {
            ObjectNode m = (ObjectNode) JSON.readTree(bytes);
            m.put("formatVersion", 2);
            var files = (tools.jackson.databind.node.ArrayNode) m.get("files");
            for (int i = files.size() - 1; i >= 0; i--) {
                if (FORMAT_3.contains(files.get(i).get("name").asString())
                        || FORMAT_4.contains(files.get(i).get("name").asString())) {
                    files.remove(i);
                }
            }
            return JSON.writeValueAsBytes(m);
        });
        Map<String, byte[]> v2Files = unzipQuietly(v2);
        v2Files.keySet().removeAll(FORMAT_3);
        v2Files.keySet().removeAll(FORMAT_4);
        Empty old = emptyAgency("Format Two Agency");
        upload(old.session(), zipQuietly(v2Files)).expectStatus().isCreated();
        Map<String, Long> format2 = counts(source.id());
        Map<String, Long> oldCounts = counts(old.id());
        for (String table : List.of("deal", "time_entry", "interaction", "strengths_map", "agreement",
                "client_commitment", "brief", "brief_version", "brief_requirement", "brief_signature",
                "renegotiation_proposal", "relationship_comment")) {
            assertThat(oldCounts.remove(table)).as(table).isZero();
            format2.remove(table);
        }
        assertThat(oldCounts).isEqualTo(format2);
        assertThat(forecast(tenants.withToken(old.session()), "BASE", false)).isEqualTo(forecast(from, "BASE", false));
        // but a format 4 archive without one of its files is refused, naming it, and writes nothing
        Map<String, byte[]> missing = unzipQuietly(archive);
        missing.remove("deal_staffing.csv");
        Empty strict = emptyAgency("Format Three Strict Agency");
        upload(strict.session(), zipQuietly(missing)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("deal_staffing.csv"));
        // and a staffing need naming a member the archive does not hold is refused before the transaction
        String stranger = java.util.UUID.randomUUID().toString();
        upload(strict.session(), rewrite(archive, "deal_staffing.csv", csv -> csv.replace(members.get(1).toString(),
                stranger), 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("deal_staffing.csv").contains(stranger));
        // and milestones of a deal the archive does not hold (the client deal's two, its id swapped for another)
        upload(strict.session(), rewrite(archive, "deal_milestones.csv", csv -> csv.replace(
                clientDeal.id().value().toString(), stranger), 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("deal_milestones.csv: deal_id " + stranger + " is not in deals.csv"));
        assertThat(count("client", strict.id())).isZero();
        assertThat(count("deal", strict.id())).isZero();
    }

    @Test
    void briefsProposalsAndCommentsComeOverWithWhoSignedAndWhatWasAnswered() {
        onTheDemosDay();
        String today = clock.todayInParis().toString();
        // the source: the demo copied into an empty agency (the demo's two briefs: Nuvola's, whose versions 1 and 2
        // were each signed by Camille Martin for the agency and Théo Garnier for the client, and Région Sud's), then
        // given two proposals and a comment on the game plan by its owner
        Empty source = emptyAgency("Brief Source Agency");
        upload(source.session(), demoArchive()).expectStatus().isCreated();
        HttpGraphQlTester from = tenants.withToken(source.session());
        var client = db.sql("SELECT p.client_id FROM project p JOIN brief b ON b.agency_id = p.agency_id"
                        + " AND b.project_id = p.id WHERE p.agency_id = :a ORDER BY b.title LIMIT 1")
                .bind("a", source.id().value()).map(r -> r.get(0, java.util.UUID.class)).one().block();
        String clientId = globalId("Client", client);
        // sent today by post: a 30 % deposit, or monthly billing in arrears with 45-day terms
        JsonNode sent = from.document("""
                        mutation($in: RecordProposalSentInput!) { recordProposalSent(input: $in) {
                          proposal { id version } userErrors { field message } } }""")
                .variable("in", Map.of("clientId", clientId, "language", "FR", "sentOn", today,
                        "channel", "POST", "options", List.of(Map.of("depositPercent", 30),
                                Map.of("monthlyInArrears", true, "paymentTermsDays", 45))))
                .execute().path("recordProposalSent").entity(JsonNode.class).get();
        assertThat(sent.get("userErrors")).isEmpty();
        // declined the same day with a note that starts like a formula (escaped in the CSV, back as it was)
        JsonNode answered = from.document("""
                        mutation($in: RecordProposalAnswerInput!) { recordProposalAnswer(input: $in) {
                          proposal { answer } userErrors { field message } } }""")
                .variable("in", Map.of("proposalId", sent.get("proposal").get("id").asString(),
                        "version", sent.get("proposal").get("version").asLong(), "answer", "DECLINED",
                        "note", "=too early, ask again in March"))
                .execute().path("recordProposalAnswer").entity(JsonNode.class).get();
        assertThat(answered.get("userErrors")).isEmpty();
        // a second one, sent by e-mail and not answered yet
        from.document("""
                        mutation($in: RecordProposalSentInput!) { recordProposalSent(input: $in) {
                          userErrors { message } } }""")
                .variable("in", Map.of("clientId", clientId, "language", "EN", "sentOn", today,
                        "options", List.of(Map.of("paymentTermsDays", 30))))
                .execute().path("recordProposalSent.userErrors").entityList(Object.class).hasSize(0);
        var agreement = db.sql("SELECT id FROM agreement WHERE agency_id = :a ORDER BY id LIMIT 1")
                .bind("a", source.id().value()).map(r -> r.get(0, java.util.UUID.class)).one().block();
        from.document("""
                        mutation($in: CommentOnAgreementInput!) { commentOnAgreement(input: $in) {
                          userErrors { message } } }""")
                .variable("in", Map.of("agreementId", globalId("Agreement", agreement),
                        "body", "Décideur nommé : Bertrand, jeudi"))
                .execute().path("commentOnAgreement.userErrors").entityList(Object.class).hasSize(0);

        byte[] archive = big().get().uri("/exports/agency.zip").cookie("CORDEE_SESSION", source.session()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(JSON.readTree(unzipQuietly(archive).get("manifest.json")).get("formatVersion").asInt())
                .isEqualTo(4);
        Map<String, Long> sourceCounts = counts(source.id());
        // 2 proposals and 1 comment, and the demo's briefs: 2 briefs, 3 versions (Nuvola's 1 and 2, Région Sud's
        // 1), 2 signatures on each of Nuvola's versions
        assertThat(sourceCounts).containsEntry("renegotiation_proposal", 2L).containsEntry("relationship_comment", 1L)
                .containsEntry("brief", 2L).containsEntry("brief_version", 3L).containsEntry("brief_signature", 4L);
        Empty target = emptyAgency("Brief Target Agency");
        JsonNode answer = upload(target.session(), archive).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.get("imported").get("briefs").asInt()).isEqualTo(2);
        assertThat(answer.get("imported").get("proposals").asInt()).isEqualTo(2);
        assertThat(answer.get("imported").get("relationshipComments").asInt()).isEqualTo(1);
        assertThat(counts(target.id())).isEqualTo(sourceCounts);
        // the source (the other tenant) is as it was
        assertThat(counts(source.id())).isEqualTo(sourceCounts);

        HttpGraphQlTester to = tenants.withToken(target.session());
        // what the owner sees: every brief, version, requirement and signature (who, which side, when)
        List<Object> briefs = briefs(from);
        assertThat(briefs(to)).isEqualTo(briefs);
        assertThat(briefs.toString()).contains("signedBy=Camille Martin").contains("signedBy=Théo Garnier")
                .contains("status=AGREED");
        // neither signer has an account in the target (an e-mail signs in to one agency): the signature keeps the
        // name and e-mail, and names no user of the target — never its owner
        assertThat(db.sql("SELECT count(*) FROM brief_signature WHERE agency_id = :a AND signed_by IS NULL"
                        + " AND signer_email IN ('owner@studio-boreal.example', 'theo@nuvola.example')")
                .bind("a", target.id().value()).map(r -> r.get(0, Long.class)).one().block()).isEqualTo(4L);
        // every proposal as sent (options with their figures, facts, letter) and as answered
        List<Object> proposals = proposals(from);
        assertThat(proposals).hasSize(2);
        assertThat(proposals(to)).isEqualTo(proposals);
        assertThat(proposals.toString()).contains("answer=DECLINED").contains("answerNote==too early")
                .contains("channel=POST").contains("channel=EMAIL");
        // the relationship's timeline
        assertThat(comments(to)).isEqualTo(comments(from)).asString().contains("Décideur nommé");
        // when each brief, version and proposal was created and last changed, to the microsecond: the source's
        // were stamped by its own transactions (the demo's import, the proposals sent), the target's would be its
        // import's transaction time if they were not kept
        for (String table : List.of("brief", "brief_version", "renegotiation_proposal")) {
            assertThat(times(table, target.id())).as(table).isEqualTo(times(table, source.id())).isNotEmpty();
        }
        // and the forecast, 104 weeks to the cent
        assertThat(forecast(to, "BASE")).isEqualTo(forecast(from, "BASE"));

        // a signer whose e-mail is a user of the importing agency becomes that user: the agency's signature
        // rewritten to this agency's owner's e-mail is signed by this owner
        Empty mapped = emptyAgency("Brief Mapped Agency");
        upload(mapped.session(), rewrite(archive, "brief_signatures.csv", csv -> csv.replace(DemoAgency.OWNER_EMAIL,
                ownerEmail(mapped.id())), 0)).expectStatus().isCreated();
        assertThat(db.sql("SELECT signed_by FROM brief_signature WHERE agency_id = :a AND party = 'AGENCY'")
                .bind("a", mapped.id().value()).map(r -> r.get(0, java.util.UUID.class)).all().collectList().block())
                .containsExactly(mapped.owner().value(), mapped.owner().value());

        // a format 3 archive (before briefs, proposals and comments) still imports, with none of them
        Map<String, byte[]> v3 = unzipQuietly(unzipEdit(archive, "manifest.json", bytes -> {
            ObjectNode m = (ObjectNode) JSON.readTree(bytes);
            m.put("formatVersion", 3);
            var files = (tools.jackson.databind.node.ArrayNode) m.get("files");
            for (int i = files.size() - 1; i >= 0; i--) {
                if (FORMAT_4.contains(files.get(i).get("name").asString())) {
                    files.remove(i);
                }
            }
            return JSON.writeValueAsBytes(m);
        }));
        v3.keySet().removeAll(FORMAT_4);
        Empty old = emptyAgency("Format Three Agency");
        upload(old.session(), zipQuietly(v3)).expectStatus().isCreated();
        assertThat(count("client", old.id())).isEqualTo(sourceCounts.get("client"));
        for (String table : List.of("brief", "renegotiation_proposal", "relationship_comment")) {
            assertThat(count(table, old.id())).as(table).isZero();
        }
        assertThat(forecast(tenants.withToken(old.session()), "BASE")).isEqualTo(forecast(from, "BASE"));
    }

    @Test
    void aMalformedFormatFourArchiveIsRefusedNamingTheFileAndRowAndWritesNothing() {
        byte[] archive = demoArchive();
        Empty empty = emptyAgency("Malformed Format Four Agency");
        // Théo Garnier's signature rewritten to an e-mail that is no contact of Nuvola: a client's signature by an
        // unknown person
        upload(empty.session(), rewrite(archive, "brief_signatures.csv",
                csv -> csv.replace(DemoAgency.NUVOLA_CLIENT_EMAIL, "stranger@elsewhere.example"), 0))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("ARCHIVE_INVALID")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("brief_signatures.csv line ").contains("column signer_email")
                        .contains("stranger@elsewhere.example").contains("not a contact"));
        // a requirement of a version the archive does not hold
        String stranger = java.util.UUID.randomUUID().toString();
        upload(empty.session(), rewrite(archive, "brief_requirements.csv", csv -> {
            String[] lines = csv.split("\r\n");
            lines[2] = stranger + lines[2].substring(lines[2].indexOf(','));
            return String.join("\r\n", lines) + "\r\n";
        }, 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("brief_requirements.csv line 3, column brief_version_id: " + stranger)
                        .contains("not in brief_versions.csv"));
        // a brief of a project the archive does not hold
        upload(empty.session(), rewrite(archive, "briefs.csv", csv -> {
            String[] lines = csv.split("\r\n");
            String[] cells = lines[1].split(",", -1);
            cells[1] = stranger;
            lines[1] = String.join(",", cells);
            return String.join("\r\n", lines) + "\r\n";
        }, 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("briefs.csv line 2, column project_id: " + stranger).contains("not in projects.csv"));
        // a proposal option of a proposal the archive does not hold, and a proposal whose facts name a project it
        // does not hold (the demo has no proposal: one row of each is added, hash and row count recomputed)
        String proposal = java.util.UUID.randomUUID().toString();
        upload(empty.session(), rewrite(archive, "proposal_options.csv",
                csv -> csv + stranger + ",0,\"{\"\"option\"\":{\"\"depositPercent\"\":30}}\"\r\n", 1))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("proposal_options.csv line 2, column proposal_id: " + stranger)
                        .contains("not in proposals.csv"));
        var client = db.sql("SELECT id FROM client WHERE agency_id = :a ORDER BY id LIMIT 1")
                .bind("a", DemoAgency.ID.value()).map(r -> r.get(0, java.util.UUID.class)).one().block();
        byte[] withProposal = rewrite(archive, "proposals.csv", csv -> csv + proposal + "," + client
                + ",FR,2026-11-30,POST,\"{\"\"timeToFirstCash\"\":[{\"\"projectId\"\":\"\"" + stranger
                + "\"\"}]}\",Lettre,<p>Lettre</p>,,,,,2026-11-30T09:00:00Z,2026-11-30T09:00:00Z\r\n", 1);
        upload(empty.session(), rewrite(withProposal, "proposal_options.csv",
                csv -> csv + proposal + ",0,\"{\"\"option\"\":{\"\"depositPercent\"\":30}}\"\r\n", 1))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("proposals.csv line 2, column facts").contains(stranger)
                        .contains("not in projects.csv"));
        // all or nothing: a brief title of 201 characters passes every file check and fails at the database's
        // CHECK (1 to 200), after the clients, projects, invoices, team and relationship were inserted — the
        // briefs are written in the same transaction, which takes them all back
        upload(empty.session(), rewrite(archive, "briefs.csv",
                csv -> csv.replace("Application mobile Nuvola — cahier des charges", "X".repeat(201)), 0))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("ARCHIVE_INVALID");
        // nothing written, by any of them
        assertThat(counts(empty.id()).values()).allMatch(n -> n == 0);
    }

    /** Each row's id, created_at and updated_at, by id. */
    private List<String> times(String table, AgencyId agency) {
        return db.sql("SELECT id::text || ' ' || created_at::text || ' ' || updated_at::text FROM " + table
                        + " WHERE agency_id = :a ORDER BY id").bind("a", agency.value())
                .map(r -> r.get(0, String.class)).all().collectList().block();
    }

    @Test
    void mappingsConfirmedStatementCreditsAndHolidayLabelsComeOver() {
        // the source: an agency that imported invoices (F-2026-101 1 500,00 €, F-2026-102 2 400,50 €, F-2026-103
        // 980,00 €), confirmed the CAMT.053 statement of its account "7890 189" (credits 0 and 1 paid F-2026-101 and
        // F-2026-102; credit 2, 750,00 € from an unknown payer, matched nothing), imported a client sheet whose
        // "Couleur préférée" column it mapped to ignore, and added a holiday of its own
        Tenants.Tenant source = tenants.create("Statement Source Agency");
        String session = tenants.signIn(source.email(Role.OWNER), Tenants.PASSWORD);
        HttpGraphQlTester owner = tenants.withToken(session);
        apply(owner, sheet(session, "INVOICES", io.cordee.api.bankstatement.BankStatementImportTest.INVOICES
                .getBytes(StandardCharsets.UTF_8), "text/csv"));
        String account = owner.document("""
                        mutation { createBankAccount(input: {name: "Société Générale", label: "7890 189"}) {
                          bankAccount { id } } }""").execute().path("createBankAccount.bankAccount.id")
                .entity(String.class).get();
        byte[] camt = io.cordee.api.bankstatement.BankStatementImportTest.CAMT.getBytes(StandardCharsets.UTF_8);
        String statement = sheet(session, "CAMT053", camt, "application/xml");
        JsonNode credits = credits(owner, statement);
        JsonNode confirmed = owner.document("""
                        mutation($in: ConfirmBankStatementInput!) { confirmBankStatement(input: $in) { payments
                          userErrors { message } } }""")
                .variable("in", Map.of("id", statement, "matches", List.of(
                        Map.of("credit", 0, "invoiceId", credits.get(0).path("proposedInvoice").path("id").asString()),
                        Map.of("credit", 1, "invoiceId", credits.get(1).path("proposedInvoice").path("id").asString()))))
                .execute().path("confirmBankStatement").entity(JsonNode.class).get();
        assertThat(confirmed.path("payments").asInt()).isEqualTo(2);
        String clients = sheet(session, "CLIENTS", "Nom,Couleur préférée\nAlpha,bleu\n".getBytes(StandardCharsets.UTF_8),
                "text/csv");
        owner.document("""
                mutation($id: ID!) { setImportMapping(input: {id: $id, columns: [{header: "Couleur préférée",
                  field: "ignore"}]}) { userErrors { message } } }""").variable("id", clients).execute()
                .path("setImportMapping.userErrors").entityList(Object.class).hasSize(0);
        apply(owner, clients);
        owner.document("""
                mutation { addPublicHolidays(input: {days: ["2026-12-24"], label: "Pont de Noël, offert"}) {
                  userErrors { message } } }""").execute()
                .path("addPublicHolidays.userErrors").entityList(Object.class).hasSize(0);
        assertThat(count("bank_statement_line", source.agencyId())).isEqualTo(2);
        assertThat(count("import_mapping", source.agencyId())).isEqualTo(2);

        byte[] archive = big().get().uri("/exports/agency.zip").cookie("CORDEE_SESSION", session).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        Empty target = emptyAgency("Statement Target Agency");
        upload(target.session(), archive).expectStatus().isCreated();
        for (String table : List.of("bank_statement_line", "import_mapping")) {
            assertThat(rows(table, target.id())).as(table).isEqualTo(rows(table, source.agencyId())).isNotEmpty();
        }
        // the holiday keeps its label (not "Imported")
        assertThat(db.sql("SELECT label FROM agency_holiday WHERE agency_id = :a AND day = DATE '2026-12-24'")
                .bind("a", target.id().value()).map(r -> r.get(0, String.class)).one().block())
                .isEqualTo("Pont de Noël, offert");

        // the same statement imported again in the target: the two confirmed credits are known, nothing is
        // proposed for them (so nothing can be paid twice); the unmatched one is still open
        HttpGraphQlTester to = tenants.withToken(target.session());
        JsonNode again = credits(to, sheet(target.session(), "CAMT053", camt, "application/xml"));
        assertThat(again.get(0).path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(again.get(1).path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(again.get(2).path("alreadyRecorded").asBoolean()).isFalse();
        assertThat(again.get(0).path("proposedInvoice").isNull()).isTrue();
        assertThat(again.get(1).path("proposedInvoice").isNull()).isTrue();
        // and the remembered mapping is offered again: the next client sheet with that header is matched
        String next = sheet(target.session(), "CLIENTS", "Nom,Couleur préférée\nBeta,vert\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(to.document("query($id: ID!) { importJob(id: $id) { mapping { header field } } }")
                .variable("id", next).execute().path("importJob.mapping").entity(JsonNode.class).get().toString())
                .contains("{\"header\":\"Couleur préférée\",\"field\":\"ignore\"}");
        assertThat(account).isNotNull();
    }

    @Test
    void aMalformedMappingStatementLineHolidayOrTimeIsRefusedNamingTheFileAndRowAndWritesNothing() {
        byte[] archive = demoArchive();
        Empty empty = emptyAgency("Malformed Completed Format Four Agency");
        // a mapping of a kind the application does not import
        upload(empty.session(), rewrite(archive, "import_mappings.csv",
                csv -> csv + "SPREADSHEETS,\"{\"\"nom\"\":\"\"name\"\"}\",2026-12-01T09:00:00Z\r\n", 1))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("ARCHIVE_INVALID")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("import_mappings.csv line 2, column kind: SPREADSHEETS").contains("is not one of"));
        // a confirmed statement credit of an invoice the archive does not hold
        var account = db.sql("SELECT id FROM bank_account WHERE agency_id = :a ORDER BY id LIMIT 1")
                .bind("a", DemoAgency.ID.value()).map(r -> r.get(0, java.util.UUID.class)).one().block();
        String stranger = java.util.UUID.randomUUID().toString();
        upload(empty.session(), rewrite(archive, "bank_statement_lines.csv", csv -> csv + account
                + ",camt:line-1," + stranger + ",1500.00,EUR,2026-11-20,2026-11-30T09:00:00Z\r\n", 1))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("bank_statement_lines.csv line 2, column invoice_id: " + stranger)
                        .contains("not in invoices.csv"));
        // a holiday without its label (the demo's are all "Jour férié")
        upload(empty.session(), rewrite(archive, "holidays.csv", csv -> csv.replace(",Jour férié", ","), 0))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("holidays.csv line 2, column label").contains("is empty"));
        // a brief's creation time that is not an instant
        upload(empty.session(), rewrite(archive, "briefs.csv", csv -> {
            String[] lines = csv.split("\r\n");
            String[] cells = lines[1].split(",", -1);
            cells[cells.length - 2] = "yesterday";
            lines[1] = String.join(",", cells);
            return String.join("\r\n", lines) + "\r\n";
        }, 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("briefs.csv line 2, column created_at: yesterday").contains("not an instant"));
        assertThat(counts(empty.id()).values()).allMatch(n -> n == 0);
        assertThat(count("agency_holiday", empty.id()) + count("import_mapping", empty.id())
                + count("bank_statement_line", empty.id())).isZero();
    }

    /** Every column of the agency's rows but agency_id, as text, in a stable order. */
    private List<String> rows(String table, AgencyId agency) {
        return db.sql("SELECT (to_jsonb(t) - 'agency_id')::text FROM " + table + " t WHERE agency_id = :a"
                        + " ORDER BY 1").bind("a", agency.value())
                .map(r -> r.get(0, String.class)).all().collectList().block();
    }

    /** A file uploaded to /imports: the job's (or statement's) id. */
    private String sheet(String session, String kind, byte[] bytes, String type) {
        String body = big().post().uri("/imports?kind=" + kind + "&fileName=file").cookie("CORDEE_SESSION", session)
                .contentType(MediaType.parseMediaType(type)).bodyValue(bytes).exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body).path("id").asString();
    }

    private static void apply(HttpGraphQlTester as, String job) {
        as.document("mutation($id: ID!) { applyImport(input: {id: $id}) { job { status } } }")
                .variable("id", job).execute().path("applyImport.job.status").entity(String.class).isEqualTo("APPLIED");
    }

    private static JsonNode credits(HttpGraphQlTester as, String statement) {
        return as.document("""
                        query($id: ID!) { bankStatementImport(id: $id) { credits { index alreadyRecorded
                          proposedInvoice { id } } } }""").variable("id", statement).execute()
                .path("bankStatementImport.credits").entity(JsonNode.class).get();
    }

    private static String globalId(String type, java.util.UUID id) {
        return io.cordee.api.graphql.common.GlobalId.of(type, id);
    }

    /** Every brief as the owner reads it, by title: versions, requirements, signatures. */
    private static List<Object> briefs(HttpGraphQlTester as) {
        return as.document("""
                        { briefs(first: 100) { edges { node { title project { name } versions { number status
                          objectives targetUsers constraints assumptions outOfScope launchDate communicationPlanDate
                          requirements { key title userStory priority estimateDays }
                          signatures { party signedBy signedAt versionNumber } } } } } }""")
                .execute().path("briefs.edges").entityList(Object.class).get();
    }

    private static List<Object> proposals(HttpGraphQlTester as) {
        return as.document("""
                        { proposals(first: 50) { edges { node { client { name } language sentOn channel letterMarkdown
                          letterHtml answer acceptedOption answeredOn answerNote facts { asOf peakExposure { amountMinor } }
                          options { number depositPercent monthlyInArrears paymentTermsDays
                            basePeakExposure { amountMinor } optionPeakExposure { amountMinor } } } } } }""")
                .execute().path("proposals.edges").entityList(Object.class).get();
    }

    private static List<Object> comments(HttpGraphQlTester as) {
        return as.document("""
                        { clients(first: 100) { edges { node { name relationshipComments { side body delivery createdAt
                          agreementId commitmentId } } } } }""")
                .execute().path("clients.edges").entityList(Object.class).get().stream()
                .sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    private static final List<String> FORMAT_4 = List.of("briefs.csv", "brief_versions.csv",
            "brief_requirements.csv", "brief_signatures.csv", "proposals.csv", "proposal_options.csv",
            "relationship_comments.csv", "import_mappings.csv", "bank_statement_lines.csv");

    private static final List<String> FORMAT_3 = List.of("deals.csv", "deal_milestones.csv", "deal_staffing.csv",
            "time_entries.csv", "interactions.csv", "strengths_maps.csv", "strengths.csv", "agreements.csv",
            "commitments.csv");

    /** Every client's relationship as the SPA reads it, by client name. */
    private static List<Object> relationship(HttpGraphQlTester as) {
        return as.document("""
                        { clients(first: 100) { edges { node { name
                          relationship { lateCommitments health { score components { kind score } trend { asOf score } }
                            strengths { expectations strengths { domain agency client lead } } }
                          interactions(first: 100) { edges { node { date kind summary agencyParticipants
                            clientParticipants agencyEnergy clientEnergy } } }
                          agreements { what ownerSide ownerName dueDate status doneDate }
                          commitments { kind title dueDate deliveredDate } } } } }""")
                .execute().path("clients.edges").entityList(Object.class).get().stream()
                .sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    private io.cordee.core.timesheet.TimeEntry entry(java.util.UUID member, java.util.UUID project, String day,
                                                      int minutes, String seed) {
        return new io.cordee.core.timesheet.TimeEntry(ids.newId(), new io.cordee.core.staffing.TeamMemberId(member),
                new io.cordee.core.project.ProjectId(project), java.time.LocalDate.parse(day), minutes, "HARVEST",
                AgencyArchive.sha256(("archive-test-" + seed).getBytes(StandardCharsets.UTF_8)));
    }

    private long count(String table, AgencyId agency) {
        return AgencyRows.count(db, agency, table);
    }

    private static Map<String, Object> cashRisk(HttpGraphQlTester as) {
        return as.document("""
                        { cashRisk(horizonWeeks: 26, paths: 500, seed: 20261203) { asOf paths seed opening { amountMinor }
                          probabilityUnderWithin13Weeks probabilityUnderWithin26Weeks expectedShortfall { amountMinor }
                          weeks { weekStart p10 { amountMinor } p50 { amountMinor } p90 { amountMinor }
                            base { amountMinor } probabilityUnder }
                          badPathClients { client { name } missingCash { amountMinor } share } } }""")
                .execute().path("cashRisk").entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

    private static Map<String, Object> forecast(HttpGraphQlTester as, String scenario, boolean withPipeline) {
        return as.document("""
                        query($k: ScenarioKind!, $p: Boolean) { cashForecast(horizonWeeks: 104, scenario: {kind: $k},
                          withPipeline: $p) { asOf opening { amountMinor currency } lowestBalance { amountMinor }
                          lowestWeek weeks { weekStart inflow { amountMinor } outflow { amountMinor }
                          closing { amountMinor } } } }""")
                .variable("k", scenario).variable("p", withPipeline).execute().path("cashForecast")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

    private static Map<String, byte[]> unzipQuietly(byte[] zip) {
        try {
            return unzip(zip);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] zipQuietly(Map<String, byte[]> files) {
        try {
            return zip(files);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPartnerTokenImportsOnlyWithEveryAreaTheArchiveWrites() {
        byte[] archive = demoArchive();
        Empty empty = emptyAgency("Token Archive Agency");
        HttpGraphQlTester owner = tenants.withToken(empty.session());
        String clientsOnly = token(owner, "CRM", List.of("CLIENTS"));
        tokenUpload(clientsOnly, archive).expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("STAFFING"));
        assertThat(counts(empty.id()).values()).allMatch(n -> n == 0);
        // format 3 writes the relationship too (ADR 61): six areas are not enough any more
        String six = token(owner, "Migration v2", List.of("CLIENTS", "PROJECTS", "BILLING", "CASH", "STAFFING",
                "SETTINGS"));
        tokenUpload(six, archive).expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("RELATIONSHIP"));
        // format 4 writes briefs too (ADR 70): seven areas are not enough any more
        String seven = token(owner, "Migration v3", List.of("CLIENTS", "PROJECTS", "BILLING", "CASH", "STAFFING",
                "SETTINGS", "RELATIONSHIP"));
        tokenUpload(seven, archive).expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("BRIEFS"));
        String all = token(owner, "Migration", List.of("CLIENTS", "PROJECTS", "BILLING", "CASH", "STAFFING",
                "SETTINGS", "RELATIONSHIP", "BRIEFS"));
        tokenUpload(all, archive).expectStatus().isCreated();
        assertThat(counts(empty.id())).isEqualTo(counts(DemoAgency.ID));
    }

    private WebTestClient.ResponseSpec tokenUpload(String token, byte[] archive) {
        return big().post().uri("/imports/agency-archive").header("Authorization", "Bearer " + token)
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(archive).exchange();
    }

    private static String token(HttpGraphQlTester owner, String name, List<String> areas) {
        return owner.document("""
                        mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { token
                          userErrors { message } } }""")
                .variable("in", Map.of("name", name, "access", "READ_WRITE", "areas", areas)).execute()
                .path("createApiToken.token").entity(String.class).get();
    }

    @Test
    void aZipBombStopsAtTheLimit() throws IOException {
        // 40 MB of zeros deflate to about 40 KB: past 1 MB inflated, more than 100 times the archive's size
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("invoices.csv"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(200_000);
        assertThatThrownBy(() -> AgencyArchiveReader.read(bytes.toByteArray(), DemoAgency.ID))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("zip bomb");
        // and a file that is not part of the format is refused by name
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(other)) {
            zip.putNextEntry(new ZipEntry("../../etc/passwd"));
            zip.write(1);
            zip.closeEntry();
        }
        assertThatThrownBy(() -> AgencyArchiveReader.read(other.toByteArray(), DemoAgency.ID))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("not a file of an agency export");
    }

    // --- helpers

    private record Empty(AgencyId id, UserId owner, String session) {
    }

    /** An agency with nothing in it but its OWNER, as the first-run setup leaves it. */
    private Empty emptyAgency(String name) {
        AgencyId id = new AgencyId(ids.newId());
        agencies.insert(new Agency(id, name, AgencySettings.defaults(Currency.getInstance("EUR"),
                ZoneId.of("Europe/Paris")), 0)).block(Duration.ofSeconds(10));
        String email = ownerEmail(id);
        User owner = users.insert(new User(new UserId(ids.newId()), id, email, "Archive owner", Role.OWNER, null,
                hasher.hash(Tenants.PASSWORD))).block(Duration.ofSeconds(10));
        return new Empty(id, owner.id(), tenants.signIn(email, Tenants.PASSWORD));
    }

    private static String ownerEmail(AgencyId id) {
        return "owner-" + id.value().toString().substring(24) + "@archive.example";
    }

    private byte[] demoArchive() {
        String session = tenants.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        return big().get().uri("/exports/agency.zip").cookie("CORDEE_SESSION", session).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    private WebTestClient big() {
        return web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    private WebTestClient.ResponseSpec upload(String session, byte[] archive) {
        return big().post().uri("/imports/agency-archive").cookie("CORDEE_SESSION", session)
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(archive).exchange();
    }

    private Map<String, Long> counts(AgencyId agency) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED) {
            counts.put(table, count(table, agency));
        }
        return counts;
    }

    private long dataVersion(AgencyId agency) {
        return db.sql("SELECT coalesce((SELECT version FROM agency_data_version WHERE agency_id = :a), 0)")
                .bind("a", agency.value()).map(r -> r.get(0, Long.class)).one().block();
    }

    private static Map<String, Object> forecast(HttpGraphQlTester as, String scenario) {
        return as.document("""
                        query($k: ScenarioKind!) { cashForecast(horizonWeeks: 104, scenario: {kind: $k}) { asOf
                          opening { amountMinor currency } lowestBalance { amountMinor } lowestWeek
                          weeks { weekStart inflow { amountMinor } outflow { amountMinor } closing { amountMinor } } } }""")
                .variable("k", scenario).execute().path("cashForecast")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private interface Edit {
        byte[] apply(byte[] bytes) throws IOException;
    }

    private static byte[] unzipEdit(byte[] archive, String name, Edit edit) {
        try {
            Map<String, byte[]> files = unzip(archive);
            files.put(name, edit.apply(files.get(name)));
            return zip(files);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code name} rewritten, the manifest's hash of it recomputed and its row count shifted by {@code rowsOff}. */
    private static byte[] rewrite(byte[] archive, String name, UnaryOperator<String> text, int rowsOff) {
        try {
            Map<String, byte[]> files = unzip(archive);
            byte[] csv = text.apply(new String(files.get(name), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            files.put(name, csv);
            ObjectNode manifest = (ObjectNode) JSON.readTree(files.get("manifest.json"));
            for (JsonNode f : manifest.get("files")) {
                if (f.get("name").asString().equals(name)) {
                    ((ObjectNode) f).put("sha256", AgencyArchive.sha256(csv));
                    ((ObjectNode) f).put("rows", f.get("rows").asInt() + rowsOff);
                }
            }
            files.put("manifest.json", JSON.writeValueAsBytes(manifest));
            return zip(files);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The demo agency's records are dated from the day the run's application loaded it (its bank balance the day
     * before), not from this class's fixed instant, which they are after from 5 December 2026 on: a test that reads
     * the demo runs on the run's day, time standing still (no midnight between its two reads). {@link ClockAt}
     * puts the clock back after it.
     */
    private void onTheDemosDay() {
        clock.reset();
        clock.stop();
    }
}
