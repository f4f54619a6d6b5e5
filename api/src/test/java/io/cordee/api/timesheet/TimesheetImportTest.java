package io.cordee.api.timesheet;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Timesheets (ADR 57) end to end: a Harvest detailed time report export and a Toggl Track detailed report CSV,
 * written for the test from the documented columns, matched to people and projects; actual beside allocated days
 * per member and week; the budget burn; a bad file that writes nothing; re-import; roles; tenants.
 *
 * <p>The agency (clock: Thursday 3 December 2026) has November 2026's 21 weekdays less one public holiday,
 * Wednesday 11 November: 20 working days. Camille Martin, FTE 1.00, costs 6 300,00 € a month: a day 6300 ÷ 20 =
 * 315,00 €. Élodie Durand, FTE 0.80, costs 4 480,00 €: a day 4480 ÷ (20 × 0.8) = 280,00 €. Client Atelier Nord's
 * project "Site vitrine" has a fee budget of 30 000,00 €; Brasserie du Port has a project "Site vitrine" too.
 * Camille is allocated 50 % to Atelier's from 2 to 29 November, Élodie 100 % from 9 to 20 November.
 */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
class TimesheetImportTest {

    static final String HARVEST_HEADER = "Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,"
            + "Invoiced?,Approved?,First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,"
            + "Cost Amount,Currency,External Reference URL\n";

    /**
     * Harvest: Camille 7.5 + 4 + 4 + 4 = 19.5 h on Atelier's project in the week of 2 November (the two lines of
     * the 4th are identical: two entries), 2 h on Brasserie's "Site vitrine"; Élodie ("Elodie", no accent) 8 + 6
     * = 14 h in the week of 9 November. Seven lines.
     */
    static final String HARVEST = HARVEST_HEADER + """
            2026-11-02,Atelier Nord,Site vitrine,AN-01,Design,Maquettes,7.5,7.5,Yes,No,No,Camille,Martin,Designer,Yes,90.00,675.00,40.00,300.00,Euro - EUR,
            2026-11-03,Atelier Nord,Site vitrine,AN-01,Design,"Maquettes, v2",4,4,Yes,No,No,Camille,Martin,Designer,Yes,90.00,360.00,40.00,160.00,Euro - EUR,
            2026-11-04,Atelier Nord,Site vitrine,AN-01,Design,Revue,4,4,Yes,No,No,Camille,Martin,Designer,Yes,90.00,360.00,40.00,160.00,Euro - EUR,
            2026-11-04,Atelier Nord,Site vitrine,AN-01,Design,Revue,4,4,Yes,No,No,Camille,Martin,Designer,Yes,90.00,360.00,40.00,160.00,Euro - EUR,
            2026-11-05,Brasserie du Port,Site vitrine,BP-01,Design,Logo,2,2,Yes,No,No,Camille,Martin,Designer,Yes,90.00,180.00,40.00,80.00,Euro - EUR,
            11/10/2026,Atelier Nord,Site vitrine,AN-01,Development,Intégration,8,8,Yes,No,No,Élodie,Durand,Developer,Yes,80.00,640.00,35.00,280.00,Euro - EUR,
            2026-11-12,atelier nord,Site Vitrine,AN-01,Development,Intégration,6,6,Yes,No,No,Elodie,Durand,Developer,Yes,80.00,480.00,35.00,210.00,Euro - EUR,
            """;

    static final String TOGGL_HEADER = "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
            + "End date,End time,Duration,Tags,Amount ()\n";

    /**
     * Toggl: "C. Martin" is no team member's name, but the e-mail is the LEAD user's, whose name is Camille Martin:
     * 3:30:00 = 3.5 h on 16 November. Élodie, no e-mail, by name: 8 h on 17 November.
     */
    static String toggl(String camilleEmail) {
        return TOGGL_HEADER + """
                C. Martin,%s,Atelier Nord,Site vitrine,Design,Revue client,Yes,2026-11-16,09:00:00,2026-11-16,12:30:00,03:30:00,client,0.00
                Élodie Durand,,Atelier Nord,Site vitrine,Development,Formulaires,Yes,2026-11-17,09:00:00,2026-11-17,17:00:00,08:00:00,,0.00
                """.formatted(camilleEmail.toUpperCase(java.util.Locale.ROOT));
    }

