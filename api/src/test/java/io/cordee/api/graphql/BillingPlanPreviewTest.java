package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Issue 15, point 2: {@code previewBillingPlan} shows the planned invoices a plan would generate and what it
 * does to the agency's lowest forecast balance and to the client's peak exposure, writing nothing.
 *
 * <p>The agency is in Paris; its today is Thursday 3 December 2026, so the forecast's first week starts on
 * Monday 30 November and runs 52 weeks. Defaults of a new agency: safety threshold 0.00, an SME pays 5 days
 * after the due date (fewer than 3 paid invoices: the segment's default). "Own Client" is an SME.
 */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
class BillingPlanPreviewTest {

    static final String PREVIEW = """
            query($p: ID!, $d: Int, $m: [MilestoneInput!]) { previewBillingPlan(input: {projectId: $p,
              depositPercent: $d, milestones: $m}) {
              preview { invoices { label issueDate dueDate amount { amountMinor } expectedPaymentDate }
                effect { asOf horizonWeeks lowestBalanceBefore { amountMinor } lowestWeekBefore
                  lowestBalanceAfter { amountMinor } lowestWeekAfter lowestBalanceChange { amountMinor }
                  firstWeekBelowThresholdBefore firstWeekBelowThresholdAfter
                  peakExposureBefore { amountMinor } peakExposureWeekBefore
                  peakExposureAfter { amountMinor } peakExposureWeekAfter } }
              userErrors { field message code } } }""";
    static final String SET_PLAN = """
            mutation($p: ID!, $v: Long, $d: Int, $m: [MilestoneInput!]) { setBillingPlan(input: {projectId: $p,
              version: $v, depositPercent: $d, milestones: $m}) { billingPlan { version }
              userErrors { field message code } } }""";
    /** 30 % deposit, then 40 % and 30 %: the plan of the example. */
    static final List<Map<String, Object>> MILESTONES = List.of(
            Map.of("label", "Design approved", "date", "2027-02-15", "sharePercent", 40),
            Map.of("label", "Launch", "date", "2027-04-30", "sharePercent", 30));

    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;

    Tenants.Tenant tenant;
    HttpGraphQlTester finance;
    String client;

    @BeforeEach
    void agencyInParis() {
        tenant = tenants.create("Preview Agency");
        finance = tenants.as(tenant, Role.FINANCE);
        client = GlobalId.of("Client", tenant.ownClient().id().value());
    }

    @Test
    void theInvoicesAndTheLiftOfTheLowestPointAreShownAndNothingIsWritten() {
        // 50,000.00 in the bank on 2 December; an 80,000.00 one-off on Monday 1 February 2027
        finance.document("""
                mutation { recordBankBalance(input: {date: "2026-12-02", amount: {amountMinor: 5000000}}) {
                  userErrors { code } } }""").execute().path("recordBankBalance.userErrors").entityList(Object.class)
                .hasSize(0);
        finance.document("""
                mutation { createOneOffExpense(input: {label: "Servers", date: "2027-02-01",
                  amount: {amountMinor: 8000000}}) { userErrors { code } } }""").execute()
                .path("createOneOffExpense.userErrors").entityList(Object.class).hasSize(0);
        String project = project("Platform", 10_000_000, "2026-12-07", "2027-04-30");
        long[] before = counts();

        HttpGraphQlTester.Response r = finance.document(PREVIEW).variable("p", project).variable("d", 30)
                .variable("m", MILESTONES).execute();
        r.path("previewBillingPlan.userErrors").entityList(Object.class).hasSize(0);
        // 100,000.00 fee: 30 % = 30,000.00 on the start; 40 % = 40,000.00 and 30 % = 30,000.00 on their dates.
        // Due 30 days later; expected 5 days after that (SME default):
        //   deposit   issued 2026-12-07, due 2027-01-06, expected 2027-01-11 (week of 11 January)
        //   design    issued 2027-02-15, due 2027-03-17, expected 2027-03-22 (week of 22 March)
        //   launch    issued 2027-04-30, due 2027-05-30, expected 2027-06-04 (week of 31 May)
        r.path("previewBillingPlan.preview.invoices[*].label").entityList(String.class)
                .containsExactly("Deposit 30 %", "Design approved", "Launch");
        r.path("previewBillingPlan.preview.invoices[*].amount.amountMinor").entityList(Long.class)
                .containsExactly(3_000_000L, 4_000_000L, 3_000_000L);
        r.path("previewBillingPlan.preview.invoices[*].issueDate").entityList(String.class)
                .containsExactly("2026-12-07", "2027-02-15", "2027-04-30");
        r.path("previewBillingPlan.preview.invoices[*].dueDate").entityList(String.class)
                .containsExactly("2027-01-06", "2027-03-17", "2027-05-30");
        r.path("previewBillingPlan.preview.invoices[*].expectedPaymentDate").entityList(String.class)
                .containsExactly("2027-01-11", "2027-03-22", "2027-06-04");
        // Before: 50,000.00 until the one-off takes it to 50,000 − 80,000 = −30,000.00 in the week of 1 February,
        // the first week under the 0.00 threshold. After: 50,000 + 30,000 deposit = 80,000.00 from 11 January,
        // then 80,000 − 80,000 = 0.00 on 1 February (not under 0.00), then it only rises. Lift: +30,000.00.
        r.path("previewBillingPlan.preview.effect.asOf").entity(String.class).isEqualTo("2026-12-03");
        r.path("previewBillingPlan.preview.effect.horizonWeeks").entity(Integer.class).isEqualTo(52);
        r.path("previewBillingPlan.preview.effect.lowestBalanceBefore.amountMinor").entity(Long.class)
                .isEqualTo(-3_000_000L);
        r.path("previewBillingPlan.preview.effect.lowestWeekBefore").entity(String.class).isEqualTo("2027-02-01");
        r.path("previewBillingPlan.preview.effect.firstWeekBelowThresholdBefore").entity(String.class)
                .isEqualTo("2027-02-01");
        r.path("previewBillingPlan.preview.effect.lowestBalanceAfter.amountMinor").entity(Long.class).isEqualTo(0L);
        r.path("previewBillingPlan.preview.effect.lowestWeekAfter").entity(String.class).isEqualTo("2027-02-01");
        r.path("previewBillingPlan.preview.effect.firstWeekBelowThresholdAfter").valueIsNull();
        r.path("previewBillingPlan.preview.effect.lowestBalanceChange.amountMinor").entity(Long.class)
                .isEqualTo(3_000_000L);
        // no one is staffed on the client's projects: no exposure either way
        r.path("previewBillingPlan.preview.effect.peakExposureBefore.amountMinor").entity(Long.class).isEqualTo(0L);
        r.path("previewBillingPlan.preview.effect.peakExposureAfter.amountMinor").entity(Long.class).isEqualTo(0L);

        // nothing written: no plan, no invoice, no audit entry, the agency untouched
        assertThat(counts()).containsExactly(before);
        finance.document("query($p: ID!) { node(id: $p) { ... on Project { billingPlan { version } } } }")
                .variable("p", project).execute().path("node.billingPlan").valueIsNull();

        // saved, the plan writes the very invoices the preview showed
        finance.document(SET_PLAN).variable("p", project).variable("d", 30).variable("m", MILESTONES).execute()
                .path("setBillingPlan.billingPlan.version").entity(Long.class).isEqualTo(0L);
        finance.document("query($p: ID!) { invoices(projectId: $p, first: 10) { nodes { amount { amountMinor } } } }")
                .variable("p", project).execute().path("invoices.nodes[*].amount.amountMinor")
                .entityList(Long.class).containsExactly(3_000_000L, 4_000_000L, 3_000_000L);
        // previewed again, the plan changes nothing any more: before = after = 0.00
        finance.document(PREVIEW).variable("p", project).variable("d", 30).variable("m", MILESTONES).execute()
                .path("previewBillingPlan.preview.effect.lowestBalanceBefore.amountMinor").entity(Long.class)
                .isEqualTo(0L)
                .path("previewBillingPlan.preview.effect.lowestBalanceChange.amountMinor").entity(Long.class)
                .isEqualTo(0L);
    }

    @Test
    void aDepositPaidAtOnceTakesTheClientsPeakExposureToZero() {
        finance.document("""
                mutation { recordBankBalance(input: {date: "2026-12-02", amount: {amountMinor: 5000000}}) {
                  userErrors { code } } }""").execute();
        String project = project("Retainer", 1_000_000, "2026-10-01", "2027-03-31");
        // 2,100.00 a month, full time, on the project 2–27 November 2026: November has 21 working days
        // (no holiday recorded), so a day costs 100.00 and the 20 days 2,000.00.
        String member = finance.document("""
                mutation { createTeamMember(input: {name: "Ada", monthlyLoadedCost: {amountMinor: 210000},
                  dailyBillRate: {amountMinor: 60000}}) { teamMember { id } } }""").execute()
                .path("createTeamMember.teamMember.id").entity(String.class).get();
        finance.document("""
                mutation($m: ID!, $p: ID!) { createAllocation(input: {teamMemberId: $m, projectId: $p, sharePercent: 100,
                  startDate: "2026-11-02", endDate: "2026-11-27"}) { userErrors { code } } }""")
                .variable("m", member).variable("p", project).execute()
                .path("createAllocation.userErrors").entityList(Object.class).hasSize(0);

        // Before: nothing planned, nothing received: 2,000.00 exposed from the first week (30 November) on.
        // After: the 30 % deposit (3,000.00) issued on the start, 1 October, was due 31 October, expected
        // 5 November — overdue, so expected today, in the first week: 2,000 − 3,000 → 0.00, never above.
        finance.document(PREVIEW).variable("p", project).variable("d", 30)
                .variable("m", List.of(Map.of("label", "Launch", "date", "2027-03-31", "sharePercent", 70)))
                .execute()
                .path("previewBillingPlan.preview.invoices[*].amount.amountMinor").entityList(Long.class)
                .containsExactly(300_000L, 700_000L)
                .path("previewBillingPlan.preview.invoices[0].expectedPaymentDate").entity(String.class)
                .isEqualTo("2026-12-03")
                .path("previewBillingPlan.preview.effect.peakExposureBefore.amountMinor").entity(Long.class)
                .isEqualTo(200_000L)
                .path("previewBillingPlan.preview.effect.peakExposureWeekBefore").entity(String.class)
                .isEqualTo("2026-11-30")
                .path("previewBillingPlan.preview.effect.peakExposureAfter.amountMinor").entity(Long.class)
                .isEqualTo(0L)
                .path("previewBillingPlan.preview.effect.peakExposureWeekAfter").valueIsNull();
    }

    @Test
    void aPlanThatDoesNotAddUpIsRefusedNextToTheMilestonesByThePreviewAndBySaving() {
        String project = project("Platform", 10_000_000, "2026-12-07", "2027-04-30");
        long[] before = counts();
        // 30 + 40 + 20 = 90 %
        List<Map<String, Object>> ninety = List.of(
                Map.of("label", "Design approved", "date", "2027-02-15", "sharePercent", 40),
                Map.of("label", "Launch", "date", "2027-04-30", "sharePercent", 20));
        finance.document(PREVIEW).variable("p", project).variable("d", 30).variable("m", ninety).execute()
                .path("previewBillingPlan.preview").valueIsNull()
                .path("previewBillingPlan.userErrors[0].field").entityList(String.class).containsExactly("milestones")
                .path("previewBillingPlan.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE")
                .path("previewBillingPlan.userErrors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("90 %"));
        finance.document(SET_PLAN).variable("p", project).variable("d", 30).variable("m", ninety).execute()
                .path("setBillingPlan.billingPlan").valueIsNull()
                .path("setBillingPlan.userErrors[0].field").entityList(String.class).containsExactly("milestones");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void aStalePlanIsRefusedAndTheNewerOneStays() {
        String project = project("Platform", 10_000_000, "2026-12-07", "2027-04-30");
        finance.document(SET_PLAN).variable("p", project).variable("d", 30).variable("m", MILESTONES).execute()
                .path("setBillingPlan.billingPlan.version").entity(Long.class).isEqualTo(0L);
        // another form saves 50 / 50 from version 0: now version 1
        List<Map<String, Object>> halves = List.of(
                Map.of("label", "Design approved", "date", "2027-02-15", "sharePercent", 50),
                Map.of("label", "Launch", "date", "2027-04-30", "sharePercent", 50));
        finance.document(SET_PLAN).variable("p", project).variable("v", 0).variable("d", 0).variable("m", halves)
                .execute().path("setBillingPlan.billingPlan.version").entity(Long.class).isEqualTo(1L);
        // the first form, still on version 0, is told it is stale
        finance.document(SET_PLAN).variable("p", project).variable("v", 0).variable("d", 30).variable("m", MILESTONES)
                .execute().path("setBillingPlan.billingPlan").valueIsNull()
                .path("setBillingPlan.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        finance.document("query($p: ID!) { invoices(projectId: $p, first: 10) { nodes { amount { amountMinor } } } }")
                .variable("p", project).execute().path("invoices.nodes[*].amount.amountMinor")
                .entityList(Long.class).containsExactly(5_000_000L, 5_000_000L);
    }

    @Test
    void aLeadAndAnotherAgencyGetNothing() {
        finance.document("""
                mutation { recordBankBalance(input: {date: "2026-12-02", amount: {amountMinor: 5000000}}) {
                  userErrors { code } } }""").execute();
        String project = project("Platform", 10_000_000, "2026-12-07", "2027-04-30");
        // a lead sees the project but not what its plan does to the cash
        tenants.as(tenant, Role.LEAD).document(PREVIEW).variable("p", project).variable("d", 30)
                .variable("m", MILESTONES).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        // another agency's owner, with this project's id: no such project, no number of this agency
        Tenants.Tenant other = tenants.create("Other Preview Agency");
        HttpGraphQlTester.Response r = tenants.as(other, Role.OWNER).document(PREVIEW).variable("p", project)
                .variable("d", 30).variable("m", MILESTONES).execute();
        r.path("previewBillingPlan.preview").valueIsNull()
                .path("previewBillingPlan.userErrors[0].field").entityList(String.class).containsExactly("projectId")
                .path("previewBillingPlan.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    private String project(String name, long fee, String start, String launch) {
        return finance.document("""
                        mutation($c: ID!, $n: String!, $f: Long!, $s: Date!, $l: Date!) {
                          createProject(input: {clientId: $c, name: $n, status: ACTIVE, startDate: $s, launchDate: $l,
                          feeBudget: {amountMinor: $f}, paymentTermsDays: 30}) { project { id } } }""")
                .variable("c", client).variable("n", name).variable("f", fee).variable("s", start)
                .variable("l", launch).execute().path("createProject.project.id").entity(String.class).get();
    }

    /** Plans, invoices and audit entries of the agency, and the agency's version. */
    private long[] counts() {
        return db.sql("""
                        SELECT (SELECT count(*) FROM billing_plan WHERE agency_id = :a),
                               (SELECT count(*) FROM invoice WHERE agency_id = :a),
                               (SELECT count(*) FROM audit_entry WHERE agency_id = :a),
                               (SELECT version FROM agency WHERE agency_id = :a)""")
                .bind("a", tenant.agencyId().value())
                .map(row -> new long[] {row.get(0, Long.class), row.get(1, Long.class), row.get(2, Long.class),
                        row.get(3, Long.class)})
                .one().block(Duration.ofSeconds(10));
    }
}
