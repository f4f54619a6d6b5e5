package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.SiteProject;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Renegotiation proposals end to end. "Own Client" (SME, 30-day terms, no history: pays 5 days late)
 * has one project, 1 June to 31 August 2026, fee 30,000.00, billed 30 % deposit + Design (1 July, 30 %)
 * + Launch (31 August, 40 %); Anna (10,000.00 a month) works on it full time. Bank: 50,000.00 on 31 May.
 */
@ApiTest
class ProposalTest {

    static final String PROPOSAL = """
            query($c: ID!, $o: [ProposalOptionInput!]) {
              renegotiationProposal(clientId: $c, options: $o, asOf: "2026-06-01", horizonWeeks: 13) {
                client { name }
                facts { asOf capacity { month percent } heavyMonths peakExposure { amountMinor } peakWeek
                  weeksAboveZero timeToFirstCash { projectName days }
                  paymentHistory { expectedDelayDays p90DelayDays basedOnInvoices } }
                options { number description basePeakExposure { amountMinor } optionPeakExposure { amountMinor }
                  peakExposureChange { amountMinor } baseLowestBalance { amountMinor }
                  optionLowestBalance { amountMinor } lowestBalanceLift { amountMinor } }
                fr: letter(language: FR, format: MARKDOWN)
                html: letter(language: EN, format: HTML) } }""";
    static final String FORECAST = """
            query($s: ScenarioInput) { cashForecast(asOf: "2026-06-01", horizonWeeks: 13, scenario: $s) {
              lowestBalance { amountMinor } } }""";
    static final String SEND = """
            mutation($c: ID!, $o: [ProposalOptionInput!]!, $l: ProposalLanguage!) {
              recordProposalSent(input: {clientId: $c, options: $o, language: $l, sentOn: "2026-06-01"}) {
                proposal { id version sentOn language letterMarkdown letterHtml answer
                  options { number optionLowestBalance { amountMinor } } }
                userErrors { field message code } } }""";
    static final String ANSWER = """
            mutation($p: ID!, $v: Long!, $a: ProposalAnswer!, $o: Int) {
              recordProposalAnswer(input: {proposalId: $p, version: $v, answer: $a, acceptedOption: $o,
                note: "Agreed on the phone with the CFO"}) {
                proposal { version answer acceptedOption answeredOn answerNote }
                userErrors { field message code } } }""";
    static final String INVOICES = """
            query($p: ID!) { invoices(projectId: $p, first: 20) {
              nodes { id label status issueDate amount { amountMinor } } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    StatementCounter counter;

    Tenants.Tenant tenant;
    HttpGraphQlTester finance;
    String client;
    String project;

    @BeforeEach
    void aClientWithAProject() {
        tenant = tenants.create("Proposal Agency");
        finance = tenants.as(tenant, Role.FINANCE);
        client = GlobalId.of("Client", tenant.ownClient().id().value());
        project = SiteProject.create(tenants, tenant);
    }

    static Map<String, Object> option(Integer deposit, boolean monthly, Integer terms) {
        Map<String, Object> option = new java.util.HashMap<>();
        option.put("depositPercent", deposit);
        option.put("monthlyInArrears", monthly);
        option.put("paymentTermsDays", terms);
        return option;
    }

    @Test
    void eachOptionsLowestBalanceIsTheCustomForecastsAndTheProposalIsNeverWritten() {
        List<Map<String, Object>> options = List.of(option(30, false, null), option(null, true, null),
                option(null, false, 15), option(30, true, 15));
        int withOneOption = counter.fewest(() -> finance.document(PROPOSAL).variable("c", client)
                .variable("o", options.subList(0, 1)).execute()).size();
        List<String> withFour = counter.fewest(() -> finance.document(PROPOSAL).variable("c", client)
                .variable("o", options).execute());
        var response = finance.document(PROPOSAL).variable("c", client).variable("o", options).execute();
        // a fixed number of reads, whatever the number of options; nothing written
        assertThat(withFour).hasSize(withOneOption).hasSizeLessThanOrEqualTo(30)
                .noneMatch(s -> s.toLowerCase().startsWith("insert") || s.toLowerCase().startsWith("update"));

        response.path("renegotiationProposal.client.name").entity(String.class).isEqualTo("Own Client")
                // Anna is the whole agency: 100 % from June to August, nothing after
                .path("renegotiationProposal.facts.capacity[*].percent").entityList(Integer.class)
                .containsExactly(100, 100, 100, 0, 0, 0)
                .path("renegotiationProposal.facts.heavyMonths").entityList(String.class)
                .containsExactly("2026-06", "2026-07", "2026-08")
                .path("renegotiationProposal.facts.paymentHistory.expectedDelayDays").entity(Integer.class).isEqualTo(5)
                .path("renegotiationProposal.facts.paymentHistory.basedOnInvoices").entity(Integer.class).isEqualTo(0)
                .path("renegotiationProposal.options[*].number").entityList(Integer.class).containsExactly(1, 2, 3, 4)
                .path("renegotiationProposal.options[3].description").entity(String.class)
                .isEqualTo("a deposit of 30 % + monthly billing in arrears + payment at 15 days")
                .path("renegotiationProposal.fr").entity(String.class)
                .satisfies(letter -> assertThat(letter).contains("Chère équipe Own Client,", "1er juin 2026")
                        .contains("### Option 1 — un acompte de 30\u00a0%"))
                .path("renegotiationProposal.html").entity(String.class)
                .satisfies(letter -> assertThat(letter).startsWith("<!DOCTYPE html>").contains("June 1, 2026"));

        // the same numbers as the forecast and the exposure, computed through the API
        long base = lowest(null);
        assertThat(response.path("renegotiationProposal.options[*].baseLowestBalance.amountMinor")
                .entityList(Long.class).get()).containsOnly(base);
        List<Long> lowest = response.path("renegotiationProposal.options[*].optionLowestBalance.amountMinor")
                .entityList(Long.class).get();
        List<Long> lifts = response.path("renegotiationProposal.options[*].lowestBalanceLift.amountMinor")
                .entityList(Long.class).get();
        for (int i = 0; i < options.size(); i++) {
            Map<String, Object> adjustment = new java.util.HashMap<>(options.get(i));
            adjustment.put("clientId", client);
            assertThat(lowest.get(i)).as("option %d", i + 1)
                    .isEqualTo(lowest(Map.of("kind", "CUSTOM", "adjustments", List.of(adjustment))));
            assertThat(lifts.get(i)).isEqualTo(lowest.get(i) - base);
        }
        // in 13 weeks (to 30 August) the base collects the deposit (6 July) and Design (5 August): 18,000.00;
        // deposit + monthly on 15-day terms collects 9,000.00 (21 June) + 7,000.00 (20 July) + 7,000.00
        // (20 August) = 23,000.00: the lowest balance, at the end, is 5,000.00 higher
        assertThat(lifts.get(3)).isEqualTo(500_000L);
        long peak = finance.document("query($c: ID!) { exposure(clientId: $c, asOf: \"2026-06-01\", weeks: 13) { peak { amountMinor } } }")
                .variable("c", client).execute().path("exposure.peak.amountMinor").entity(Long.class).get();
        response.path("renegotiationProposal.facts.peakExposure.amountMinor").entity(Long.class).isEqualTo(peak);
        assertThat(response.path("renegotiationProposal.options[*].basePeakExposure.amountMinor")
                .entityList(Long.class).get()).containsOnly(peak);
        finance.document("query($c: ID!) { proposals(clientId: $c) { totalCount } }").variable("c", client).execute()
                .path("proposals.totalCount").entity(Long.class).isEqualTo(0L);
    }

    private long lowest(Map<String, Object> scenario) {
        return finance.document(FORECAST).variable("s", scenario).execute()
                .path("cashForecast.lowestBalance.amountMinor").entity(Long.class).get();
    }

    @Test
    void sentThenAcceptedTheOptionBecomesTheBillingPlan() {
        // the deposit is issued: it stays as it is whatever is accepted
        String deposit = finance.document(INVOICES).variable("p", project).execute()
                .path("invoices.nodes[0].label").entity(String.class).isEqualTo("Deposit 30 %")
                .path("invoices.nodes[0].id").entity(String.class).get();
        finance.document("mutation($id: ID!) { issueInvoice(input: {id: $id, version: 0, issueDate: \"2026-06-01\"}) { userErrors { code } } }")
                .variable("id", deposit).execute().path("issueInvoice.userErrors").entityList(Object.class).hasSize(0);

        var sent = finance.document(SEND).variable("c", client).variable("l", "FR")
                .variable("o", List.of(option(30, true, null), option(null, false, 15))).execute()
                .path("recordProposalSent.userErrors").entityList(Object.class).hasSize(0)
                .path("recordProposalSent.proposal.version").entity(Long.class).isEqualTo(0L)
                .path("recordProposalSent.proposal.sentOn").entity(String.class).isEqualTo("2026-06-01")
                .path("recordProposalSent.proposal.language").entity(String.class).isEqualTo("FR")
                .path("recordProposalSent.proposal.answer").valueIsNull()
                .path("recordProposalSent.proposal.options[*].number").entityList(Integer.class).containsExactly(1, 2);
        String id = sent.path("recordProposalSent.proposal.id").entity(String.class).get();
        sent.path("recordProposalSent.proposal.letterMarkdown").entity(String.class)
                .satisfies(l -> assertThat(l).contains("Nous tenons au travail que nous menons ensemble",
                        "### Option 1 — un acompte de 30\u00a0% + une facturation mensuelle à terme échu",
                        "### Option 2 — un paiement à 15 jours"));

        // a stale version is a CONFLICT and changes nothing
        finance.document(ANSWER).variable("p", id).variable("v", 3).variable("a", "ACCEPTED").variable("o", 1)
                .execute()
                .path("recordProposalAnswer.proposal").valueIsNull()
                .path("recordProposalAnswer.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        // an option the proposal does not have is refused
        finance.document(ANSWER).variable("p", id).variable("v", 0).variable("a", "ACCEPTED").variable("o", 3)
                .execute()
                .path("recordProposalAnswer.userErrors[0].field").entityList(String.class)
                .containsExactly("acceptedOption");
        assertUnansweredWithThePlanUnchanged(id);

        finance.document(ANSWER).variable("p", id).variable("v", 0).variable("a", "ACCEPTED").variable("o", 1)
                .execute()
                .path("recordProposalAnswer.userErrors").entityList(Object.class).hasSize(0)
                .path("recordProposalAnswer.proposal.version").entity(Long.class).isEqualTo(1L)
                .path("recordProposalAnswer.proposal.answer").entity(String.class).isEqualTo("ACCEPTED")
                .path("recordProposalAnswer.proposal.acceptedOption").entity(Integer.class).isEqualTo(1)
                .path("recordProposalAnswer.proposal.answerNote").entity(String.class)
                .isEqualTo("Agreed on the phone with the CFO");

        // 30 % deposit, then monthly: the issued deposit (9,000.00) stays; 21,000.00 in three parts of 7,000.00
        finance.document("query($p: ID!) { node(id: $p) { ... on Project { billingPlan { depositPercent monthlyInArrears version } } } }")
                .variable("p", project).execute()
                .path("node.billingPlan.depositPercent").entity(Integer.class).isEqualTo(30)
                .path("node.billingPlan.monthlyInArrears").entity(Boolean.class).isEqualTo(true)
                .path("node.billingPlan.version").entity(Long.class).isEqualTo(1L);
        finance.document(INVOICES).variable("p", project).execute()
                .path("invoices.nodes[*].label").entityList(String.class)
                .containsExactly("Deposit 30 %", "Month 2026-06", "Month 2026-07", "Month 2026-08")
                .path("invoices.nodes[*].status").entityList(String.class)
                .containsExactly("ISSUED", "PLANNED", "PLANNED", "PLANNED")
                .path("invoices.nodes[*].amount.amountMinor").entityList(Long.class)
                .containsExactly(900_000L, 700_000L, 700_000L, 700_000L);

        // an accepted proposal is final
        finance.document(ANSWER).variable("p", id).variable("v", 1).variable("a", "DECLINED").variable("o", null)
                .execute()
                .path("recordProposalAnswer.userErrors[0].field").entityList(String.class).containsExactly("answer");
    }

    @Test
    void aDeclinedProposalChangesNoBilling() {
        String id = finance.document(SEND).variable("c", client).variable("l", "EN")
                .variable("o", List.of(option(30, true, null))).execute()
                .path("recordProposalSent.proposal.id").entity(String.class).get();
        finance.document(ANSWER).variable("p", id).variable("v", 0).variable("a", "COUNTERED").variable("o", null)
                .execute()
                .path("recordProposalAnswer.proposal.answer").entity(String.class).isEqualTo("COUNTERED");
        finance.document(INVOICES).variable("p", project).execute()
                .path("invoices.nodes[*].label").entityList(String.class)
                .containsExactly("Deposit 30 %", "Design", "Launch");
    }

    @Test
    void whenTheBillingCannotChangeTheAnswerIsNotRecordedEither() {
        // the project now starts after its Design milestone: a plan keeping that milestone is refused
        finance.document("""
                        mutation($p: ID!) { updateProject(input: {id: $p, version: 0, startDate: "2026-07-15"}) {
                          userErrors { code } } }""")
                .variable("p", project).execute().path("updateProject.userErrors").entityList(Object.class).hasSize(0);
        String id = finance.document(SEND).variable("c", client).variable("l", "EN")
                .variable("o", List.of(option(40, false, null))).execute()
                .path("recordProposalSent.proposal.id").entity(String.class).get();

        finance.document(ANSWER).variable("p", id).variable("v", 0).variable("a", "ACCEPTED").variable("o", 1)
                .execute()
                .path("recordProposalAnswer.proposal").valueIsNull()
                .path("recordProposalAnswer.userErrors[0].field").entityList(String.class)
                .containsExactly("milestones", "0", "date");
        // the answer was written first in the transaction and rolled back with the plan
        assertUnansweredWithThePlanUnchanged(id);
    }

    /** The proposal still unanswered at version 0, and the project's plan still its deposit, Design and Launch. */
    private void assertUnansweredWithThePlanUnchanged(String proposal) {
        finance.document("query($id: ID!) { node(id: $id) { ... on RenegotiationProposal { version answer } } }")
                .variable("id", proposal).execute()
                .path("node.version").entity(Long.class).isEqualTo(0L)
                .path("node.answer").valueIsNull();
        finance.document(INVOICES).variable("p", project).execute()
                .path("invoices.nodes[*].label").entityList(String.class)
                .containsExactly("Deposit 30 %", "Design", "Launch");
    }

    @Test
    void badInputIsTypedAndWritesNothing() {
        finance.document(SEND).variable("c", client).variable("l", "EN")
                .variable("o", List.of(option(150, false, -5))).execute()
                .path("recordProposalSent.proposal").valueIsNull()
                .path("recordProposalSent.userErrors[*].field").entityList(Object.class).hasSize(2)
                .path("recordProposalSent.userErrors[0].field").entityList(String.class)
                .containsExactly("options", "0", "depositPercent")
                .path("recordProposalSent.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE")
                .path("recordProposalSent.userErrors[1].field").entityList(String.class)
                .containsExactly("options", "0", "paymentTermsDays");
        finance.document(SEND).variable("c", GlobalId.of("Client", java.util.UUID.randomUUID()))
                .variable("l", "EN").variable("o", List.of(option(30, false, null))).execute()
                .path("recordProposalSent.userErrors[0].field").entityList(String.class).containsExactly("clientId")
                .path("recordProposalSent.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        finance.document(SEND.replace("2026-06-01", "2099-01-01")).variable("c", client).variable("l", "EN")
                .variable("o", List.of(option(30, false, null))).execute()
                .path("recordProposalSent.userErrors[0].field").entityList(String.class).containsExactly("sentOn")
                .path("recordProposalSent.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        finance.document(SEND).variable("c", client).variable("l", "EN").variable("o", List.of()).execute()
                .path("recordProposalSent.userErrors[0].field").entityList(String.class).containsExactly("options");
        finance.document(ANSWER).variable("p", GlobalId.of("RenegotiationProposal", java.util.UUID.randomUUID()))
                .variable("v", 0).variable("a", "DECLINED").variable("o", null).execute()
                .path("recordProposalAnswer.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // the computed proposal refuses the same options with a typed error
        finance.document(PROPOSAL).variable("c", client).variable("o", List.of(option(150, false, null))).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).extracting(e -> e.getErrorType().toString()).containsExactly("BAD_REQUEST");
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_FORMAT");
                });
        finance.document("query($c: ID!) { proposals(clientId: $c) { totalCount } }").variable("c", client).execute()
                .path("proposals.totalCount").entity(Long.class).isEqualTo(0L);
        finance.document(INVOICES).variable("p", project).execute()
                .path("invoices.nodes[*].label").entityList(String.class)
                .containsExactly("Deposit 30 %", "Design", "Launch");
    }

    @Test
    void aClientReadsOnlyItsOwnSentLettersAndLeadsAndOtherAgenciesNothing() {
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);
        String other = owner.document("mutation { createClient(input: {name: \"Other <Co>\", segment: SME}) { client { id } } }")
                .execute().path("createClient.client.id").entity(String.class).get();
        String own = owner.document(SEND).variable("c", client).variable("l", "EN")
                .variable("o", List.of(option(30, false, null))).execute()
                .path("recordProposalSent.proposal.id").entity(String.class).get();
        String theirs = owner.document(SEND).variable("c", other).variable("l", "FR")
                .variable("o", List.of(option(null, false, 30))).execute()
                .path("recordProposalSent.proposal.id").entity(String.class).get();
        owner.document("{ proposals { totalCount nodes { client { name } } } }").execute()
                .path("proposals.totalCount").entity(Long.class).isEqualTo(2L);

        // the client user: its own letter, none of the numbers; never the other client's
        HttpGraphQlTester clientUser = tenants.as(tenant, Role.CLIENT);
        clientUser.document("""
                        { proposals { totalCount nodes { id client { name } letterMarkdown letterHtml facts { asOf }
                          options { number } answerNote } } }""").execute()
                .path("proposals.totalCount").entity(Long.class).isEqualTo(1L)
                .path("proposals.nodes[0].id").entity(String.class).isEqualTo(own)
                .path("proposals.nodes[0].client.name").entity(String.class).isEqualTo("Own Client")
                .path("proposals.nodes[0].letterMarkdown").entity(String.class)
                .satisfies(l -> assertThat(l).contains("Dear Own Client team,"))
                .path("proposals.nodes[0].facts").valueIsNull()
                .path("proposals.nodes[0].options").valueIsNull();
        clientUser.document("query($c: ID!) { proposals(clientId: $c) { totalCount } }").variable("c", other).execute()
                .path("proposals.totalCount").entity(Long.class).isEqualTo(0L);
        clientUser.document("query($id: ID!) { node(id: $id) { id } }").variable("id", theirs).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("NOT_FOUND"))
                .path("node").valueIsNull();
        clientUser.document("query($id: ID!) { node(id: $id) { ... on RenegotiationProposal { letterHtml facts { asOf } } } }")
                .variable("id", own).execute()
                .path("node.letterHtml").entity(String.class).satisfies(l -> assertThat(l).contains("Own Client"))
                .path("node.facts").valueIsNull();
        clientUser.document(PROPOSAL).variable("c", client).variable("o", null).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));
        clientUser.document(SEND).variable("c", client).variable("l", "EN")
                .variable("o", List.of(option(30, false, null))).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));

        // a lead sees no proposal at all
        HttpGraphQlTester lead = tenants.as(tenant, Role.LEAD);
        lead.document("{ proposals { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));
        lead.document("query($id: ID!) { node(id: $id) { id } }").variable("id", own).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("NOT_FOUND"))
                .path("node").valueIsNull();
        lead.document(PROPOSAL).variable("c", client).variable("o", null).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .contains("FORBIDDEN"));

        // another agency: not by id, not by node, not by the client's id, and it cannot answer it
        Tenants.Tenant b = tenants.create("Agency B");
        HttpGraphQlTester ownerB = tenants.as(b, Role.OWNER);
        ownerB.document("query($id: ID!) { node(id: $id) { id } }").variable("id", own).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                        .containsExactly("NOT_FOUND"))
                .path("node").valueIsNull();
        ownerB.document("query($c: ID!) { proposals(clientId: $c) { totalCount } }").variable("c", client).execute()
                .path("proposals.totalCount").entity(Long.class).isEqualTo(0L);
        ownerB.document("{ proposals { totalCount } }").execute()
                .path("proposals.totalCount").entity(Long.class).isEqualTo(0L);
        ownerB.document(ANSWER).variable("p", own).variable("v", 0).variable("a", "DECLINED").variable("o", null)
                .execute()
                .path("recordProposalAnswer.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        ownerB.document(PROPOSAL).variable("c", client).variable("o", null).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        owner.document("query($id: ID!) { node(id: $id) { ... on RenegotiationProposal { answer } } }")
                .variable("id", own).execute().path("node.answer").valueIsNull();
    }
}