    static final String IMPORT = """
            mutation($in: ImportTimesheetInput!) { importTimesheet(input: $in) { entries created unchanged hours
              issues { row column message } userErrors { field message code } } }""";
    static final String TIMESHEET = """
            query($p: ID!, $from: Date!, $weeks: Int) { projectTimesheet(projectId: $p, from: $from, weeks: $weeks) {
              project { name } weeks { teamMemberName weekStart actualDays allocatedDays }
              budgetBurn { feeBudget { amountMinor } actualDays actualCost { amountMinor } invoiced { amountMinor } } } }""";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;

    record Agency(Tenants.Tenant tenant, HttpGraphQlTester owner, String atelier, String brasserie) {
    }

    /** The agency of the class comment. */
    private Agency agency(String name) {
        Tenants.Tenant tenant = tenants.create(name);
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        gql(owner, "mutation { addPublicHolidays(input: {days: [\"2026-11-11\"], label: \"Armistice\"}) {"
                + " userErrors { message } } }", Map.of());
        String camille = member(owner, "Camille Martin", 1.0, 630_000);
        String elodie = member(owner, "Élodie Durand", 0.8, 448_000);
        String atelierClient = client(owner, "Atelier Nord");
        String brasserieClient = client(owner, "Brasserie du Port");
        String atelier = project(owner, atelierClient, 3_000_000);
        String brasserie = project(owner, brasserieClient, 1_000_000);
        allocate(owner, camille, atelier, 50, "2026-11-02", "2026-11-29");
        allocate(owner, elodie, atelier, 100, "2026-11-09", "2026-11-20");
        // the LEAD user is Camille: the Toggl export names her by this e-mail
        db.sql("UPDATE app_user SET display_name = 'Camille Martin' WHERE agency_id = :a AND email = :e")
                .bind("a", tenant.agencyId().value()).bind("e", tenant.email(Role.LEAD)).fetch().rowsUpdated().block();
        return new Agency(tenant, owner, atelier, brasserie);
    }

