package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Issue 17, points 1–3 end to end (ADR 38). Today is Wednesday 8 July 2026 in Paris. "Own Client" is an
 * SME on 30-day terms without payment history: it is expected 5 days after the due date (the agency's SME
 * default). The agency has no team, overheads or one-offs, so the forecast moves only with that client.
 */
@ApiTest
@ClockAt("2026-07-08T10:00:00Z")
class ForecastCorrectnessTest {

    private static final String FORECAST = """
            query($asOf: Date, $h: Int, $s: ScenarioInput) { cashForecast(asOf: $asOf, horizonWeeks: $h, scenario: $s) {
              opening { amount } weeks { weekStart inflow { amount } closing { amount } } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;

    Tenants.Tenant tenant;
    HttpGraphQlTester finance;
    String client;
    String project;

    @BeforeEach
    void today() {
        tenant = tenants.create("Correct Forecast Agency");
        finance = tenants.as(tenant, Role.FINANCE);
        client = GlobalId.of("Client", tenant.ownClient().id().value());
        project = finance.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Site", startDate: "2026-06-01",
                          feeBudget: {amountMinor: 3000000}}) { project { id } } }""")
                .variable("c", client).execute().path("createProject.project.id").entity(String.class).get();
    }

    /**
     * Invoice 10,000.00 issued 8 June, due 8 July, expected Mon 13 July (week of 13 Jul). Balance 7 July
     * 100,000.00; 4,000.00 received today.
     * <pre>
     * as of today (8 July): opening 100,000 + 4,000 = 104,000 (before: 100,000 — today's 4,000 vanished)
     *   week 6 Jul: 104,000    week 13 Jul: + 6,000 = 110,000 (before: 106,000)
     * a balance of 104,000.00 dated today then opens the forecast (before: ignored, the 7 July one opened it):
     *   opening 104,000 (the payment is in it, not counted twice), same weeks
     * as of Wed 1 July, balance 30 June 90,000.00: the payment of 8 July is not yet received
     *   opening 90,000; weeks 29 Jun 90,000, 6 Jul 90,000, 13 Jul + 10,000 = 100,000 (before: the 4,000 lost: 96,000)
     * </pre>
     */
    @Test
    void everyInvoiceBringsItsAmountWhateverTheDatesOfItsPayments() {
        String invoice = finance.document("""
                        mutation($p: ID!) { createInvoice(input: {projectId: $p, label: "Design",
                          amount: {amountMinor: 1000000}, issueDate: "2026-06-08"}) { invoice { id dueDate } userErrors { code } } }""")
                .variable("p", project).execute()
                .path("createInvoice.invoice.dueDate").entity(String.class).isEqualTo("2026-07-08")
                .path("createInvoice.invoice.id").entity(String.class).get();
        balance("2026-07-07", 10_000_000);
        balance("2026-06-30", 9_000_000);
        finance.document("""
                        mutation($id: ID!) { recordPayment(input: {invoiceId: $id, amount: {amountMinor: 400000},
                          receivedOn: "2026-07-08"}) { userErrors { code } } }""")
                .variable("id", invoice).execute().path("recordPayment.userErrors").entityList(Object.class).hasSize(0);

        forecast("2026-07-08", 2, null)
                .path("cashForecast.opening.amount").entity(String.class).isEqualTo("104000.00")
                .path("cashForecast.weeks[*].closing.amount").entityList(String.class)
                .containsExactly("104000.00", "110000.00");

        balance("2026-07-08", 10_400_000);
        forecast("2026-07-08", 2, null)
                .path("cashForecast.opening.amount").entity(String.class).isEqualTo("104000.00")
                .path("cashForecast.weeks[*].closing.amount").entityList(String.class)
                .containsExactly("104000.00", "110000.00");

        forecast("2026-07-01", 3, null)
                .path("cashForecast.opening.amount").entity(String.class).isEqualTo("90000.00")
                .path("cashForecast.weeks[*].weekStart").entityList(String.class)
                .containsExactly("2026-06-29", "2026-07-06", "2026-07-13")
                .path("cashForecast.weeks[*].closing.amount").entityList(String.class)
                .containsExactly("90000.00", "90000.00", "100000.00");
    }

    /** Dates within 2000-01-01 … 2100-12-31 and amounts within ±10^13 minor units, refused on the field. */
    @Test
    void datesAndAmountsOutOfBoundsAreRefusedOnTheirFieldAndWriteNothing() {
        // the amount that made every forecast of the agency fail with an internal error
        finance.document("mutation { recordBankBalance(input: {date: \"2026-07-01\", amount: {amountMinor: 9223372036854775000}}) { bankBalance { date } userErrors { field code message } } }")
                .execute()
                .path("recordBankBalance.bankBalance").valueIsNull()
                .path("recordBankBalance.userErrors[0].field").entityList(String.class).containsExactly("amount", "amountMinor")
                .path("recordBankBalance.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        finance.document("mutation { recordBankBalance(input: {date: \"1999-12-31\", amount: {amountMinor: 100}}) { bankBalance { date } userErrors { field code message } } }")
                .execute()
                .path("recordBankBalance.userErrors[0].field").entityList(String.class).containsExactly("date")
                .path("recordBankBalance.userErrors[0].message").entity(String.class)
                .isEqualTo("must be between 2000-01-01 and 2100-12-31 (got 1999-12-31)");
        finance.document("{ bankBalances { totalCount } }").execute()
                .path("bankBalances.totalCount").entity(Long.class).isEqualTo(0L);

        // every date of a nested input is checked, named by its path
        finance.document("""
                        mutation($p: ID!) { setBillingPlan(input: {projectId: $p, depositPercent: 50, milestones: [
                          {label: "A", date: "2026-09-01", sharePercent: 25}, {label: "B", date: "2101-01-01", sharePercent: 25}]}) {
                          billingPlan { version } userErrors { field code } } }""")
                .variable("p", project).execute()
                .path("setBillingPlan.billingPlan").valueIsNull()
                .path("setBillingPlan.userErrors[0].field").entityList(String.class).containsExactly("milestones", "1", "date")
                .path("setBillingPlan.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        // the limit itself is accepted: 10^13 minor units
        finance.document("mutation { createOneOffExpense(input: {label: \"Building\", date: \"2100-12-31\", amount: {amountMinor: 10000000000000}}) { oneOffExpense { id } userErrors { field } } }")
                .execute().path("createOneOffExpense.userErrors").entityList(Object.class).hasSize(0);
        finance.document("mutation { createOneOffExpense(input: {label: \"Building\", date: \"2026-08-01\", amount: {amountMinor: 10000000000001}}) { oneOffExpense { id } userErrors { field } } }")
                .execute().path("createOneOffExpense.userErrors[0].field").entityList(String.class)
                .containsExactly("amount", "amountMinor");
        // a query argument too: a request error with the same typed entry in its extensions
        finance.document("{ cashForecast(asOf: \"2200-01-01\") { opening { amount } } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).extractingByKey("userErrors")
                        .asString().contains("code=OUT_OF_RANGE").contains("field=[asOf]"));
        // an impossible date never reaches the server's code (StrictScalars, ADR 26)
        finance.document("mutation { recordBankBalance(input: {date: \"2026-02-30\", amount: {amountMinor: 100}}) { userErrors { code } } }")
                .execute().errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_DATE"));
        // a payment after today in Paris (the receivables' rule)
        String invoice = finance.document("""
                        mutation($p: ID!) { createInvoice(input: {projectId: $p, label: "Design",
                          amount: {amountMinor: 1000000}, issueDate: "2026-06-08"}) { invoice { id } } }""")
                .variable("p", project).execute().path("createInvoice.invoice.id").entity(String.class).get();
        finance.document("""
                        mutation($id: ID!) { recordPayment(input: {invoiceId: $id, amount: {amountMinor: 100},
                          receivedOn: "2026-07-09"}) { userErrors { field code } } }""")
                .variable("id", invoice).execute()
                .path("recordPayment.userErrors[0].field").entityList(String.class).containsExactly("receivedOn");
    }

    /** An adjustment on an unknown client, another agency's, or monthly billing with no end: refused. */
    @Test
    void aScenarioSaysWhatItCannotDo() {
        balance("2026-07-07", 10_000_000);
        String stranger = GlobalId.of("Client", UUID.randomUUID());
        Tenants.Tenant other = tenants.create("Other Forecast Agency");
        String theirs = GlobalId.of("Client", other.ownClient().id().value());
        for (String unknown : List.of(stranger, theirs)) {
            forecast("2026-07-08", 4, Map.of("kind", "CUSTOM", "adjustments", List.of(
                    Map.of("clientId", client, "extraDelayDays", 10), Map.of("clientId", unknown, "extraDelayDays", 10))))
                    .errors().satisfy(errors -> assertThat(errors).singleElement().asString()
                            .contains("scenario, adjustments, 1, clientId").contains("NOT_FOUND"));
        }
        // a plan with what is still planned (the 30,000.00 fee, half at a milestone) and no launch date, no allocation
        finance.document("""
                        mutation($p: ID!) { setBillingPlan(input: {projectId: $p, depositPercent: 50, milestones: [
                          {label: "A", date: "2026-09-01", sharePercent: 50}]}) { userErrors { field } } }""")
                .variable("p", project).execute().path("setBillingPlan.userErrors").entityList(Object.class).hasSize(0);
        forecast("2026-07-08", 4, Map.of("kind", "CUSTOM", "adjustments", List.of(
                Map.of("clientId", client, "monthlyInArrears", true))))
                .errors().satisfy(errors -> assertThat(errors).singleElement().asString()
                        .contains("scenario, adjustments, 0, monthlyInArrears")
                        .contains("no launch date and no allocation end"));
    }

    /** A scenario writes nothing: every table of the database holds the same number of rows after it. */
    @Test
    void aScenarioWritesNothing() {
        balance("2026-07-07", 10_000_000);
        finance.document("""
                        mutation($p: ID!) { setBillingPlan(input: {projectId: $p, depositPercent: 30, milestones: [
                          {label: "A", date: "2026-09-01", sharePercent: 70}]}) { userErrors { field } } }""")
                .variable("p", project).execute();
        finance.document("""
                        mutation($p: ID!) { updateProject(input: {id: $p, version: 0, launchDate: "2026-10-31"}) {
                          userErrors { field } } }""")
                .variable("p", project).execute().path("updateProject.userErrors").entityList(Object.class).hasSize(0);
        Map<String, Long> before = rowCounts();
        forecast("2026-07-08", 26, Map.of("kind", "CUSTOM", "adjustments", List.of(Map.of("clientId", client,
                "extraDelayDays", 20, "paymentTermsDays", 45, "depositPercent", 40, "monthlyInArrears", true,
                "defaultFrom", "2026-12-01"))))
                .path("cashForecast.weeks").entityList(Object.class).hasSize(26);
        forecast("2026-07-08", 26, Map.of("kind", "STRESS")).path("cashForecast.weeks").entityList(Object.class).hasSize(26);
        assertThat(rowCounts()).isEqualTo(before);
    }

    private Map<String, Long> rowCounts() {
        List<String> tables = db.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_type = 'BASE TABLE' ORDER BY table_name")
                .map((row, meta) -> row.get("table_name", String.class)).all().collectList().block();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, db.sql("SELECT count(*) AS n FROM \"" + table + "\"")
                    .map((row, meta) -> row.get("n", Long.class)).one().block());
        }
        return counts;
    }

    private void balance(String date, long minor) {
        finance.document("mutation($d: Date!, $a: Long!) { recordBankBalance(input: {date: $d, amount: {amountMinor: $a}}) { userErrors { code } } }")
                .variable("d", date).variable("a", minor).execute()
                .path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
    }

    private HttpGraphQlTester.Response forecast(String asOf, int horizon, Map<String, Object> scenario) {
        return finance.document(FORECAST).variable("asOf", asOf).variable("h", horizon).variable("s", scenario).execute();
    }
}
