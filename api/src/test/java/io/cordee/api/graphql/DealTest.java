package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Issue 17, point 5 (ADR 0053): deals, their stages, and winning one into a project with its billing plan and
 * allocations in one step. The agency's today is Thursday 3 December 2026.
 */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
class DealTest {

    static final String CREATE = """
            mutation($n: String!, $c: ID, $pn: String, $fee: Long!, $p: Int!, $needs: [StaffingNeedInput!]) {
              createDeal(input: {name: $n, clientId: $c, prospectName: $pn, prospectSegment: SME,
                expectedFee: {amountMinor: $fee}, probabilityPercent: $p, expectedStart: "2027-01-04", duration: 3,
                durationUnit: MONTHS, billingPlan: {depositPercent: 30, monthlyInArrears: true}, staffingNeed: $needs}) {
              deal { id stage version expectedEnd expectedFee { amountMinor } } userErrors { field message code } } }""";
    static final String MOVE = """
            mutation($id: ID!, $v: Long!, $s: DealStage!) { moveDeal(input: {id: $id, version: $v, stage: $s}) {
              deal { stage version } userErrors { field message code } } }""";
    static final String WIN = """
            mutation($id: ID!, $v: Long!) { winDeal(input: {id: $id, version: $v}) {
              project { id name status startDate launchDate feeBudget { amountMinor } client { name segment } }
              userErrors { field message code } } }""";
    static final String UPDATE = """
            mutation($id: ID!, $v: Long!, $p: Int) { updateDeal(input: {id: $id, version: $v, probabilityPercent: $p}) {
              deal { probabilityPercent version } userErrors { field message code } } }""";
    static final String DEALS = """
            query($s: [DealStage!]) { deals(stages: $s) { totalCount nodes { name stage probabilityPercent prospectName
              expectedFee { amountMinor } billingPlan { depositPercent monthlyInArrears }
              staffingNeed { member { name } sharePercent } project { name } client { name } } } }""";

    @Autowired
    Tenants tenants;

    Tenants.Tenant tenant;
    HttpGraphQlTester finance;

    @BeforeEach
    void agencyOnThursday3December() {
        tenant = tenants.create("Deal Agency");
        finance = tenants.as(tenant, Role.FINANCE);
    }

