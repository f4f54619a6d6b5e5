package io.cordee.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The export files of ADR 42, against the GraphQL answers they must equal to the cent, and attacked: roles,
 * tenants, tokens, formula injection, bad parameters. The clock is Thursday 3 December 2026, 11:00 in Paris.
 */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
class ExportTest {
    /** The application's clock: the demo tests below put it back on the run's day (see {@link #onTheDemosDay}). */
    @Autowired
    io.cordee.api.support.TestClock clock;

    static final String FORECAST = """
            query($k: ScenarioKind!) { cashForecast(horizonWeeks: 104, scenario: {kind: $k}) { asOf
              opening { amountMinor currency }
              weeks { weekStart isoWeek inflow { amountMinor } outflow { amountMinor } closing { amountMinor } } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void theForecastCsvIsTheGraphQlForecastToTheCentForBaseAndStress() throws IOException {
        onTheDemosDay();
        String session = tenants.signIn(DemoAgency.FINANCE_EMAIL, DemoAgency.PASSWORD);
        HttpGraphQlTester finance = tenants.withToken(session);
        for (String scenario : List.of("BASE", "STRESS")) {
            var answer = finance.document(FORECAST).variable("k", scenario).execute();
            String asOf = answer.path("cashForecast.asOf").entity(String.class).get();
            long opening = answer.path("cashForecast.opening.amountMinor").entity(Long.class).get();
            List<Map<String, Object>> weeks = answer.path("cashForecast.weeks").entityList(mapType()).get();
            assertThat(weeks).hasSize(104);

            EntityExchangeResult<byte[]> file = get("/exports/forecast.csv?scenario=" + scenario.toLowerCase()
                    + "&weeks=104&asOf=" + asOf, session);
            assertThat(file.getResponseHeaders().getContentType().toString()).startsWith("text/csv");
            // the agency and today's date in the file name
            assertThat(file.getResponseHeaders().getContentDisposition().getFilename())
                    .isEqualTo("studio-boreal-forecast-" + scenario.toLowerCase() + "-" + asOf + ".csv");
            List<CSVRecord> rows = csv(file.getResponseBody());
            assertThat(rows).hasSize(104);
            long previousClosing = opening;
            for (int i = 0; i < 104; i++) {
                CSVRecord row = rows.get(i);
                Map<String, Object> week = weeks.get(i);
                assertThat(row.get("week_start")).isEqualTo(week.get("weekStart"));
                assertThat(row.get("iso_week")).isEqualTo(week.get("isoWeek"));
                assertThat(cents(row.get("opening"))).isEqualTo(previousClosing);
                assertThat(cents(row.get("inflow"))).isEqualTo(minor(week, "inflow"));
                assertThat(cents(row.get("outflow"))).isEqualTo(minor(week, "outflow"));
                assertThat(cents(row.get("closing"))).isEqualTo(minor(week, "closing"));
                assertThat(row.get("currency")).isEqualTo("EUR");
                previousClosing = minor(week, "closing");
            }
            if (scenario.equals("STRESS")) {
                // the XLSX holds the same numbers, as numbers and dates
                byte[] xlsx = get("/exports/forecast.xlsx?scenario=STRESS&weeks=104&asOf=" + asOf, session)
                        .getResponseBody();
                try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                    List<Row> sheet = workbook.getFirstSheet().read();
                    assertThat(sheet).hasSize(105);
                    assertThat(sheet.get(0).getCellText(5)).isEqualTo("closing");
                    for (int i = 0; i < 104; i++) {
                        Row row = sheet.get(i + 1);
                        assertThat(row.getCellAsDate(0).orElseThrow().toLocalDate().toString())
                                .isEqualTo(weeks.get(i).get("weekStart"));
                        assertThat(row.getCellAsNumber(5).orElseThrow().movePointRight(2).longValueExact())
                                .isEqualTo(minor(weeks.get(i), "closing"));
                        assertThat(row.getCellAsNumber(3).orElseThrow().movePointRight(2).longValueExact())
                                .isEqualTo(minor(weeks.get(i), "inflow"));
                    }
                }
            }
        }
    }

    @Test
    void agedReceivablesAndExposureAreTheGraphQlNumbers() {
        String session = tenants.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        HttpGraphQlTester owner = tenants.withToken(session);
        var aged = owner.document("""
                { agedReceivables { asOf clients { client { id } invoiceCount buckets { over90 { amountMinor }
                  total { amountMinor } } } } }""").execute();
        List<Map<String, Object>> clients = aged.path("agedReceivables.clients").entityList(mapType()).get();
        List<CSVRecord> rows = csv(get("/exports/aged-receivables.csv", session).getResponseBody());
        assertThat(rows).hasSameSizeAs(clients).isNotEmpty();
        for (int i = 0; i < clients.size(); i++) {
            Map<String, Object> c = clients.get(i);
            assertThat(rows.get(i).get("client_id")).isEqualTo(((Map<?, ?>) c.get("client")).get("id"));
            assertThat(rows.get(i).get("as_of")).isEqualTo("2026-12-03");
            assertThat(Long.parseLong(rows.get(i).get("invoices"))).isEqualTo(((Number) c.get("invoiceCount")).longValue());
            Map<?, ?> buckets = (Map<?, ?>) c.get("buckets");
            assertThat(cents(rows.get(i).get("total"))).isEqualTo(((Number) ((Map<?, ?>) buckets.get("total"))
                    .get("amountMinor")).longValue());
            assertThat(cents(rows.get(i).get("over_90"))).isEqualTo(((Number) ((Map<?, ?>) buckets.get("over90"))
                    .get("amountMinor")).longValue());
        }

        List<CSVRecord> exposure = csv(get("/exports/exposure.csv?weeks=52", session).getResponseBody());
        assertThat(exposure).isNotEmpty();
        for (CSVRecord row : exposure) {
            var one = owner.document("""
                    query($c: ID!) { exposure(clientId: $c, weeks: 52) { peak { amountMinor } peakWeek } }""")
                    .variable("c", row.get("client_id")).execute();
            assertThat(cents(row.get("peak"))).as(row.get("client"))
                    .isEqualTo(one.path("exposure.peak.amountMinor").entity(Long.class).get());
            Object peakWeek = one.path("exposure").entity(Map.class).get().get("peakWeek");
            assertThat(row.get("peak_week")).isEqualTo(peakWeek == null ? "" : peakWeek);
        }
        // the demo's enterprise client has put staff cost in before paying: its peak is above zero
        assertThat(exposure.stream().filter(r -> cents(r.get("peak")) > 0)).isNotEmpty();
    }

    @Test
    void aFormulaInANameComesOutAsTextAndANegativeBalanceStaysANumber() {
        Tenants.Tenant tenant = tenants.create("Injection & Co");
        HttpGraphQlTester finance = tenants.as(tenant, Role.FINANCE);
        String evil = "=HYPERLINK(\"http://evil.example\",\"Click\")";
        String client = finance.document("""
                mutation($n: String!) { createClient(input: {name: $n, segment: SME}) { client { id } } }""")
                .variable("n", evil).execute().path("createClient.client.id").entity(String.class).get();
        String project = finance.document("""
                mutation($c: ID!) { createProject(input: {clientId: $c, name: "-2+3", startDate: "2026-10-01",
                  launchDate: "2027-03-31", feeBudget: {amountMinor: 1000000}, paymentTermsDays: 30}) {
                  project { id } } }""").variable("c", client).execute()
                .path("createProject.project.id").entity(String.class).get();
        String invoice = finance.document("""
                mutation($p: ID!) { createInvoice(input: {projectId: $p, label: "@SUM(A1:A9)",
                  amount: {amountMinor: 250000}, issueDate: "2026-11-02", number: "+F-1"}) { invoice { id }
                  userErrors { message } } }""")
                .variable("p", project).execute().path("createInvoice.invoice.id").entity(String.class).get();
        // 1,000.00 of it paid on 1 December
        finance.document("""
                mutation($i: ID!) { recordPayment(input: {invoiceId: $i, amount: {amountMinor: 100000},
                  receivedOn: "2026-12-01"}) { userErrors { message } } }""")
                .variable("i", invoice).execute().path("recordPayment.userErrors").entityList(Object.class).hasSize(0);
        // overdrawn: -1,234.56 at the end of Wednesday
        finance.document("""
                mutation { recordBankBalance(input: {date: "2026-12-02", amount: {amountMinor: -123456}}) {
                  userErrors { message } } }""").execute()
                .path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        String session = tenants.signIn(tenant.email(Role.FINANCE), Tenants.PASSWORD);

        String invoices = text(get("/exports/invoices.csv", session).getResponseBody());
        List<CSVRecord> rows = csv(get("/exports/invoices.csv", session).getResponseBody());
        assertThat(rows).hasSize(1);
        CSVRecord row = rows.get(0);
        assertThat(row.get("client")).isEqualTo("'" + evil);
        assertThat(row.get("project")).isEqualTo("'-2+3");
        assertThat(row.get("label")).isEqualTo("'@SUM(A1:A9)");
        assertThat(row.get("number")).isEqualTo("'+F-1");
        // 2,500.00 issued 2 November on 30 days: due 2 December; 1,000.00 paid, 1,500.00 still due
        assertThat(row.get("amount")).isEqualTo("2500.00");
        assertThat(row.get("paid")).isEqualTo("1000.00");
        assertThat(row.get("balance_due")).isEqualTo("1500.00");
        assertThat(row.get("due_date")).isEqualTo("2026-12-02");
        assertThat(row.get("status")).isEqualTo("ISSUED");
        assertThat(invoices).startsWith("\uFEFFinvoice_id,number,client_id,client,");
        assertThat(file(get("/exports/invoices.csv", session)))
                .isEqualTo("injection-co-invoices-2026-12-03.csv");
        List<CSVRecord> payments = csv(get("/exports/payments.csv", session).getResponseBody());
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).get("invoice_id")).isEqualTo(invoice);
        assertThat(payments.get(0).get("client")).isEqualTo("'" + evil);
        assertThat(payments.get(0).get("received_on")).isEqualTo("2026-12-01");
        assertThat(payments.get(0).get("amount")).isEqualTo("1000.00");

        // the forecast opens at -1,234.56: a number, not neutralised
        List<CSVRecord> forecast = csv(get("/exports/forecast.csv?weeks=4", session).getResponseBody());
        assertThat(forecast.get(0).get("opening")).isEqualTo("-1234.56");
        assertThat(new BigDecimal(forecast.get(0).get("opening"))).isEqualByComparingTo("-1234.56");
        // French Excel: semicolons and a decimal comma
        String french = text(get("/exports/forecast.csv?weeks=4&sep=semicolon", session).getResponseBody());
        assertThat(french.lines().skip(1).findFirst().orElseThrow()).startsWith("2026-11-30;2026-W49;-1234,56;");
    }

    @Test
    void leadClientAndStrangersAreRefusedAndAnotherAgencyNeverAppears() {
        Tenants.Tenant a = tenants.create("Export Agency A");
        Tenants.Tenant b = tenants.create("Export Agency B");
        HttpGraphQlTester financeB = tenants.as(b, Role.FINANCE);
        String clientB = GlobalId.of("Client", b.ownClient().id().value());
        String projectB = financeB.document("""
                mutation($c: ID!) { createProject(input: {clientId: $c, name: "Secret B", startDate: "2026-10-01",
                  launchDate: "2027-03-31", feeBudget: {amountMinor: 1000000}, paymentTermsDays: 30}) {
                  project { id } } }""").variable("c", clientB).execute()
                .path("createProject.project.id").entity(String.class).get();
        financeB.document("""
                mutation($p: ID!) { createInvoice(input: {projectId: $p, label: "B only", amount: {amountMinor: 777700},
                  issueDate: "2026-11-02", number: "B-1"}) { userErrors { message } } }""")
                .variable("p", projectB).execute();

        for (String path : List.of("/exports/forecast.csv", "/exports/forecast.xlsx", "/exports/invoices.csv",
                "/exports/payments.csv", "/exports/aged-receivables.csv", "/exports/exposure.csv")) {
            for (Role role : List.of(Role.LEAD, Role.CLIENT)) {
                String session = tenants.signIn(a.email(role), Tenants.PASSWORD);
                web.get().uri(path).cookie("CORDEE_SESSION", session).exchange()
                        .expectStatus().isForbidden()
                        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN");
            }
            web.get().uri(path).exchange().expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"cordee\"");
        }

        String ownerA = tenants.signIn(a.email(Role.OWNER), Tenants.PASSWORD);
        String invoicesA = text(get("/exports/invoices.csv", ownerA).getResponseBody());
        String agedA = text(get("/exports/aged-receivables.csv", ownerA).getResponseBody());
        String exposureA = text(get("/exports/exposure.csv", ownerA).getResponseBody());
        for (String fileOfA : List.of(invoicesA, agedA, exposureA)) {
            assertThat(fileOfA).doesNotContain("Secret B", "B only", "7777.00", clientB, projectB);
        }
        // B's own owner sees its invoice
        String ownerB = tenants.signIn(b.email(Role.OWNER), Tenants.PASSWORD);
        assertThat(text(get("/exports/invoices.csv", ownerB).getResponseBody())).contains("Secret B", "7777.00");
    }

    @Test
    void aPartnerTokenExportsAsItsCreatorAndABadOneIsRefused() {
        Tenants.Tenant tenant = tenants.create("Token Export Agency");
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        owner.document("""
                mutation { recordBankBalance(input: {date: "2026-12-02", amount: {amountMinor: 5000000}}) {
                  userErrors { message } } }""").execute();
        String readOnly = token(owner, "BI", "READ_ONLY", List.of());
        // a READ_ONLY token reads what its creator reads (ADR 14): the forecast opens at 50,000.00
        List<CSVRecord> rows = csv(web.get().uri("/exports/forecast.csv?weeks=2")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + readOnly).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody());
        assertThat(rows.get(0).get("opening")).isEqualTo("50000.00");

        // a token whose creator is a LEAD gets the LEAD's answer
        String leadEmail = tenants.addUser(tenant, Role.OWNER, "soon-lead");
        HttpGraphQlTester soonLead = tenants.as(leadEmail, Tenants.PASSWORD);
        String demoted = token(soonLead, "CRM", "READ_WRITE", List.of("CLIENTS"));
        // demoted behind the token's back, as RoleMatrixTest does
        db.sql("UPDATE app_user SET role = 'LEAD' WHERE agency_id = :a AND email = :e")
                .bind("a", tenant.agencyId().value()).bind("e", leadEmail).then().block();
        web.get().uri("/exports/invoices.csv").header(HttpHeaders.AUTHORIZATION, "Bearer " + demoted).exchange()
                .expectStatus().isForbidden();

        // an unknown token: 401 at once, as on /graphql
        web.get().uri("/exports/invoices.csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer cordee_pat_" + "x".repeat(43)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void badParametersAreRefusedByName() {
        String session = tenants.signIn(DemoAgency.FINANCE_EMAIL, DemoAgency.PASSWORD);
        for (var bad : Map.of("/exports/forecast.csv?weeks=500", "horizonWeeks",
                "/exports/forecast.csv?weeks=many", "weeks",
                "/exports/forecast.csv?scenario=CUSTOM", "scenario",
                "/exports/forecast.xlsx?asOf=2026-02-30", "asOf",
                "/exports/invoices.csv?sep=tab", "sep").entrySet()) {
            web.get().uri(bad.getKey()).cookie("CORDEE_SESSION", session).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                            .as(bad.getKey()).startsWith(bad.getValue() + ":"));
        }
    }

    private String token(HttpGraphQlTester owner, String name, String access, List<String> areas) {
        return owner.document("""
                        mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { token
                          userErrors { message } } }""")
                .variable("in", Map.of("name", name, "access", access, "areas", areas)).execute()
                .path("createApiToken.token").entity(String.class).get();
    }

    private EntityExchangeResult<byte[]> get(String uri, String session) {
        return web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri(uri).cookie("CORDEE_SESSION", session).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(byte[].class).returnResult();
    }

    private static String file(EntityExchangeResult<byte[]> result) {
        return result.getResponseHeaders().getContentDisposition().getFilename();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Parses an export back with Commons CSV: the BOM must be there, and is dropped. */
    static List<CSVRecord> csv(byte[] bytes) {
        String text = text(bytes);
        assertThat(text).startsWith("\uFEFF");
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text.substring(1))).getRecords();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    private static long minor(Map<String, Object> week, String field) {
        return ((Number) ((Map<?, ?>) week.get(field)).get("amountMinor")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
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