    @Test
    void harvestAndTogglExportsBecomeActualDaysBesideAllocatedDaysAndTheBudgetBurn() {
        Agency a = agency("Timesheet Agency");
        HttpGraphQlTester finance = tenants.as(a.tenant(), Role.FINANCE);
        JsonNode harvest = importFile(finance, "HARVEST", HARVEST, false);
        assertThat(harvest.path("issues")).isEmpty();
        assertThat(harvest.path("userErrors")).isEmpty();
        // seven lines, seven entries (the two identical lines of 4 November stay two); 19.5 + 2 + 14 = 35.5 h
        assertThat(harvest.path("entries").asInt()).isEqualTo(7);
        assertThat(harvest.path("created").asInt()).isEqualTo(7);
        assertThat(harvest.path("hours").asDouble()).isEqualTo(35.5);

        // a dry run of the Toggl export says two new entries and writes nothing
        String togglFile = toggl(a.tenant().email(Role.LEAD));
        JsonNode dry = importFile(finance, "TOGGL", togglFile, true);
        assertThat(dry.path("issues")).isEmpty();
        assertThat(dry.path("created").asInt()).isEqualTo(2);
        assertThat(entries(a)).isEqualTo(7);
        JsonNode toggl = importFile(finance, "TOGGL", togglFile, false);
        assertThat(toggl.path("created").asInt()).isEqualTo(2);
        assertThat(toggl.path("hours").asDouble()).isEqualTo(11.5);
        assertThat(entries(a)).isEqualTo(9);

        // the same files again change nothing
        JsonNode again = importFile(finance, "HARVEST", HARVEST, false);
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(7);
        assertThat(importFile(finance, "TOGGL", togglFile, false).path("unchanged").asInt()).isEqualTo(2);
        assertThat(entries(a)).isEqualTo(9);

        // one invoice issued on Atelier's project: 9 000,00 €
        gql(a.owner(), "mutation($p: ID!) { createInvoice(input: {projectId: $p, label: \"Acompte\", amount:"
                + " {amountMinor: 900000}, issueDate: \"2026-11-30\", number: \"F-2026-201\"}) { userErrors { message } } }",
                Map.of("p", a.atelier()));

        JsonNode sheet = timesheet(finance, a.atelier(), "2026-11-02", 3);
        assertThat(sheet.path("project").path("name").asString()).isEqualTo("Site vitrine");
        // per week and member, actual | allocated days:
        //  2 Nov, Camille: 19.5 h ÷ 8 = 2.4375 → 2.44 | 50 % × 1.0 × 5 days = 2.50
        //  9 Nov, Camille: 0 | 50 % × 4 days (the 11th is a holiday) = 2.00
        //  9 Nov, Élodie: 14 h ÷ 8 = 1.75 | 100 % × 0.8 × 4 days = 3.20
        // 16 Nov, Camille: 3.5 h ÷ 8 = 0.4375 → 0.44 | 2.50
        // 16 Nov, Élodie: 8 h ÷ 8 = 1.00 | 100 % × 0.8 × 5 days = 4.00
        // (Brasserie's 2 h are on the other project)
        assertThat(weeks(sheet)).containsExactly(
                "2026-11-02 Camille Martin 2.44 2.5",
                "2026-11-09 Camille Martin 0.0 2.0",
                "2026-11-09 Élodie Durand 1.75 3.2",
                "2026-11-16 Camille Martin 0.44 2.5",
                "2026-11-16 Élodie Durand 1.0 4.0");
        JsonNode burn = sheet.path("budgetBurn");
        assertThat(burn.path("feeBudget").path("amountMinor").asLong()).isEqualTo(3_000_000L);
        // Camille 19.5 + 3.5 = 23 h, Élodie 14 + 8 = 22 h: 45 h ÷ 8 = 5.625 → 5.63 days
        assertThat(burn.path("actualDays").asDouble()).isEqualTo(5.63);
        // Camille 23 h = 2.875 days × 315,00 € = 905,625 €; Élodie 22 h = 2.75 days × 280,00 € = 770,00 €;
        // 1 675,625 € → 1 675,63 € (rounded once, half up)
        assertThat(burn.path("actualCost").path("amountMinor").asLong()).isEqualTo(167_563L);
        assertThat(burn.path("invoiced").path("amountMinor").asLong()).isEqualTo(900_000L);

        // Brasserie's project: Camille's 2 h = 0.25 day × 315,00 € = 78,75 €; nothing invoiced
        JsonNode other = timesheet(finance, a.brasserie(), "2026-11-02", 1).path("budgetBurn");
        assertThat(other.path("actualDays").asDouble()).isEqualTo(0.25);
        assertThat(other.path("actualCost").path("amountMinor").asLong()).isEqualTo(7_875L);
        assertThat(other.path("invoiced").path("amountMinor").asLong()).isZero();
    }

