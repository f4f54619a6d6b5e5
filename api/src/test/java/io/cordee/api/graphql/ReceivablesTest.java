package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Issue 15, point 3: invoice numbers, part-payments, payments refused for a future date or more than is
 * owed, and the aged receivables report. The agency is in Paris and its today is Thursday 3 December 2026
 * (the clock is set to 11:00 there). "Own Client" is an SME on 30-day terms; its project, fee 30,000.00,
 * is billed 30 % deposit (9,000.00), "Design" 30 % (9,000.00) and "Launch" 40 % (12,000.00).
 */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
class ReceivablesTest {

    static final String TODAY = "2026-12-03";
    static final String AGED = """
            { agedReceivables { asOf clients { client { name } invoiceCount buckets { notDue { amount }
                days1To30 { amount } days31To60 { amount } days61To90 { amount } over90 { amount } total { amount } } }
              total { notDue { amount } days1To30 { amount } days31To60 { amount } days61To90 { amount }
                over90 { amount } total { amount } } } }""";
    static final String ISSUE = """
            mutation($id: ID!, $v: Long!, $n: String, $on: Date!) { issueInvoice(input: {id: $id, version: $v,
              number: $n, issueDate: $on}) { invoice { number status issueDate dueDate version }
              userErrors { field message code } } }""";
    static final String PAY = """
            mutation($id: ID!, $v: Long, $a: Long!, $on: Date!) { recordPayment(input: {invoiceId: $id, version: $v,
              amount: {amountMinor: $a}, receivedOn: $on}) {
              invoice { status paid { amount } balanceDue { amount } paidDate version }
              userErrors { field message code } } }""";
    static final String INVOICE = """
            query($id: ID!) { node(id: $id) { ... on Invoice { number status paid { amount } balanceDue { amount }
              version } } }""";

    @Autowired
    Tenants tenants;

    Tenants.Tenant tenant;
    HttpGraphQlTester finance;
    List<String> invoices;

    @BeforeEach
    void projectWithThreePlannedInvoices() {
        tenant = tenants.create("Receivables Agency");
        finance = tenants.as(tenant, Role.FINANCE);
        invoices = plannedInvoices(GlobalId.of("Client", tenant.ownClient().id().value()), "Site", 3_000_000,
                "2026-06-01", "2026-08-31", 30, 30, "2026-07-01", 30);
    }

