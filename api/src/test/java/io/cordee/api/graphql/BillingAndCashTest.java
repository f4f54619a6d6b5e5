package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Billing and the forecast end to end. "Own Client" is an SME on 30-day terms with no payment history,
 * so it is expected to pay 5 days late (the agency's SME default). The project: 1 June to 31 August
 * 2026, fee 30,000.00.
 */
@ApiTest
class BillingAndCashTest {

    private static final String PLAN = """
            mutation($p: ID!, $v: Long, $m: [MilestoneInput!]) {
              setBillingPlan(input: {projectId: $p, version: $v, depositPercent: 30, milestones: $m}) {
                billingPlan { version depositPercent milestones { label sharePercent } }
                userErrors { field message code } } }""";
    private static final String INVOICES = """
            query($p: ID!) { invoices(projectId: $p, first: 10) { totalCount
              nodes { id label status issueDate dueDate amount { amount } balanceDue { amount } version } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    StatementCounter counter;

    Tenants.Tenant tenant;
    HttpGraphQlTester finance;
    String project;

    @BeforeEach
    void projectWithAFee() {
        tenant = tenants.create("Billing Agency");
        finance = tenants.as(tenant, Role.FINANCE);
        project = finance.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Site", startDate: "2026-06-01",
                          launchDate: "2026-08-31", feeBudget: {amountMinor: 3000000}}) { project { id } } }""")
                .variable("c", GlobalId.of("Client", tenant.ownClient().id().value())).execute()
                .path("createProject.project.id").entity(String.class).get();
    }

    @Test
    void planInvoicesPaymentsAndTheForecast() {
        // 30 + 40 + 40 = 110 %: refused, nothing written
        finance.document(PLAN).variable("p", project).variable("m", List.of(
                        milestone("Design", "2026-07-01", 40), milestone("Launch", "2026-08-31", 40))).execute()
                .path("setBillingPlan.billingPlan").valueIsNull()
                .path("setBillingPlan.userErrors[0].field").entityList(String.class).containsExactly("milestones")
                .path("setBillingPlan.userErrors[0].message").entity(String.class).isEqualTo(
                        "deposit and milestones must add up to 100 % (they add up to 110 %)");
        finance.document(INVOICES).variable("p", project).execute()
                .path("invoices.totalCount").entity(Long.class).isEqualTo(0L);

        // 30 / 30 / 40 of 30,000.00 = 9,000.00, 9,000.00, 12,000.00, each due 30 days after it is issued
        finance.document(PLAN).variable("p", project).variable("m", List.of(
                        milestone("Design", "2026-07-01", 30), milestone("Launch", "2026-08-31", 40))).execute()
                .path("setBillingPlan.billingPlan.version").entity(Long.class).isEqualTo(0L);
        GraphQlInvoices planned = invoices();
        assertThat(planned.labels()).containsExactly("Deposit 30 %", "Design", "Launch");
        assertThat(planned.amounts()).containsExactly("9000.00", "9000.00", "12000.00");
        assertThat(planned.dueDates()).containsExactly("2026-07-01", "2026-07-31", "2026-09-30");

        String deposit = planned.ids().get(0);
        String design = planned.ids().get(1);
        finance.document("mutation($id: ID!) { issueInvoice(input: {id: $id, version: 0, issueDate: \"2026-06-01\"}) { invoice { status dueDate } userErrors { code } } }")
                .variable("id", deposit).execute()
                .path("issueInvoice.invoice.status").entity(String.class).isEqualTo("ISSUED")
                .path("issueInvoice.invoice.dueDate").entity(String.class).isEqualTo("2026-07-01");

        // 10,000.00 on a 9,000.00 balance is refused; 4,000.00 leaves 5,000.00 due
        pay(deposit, 1_000_000, "2026-07-05")
                .path("recordPayment.userErrors[0].field").entityList(String.class).containsExactly("amount")
                .path("recordPayment.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        pay(deposit, 400_000, "2026-07-05")
                .path("recordPayment.invoice.status").entity(String.class).isEqualTo("ISSUED")
                .path("recordPayment.invoice.balanceDue.amount").entity(String.class).isEqualTo("5000.00");

        finance.document("mutation($id: ID!) { cancelInvoice(input: {id: $id, version: 0}) { invoice { status } } }")
                .variable("id", design).execute()
                .path("cancelInvoice.invoice.status").entity(String.class).isEqualTo("CANCELLED");
        pay(design, 100, "2026-07-05")
                .path("recordPayment.invoice").valueIsNull()
                .path("recordPayment.userErrors[0].message").entity(String.class)
                .isEqualTo("the invoice is cancelled: no payment can be recorded on it");

        // a new plan regenerates only what is still planned: the issued deposit and the cancelled design stay
        finance.document(PLAN).variable("p", project).variable("v", 0).variable("m", List.of(
                        milestone("Design", "2026-07-10", 30), milestone("Launch", "2026-08-31", 40))).execute()
                .path("setBillingPlan.billingPlan.version").entity(Long.class).isEqualTo(1L);
        GraphQlInvoices regenerated = invoices();
        assertThat(regenerated.statuses()).containsExactly("ISSUED", "CANCELLED", "PLANNED");
        assertThat(regenerated.ids().subList(0, 2)).containsExactly(deposit, design);

        // the forecast from Monday 6 July 2026, 8 weeks:
        // balance 30 June 50,000.00 + 4,000.00 received 5 July = opening 54,000.00
        // deposit's 5,000.00 due 1 July + 5 days = 6 July (week 1); launch due 30 Sept, after the horizon
        // rent 2,000.00 on the 10th: 10 July (week 1), 10 August (week 6); laptop 1,500.00 on 20 July (week 3)
        finance.document("mutation { recordBankBalance(input: {date: \"2026-06-30\", amount: {amountMinor: 5000000}}) { userErrors { code } } }")
                .execute().path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        finance.document("mutation { createOverhead(input: {label: \"Rent\", monthlyAmount: {amountMinor: 200000}, dayOfMonth: 10, startDate: \"2026-01-01\"}) { overhead { id } userErrors { code } } }")
                .execute().path("createOverhead.userErrors").entityList(Object.class).hasSize(0);
        finance.document("mutation { createOneOffExpense(input: {label: \"Laptop\", date: \"2026-07-20\", amount: {amountMinor: 150000}}) { userErrors { code } } }")
                .execute().path("createOneOffExpense.userErrors").entityList(Object.class).hasSize(0);

        String forecast = """
                query($s: ScenarioInput) { cashForecast(asOf: "2026-07-06", horizonWeeks: 8, scenario: $s) {
                  opening { amount } lowestBalance { amount } lowestWeek firstWeekBelowThreshold
                  weeks { isoWeek closing { amount } inflowByClient { client { name } amount { amount } } } } }""";
        counter.reset();
        finance.document(forecast).execute()
                .path("cashForecast.opening.amount").entity(String.class).isEqualTo("54000.00")
                // 54,000 +5,000 −2,000 = 57,000; −1,500 = 55,500 in week 3; −2,000 = 53,500 in week 6
                .path("cashForecast.weeks[*].closing.amount").entityList(String.class).containsExactly(
                        "57000.00", "57000.00", "55500.00", "55500.00", "55500.00", "53500.00", "53500.00", "53500.00")
                .path("cashForecast.weeks[0].isoWeek").entity(String.class).isEqualTo("2026-W28")
                .path("cashForecast.weeks[0].inflowByClient[0].client.name").entity(String.class).isEqualTo("Own Client")
                .path("cashForecast.lowestBalance.amount").entity(String.class).isEqualTo("53500.00")
                .path("cashForecast.lowestWeek").entity(String.class).isEqualTo("2026-08-10")
                .path("cashForecast.firstWeekBelowThreshold").valueIsNull();
        // session, agency, balance, open invoices, team, overheads, receipts, one-offs, clients, paid history
        assertThat(counter.statements()).hasSizeLessThanOrEqualTo(10);

        // the client defaults from 1 July: its 5,000.00 never comes → 52,000, 50,500, 48,500
        finance.document(forecast).variable("s", java.util.Map.of("kind", "CUSTOM", "adjustments", List.of(
                        java.util.Map.of("clientId", GlobalId.of("Client", tenant.ownClient().id().value()),
                                "defaultFrom", "2026-07-01")))).execute()
                .path("cashForecast.weeks[*].closing.amount").entityList(String.class).containsExactly(
                        "52000.00", "52000.00", "50500.00", "50500.00", "50500.00", "48500.00", "48500.00", "48500.00");

        finance.document("{ cashForecast(horizonWeeks: 500) { opening { amount } } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("horizonWeeks"));
    }

    @Test
    void aForecastWithoutInvoicesOrBalanceIsClear() {
        // no bank balance yet: a user error says what to do
        finance.document("{ cashForecast(asOf: \"2026-07-06\", horizonWeeks: 2) { opening { amount } } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getMessage())
                        .contains("record a bank balance on or before 2026-07-06 first"));
        // with a balance and nothing to receive or pay: flat at the balance
        finance.document("mutation { recordBankBalance(input: {date: \"2026-07-01\", amount: {amountMinor: 1234500}}) { userErrors { code } } }")
                .execute();
        finance.document("{ cashForecast(asOf: \"2026-07-06\", horizonWeeks: 2) { weeks { closing { amount } inflowByClient { amount { amount } } } } }")
                .execute()
                .path("cashForecast.weeks[*].closing.amount").entityList(String.class).containsExactly("12345.00", "12345.00")
                .path("cashForecast.weeks[0].inflowByClient").entityList(Object.class).hasSize(0);
    }

    @Test
    void moneyIsForOwnerAndFinanceAndClientsSeeOnlyTheirIssuedInvoices() {
        finance.document(PLAN).variable("p", project).variable("m", List.of(
                milestone("Design", "2026-07-01", 30), milestone("Launch", "2026-08-31", 40))).execute();
        String deposit = invoices().ids().get(0);
        finance.document("mutation($id: ID!) { issueInvoice(input: {id: $id, version: 0, issueDate: \"2026-06-01\"}) { userErrors { code } } }")
                .variable("id", deposit).execute();

        tenants.as(tenant, Role.CLIENT).document("{ invoices { totalCount nodes { label status } } }").execute()
                .path("invoices.totalCount").entity(Long.class).isEqualTo(1L)
                .path("invoices.nodes[0].label").entity(String.class).isEqualTo("Deposit 30 %");

        HttpGraphQlTester lead = tenants.as(tenant, Role.LEAD);
        lead.document("{ invoices { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));
        lead.document("{ cashForecast { opening { amount } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));
        lead.document("{ clients { nodes { paymentBehaviour { expectedDelayDays } projects { billingPlan { depositPercent } } } } }")
                .execute()
                .path("clients.nodes[0].paymentBehaviour").valueIsNull()
                .path("clients.nodes[0].projects[0].billingPlan").valueIsNull();

        // another agency cannot pay this agency's invoice
        Tenants.Tenant other = tenants.create("Other Billing Agency");
        tenants.as(other, Role.FINANCE).document("mutation($id: ID!) { recordPayment(input: {invoiceId: $id, amount: {amountMinor: 100}, receivedOn: \"2026-07-01\"}) { invoice { id } userErrors { code } } }")
                .variable("id", deposit).execute()
                .path("recordPayment.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    private HttpGraphQlTester.Response pay(String invoice, long minor, String on) {
        return finance.document("""
                        mutation($id: ID!, $a: Long!, $on: Date!) { recordPayment(input: {invoiceId: $id,
                          amount: {amountMinor: $a}, receivedOn: $on}) {
                          invoice { status balanceDue { amount } } userErrors { field message code } } }""")
                .variable("id", invoice).variable("a", minor).variable("on", on).execute();
    }

    private GraphQlInvoices invoices() {
        HttpGraphQlTester.Response r = finance.document(INVOICES).variable("p", project).execute();
        return new GraphQlInvoices(r.path("invoices.nodes[*].id").entityList(String.class).get(),
                r.path("invoices.nodes[*].label").entityList(String.class).get(),
                r.path("invoices.nodes[*].status").entityList(String.class).get(),
                r.path("invoices.nodes[*].amount.amount").entityList(String.class).get(),
                r.path("invoices.nodes[*].dueDate").entityList(String.class).get());
    }

    private record GraphQlInvoices(List<String> ids, List<String> labels, List<String> statuses, List<String> amounts,
                                   List<String> dueDates) {
    }

    private static java.util.Map<String, Object> milestone(String label, String date, int share) {
        return java.util.Map.of("label", label, "date", date, "sharePercent", share);
    }
}