    @Test
    void aFileWithUnknownPeopleProjectsOrBadCellsNamesEachRowAndColumnAndWritesNothing() {
        Agency a = agency("Bad Timesheet Agency");
        String bad = HARVEST_HEADER + """
                2026-11-02,Atelier Nord,Site vitrine,,Design,ok,7.5,,,,,Camille,Martin,,,,,,,,
                2026-11-02,Atelier Nord,Site vitrine,,Design,,3,,,,,Zoé,Inconnue,,,,,,,,
                2026-11-03,Client Fantôme,Site vitrine,,Design,,3,,,,,Camille,Martin,,,,,,,,
                2026-11-03,Atelier Nord,Appli mobile,,Design,,3,,,,,Camille,Martin,,,,,,,,
                2026-02-30,Atelier Nord,Site vitrine,,Design,,3,,,,,Camille,Martin,,,,,,,,
                2026-11-04,Atelier Nord,Site vitrine,,Design,,7.5.0,,,,,Camille,Martin,,,,,,,,
                """;
        JsonNode result = importFile(a.owner(), "HARVEST", bad, false);
        List<String> issues = new ArrayList<>();
        result.path("issues").forEach(i -> issues.add(i.path("row").asInt() + " " + i.path("column").asString()
                + ": " + i.path("message").asString()));
        assertThat(issues).containsExactly(
                "3 First Name: no team member named \"Zoé Inconnue\"",
                "4 Client: no client named \"Client Fantôme\"",
                "5 Project: no project named \"Appli mobile\" for the client \"Atelier Nord\"",
                "6 Date: \"2026-02-30\" is not a date (YYYY-MM-DD or M/D/YYYY)",
                "7 Hours: \"7.5.0\" is not a number of hours such as 7.5");
        assertThat(result.path("created").asInt()).isZero();
        assertThat(entries(a)).as("the good line of row 2 is not written either").isZero();

        // a Toggl file given as Harvest: its missing columns, at row 1
        JsonNode wrong = importFile(a.owner(), "HARVEST", toggl("x@y.example"), false);
        assertThat(wrong.path("issues").get(0).path("row").asInt()).isEqualTo(1);
        assertThat(wrong.path("issues").get(0).path("column").asString()).isEqualTo("Date");
        // an unreadable CSV (a quote never closed) is a user error on the content
        JsonNode broken = importFile(a.owner(), "TOGGL", TOGGL_HEADER + "\"C. Martin,x,y", false);
        assertThat(broken.path("userErrors").get(0).path("code").asString()).isEqualTo("IMPORT_FILE_INVALID");
        assertThat(entries(a)).isZero();
    }