    @Test
    void wonDealBecomesAClientAProjectItsPlannedInvoicesAndAllocations() {
        String ana = member(finance, "Ana");
        String deal = finance.document(CREATE).variable("n", "Orbit website").variable("pn", "Orbit")
                .variable("fee", 6_000_000L).variable("p", 40)
                .variable("needs", java.util.List.of(java.util.Map.of("teamMemberId", ana, "sharePercent", 50)))
                .execute()
                .path("createDeal.userErrors").entityList(Object.class).hasSize(0)
                .path("createDeal.deal.stage").entity(String.class).isEqualTo("LEAD")
                // 3 months from 4 January, the start included: to 3 April
                .path("createDeal.deal.expectedEnd").entity(String.class).isEqualTo("2027-04-03")
                .path("createDeal.deal.id").entity(String.class).get();

        // a lead cannot be won directly, nor moved to WON: it must go through PROPOSAL
        finance.document(MOVE).variable("id", deal).variable("v", 0).variable("s", "WON").execute()
                .path("moveDeal.deal").valueIsNull()
                .path("moveDeal.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STAGE_TRANSITION");
        finance.document(WIN).variable("id", deal).variable("v", 0).execute()
                .path("winDeal.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STAGE_TRANSITION");
        finance.document(MOVE).variable("id", deal).variable("v", 0).variable("s", "PROPOSAL").execute()
                .path("moveDeal.deal.stage").entity(String.class).isEqualTo("PROPOSAL")
                .path("moveDeal.deal.version").entity(Long.class).isEqualTo(1L);

        // a stale version writes nothing: no client "Orbit", no project
        finance.document(WIN).variable("id", deal).variable("v", 0).execute()
                .path("winDeal.project").valueIsNull()
                .path("winDeal.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        finance.document("{ projects { totalCount } clients(filter: {nameContains: \"Orbit\"}) { totalCount } }").execute()
                .path("projects.totalCount").entity(Long.class).isEqualTo(0L)
                .path("clients.totalCount").entity(Long.class).isEqualTo(0L);

        String project = finance.document(WIN).variable("id", deal).variable("v", 1).execute()
                .path("winDeal.userErrors").entityList(Object.class).hasSize(0)
                .path("winDeal.project.name").entity(String.class).isEqualTo("Orbit website")
                .path("winDeal.project.status").entity(String.class).isEqualTo("PLANNED")
                .path("winDeal.project.startDate").entity(String.class).isEqualTo("2027-01-04")
                .path("winDeal.project.launchDate").entity(String.class).isEqualTo("2027-04-03")
                .path("winDeal.project.feeBudget.amountMinor").entity(Long.class).isEqualTo(6_000_000L)
                // the prospect became a client of the deal's segment
                .path("winDeal.project.client.name").entity(String.class).isEqualTo("Orbit")
                .path("winDeal.project.client.segment").entity(String.class).isEqualTo("SME")
                .path("winDeal.project.id").entity(String.class).get();

        // 60,000.00: deposit 30 % = 18,000.00 on the start; the other 42,000.00 monthly in arrears over
        // January–April (4 months) = 10,500.00 at each month's end
        finance.document("""
                        query($p: ID!) { invoices(projectId: $p) { nodes { status issueDate amount { amountMinor } } } }""")
                .variable("p", project).execute()
                .path("invoices.nodes[*].status").entityList(String.class)
                .containsExactly("PLANNED", "PLANNED", "PLANNED", "PLANNED", "PLANNED")
                .path("invoices.nodes[*].issueDate").entityList(String.class)
                .containsExactly("2027-01-04", "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30")
                .path("invoices.nodes[*].amount.amountMinor").entityList(Long.class)
                .containsExactly(1_800_000L, 1_050_000L, 1_050_000L, 1_050_000L, 1_050_000L);
        finance.document("""
                        query($p: ID!) { allocations(projectId: $p) { nodes { teamMember { name } sharePercent
                          startDate endDate } } }""")
                .variable("p", project).execute()
                .path("allocations.nodes[0].teamMember.name").entity(String.class).isEqualTo("Ana")
                .path("allocations.nodes[0].sharePercent").entity(Integer.class).isEqualTo(50)
                .path("allocations.nodes[0].startDate").entity(String.class).isEqualTo("2027-01-04")
                .path("allocations.nodes[0].endDate").entity(String.class).isEqualTo("2027-04-03");
        finance.document(DEALS).variable("s", java.util.List.of("WON")).execute()
                .path("deals.totalCount").entity(Long.class).isEqualTo(1L)
                .path("deals.nodes[0].project.name").entity(String.class).isEqualTo("Orbit website")
                .path("deals.nodes[0].client.name").entity(String.class).isEqualTo("Orbit");

        // won is final: no change, no move, no second win
        finance.document(UPDATE).variable("id", deal).variable("v", 2).variable("p", 90).execute()
                .path("updateDeal.deal").valueIsNull()
                .path("updateDeal.userErrors[0].code").entity(String.class).isEqualTo("DEAL_CLOSED");
        finance.document(MOVE).variable("id", deal).variable("v", 2).variable("s", "LOST").execute()
                .path("moveDeal.userErrors[0].code").entity(String.class).isEqualTo("DEAL_CLOSED");
        finance.document(WIN).variable("id", deal).variable("v", 2).execute()
                .path("winDeal.userErrors[0].code").entity(String.class).isEqualTo("DEAL_CLOSED");
    }

    @Test
    void badInputIsRefusedNextToItsFieldAndWritesNothing() {
        String ownClient = GlobalId.of("Client", tenant.ownClient().id().value());
        finance.document(CREATE).variable("n", "Too sure").variable("c", ownClient).variable("fee", 100L)
                .variable("p", 150).execute()
                .path("createDeal.deal").valueIsNull()
                .path("createDeal.userErrors[0].field").entityList(String.class).containsExactly("probabilityPercent")
                .path("createDeal.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        Tenants.Tenant other = tenants.create("Deal Other Agency");
        String theirClient = GlobalId.of("Client", other.ownClient().id().value());
        finance.document(CREATE).variable("n", "Not ours").variable("c", theirClient).variable("fee", 100L)
                .variable("p", 50).execute()
                .path("createDeal.userErrors[0].field").entityList(String.class).containsExactly("clientId")
                .path("createDeal.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // a client and a prospect at once
        finance.document(CREATE).variable("n", "Both").variable("c", ownClient).variable("pn", "Orbit")
                .variable("fee", 100L).variable("p", 50).execute()
                .path("createDeal.userErrors[0].field").entityList(String.class).containsExactly("prospectName");
        finance.document(DEALS).execute().path("deals.totalCount").entity(Long.class).isEqualTo(0L);

        // a stale version on update
        String deal = finance.document(CREATE).variable("n", "Ok").variable("c", ownClient).variable("fee", 100L)
                .variable("p", 50).execute().path("createDeal.deal.id").entity(String.class).get();
        finance.document(UPDATE).variable("id", deal).variable("v", 0).variable("p", 70).execute()
                .path("updateDeal.deal.probabilityPercent").entity(Integer.class).isEqualTo(70);
        finance.document(UPDATE).variable("id", deal).variable("v", 0).variable("p", 80).execute()
                .path("updateDeal.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        finance.document(UPDATE).variable("id", deal).variable("v", 1).variable("p", -1).execute()
                .path("updateDeal.userErrors[0].field").entityList(String.class).containsExactly("probabilityPercent");
    }

    @Test
    void aLeadReadsDealsWithoutMoneyAndChangesNoneAClientIsRefusedAnotherAgencySeesNothing() {
        String ownClient = GlobalId.of("Client", tenant.ownClient().id().value());
        String deal = finance.document(CREATE).variable("n", "Renewal").variable("c", ownClient)
                .variable("fee", 2_500_000L).variable("p", 60).execute()
                .path("createDeal.deal.id").entity(String.class).get();

        HttpGraphQlTester lead = tenants.as(tenant, Role.LEAD);
        lead.document(DEALS).execute()
                .path("deals.nodes[0].name").entity(String.class).isEqualTo("Renewal")
                .path("deals.nodes[0].probabilityPercent").entity(Integer.class).isEqualTo(60)
                .path("deals.nodes[0].expectedFee").valueIsNull()
                .path("deals.nodes[0].billingPlan").valueIsNull();
        lead.document(UPDATE).variable("id", deal).variable("v", 0).variable("p", 99).execute()
                .errors().satisfy(errors -> assertThat(errors).anySatisfy(e ->
                        assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        tenants.as(tenant, Role.CLIENT).document(DEALS).execute()
                .errors().satisfy(errors -> assertThat(errors).anySatisfy(e ->
                        assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));

        Tenants.Tenant other = tenants.create("Deal Snooping Agency");
        HttpGraphQlTester snoop = tenants.as(other, Role.OWNER);
        snoop.document(DEALS).execute().path("deals.totalCount").entity(Long.class).isEqualTo(0L);
        snoop.document(UPDATE).variable("id", deal).variable("v", 0).variable("p", 1).execute()
                .path("updateDeal.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        snoop.document(MOVE).variable("id", deal).variable("v", 0).variable("s", "LOST").execute()
                .path("moveDeal.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // untouched in its own agency
        finance.document(DEALS).execute()
                .path("deals.nodes[0].probabilityPercent").entity(Integer.class).isEqualTo(60)
                .path("deals.nodes[0].stage").entity(String.class).isEqualTo("LEAD");
    }

    static final String FORECAST = """
            query($w: Boolean) { cashForecast(asOf: "2026-12-03", horizonWeeks: 26, withPipeline: $w) {
              weeks { weekStart inflow { amountMinor } closing { amountMinor } } } }""";

    @Test
    void theForecastWithPipelineAddsEachOpenDealsBillingWeightedByItsProbability() {
        finance.document("""
                mutation { recordBankBalance(input: {date: "2026-12-02", amount: {amountMinor: 10000000}}) {
                  bankBalance { date } userErrors { code } } }""").execute()
                .path("recordBankBalance.bankBalance.date").entity(String.class).isEqualTo("2026-12-02");
        // A prospect's deal: 10,000.00 at 40 %, all invoiced on the start (4 January 2027)
        String deal = finance.document("""
                        mutation { createDeal(input: {name: "Orbit", prospectName: "Orbit", prospectSegment: SME,
                          expectedFee: {amountMinor: 1000000}, probabilityPercent: 40, expectedStart: "2027-01-04",
                          duration: 4, durationUnit: WEEKS, billingPlan: {depositPercent: 100, monthlyInArrears: false}}) {
                          deal { id } userErrors { field code } } }""").execute()
                .path("createDeal.deal.id").entity(String.class).get();
        // a lost deal at 90 % weighs nothing
        String lost = finance.document("""
                        mutation { createDeal(input: {name: "Gone", prospectName: "Gone", prospectSegment: SME,
                          expectedFee: {amountMinor: 5000000}, probabilityPercent: 90, expectedStart: "2027-01-04",
                          duration: 4, durationUnit: WEEKS, billingPlan: {depositPercent: 100, monthlyInArrears: false}}) {
                          deal { id } userErrors { field code } } }""").execute()
                .path("createDeal.deal.id").entity(String.class).get();
        finance.document(MOVE).variable("id", lost).variable("v", 0).variable("s", "LOST").execute()
                .path("moveDeal.deal.stage").entity(String.class).isEqualTo("LOST");

        java.util.List<Long> base = inflows(false);
        java.util.List<Long> weighted = inflows(true);
        // the pipeline adds 10,000.00 × 40 % = 4,000.00, in one week, and nothing else
        long added = 0;
        int week = -1;
        for (int i = 0; i < base.size(); i++) {
            long diff = weighted.get(i) - base.get(i);
            if (diff != 0) {
                assertThat(week).as("one week of difference").isEqualTo(-1);
                week = i;
                added += diff;
            }
        }
        assertThat(added).isEqualTo(400_000L);
        assertThat(closing(true) - closing(false)).isEqualTo(400_000L);
        assertThat(base.stream().mapToLong(Long::longValue).sum()).isZero();

        // a LEAD sees no forecast, with or without the pipeline
        tenants.as(tenant, Role.LEAD).document(FORECAST).variable("w", true).execute()
                .errors().satisfy(errors -> assertThat(errors).anySatisfy(e ->
                        assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));

        // won, the deal's whole fee comes in as its project's planned invoice, in the same week as its weighted
        // part did (the same terms and the same segment delay), and the pipeline adds nothing more
        finance.document(MOVE).variable("id", deal).variable("v", 0).variable("s", "PROPOSAL").execute();
        finance.document(WIN).variable("id", deal).variable("v", 1).execute()
                .path("winDeal.project.feeBudget.amountMinor").entity(Long.class).isEqualTo(1_000_000L);
        java.util.List<Long> after = inflows(false);
        assertThat(after.get(week)).isEqualTo(1_000_000L);
        assertThat(after.stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000_000L);
        assertThat(inflows(true)).isEqualTo(after);
    }

    @Test
    void capacityShowsBookedWeightedPipelineAndAvailableDays() {
        String ana = member(finance, "Ana");
        String ownClient = GlobalId.of("Client", tenant.ownClient().id().value());
        String project = finance.document("""
                        mutation($c: ID!) { createProject(input: {clientId: $c, name: "Booked", startDate: "2027-02-01",
                          launchDate: "2027-02-28", feeBudget: {amountMinor: 100}}) { project { id } } }""")
                .variable("c", ownClient).execute().path("createProject.project.id").entity(String.class).get();
        finance.document("""
                        mutation($m: ID!, $p: ID!) { createAllocation(input: {teamMemberId: $m, projectId: $p,
                          sharePercent: 25, startDate: "2027-02-01", endDate: "2027-02-28"}) { allocation { id } } }""")
                .variable("m", ana).variable("p", project).execute()
                .path("createAllocation.allocation.id").hasValue();
        String needs = "[{teamMemberId: \"" + ana + "\", sharePercent: 50}]";
        finance.document("""
                mutation { createDeal(input: {name: "Maybe", clientId: "%s", expectedFee: {amountMinor: 100},
                  probabilityPercent: 40, expectedStart: "2027-02-01", duration: 4, durationUnit: WEEKS,
                  billingPlan: {depositPercent: 100, monthlyInArrears: false}, staffingNeed: %s}) { deal { id } } }"""
                .formatted(ownClient, needs)).execute().path("createDeal.deal.id").hasValue();
        String lost = finance.document("""
                mutation { createDeal(input: {name: "Gone", clientId: "%s", expectedFee: {amountMinor: 100},
                  probabilityPercent: 90, expectedStart: "2027-02-01", duration: 4, durationUnit: WEEKS,
                  billingPlan: {depositPercent: 100, monthlyInArrears: false}, staffingNeed: %s}) { deal { id } } }"""
                .formatted(ownClient, needs)).execute().path("createDeal.deal.id").entity(String.class).get();
        finance.document(MOVE).variable("id", lost).variable("v", 0).variable("s", "LOST").execute()
                .path("moveDeal.deal.stage").entity(String.class).isEqualTo("LOST");

        // February 2027: Monday 1 to Sunday 28, 20 working days; Ana full time → capacity 20 days.
        // Booked: 25 % × 20 = 5 days. Pipeline: the open deal needs her 50 % over 1–28 February = 10 days,
        // × 40 % = 4 days (the lost one counts nothing). Available: 20 − 5 − 4 = 11 days.
        tenants.as(tenant, Role.LEAD).document("""
                        { pipelineCapacity(from: "2027-02", months: 1) { month capacityDays bookedDays
                          weightedPipelineDays availableDays } }""").execute()
                .path("pipelineCapacity[0].month").entity(String.class).isEqualTo("2027-02")
                .path("pipelineCapacity[0].capacityDays").entity(Double.class).isEqualTo(20.0)
                .path("pipelineCapacity[0].bookedDays").entity(Double.class).isEqualTo(5.0)
                .path("pipelineCapacity[0].weightedPipelineDays").entity(Double.class).isEqualTo(4.0)
                .path("pipelineCapacity[0].availableDays").entity(Double.class).isEqualTo(11.0);
    }

    private java.util.List<Long> inflows(boolean withPipeline) {
        return finance.document(FORECAST).variable("w", withPipeline).execute()
                .path("cashForecast.weeks[*].inflow.amountMinor").entityList(Long.class).get();
    }

    private long closing(boolean withPipeline) {
        java.util.List<Long> closings = finance.document(FORECAST).variable("w", withPipeline).execute()
                .path("cashForecast.weeks[*].closing.amountMinor").entityList(Long.class).get();
        return closings.get(closings.size() - 1);
    }

    private static String member(HttpGraphQlTester api, String name) {
        return api.document("""
                        mutation($n: String!) { createTeamMember(input: {name: $n, monthlyLoadedCost: {amountMinor: 1000000},
                          dailyBillRate: {amountMinor: 70000}}) { teamMember { id } userErrors { message } } }""")
                .variable("n", name).execute().path("createTeamMember.teamMember.id").entity(String.class).get();
    }
}