    @Test
    void aPartPaymentThenTheRestPaysTheInvoice() {
        String deposit = invoices.get(0);
        // issued 10 November on 30-day terms: due 10 December
        finance.document(ISSUE).variable("id", deposit).variable("v", 0).variable("n", " F-2026-001 ")
                .variable("on", "2026-11-10").execute()
                .path("issueInvoice.userErrors").entityList(Object.class).hasSize(0)
                .path("issueInvoice.invoice.number").entity(String.class).isEqualTo("F-2026-001")
                .path("issueInvoice.invoice.dueDate").entity(String.class).isEqualTo("2026-12-10")
                .path("issueInvoice.invoice.version").entity(Long.class).isEqualTo(1L);

        // a second form that read version 0 is told the invoice changed, not that it is no longer planned
        finance.document(ISSUE).variable("id", deposit).variable("v", 0).variable("n", "F-2026-002")
                .variable("on", "2026-11-11").execute()
                .path("issueInvoice.invoice").valueIsNull()
                .path("issueInvoice.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");

        // 9,000.00 − 4,000.00 = 5,000.00 still owed; still ISSUED
        pay(deposit, 1L, 400_000, "2026-11-20")
                .path("recordPayment.invoice.status").entity(String.class).isEqualTo("ISSUED")
                .path("recordPayment.invoice.paid.amount").entity(String.class).isEqualTo("4000.00")
                .path("recordPayment.invoice.balanceDue.amount").entity(String.class).isEqualTo("5000.00")
                .path("recordPayment.invoice.version").entity(Long.class).isEqualTo(2L);
        // a form still holding version 1 is told it is stale, and nothing is paid
        pay(deposit, 1L, 500_000, TODAY)
                .path("recordPayment.invoice").valueIsNull()
                .path("recordPayment.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        // the rest, 5,000.00, today: PAID on 3 December, nothing left
        pay(deposit, 2L, 500_000, TODAY)
                .path("recordPayment.invoice.status").entity(String.class).isEqualTo("PAID")
                .path("recordPayment.invoice.paid.amount").entity(String.class).isEqualTo("9000.00")
                .path("recordPayment.invoice.balanceDue.amount").entity(String.class).isEqualTo("0.00")
                .path("recordPayment.invoice.paidDate").entity(String.class).isEqualTo(TODAY);

        // the number is the agency's: another invoice cannot take it, and stays planned
        finance.document(ISSUE).variable("id", invoices.get(1)).variable("v", 0).variable("n", "F-2026-001")
                .variable("on", "2026-11-10").execute()
                .path("issueInvoice.invoice").valueIsNull()
                .path("issueInvoice.userErrors[0].field").entityList(String.class).containsExactly("number")
                .path("issueInvoice.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE");
        finance.document(INVOICE).variable("id", invoices.get(1)).execute()
                .path("node.status").entity(String.class).isEqualTo("PLANNED")
                .path("node.number").valueIsNull();
        // another agency may use the same number
        Tenants.Tenant other = tenants.create("Other Receivables Agency");
        String othersDeposit = plannedInvoices(other, GlobalId.of("Client", other.ownClient().id().value()));
        tenants.as(other, Role.FINANCE).document(ISSUE).variable("id", othersDeposit).variable("v", 0)
                .variable("n", "F-2026-001").variable("on", "2026-11-10").execute()
                .path("issueInvoice.invoice.number").entity(String.class).isEqualTo("F-2026-001");
    }

    @Test
    void aFuturePaymentOrMoreThanIsOwedIsRefusedAndNothingIsWritten() {
        String deposit = invoices.get(0);
        issue(deposit, "F-7", "2026-11-10");

        // tomorrow in Paris: refused next to the date
        pay(deposit, null, 100_000, "2026-12-04")
                .path("recordPayment.invoice").valueIsNull()
                .path("recordPayment.userErrors[0].field").entityList(String.class).containsExactly("receivedOn")
                .path("recordPayment.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        // 9,000.01 on an invoice of 9,000.00: refused next to the amount
        pay(deposit, null, 900_001, TODAY)
                .path("recordPayment.invoice").valueIsNull()
                .path("recordPayment.userErrors[0].field").entityList(String.class).containsExactly("amount")
                .path("recordPayment.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");

        finance.document(INVOICE).variable("id", deposit).execute()
                .path("node.status").entity(String.class).isEqualTo("ISSUED")
                .path("node.paid.amount").entity(String.class).isEqualTo("0.00")
                .path("node.version").entity(Long.class).isEqualTo(1L);
        // the audit trail of the invoice holds its issue and no payment
        tenants.as(tenant, Role.OWNER).document("""
                        query($i: ID!) { auditTrail(entityId: $i, first: 20) { nodes { operation record } } }""")
                .variable("i", deposit).execute()
                .path("auditTrail.nodes[*].record").entityList(String.class).doesNotContain("payment")
                .path("auditTrail.nodes[*].operation").entityList(String.class).doesNotContain("recordPayment");
    }

    @Test
    void agedReceivablesWorkedByHand() {
        // Own Client (30-day terms):
        //   deposit 9,000.00 issued 20 Nov → due 20 Dec: not due
        //   Design 9,000.00 issued 1 Oct → due 31 Oct: 33 days overdue on 3 Dec (30 to 30 Nov + 3) → 31–60;
        //     2,000.00 paid → 7,000.00 owed
        //   Launch 12,000.00 planned, then cancelled: never a receivable
        issue(invoices.get(0), "A-1", "2026-11-20");
        issue(invoices.get(1), "A-2", "2026-10-01");
        pay(invoices.get(1), null, 200_000, "2026-11-15")
                .path("recordPayment.invoice.balanceDue.amount").entity(String.class).isEqualTo("7000.00");
        finance.document("mutation($id: ID!) { cancelInvoice(input: {id: $id, version: 0}) { invoice { status } } }")
                .variable("id", invoices.get(2)).execute()
                .path("cancelInvoice.invoice.status").entity(String.class).isEqualTo("CANCELLED");
        // Late Ltd (60-day terms), fee 10,000.00: deposit 50 % and "Launch" 50 % on 30 June
        //   deposit 5,000.00 issued 1 Jul → due 30 Aug: 95 days overdue (31 to 30 Sep, 61 to 30 Oct,
        //     92 to 30 Nov, + 3) → > 90
        //   Launch 5,000.00 issued 15 Sep → due 14 Nov: 19 days overdue (16 to 30 Nov + 3) → 1–30
        String late = finance.document("""
                        mutation { createClient(input: {name: "Late Ltd", segment: ENTERPRISE, paymentTermsDays: 60}) {
                          client { id } } }""").execute().path("createClient.client.id").entity(String.class).get();
        List<String> lates = plannedInvoices(late, "Shop", 1_000_000, "2026-01-05", "2026-06-30", 60, 50,
                "2026-06-30", 50);
        issue(lates.get(0), "L-1", "2026-07-01");
        issue(lates.get(1), "L-2", "2026-09-15");

        // Own Client owes 9,000.00 + 7,000.00 = 16,000.00, Late Ltd 10,000.00: Own Client first.
        // Totals: not due 9,000.00; 1–30 5,000.00; 31–60 7,000.00; 61–90 0.00; > 90 5,000.00; 26,000.00.
        HttpGraphQlTester.Response r = finance.document(AGED).execute();
        r.path("agedReceivables.asOf").entity(String.class).isEqualTo(TODAY)
                .path("agedReceivables.clients[*].client.name").entityList(String.class)
                .containsExactly("Own Client", "Late Ltd")
                .path("agedReceivables.clients[*].invoiceCount").entityList(Integer.class).containsExactly(2, 2);
        assertThat(buckets(r, "agedReceivables.clients[0].buckets"))
                .containsExactly("9000.00", "0.00", "7000.00", "0.00", "0.00", "16000.00");
        assertThat(buckets(r, "agedReceivables.clients[1].buckets"))
                .containsExactly("0.00", "5000.00", "0.00", "0.00", "5000.00", "10000.00");
        assertThat(buckets(r, "agedReceivables.total"))
                .containsExactly("9000.00", "5000.00", "7000.00", "0.00", "5000.00", "26000.00");

        // paying Late Ltd's oldest invoice in full takes it out of the report: > 90 falls to 0.00
        pay(lates.get(0), null, 500_000, TODAY);
        assertThat(buckets(finance.document(AGED).execute(), "agedReceivables.total"))
                .containsExactly("9000.00", "5000.00", "7000.00", "0.00", "0.00", "21000.00");
    }

    @Test
    void anInvoiceNoPlanGeneratedIsIssuedAndSurvivesANewPlan() {
        String project = finance.document("query($id: ID!) { node(id: $id) { ... on Invoice { project { id } } } }")
                .variable("id", invoices.get(0)).execute().path("node.project.id").entity(String.class).get();
        String create = """
                mutation($p: ID!, $a: Long!, $n: String) { createInvoice(input: {projectId: $p, label: " Extra pages ",
                  amount: {amountMinor: $a}, issueDate: "2026-11-01", number: $n}) {
                  invoice { id label number status issueDate dueDate balanceDue { amount } } userErrors { field code } } }""";
        // nothing to pay is not an invoice: refused next to the amount, nothing written
        finance.document(create).variable("p", project).variable("a", 0).execute()
                .path("createInvoice.invoice").valueIsNull()
                .path("createInvoice.userErrors[0].field").entityList(String.class).containsExactly("amount")
                .path("createInvoice.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        // 1,500.00 issued 1 November on 30-day terms: due 1 December, 2 days overdue on 3 December → 1–30
        String extra = finance.document(create).variable("p", project).variable("a", 150_000).variable("n", "X-1")
                .execute()
                .path("createInvoice.invoice.label").entity(String.class).isEqualTo("Extra pages")
                .path("createInvoice.invoice.number").entity(String.class).isEqualTo("X-1")
                .path("createInvoice.invoice.status").entity(String.class).isEqualTo("ISSUED")
                .path("createInvoice.invoice.dueDate").entity(String.class).isEqualTo("2026-12-01")
                .path("createInvoice.invoice.id").entity(String.class).get();
        finance.document(create).variable("p", project).variable("a", 100).variable("n", "X-1").execute()
                .path("createInvoice.userErrors[0].field").entityList(String.class).containsExactly("number")
                .path("createInvoice.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE");
        // a new plan (50 % deposit, the rest at launch) regenerates the planned invoices, never this one
        finance.document("""
                        mutation($p: ID!) { setBillingPlan(input: {projectId: $p, version: 0, depositPercent: 50,
                          milestones: [{label: "Launch", date: "2026-08-31", sharePercent: 50}]}) {
                          billingPlan { version } } }""")
                .variable("p", project).execute().path("setBillingPlan.billingPlan.version").entity(Long.class)
                .isEqualTo(1L);
        finance.document(INVOICE).variable("id", extra).execute()
                .path("node.status").entity(String.class).isEqualTo("ISSUED");
        assertThat(buckets(finance.document(AGED).execute(), "agedReceivables.total"))
                .containsExactly("0.00", "1500.00", "0.00", "0.00", "0.00", "1500.00");
        tenants.as(tenant, Role.LEAD).document(create).variable("p", project).variable("a", 100).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));
    }

    @Test
    void onlyOwnerAndFinanceOfTheAgencySeeItsReceivables() {
        issue(invoices.get(0), "F-1", "2026-09-01");
        tenants.as(tenant, Role.OWNER).document(AGED).execute()
                .path("agedReceivables.total.total.amount").entity(String.class).isEqualTo("9000.00");
        for (Role refused : List.of(Role.LEAD, Role.CLIENT)) {
            tenants.as(tenant, refused).document(AGED).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                            .as(refused.name()).contains("FORBIDDEN"));
        }
        // a LEAD cannot pay or issue either, and nothing changes
        tenants.as(tenant, Role.LEAD).document(PAY).variable("id", invoices.get(0)).variable("a", 100)
                .variable("on", TODAY).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));
        tenants.as(tenant, Role.LEAD).document(ISSUE).variable("id", invoices.get(1)).variable("v", 0)
                .variable("on", TODAY).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));
        finance.document(INVOICE).variable("id", invoices.get(0)).execute()
                .path("node.paid.amount").entity(String.class).isEqualTo("0.00");
        finance.document(INVOICE).variable("id", invoices.get(1)).execute()
                .path("node.status").entity(String.class).isEqualTo("PLANNED");

        // agency B sees none of A's receivables and cannot pay A's invoice
        Tenants.Tenant b = tenants.create("Agency B");
        tenants.as(b, Role.OWNER).document(AGED).execute()
                .path("agedReceivables.clients").entityList(Object.class).hasSize(0)
                .path("agedReceivables.total.total.amount").entity(String.class).isEqualTo("0.00");
        tenants.as(b, Role.FINANCE).document(PAY).variable("id", invoices.get(0)).variable("a", 100)
                .variable("on", TODAY).execute()
                .path("recordPayment.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        finance.document(INVOICE).variable("id", invoices.get(0)).execute()
                .path("node.paid.amount").entity(String.class).isEqualTo("0.00");
    }

    private static List<String> buckets(HttpGraphQlTester.Response r, String path) {
        return List.of("notDue", "days1To30", "days31To60", "days61To90", "over90", "total").stream()
                .map(b -> r.path(path + "." + b + ".amount").entity(String.class).get()).toList();
    }

    private void issue(String invoice, String number, String on) {
        finance.document(ISSUE).variable("id", invoice).variable("v", 0).variable("n", number).variable("on", on)
                .execute().path("issueInvoice.invoice.status").entity(String.class).isEqualTo("ISSUED");
    }

    private HttpGraphQlTester.Response pay(String invoice, Long version, long minor, String on) {
        return finance.document(PAY).variable("id", invoice).variable("v", version).variable("a", minor)
                .variable("on", on).execute();
    }

    private String plannedInvoices(Tenants.Tenant other, String client) {
        HttpGraphQlTester saved = finance;
        finance = tenants.as(other, Role.FINANCE);
        try {
            return plannedInvoices(client, "Site", 3_000_000, "2026-06-01", "2026-08-31", 30, 30, "2026-07-01", 30)
                    .get(0);
        } finally {
            finance = saved;
        }
    }

    /** A project billed deposit %, one milestone on its date and the rest at launch; its invoice ids in order. */
    private List<String> plannedInvoices(String client, String name, long fee, String start, String launch,
                                         int terms, int deposit, String milestoneDate, int milestoneShare) {
        String project = finance.document("""
                        mutation($c: ID!, $n: String!, $f: Long!, $s: Date!, $l: Date!, $t: Int!) {
                          createProject(input: {clientId: $c, name: $n, startDate: $s, launchDate: $l,
                          feeBudget: {amountMinor: $f}, paymentTermsDays: $t}) { project { id } } }""")
                .variable("c", client).variable("n", name).variable("f", fee).variable("s", start)
                .variable("l", launch).variable("t", terms).execute()
                .path("createProject.project.id").entity(String.class).get();
        List<Map<String, Object>> milestones = 100 - deposit - milestoneShare == 0
                ? List.of(Map.of("label", "Launch", "date", milestoneDate, "sharePercent", milestoneShare))
                : List.of(Map.of("label", "Design", "date", milestoneDate, "sharePercent", milestoneShare),
                        Map.of("label", "Launch", "date", launch, "sharePercent", 100 - deposit - milestoneShare));
        finance.document("""
                        mutation($p: ID!, $d: Int!, $m: [MilestoneInput!]) { setBillingPlan(input: {projectId: $p,
                          depositPercent: $d, milestones: $m}) { billingPlan { version } userErrors { message } } }""")
                .variable("p", project).variable("d", deposit).variable("m", milestones).execute()
                .path("setBillingPlan.billingPlan.version").entity(Long.class).isEqualTo(0L);
        return finance.document("query($p: ID!) { invoices(projectId: $p, first: 10) { nodes { id } } }")
                .variable("p", project).execute().path("invoices.nodes[*].id").entityList(String.class).get();
    }
}