    @Test
    void aLeadSeesTheDaysNotTheCostsAndNeitherImportsNorAClientReads() {
        Agency a = agency("Role Timesheet Agency");
        importFile(a.owner(), "HARVEST", HARVEST, false);
        HttpGraphQlTester lead = tenants.as(a.tenant(), Role.LEAD);
        JsonNode sheet = timesheet(lead, a.atelier(), "2026-11-02", 1);
        assertThat(weeks(sheet)).containsExactly("2026-11-02 Camille Martin 2.44 2.5");
        assertThat(sheet.path("budgetBurn").path("actualDays").asDouble()).isEqualTo(4.19); // 33.5 h ÷ 8 = 4.1875
        assertThat(sheet.path("budgetBurn").path("feeBudget").path("amountMinor").asLong()).isEqualTo(3_000_000L);
        assertThat(sheet.path("budgetBurn").path("actualCost").isNull()).isTrue();
        assertThat(sheet.path("budgetBurn").path("invoiced").isNull()).isTrue();

        lead.document(IMPORT).variable("in", Map.of("format", "HARVEST", "content", HARVEST)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions().get("code")).isEqualTo("FORBIDDEN")));
        tenants.as(a.tenant(), Role.CLIENT).document(TIMESHEET).variable("p", a.atelier())
                .variable("from", "2026-11-02").variable("weeks", 1).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions().get("code")).isEqualTo("FORBIDDEN")));
        assertThat(entries(a)).isEqualTo(7);
    }

    @Test
    void anotherAgencyMatchesNothingOfThisOneAndReadsNoneOfItsTimesheets() {
        Agency a = agency("Home Timesheet Agency");
        importFile(a.owner(), "HARVEST", HARVEST, false);
        Tenants.Tenant other = tenants.create("Other Timesheet Agency");
        HttpGraphQlTester otherOwner = tenants.as(other, Role.OWNER);
        // the same people and clients do not exist there: every line is refused, nothing written anywhere
        JsonNode result = importFile(otherOwner, "HARVEST", HARVEST, false);
        assertThat(result.path("issues").size()).isEqualTo(14); // 7 lines × (person + client)
        assertThat(result.path("issues").get(0).path("message").asString())
                .isEqualTo("no team member named \"Camille Martin\"");
        // its own LEAD's e-mail does not reach this agency's users either
        JsonNode viaEmail = importFile(otherOwner, "TOGGL", toggl(a.tenant().email(Role.LEAD)), false);
        assertThat(viaEmail.path("issues").get(0).path("message").asString()).startsWith("no team member named \"C. Martin\"");
        assertThat(db.sql("SELECT count(*) FROM time_entry WHERE agency_id = :a").bind("a", other.agencyId().value())
                .mapValue(Long.class).one().block()).isZero();
        assertThat(entries(a)).isEqualTo(7);
        // this agency's project id, asked by the other agency: nothing
        otherOwner.document(TIMESHEET).variable("p", a.atelier()).variable("from", "2026-11-02").variable("weeks", 1)
                .execute().path("projectTimesheet").valueIsNull();
    }

    // --- helpers

    private JsonNode importFile(HttpGraphQlTester tester, String format, String content, boolean dryRun) {
        Map<String, Object> in = new HashMap<>();
        in.put("format", format);
        in.put("content", content);
        in.put("fileName", "export.csv");
        in.put("dryRun", dryRun);
        return json.valueToTree(tester.document(IMPORT).variable("in", in).execute()
                .path("importTimesheet").entity(Object.class).get());
    }

    private JsonNode timesheet(HttpGraphQlTester tester, String project, String from, int weeks) {
        return json.valueToTree(tester.document(TIMESHEET).variable("p", project).variable("from", from)
                .variable("weeks", weeks).execute().path("projectTimesheet").entity(Object.class).get());
    }

    private static List<String> weeks(JsonNode sheet) {
        List<String> out = new ArrayList<>();
        sheet.path("weeks").forEach(w -> out.add(w.path("weekStart").asString() + " " + w.path("teamMemberName")
                .asString() + " " + w.path("actualDays").asDouble() + " " + w.path("allocatedDays").asDouble()));
        return out;
    }

    private long entries(Agency a) {
        return db.sql("SELECT count(*) FROM time_entry WHERE agency_id = :a").bind("a", a.tenant().agencyId().value())
                .mapValue(Long.class).one().block();
    }

    private void gql(HttpGraphQlTester tester, String document, Map<String, Object> variables) {
        HttpGraphQlTester.Request<?> request = tester.document(document);
        variables.forEach(request::variable);
        String json = this.json.writeValueAsString(request.execute().errors().verify().path("").entity(Object.class).get());
        assertThat(json).doesNotContain("\"message\"");
    }

    private String member(HttpGraphQlTester owner, String name, double fte, long monthlyCost) {
        return owner.document("mutation($n: String!, $f: Float, $c: Long!) { createTeamMember(input: {name: $n, fte: $f,"
                        + " monthlyLoadedCost: {amountMinor: $c}, dailyBillRate: {amountMinor: 60000}}) {"
                        + " teamMember { id } userErrors { message } } }")
                .variable("n", name).variable("f", fte).variable("c", monthlyCost).execute()
                .path("createTeamMember.teamMember.id").entity(String.class).get();
    }

    private String client(HttpGraphQlTester owner, String name) {
        return owner.document("mutation($n: String!) { createClient(input: {name: $n, segment: SME}) {"
                        + " client { id } userErrors { message } } }")
                .variable("n", name).execute().path("createClient.client.id").entity(String.class).get();
    }

    private String project(HttpGraphQlTester owner, String client, long fee) {
        return owner.document("mutation($c: ID!, $f: Long!) { createProject(input: {clientId: $c, name: \"Site vitrine\","
                        + " status: ACTIVE, startDate: \"2026-10-01\", feeBudget: {amountMinor: $f}}) {"
                        + " project { id } userErrors { message } } }")
                .variable("c", client).variable("f", fee).execute().path("createProject.project.id")
                .entity(String.class).get();
    }

    private void allocate(HttpGraphQlTester owner, String member, String project, int share, String from, String to) {
        owner.document("mutation($m: ID!, $p: ID!, $s: Int!, $f: Date!, $t: Date!) { createAllocation(input: {"
                        + " teamMemberId: $m, projectId: $p, sharePercent: $s, startDate: $f, endDate: $t}) {"
                        + " allocation { id } userErrors { message } } }")
                .variable("m", member).variable("p", project).variable("s", share).variable("f", from)
                .variable("t", to).execute().path("createAllocation.allocation.id").entity(String.class).get();
    }
}
