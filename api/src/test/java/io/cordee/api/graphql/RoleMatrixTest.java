package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * docs/roles.md, cell by cell: every read and every write of money, as each role, against an agency
 * seeded with money of every kind (two clients, each with a project, a billing plan, an issued invoice
 * partly paid, a brief, a proposal sent; a team member, an overhead, a one-off expense, a bank balance).
 * The expected outcome of each cell is read from the document, never written here: what this class
 * holds is how to exercise a row (the probe), and a row without a probe or a probe without a row fails.
 *
 * <p>Every row also runs through an API token whose creator has become a {@code LEAD} (the LEAD cell),
 * through an {@code OWNER}'s {@code READ_ONLY} token (the OWNER cell for reads, FORBIDDEN for writes) and
 * as another agency's {@code OWNER} with this agency's ids (nothing of it seen, nothing of it changed).
 * "Nothing written" is measured in the audit trail's rows for the agency: every write of a signed-in
 * caller leaves one (ADR 0017), a refused request none.
 */
@ApiTest
class RoleMatrixTest {

    static final RoleMatrix MATRIX = RoleMatrix.load();

    /** Who runs a cell: a role of the seeded agency, one of the two tokens, or another agency's owner. */
    enum Actor {
        OWNER, FINANCE, LEAD, CLIENT, LEAD_TOKEN, READ_ONLY_TOKEN, OTHER_AGENCY_OWNER;

        String expected(RoleMatrix.Row row, boolean write) {
            return switch (this) {
                case OWNER -> row.cells().get(Role.OWNER);
                case FINANCE -> row.cells().get(Role.FINANCE);
                case LEAD, LEAD_TOKEN -> row.cells().get(Role.LEAD);
                case CLIENT -> row.cells().get(Role.CLIENT);
                case READ_ONLY_TOKEN -> write ? "FORBIDDEN" : row.cells().get(Role.OWNER);
                case OTHER_AGENCY_OWNER -> "nothing";
            };
        }

        boolean isLead() {
            return this == LEAD || this == LEAD_TOKEN;
        }
    }

    /** A session cookie or an API token. */
    record Who(String label, String session, String token) {
    }

    /** The ids of one client's records: the CLIENT user's own, or the other client's. */
    record Ids(String client, String project, String invoice, String brief, String proposal, String member) {
        Map<String, Object> vars() {
            return Map.of("c", client, "p", project, "i", invoice, "b", brief, "r", proposal, "m", member);
        }
    }

    /** How to read a row: a document over the variables of {@link Ids} and the path of the value. */
    record ReadProbe(String document, String path, boolean usesIds) {
    }

    /** How to write a row: fresh preconditions (run by a seeding owner), the mutation, the result's path. */
    record WriteProbe(Supplier<Map<String, Object>> setup, String document, String resultPath, boolean usesIds) {
    }

    // Mutations a LEAD may run as long as it sends no money: the refusal names the money input.
    static final Set<String> OPEN_TO_LEADS = Set.of("createClient", "updateClient", "updateProject");

    static WebTestClient web;
    static Tenants people;
    static DatabaseClient db;
    static Tenants.Tenant agency;
    static Map<Actor, Who> actors = new LinkedHashMap<>();
    static List<Who> seeders = new ArrayList<>();
    static Ids own;
    /** The account the seed's balance went to (created by recordBankBalance without an account). */
    static String mainAccount;
    static Ids other;
    /** What must never appear in another agency's answers: this agency's ids and amounts. */
    static Set<String> markers = new LinkedHashSet<>();
    static final AtomicInteger counter = new AtomicInteger();

    @Autowired
    GraphQlSource graphQlSource;

    // ---- the agency and its money

    @BeforeAll
    static void seed(@Autowired Tenants tenants, @Autowired WebTestClient client, @Autowired DatabaseClient database) {
        web = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        people = tenants;
        db = database;
        agency = tenants.create("Role Matrix Agency");
        for (Role role : Role.values()) {
            actors.put(Actor.valueOf(role.name()), session(tenants, agency.email(role)));
        }
        // The setups run as their own owners, a few requests each, so that no user's rate limit is reached
        // (300 a minute per user, cordee.limits.rate.caller-requests).
        for (int i = 0; i < 8; i++) {
            seeders.add(session(tenants, tenants.addUser(agency, Role.OWNER, "seeder" + i)));
        }
        Tenants.Tenant otherAgency = tenants.create("Role Matrix Other Agency");
        actors.put(Actor.OTHER_AGENCY_OWNER, session(tenants, otherAgency.email(Role.OWNER)));

        // A token of every area made by an owner who is now a lead: it acts as a lead.
        String formerOwner = tenants.addUser(agency, Role.OWNER, "former-owner");
        Who creator = session(tenants, formerOwner);
        actors.put(Actor.LEAD_TOKEN, new Who("token of a former owner, now LEAD", null, createToken(creator, "READ_WRITE",
                List.of("CLIENTS", "PROJECTS", "BILLING", "CASH", "STAFFING", "RELATIONSHIP", "BRIEFS", "ALERTS",
                        "SETTINGS"))));
        db.sql("UPDATE app_user SET role = 'LEAD' WHERE agency_id = :a AND email = :e")
                .bind("a", agency.agencyId().value()).bind("e", formerOwner)
                .fetch().rowsUpdated().block(Duration.ofSeconds(5));
        actors.put(Actor.READ_ONLY_TOKEN, new Who("READ_ONLY token of an OWNER", null,
                createToken(actors.get(Actor.OWNER), "READ_ONLY", List.of())));

        String ownClient = (String) seed("{ clients { nodes { id } } }", Map.of(), "clients.nodes[0].id");
        String otherClient = (String) seed("""
                mutation { createClient(input: {name: "Other Client", segment: ENTERPRISE, paymentTermsDays: 45}) {
                  client { id } userErrors { code } } }""", Map.of(), "createClient.client.id");
        String member = (String) seed("""
                mutation { createTeamMember(input: {name: "Ada Seed", monthlyLoadedCost: {amountMinor: 543210},
                  dailyBillRate: {amountMinor: 87650}}) { teamMember { id } userErrors { code } } }""",
                Map.of(), "createTeamMember.teamMember.id");
        // Own client: fee 98,765.00; deposit 30 % = 29,629.50 issued on 5 January, 10,000.00 paid of it.
        own = clientWithMoney(ownClient, member, "Own Site", 9_876_500, "2026-01-05", 1_000_000);
        // Other client: fee 87,654.00; deposit 30 % = 26,296.20 issued on 12 January, 5,000.00 paid.
        other = clientWithMoney(otherClient, member, "Other Site", 8_765_400, "2026-01-12", 500_000);
        seed("""
                mutation { createOverhead(input: {label: "Rent", monthlyAmount: {amountMinor: 1234567}, dayOfMonth: 5,
                  startDate: "2026-01-01"}) { overhead { id } userErrors { code } } }""", Map.of(),
                "createOverhead.overhead.id");
        seed("""
                mutation { createOneOffExpense(input: {label: "Laptops", date: "2026-02-15",
                  amount: {amountMinor: 765432}}) { oneOffExpense { id } userErrors { code } } }""", Map.of(),
                "createOneOffExpense.oneOffExpense.id");
        // without an account: the agency's "Main account" is created (ADR 0035)
        seed("""
                mutation { recordBankBalance(input: {date: "2026-01-02", amount: {amountMinor: 3141592}}) {
                  bankBalance { date } userErrors { code } } }""", Map.of(), "recordBankBalance.bankBalance.date");
        mainAccount = (String) seed("{ bankAccounts { id } }", Map.of(), "bankAccounts[0].id");
        // a deal of 45,678.00 for the other client (ADR 0053), read by the Deal rows
        freshDeal(4_567_800);
        own = withProposal(own);
        other = withProposal(other);
        for (Ids ids : List.of(own, other)) {
            markers.addAll(ids.vars().values().stream().map(String::valueOf).toList());
        }
        markers.addAll(List.of("9876500", "8765400", "2962950", "2629620", "543210", "87650", "1234567", "765432",
                "3141592"));
        markers.add("4567800");
    }

    private static Ids withProposal(Ids ids) {
        String proposal = (String) seed("""
                mutation($c: ID!) { recordProposalSent(input: {clientId: $c, options: [{depositPercent: 30}],
                  language: EN, sentOn: "2026-01-20"}) { proposal { id } userErrors { code } } }""",
                Map.of("c", ids.client()), "recordProposalSent.proposal.id");
        return new Ids(ids.client(), ids.project(), ids.invoice(), ids.brief(), proposal, ids.member());
    }

    private static Ids clientWithMoney(String client, String member, String name, long fee, String start, long paid) {
        String project = (String) seed("""
                mutation($c: ID!, $n: String!, $f: Long!, $s: Date!) { createProject(input: {clientId: $c, name: $n,
                  status: ACTIVE, startDate: $s, launchDate: "2026-12-14", feeBudget: {amountMinor: $f}}) {
                  project { id } userErrors { code } } }""",
                Map.of("c", client, "n", name, "f", fee, "s", start), "createProject.project.id");
        seed("""
                mutation($p: ID!) { setBillingPlan(input: {projectId: $p, depositPercent: 30, monthlyInArrears: true}) {
                  billingPlan { version } userErrors { code } } }""", Map.of("p", project),
                "setBillingPlan.billingPlan.version");
        String invoice = (String) seed("""
                query($p: ID!) { invoices(projectId: $p, status: [PLANNED], first: 1) { nodes { id } } }""",
                Map.of("p", project), "invoices.nodes[0].id");
        seed("""
                mutation($i: ID!, $s: Date!) { issueInvoice(input: {id: $i, version: 0, issueDate: $s}) {
                  invoice { id } userErrors { code } } }""", Map.of("i", invoice, "s", start), "issueInvoice.invoice.id");
        seed("""
                mutation($i: ID!, $a: Long!) { recordPayment(input: {invoiceId: $i, amount: {amountMinor: $a},
                  receivedOn: "2026-02-10"}) { invoice { id } userErrors { code } } }""",
                Map.of("i", invoice, "a", paid), "recordPayment.invoice.id");
        seed("""
                mutation($m: ID!, $p: ID!, $s: Date!) { createAllocation(input: {teamMemberId: $m, projectId: $p,
                  sharePercent: 50, startDate: $s, endDate: "2026-12-14"}) { allocation { id } userErrors { code } } }""",
                Map.of("m", member, "p", project, "s", start), "createAllocation.allocation.id");
        String brief = (String) seed("""
                mutation($p: ID!) { createBrief(input: {projectId: $p, title: "Site brief",
                  requirements: [{title: "Catalogue", priority: MUST, estimateDays: "10"}]}) {
                  brief { id } userErrors { code } } }""", Map.of("p", project), "createBrief.brief.id");
        return new Ids(client, project, invoice, brief, null, member);
    }

    // ---- how each row is exercised

    static final Map<String, ReadProbe> READS = Map.ofEntries(
            read("Project.feeBudget", "query($p: ID!) { node(id: $p) { ... on Project { feeBudget { amountMinor } } } }",
                    "node.feeBudget"),
            read("Project.paymentTermsDays", "query($p: ID!) { node(id: $p) { ... on Project { paymentTermsDays } } }",
                    "node.paymentTermsDays"),
            read("Project.billingPlan",
                    "query($p: ID!) { node(id: $p) { ... on Project { billingPlan { depositPercent } } } }",
                    "node.billingPlan"),
            read("Project.timeToFirstCashDays",
                    "query($p: ID!) { node(id: $p) { ... on Project { timeToFirstCashDays } } }",
                    "node.timeToFirstCashDays"),
            read("Client.paymentTermsDays", "query($c: ID!) { node(id: $c) { ... on Client { paymentTermsDays } } }",
                    "node.paymentTermsDays"),
            read("Client.paymentBehaviour",
                    "query($c: ID!) { node(id: $c) { ... on Client { paymentBehaviour { expectedDelayDays } } } }",
                    "node.paymentBehaviour"),
            read("AgencySettings.safetyCashThreshold",
                    "{ agency { settings { safetyCashThreshold { amountMinor } } } }",
                    "agency.settings.safetyCashThreshold"),
            read("AgencySettings.defaultPaymentDelays", "{ agency { settings { defaultPaymentDelays { days } } } }",
                    "agency.settings.defaultPaymentDelays"),
            read("TeamMember.monthlyLoadedCost", "{ teamMembers(first: 1) { nodes { monthlyLoadedCost { amountMinor } } } }",
                    "teamMembers.nodes[0].monthlyLoadedCost"),
            read("TeamMember.dailyBillRate", "{ teamMembers(first: 1) { nodes { dailyBillRate { amountMinor } } } }",
                    "teamMembers.nodes[0].dailyBillRate"),
            read("Invoice.amount",
                    "query($c: ID!) { invoices(clientId: $c, first: 1) { nodes { amount { amountMinor } } } }",
                    "invoices.nodes[0].amount"),
            read("Invoice.paid", "query($c: ID!) { invoices(clientId: $c, first: 1) { nodes { paid { amountMinor } } } }",
                    "invoices.nodes[0].paid"),
            read("Invoice.balanceDue",
                    "query($c: ID!) { invoices(clientId: $c, first: 1) { nodes { balanceDue { amountMinor } } } }",
                    "invoices.nodes[0].balanceDue"),
            read("Invoice.expectedPaymentDate",
                    "query($c: ID!) { invoices(clientId: $c, first: 1) { nodes { expectedPaymentDate } } }",
                    "invoices.nodes[0].expectedPaymentDate"),
            read("Query.cashForecast",
                    "{ cashForecast(asOf: \"2026-01-05\", horizonWeeks: 4) { lowestBalance { amountMinor } } }",
                    "cashForecast.lowestBalance"),
            read("Query.agedReceivables", "{ agedReceivables { total { total { amountMinor } } } }",
                    "agedReceivables.total"),
            read("Query.bankBalances", "{ bankBalances(first: 1) { nodes { amount { amountMinor } } } }",
                    "bankBalances.nodes[0].amount"),
            read("Query.overheads", "{ overheads { monthlyAmount { amountMinor } } }", "overheads[0].monthlyAmount"),
            // accounts come by name: the probes' accounts are named "Z …", after the seeded "Main account"
            read("Query.bankAccounts", "{ bankAccounts { latestBalance { amount { amountMinor } } } }",
                    "bankAccounts[0].latestBalance"),
            read("Query.oneOffExpenses",
                    "{ oneOffExpenses(from: \"2026-01-01\", to: \"2026-12-31\") { amount { amountMinor } } }",
                    "oneOffExpenses[0].amount"),
            read("Query.exposure",
                    "query($c: ID!) { exposure(clientId: $c, asOf: \"2026-01-05\", weeks: 4) { peak { amountMinor } } }",
                    "exposure.peak"),
            read("Query.renegotiationProposal", """
                            query($c: ID!) { renegotiationProposal(clientId: $c, asOf: "2026-01-05", horizonWeeks: 8) {
                              facts { peakExposure { amountMinor } } } }""",
                    "renegotiationProposal.facts.peakExposure"),
            read("RenegotiationProposal.facts",
                    "query($c: ID!) { proposals(clientId: $c, first: 1) { nodes { facts { peakExposure { amountMinor } } } } }",
                    "proposals.nodes[0].facts"),
            read("RenegotiationProposal.options",
                    "query($c: ID!) { proposals(clientId: $c, first: 1) { nodes { options { number } } } }",
                    "proposals.nodes[0].options"),
            read("RenegotiationProposal.letterMarkdown",
                    "query($c: ID!) { proposals(clientId: $c, first: 1) { nodes { letterMarkdown } } }",
                    "proposals.nodes[0].letterMarkdown"),
            read("Feasibility.budget", """
                            query($b: ID!) { node(id: $b) { ... on Brief { currentVersion { feasibility {
                              budget { feeBudget { amountMinor } } } } } } }""",
                    "node.currentVersion.feasibility.budget"),
            read("Query.auditTrail",
                    "query($i: ID!) { auditTrail(entityId: $i, first: 5) { nodes { changes { field newValue } } } }",
                    "auditTrail.nodes"),
            read("Query.people", "{ people { users { email role } invitations { email } } }", "people.users"),
            // the search box (ADR 0068): "Own Site" and "Other Site" are the seeded projects; a client finds its own
            read("Query.search", "{ search(text: \"site\") { hits { kind id title path } } }", "search.hits"),
            read("Query.previewBillingPlan", """
                            query($p: ID!) { previewBillingPlan(input: {projectId: $p, depositPercent: 100}) {
                              preview { invoices { amount { amountMinor } } } } }""",
                    "previewBillingPlan.preview"),
            read("Project.invoices",
                    "query($p: ID!) { node(id: $p) { ... on Project { invoices { amount { amountMinor } } } } }",
                    "node.invoices"),
            read("Invoice.payments",
                    "query($c: ID!) { invoices(clientId: $c, first: 1) { nodes { payments { amount { amountMinor } } } } }",
                    "invoices.nodes[0].payments"),
            read("Client.exposure", """
                            query($c: ID!) { node(id: $c) { ... on Client {
                              exposure(asOf: "2026-01-05", weeks: 4) { peak { amountMinor } } } } }""",
                    "node.exposure"),
            read("Query.cashRisk", """
                            { cashRisk(asOf: "2026-01-05", horizonWeeks: 4, paths: 20) { weeks { p50 { amountMinor } } } }""",
                    "cashRisk.weeks"),
            read("Query.cashRiskSettings", "{ cashRiskSettings { cashRiskPercent } }", "cashRiskSettings.cashRiskPercent"),
            read("Deal.expectedFee", "{ deals(first: 1) { nodes { expectedFee { amountMinor } } } }",
                    "deals.nodes[0].expectedFee"),
            read("Deal.billingPlan", "{ deals(first: 1) { nodes { billingPlan { depositPercent monthlyInArrears } } } }",
                    "deals.nodes[0].billingPlan"),
            read("Query.previewBriefFeasibility", """
                            query($b: ID!) { previewBriefFeasibility(input: {briefId: $b, requirements: [
                              {title: "Catalogue", priority: MUST, estimateDays: "12.5"}]}) {
                              feasibility { budget { scopeValue { amountMinor } } } userErrors { code } } }""",
                    "previewBriefFeasibility.feasibility.budget"),
            // timesheets (ADR 57): a project's budget burn; a lead sees the days and the fee, not the cost
            read("BudgetBurn.feeBudget", """
                            query($p: ID!) { projectTimesheet(projectId: $p, from: "2026-11-02", weeks: 4) {
                              budgetBurn { feeBudget { amountMinor } actualDays } } }""",
                    "projectTimesheet.budgetBurn.feeBudget"),
            read("BudgetBurn.actualCost", """
                            query($p: ID!) { projectTimesheet(projectId: $p, from: "2026-11-02", weeks: 4) {
                              budgetBurn { actualCost { amountMinor } } } }""",
                    "projectTimesheet.budgetBurn.actualCost"),
            read("BudgetBurn.invoiced", """
                            query($p: ID!) { projectTimesheet(projectId: $p, from: "2026-11-02", weeks: 4) {
                              budgetBurn { invoiced { amountMinor } } } }""",
                    "projectTimesheet.budgetBurn.invoiced"));

    /** The rows whose records are also nodes: the same field read with {@code node(id:)}. */
    static final Map<String, ReadProbe> BY_NODE_ID = Map.ofEntries(
            read("TeamMember.monthlyLoadedCost",
                    "query($m: ID!) { node(id: $m) { ... on TeamMember { monthlyLoadedCost { amountMinor } } } }",
                    "node.monthlyLoadedCost"),
            read("TeamMember.dailyBillRate",
                    "query($m: ID!) { node(id: $m) { ... on TeamMember { dailyBillRate { amountMinor } } } }",
                    "node.dailyBillRate"),
            read("Invoice.amount", "query($i: ID!) { node(id: $i) { ... on Invoice { amount { amountMinor } } } }",
                    "node.amount"),
            read("Invoice.paid", "query($i: ID!) { node(id: $i) { ... on Invoice { paid { amountMinor } } } }",
                    "node.paid"),
            read("Invoice.balanceDue",
                    "query($i: ID!) { node(id: $i) { ... on Invoice { balanceDue { amountMinor } } } }",
                    "node.balanceDue"),
            read("Invoice.expectedPaymentDate",
                    "query($i: ID!) { node(id: $i) { ... on Invoice { expectedPaymentDate } } }",
                    "node.expectedPaymentDate"),
            read("RenegotiationProposal.facts", """
                            query($r: ID!) { node(id: $r) { ... on RenegotiationProposal {
                              facts { peakExposure { amountMinor } } } } }""", "node.facts"),
            read("RenegotiationProposal.options",
                    "query($r: ID!) { node(id: $r) { ... on RenegotiationProposal { options { number } } } }",
                    "node.options"),
            read("RenegotiationProposal.letterMarkdown",
                    "query($r: ID!) { node(id: $r) { ... on RenegotiationProposal { letterMarkdown } } }",
                    "node.letterMarkdown"),
            read("Invoice.payments",
                    "query($i: ID!) { node(id: $i) { ... on Invoice { payments { amount { amountMinor } } } } }",
                    "node.payments"));

    static final Map<String, WriteProbe> WRITES = Map.ofEntries(
            write("updateAgencySettings.safetyCashThreshold",
                    () -> Map.of("v", agencyVersion(), "a", 2_500_000 + counter.incrementAndGet()), """
                            mutation($v: Long!, $a: Long!) { updateAgencySettings(input: {version: $v,
                              safetyCashThreshold: {amountMinor: $a}}) { agency { id } userErrors { code } } }""",
                    "updateAgencySettings.agency", false),
            write("updateAgencySettings.defaultPaymentDelays",
                    // 46–345: never PUBLIC's default 45, which would be no change (and no audit row)
                    () -> Map.of("v", agencyVersion(), "d", 46 + counter.incrementAndGet() % 300), """
                            mutation($v: Long!, $d: Int!) { updateAgencySettings(input: {version: $v,
                              defaultPaymentDelays: [{segment: PUBLIC, days: $d}]}) { agency { id } userErrors { code } } }""",
                    "updateAgencySettings.agency", false),
            write("createClient.paymentTermsDays", () -> Map.of("n", name("Client")), """
                            mutation($n: String!) { createClient(input: {name: $n, segment: SME, paymentTermsDays: 40}) {
                              client { id } userErrors { code } } }""",
                    "createClient.client", false),
            write("updateClient.paymentTermsDays", () -> Map.of("id", freshClient(), "n", name("Renamed")), """
                            mutation($id: ID!, $n: String!) { updateClient(input: {id: $id, version: 0, name: $n,
                              paymentTermsDays: 50}) { client { id } userErrors { code } } }""",
                    "updateClient.client", true),
            write("createProject", () -> Map.of("c", own.client(), "n", name("Project")), """
                            mutation($c: ID!, $n: String!) { createProject(input: {clientId: $c, name: $n,
                              startDate: "2026-03-02", feeBudget: {amountMinor: 1000000}, paymentTermsDays: 20}) {
                              project { id } userErrors { code } } }""",
                    "createProject.project", true),
            write("updateProject.feeBudget", () -> Map.of("id", freshProject()), """
                            mutation($id: ID!) { updateProject(input: {id: $id, version: 0, status: ON_HOLD,
                              feeBudget: {amountMinor: 2100000}}) { project { id } userErrors { code } } }""",
                    "updateProject.project", true),
            write("updateProject.paymentTermsDays", () -> Map.of("id", freshProject()), """
                            mutation($id: ID!) { updateProject(input: {id: $id, version: 0, status: ON_HOLD,
                              paymentTermsDays: 15}) { project { id } userErrors { code } } }""",
                    "updateProject.project", true),
            write("createTeamMember", () -> Map.of("n", name("Member")), """
                            mutation($n: String!) { createTeamMember(input: {name: $n, monthlyLoadedCost: {amountMinor: 500000},
                              dailyBillRate: {amountMinor: 80000}}) { teamMember { id } userErrors { code } } }""",
                    "createTeamMember.teamMember", false),
            write("updateTeamMember.monthlyLoadedCost", () -> Map.of("id", freshTeamMember()), """
                            mutation($id: ID!) { updateTeamMember(input: {id: $id, version: 0,
                              monthlyLoadedCost: {amountMinor: 610000}}) { teamMember { id } userErrors { code } } }""",
                    "updateTeamMember.teamMember", true),
            write("updateTeamMember.dailyBillRate", () -> Map.of("id", freshTeamMember()), """
                            mutation($id: ID!) { updateTeamMember(input: {id: $id, version: 0,
                              dailyBillRate: {amountMinor: 90000}}) { teamMember { id } userErrors { code } } }""",
                    "updateTeamMember.teamMember", true),
            write("setBillingPlan", () -> Map.of("p", freshProject()), """
                            mutation($p: ID!) { setBillingPlan(input: {projectId: $p, depositPercent: 20,
                              monthlyInArrears: true}) { billingPlan { version } userErrors { code } } }""",
                    "setBillingPlan.billingPlan", true),
            write("issueInvoice", RoleMatrixTest::plannedInvoice, """
                            mutation($id: ID!, $v: Long!) { issueInvoice(input: {id: $id, version: $v,
                              issueDate: "2026-03-02"}) { invoice { id } userErrors { code } } }""",
                    "issueInvoice.invoice", true),
            write("createInvoice", () -> Map.of("p", freshProject()), """
                            mutation($p: ID!) { createInvoice(input: {projectId: $p, label: "Extra",
                              amount: {amountMinor: 150000}, issueDate: "2026-03-02"}) { invoice { id } userErrors { code } } }""",
                    "createInvoice.invoice", true),
            write("cancelInvoice", RoleMatrixTest::plannedInvoice, """
                            mutation($id: ID!, $v: Long!) { cancelInvoice(input: {id: $id, version: $v}) {
                              invoice { id } userErrors { code } } }""",
                    "cancelInvoice.invoice", true),
            write("recordPayment", () -> Map.of("id", issuedInvoice()), """
                            mutation($id: ID!) { recordPayment(input: {invoiceId: $id, amount: {amountMinor: 1000},
                              receivedOn: "2026-03-20"}) { invoice { id } userErrors { code } } }""",
                    "recordPayment.invoice", true),
            // on the seeded account: the agency has several once the bank account probes have run
            write("recordBankBalance", () -> Map.of("a", 4_000_000 + counter.incrementAndGet(), "acc", mainAccount),
                    """
                            mutation($a: Long!, $acc: ID) { recordBankBalance(input: {accountId: $acc, date: "2026-01-09",
                              amount: {amountMinor: $a}}) { bankBalance { date } userErrors { code } } }""",
                    "recordBankBalance.bankBalance", true),
            write("createBankAccount", () -> Map.of("n", name("Z account")), """
                            mutation($n: String!) { createBankAccount(input: {name: $n}) { bankAccount { id }
                              userErrors { code } } }""",
                    "createBankAccount.bankAccount", false),
            write("updateBankAccount", () -> Map.of("id", freshBankAccount(), "n", name("Z renamed")), """
                            mutation($id: ID!, $n: String!) { updateBankAccount(input: {id: $id, version: 0, name: $n}) {
                              bankAccount { id } userErrors { code } } }""",
                    "updateBankAccount.bankAccount", true),
            write("archiveBankAccount", () -> Map.of("id", freshBankAccount()), """
                            mutation($id: ID!) { archiveBankAccount(input: {id: $id, version: 0}) {
                              bankAccount { id } userErrors { code } } }""",
                    "archiveBankAccount.bankAccount", true),
            write("deleteBankBalance", () -> Map.of("id", freshBankBalance()), """
                            mutation($id: ID!) { deleteBankBalance(input: {id: $id}) { deletedId userErrors { code } } }""",
                    "deleteBankBalance.deletedId", true),
            write("createOverhead", () -> Map.of("l", name("Overhead")), """
                            mutation($l: String!) { createOverhead(input: {label: $l, monthlyAmount: {amountMinor: 20000},
                              dayOfMonth: 10, startDate: "2026-01-01"}) { overhead { id } userErrors { code } } }""",
                    "createOverhead.overhead", false),
            write("updateOverhead", () -> Map.of("id", freshOverhead()), """
                            mutation($id: ID!) { updateOverhead(input: {id: $id, version: 0,
                              monthlyAmount: {amountMinor: 25000}}) { overhead { id } userErrors { code } } }""",
                    "updateOverhead.overhead", true),
            write("deleteOverhead", () -> Map.of("id", freshOverhead()), """
                            mutation($id: ID!) { deleteOverhead(input: {id: $id, version: 0}) { deletedId
                              userErrors { code } } }""",
                    "deleteOverhead.deletedId", true),
            write("createOneOffExpense", () -> Map.of("l", name("Expense")), """
                            mutation($l: String!) { createOneOffExpense(input: {label: $l, date: "2026-04-15",
                              amount: {amountMinor: 30000}}) { oneOffExpense { id } userErrors { code } } }""",
                    "createOneOffExpense.oneOffExpense", false),
            write("deleteOneOffExpense", () -> Map.of("id", freshOneOffExpense()), """
                            mutation($id: ID!) { deleteOneOffExpense(input: {id: $id}) { deletedId userErrors { code } } }""",
                    "deleteOneOffExpense.deletedId", true),
            write("updateOneOffExpense", () -> Map.of("id", freshOneOffExpense()), """
                            mutation($id: ID!) { updateOneOffExpense(input: {id: $id, version: 0,
                              amount: {amountMinor: 35000}}) { oneOffExpense { id } userErrors { code } } }""",
                    "updateOneOffExpense.oneOffExpense", true),
            write("recordProposalSent", () -> Map.of("c", other.client()), """
                            mutation($c: ID!) { recordProposalSent(input: {clientId: $c, options: [{depositPercent: 20}],
                              language: FR, sentOn: "2026-02-03"}) { proposal { id } userErrors { code } } }""",
                    "recordProposalSent.proposal", true),
            write("recordProposalAnswer", () -> Map.of("id", freshProposal()), """
                            mutation($id: ID!) { recordProposalAnswer(input: {proposalId: $id, version: 0, answer: DECLINED,
                              note: "Not now"}) { proposal { id } userErrors { code } } }""",
                    "recordProposalAnswer.proposal", true),
            write("addAbsence", () -> Map.of("m", freshTeamMember()), """
                            mutation($m: ID!) { addAbsence(input: {teamMemberId: $m, kind: LEAVE, from: "2026-04-06",
                              to: "2026-04-10"}) { absence { id } userErrors { code } } }""",
                    "addAbsence.absence", true),
            write("updateAbsence", () -> Map.of("id", freshAbsence()), """
                            mutation($id: ID!) { updateAbsence(input: {id: $id, version: 0, kind: TRAINING}) {
                              absence { id } userErrors { code } } }""",
                    "updateAbsence.absence", true),
            write("removeAbsence", () -> Map.of("id", freshAbsence()), """
                            mutation($id: ID!) { removeAbsence(input: {id: $id, version: 0}) {
                              absence { id } userErrors { code } } }""",
                    "removeAbsence.absence", true),
            write("updateTeamMember.endDate", () -> Map.of("id", freshTeamMember()), """
                            mutation($id: ID!) { updateTeamMember(input: {id: $id, version: 0,
                              endDate: "2026-09-30"}) { teamMember { id } userErrors { code } } }""",
                    "updateTeamMember.teamMember", true),
            write("updateCashRiskSettings", () -> {
                Map<String, Object> vars = new java.util.HashMap<>();
                vars.put("v", cashRiskSettingsVersion());
                vars.put("p", 2 + counter.incrementAndGet() % 98);
                return vars;
            }, """
                            mutation($v: Long, $p: Int!) { updateCashRiskSettings(input: {version: $v, cashRiskPercent: $p}) {
                              cashRiskSettings { cashRiskPercent } userErrors { code } } }""",
                    "updateCashRiskSettings.cashRiskSettings", false),
            // people (ADR 30): fresh invitations and users made by the seeding owners
            write("invitePerson", () -> Map.of("e", "invitee-" + counter.incrementAndGet() + "@matrix.example"), """
                            mutation($e: String!) { invitePerson(input: {email: $e, role: LEAD}) { invitation { id }
                              userErrors { code } } }""",
                    "invitePerson.invitation", false),
            write("resendInvitation", () -> Map.of("id", freshInvitation()), """
                            mutation($id: ID!) { resendInvitation(input: {id: $id}) { invitation { id } userErrors { code } } }""",
                    "resendInvitation.invitation", true),
            write("revokeInvitation", () -> Map.of("id", freshInvitation()), """
                            mutation($id: ID!) { revokeInvitation(input: {id: $id}) { invitation { id } userErrors { code } } }""",
                    "revokeInvitation.invitation", true),
            write("changeRole", () -> Map.of("id", freshPerson(false)), """
                            mutation($id: ID!) { changeRole(input: {id: $id, role: FINANCE}) { person { id } userErrors { code } } }""",
                    "changeRole.person", true),
            write("deactivateUser", () -> Map.of("id", freshPerson(false)), """
                            mutation($id: ID!) { deactivateUser(input: {id: $id}) { person { id } userErrors { code } } }""",
                    "deactivateUser.person", true),
            write("reactivateUser", () -> Map.of("id", freshPerson(true)), """
                            mutation($id: ID!) { reactivateUser(input: {id: $id}) { person { id } userErrors { code } } }""",
                    "reactivateUser.person", true),
            // the weekly digest (ADR 40): the caller's own opt-out, reset first so that setting it is a change
            write("setDigestOptOut", () -> {
                db.sql("UPDATE app_user SET digest_opt_out = false WHERE agency_id = :a")
                        .bind("a", agency.agencyId().value()).fetch().rowsUpdated().block();
                return Map.of();
            }, """
                            mutation { setDigestOptOut(input: {optOut: true}) { optOut userErrors { code } } }""",
                    "setDigestOptOut.optOut", false),
            write("applyImport", () -> Map.of("id", freshImport()), """
                            mutation($id: ID!) { applyImport(input: {id: $id}) { job { status } userErrors { code } } }""",
                    "applyImport.job", true),
            // two-factor sign-in (ADR 44): FINANCE required first, outside any mutation (not audited), so that
            // clearing it is a change; the agency's version read then
            write("setTwoFactorRequirement", () -> {
                long version = db.sql("UPDATE agency SET require_two_factor_for = '{FINANCE}' WHERE agency_id = :a"
                                + " RETURNING version").bind("a", agency.agencyId().value())
                        .map(row -> row.get("version", Long.class)).one().block(Duration.ofSeconds(10));
                return Map.of("v", version);
            }, """
                            mutation($v: Long!) { setTwoFactorRequirement(input: {version: $v, roles: []}) {
                              agency { requireTwoFactorFor } userErrors { code } } }""",
                    "setTwoFactorRequirement.agency", false),
            // bank statements (ADR 52): a fresh OFX statement without credits, its balance a new amount each time
            write("confirmBankStatement", () -> Map.of("id", freshStatement(), "acc", mainAccount), """
                            mutation($id: ID!, $acc: ID) { confirmBankStatement(input: {id: $id, accountId: $acc,
                              matches: []}) { bankBalance { date } userErrors { code } } }""",
                    "confirmBankStatement.bankBalance", true),
            // the sales pipeline (ADR 53): fresh deals of the other client, starting after every seeded invoice
            write("createDeal", () -> Map.of("c", other.client()), """
                            mutation($c: ID!) { createDeal(input: {name: "Matrix deal", clientId: $c,
                              expectedFee: {amountMinor: 1000000}, probabilityPercent: 50, expectedStart: "2027-06-07",
                              duration: 4, durationUnit: WEEKS, billingPlan: {depositPercent: 100, monthlyInArrears: false}}) {
                              deal { id } userErrors { code } } }""",
                    "createDeal.deal", true),
            write("updateDeal", () -> Map.of("id", freshDeal(1_000_000)), """
                            mutation($id: ID!) { updateDeal(input: {id: $id, version: 0, probabilityPercent: 55}) {
                              deal { id } userErrors { code } } }""",
                    "updateDeal.deal", true),
            write("moveDeal", () -> Map.of("id", freshDeal(1_000_000)), """
                            mutation($id: ID!) { moveDeal(input: {id: $id, version: 0, stage: PROPOSAL}) {
                              deal { id } userErrors { code } } }""",
                    "moveDeal.deal", true),
            write("winDeal", () -> Map.of("id", freshProposalDeal()), """
                            mutation($id: ID!) { winDeal(input: {id: $id, version: 1}) { project { id } userErrors { code } } }""",
                    "winDeal.project", true),
            write("startBriefVersion", () -> Map.of("id", freshBriefVersion()), """
                            mutation($id: ID!) { startBriefVersion(input: {id: $id, version: 0}) {
                              briefVersion { id } userErrors { code } } }""",
                    "startBriefVersion.briefVersion", true),
            write("applyFeasibilitySuggestion", () -> Map.of("id", freshBriefVersion()), """
                            mutation($id: ID!) { applyFeasibilitySuggestion(input: {id: $id, version: 0,
                              suggestion: DROP_REQUIREMENTS}) { briefVersion { id } userErrors { code } } }""",
                    "applyFeasibilitySuggestion.briefVersion", true),
            // the game plan's comments (ADR 64): every role of the agency, the contact on its own client's
            write("commentOnAgreement", () -> Map.of("id", freshAgreement()), """
                            mutation($id: ID!) { commentOnAgreement(input: {agreementId: $id, body: "Matrix word"}) {
                              comment { id } userErrors { code } } }""",
                    "commentOnAgreement.comment", true));

    private static Map.Entry<String, ReadProbe> read(String key, String document, String path) {
        return Map.entry(key, new ReadProbe(document, path, document.contains("$")));
    }

    private static Map.Entry<String, WriteProbe> write(String key, Supplier<Map<String, Object>> setup, String document,
                                                      String resultPath, boolean usesIds) {
        return Map.entry(key, new WriteProbe(setup, document, resultPath, usesIds));
    }

    // ---- fresh preconditions for the writes, made by the seeding owners

    /** A file of one new client uploaded by a seeding owner (POST /imports, ADR 49): the job's id. */
    private static String freshImport() {
        Who seeder = seeders.get(Math.floorMod(counter.incrementAndGet(), seeders.size()));
        String body = web.post().uri("/imports?kind=CLIENTS").cookie("CORDEE_SESSION", seeder.session())
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(("name,segment\n" + name("Imported client") + ",SME\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
        if (!id.find()) {
            throw new AssertionError("upload gave no id: " + body);
        }
        return id.group(1);
    }

    private static String freshStatement() {
        Who seeder = seeders.get(Math.floorMod(counter.incrementAndGet(), seeders.size()));
        String ofx = "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKTRANLIST></BANKTRANLIST>"
                + "<LEDGERBAL><BALAMT>" + (5000 + counter.incrementAndGet()) + ".00<DTASOF>20260109</LEDGERBAL>"
                + "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
        String body = web.post().uri("/imports?kind=OFX").cookie("CORDEE_SESSION", seeder.session())
                .contentType(MediaType.parseMediaType("application/x-ofx"))
                .bodyValue(ofx.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
        if (!id.find()) {
            throw new AssertionError("upload gave no id: " + body);
        }
        return id.group(1);
    }

    private static String name(String prefix) {
        return prefix + " " + counter.incrementAndGet();
    }

    /** The stored version of the agency's cash risk settings; null while it keeps the defaults (ADR 48). */
    private static Long cashRiskSettingsVersion() {
        return db.sql("SELECT version FROM cash_risk_settings WHERE agency_id = :a").bind("a", agency.agencyId().value())
                .map((row, meta) -> row.get("version", Long.class)).one().block();
    }

    private static long agencyVersion() {
        return ((Number) seed("{ agency { version } }", Map.of(), "agency.version")).longValue();
    }

    private static String freshClient() {
        return (String) seed("mutation($n: String!) { createClient(input: {name: $n, segment: SME}) { client { id } } }",
                Map.of("n", name("Fresh client")), "createClient.client.id");
    }

    private static String freshProject() {
        return (String) seed("""
                mutation($c: ID!, $n: String!) { createProject(input: {clientId: $c, name: $n, status: ACTIVE,
                  startDate: "2026-03-02", launchDate: "2026-06-29", feeBudget: {amountMinor: 2000000}}) {
                  project { id } userErrors { code } } }""", Map.of("c", other.client(), "n", name("Fresh project")),
                "createProject.project.id");
    }

    private static Map<String, Object> plannedInvoice() {
        String project = freshProject();
        seed("""
                mutation($p: ID!) { setBillingPlan(input: {projectId: $p, depositPercent: 30, monthlyInArrears: true}) {
                  billingPlan { version } userErrors { code } } }""", Map.of("p", project),
                "setBillingPlan.billingPlan.version");
        String id = (String) seed("query($p: ID!) { invoices(projectId: $p, status: [PLANNED], first: 1) { nodes { id } } }",
                Map.of("p", project), "invoices.nodes[0].id");
        return Map.of("id", id, "v", 0);
    }

    private static String issuedInvoice() {
        Map<String, Object> planned = plannedInvoice();
        return (String) seed("""
                mutation($id: ID!) { issueInvoice(input: {id: $id, version: 0, issueDate: "2026-03-02"}) {
                  invoice { id } userErrors { code } } }""", Map.of("id", planned.get("id")), "issueInvoice.invoice.id");
    }

    private static String freshTeamMember() {
        return (String) seed("""
                mutation($n: String!) { createTeamMember(input: {name: $n, monthlyLoadedCost: {amountMinor: 500000},
                  dailyBillRate: {amountMinor: 80000}}) { teamMember { id } userErrors { code } } }""",
                Map.of("n", name("Fresh member")), "createTeamMember.teamMember.id");
    }

    private static String freshAbsence() {
        return (String) seed("""
                mutation($m: ID!) { addAbsence(input: {teamMemberId: $m, kind: LEAVE, from: "2026-05-04",
                  to: "2026-05-06"}) { absence { id } userErrors { code } } }""",
                Map.of("m", freshTeamMember()), "addAbsence.absence.id");
    }

    private static String freshDeal(long fee) {
        return (String) seed("""
                mutation($c: ID!, $f: Long!) { createDeal(input: {name: "Fresh deal", clientId: $c,
                  expectedFee: {amountMinor: $f}, probabilityPercent: 50, expectedStart: "2027-06-07", duration: 4,
                  durationUnit: WEEKS, billingPlan: {depositPercent: 100, monthlyInArrears: false}}) {
                  deal { id } userErrors { code } } }""", Map.of("c", other.client(), "f", fee), "createDeal.deal.id");
    }

    /**
     * The version 1 of a new brief of the own project whose one Should of 99,999 person-days never fits the
     * half-time allocation, whatever the day: the feasibility always suggests dropping it (ADR 0060).
     */
    private static String freshBriefVersion() {
        return (String) seed("""
                mutation($p: ID!) { createBrief(input: {projectId: $p, title: "Fresh brief",
                  requirements: [{title: "Everything", priority: SHOULD, estimateDays: "99999"}]}) {
                  brief { currentVersion { id } } userErrors { code } } }""", Map.of("p", own.project()),
                "createBrief.brief.currentVersion.id");
    }

    private static String freshAgreement() {
        return (String) seed("""
                mutation($c: ID!) { createAgreement(input: {clientId: $c, what: "Fresh agreement", ownerSide: CLIENT}) {
                  agreement { id } userErrors { code } } }""", Map.of("c", own.client()), "createAgreement.agreement.id");
    }

    private static String freshProposalDeal() {
        String deal = freshDeal(1_000_000);
        seed("""
                mutation($id: ID!) { moveDeal(input: {id: $id, version: 0, stage: PROPOSAL}) { deal { id }
                  userErrors { code } } }""", Map.of("id", deal), "moveDeal.deal.id");
        return deal;
    }

    private static String freshOverhead() {
        return (String) seed("""
                mutation($l: String!) { createOverhead(input: {label: $l, monthlyAmount: {amountMinor: 20000},
                  dayOfMonth: 10, startDate: "2026-01-01"}) { overhead { id } userErrors { code } } }""",
                Map.of("l", name("Fresh overhead")), "createOverhead.overhead.id");
    }

    private static String freshOneOffExpense() {
        return (String) seed("""
                mutation($l: String!) { createOneOffExpense(input: {label: $l, date: "2026-04-15",
                  amount: {amountMinor: 30000}}) { oneOffExpense { id } userErrors { code } } }""",
                Map.of("l", name("Fresh expense")), "createOneOffExpense.oneOffExpense.id");
    }

    private static String freshBankAccount() {
        return (String) seed("""
                mutation($n: String!) { createBankAccount(input: {name: $n}) { bankAccount { id } userErrors { code } } }""",
                Map.of("n", name("Z fresh account")), "createBankAccount.bankAccount.id");
    }

    private static String freshBankBalance() {
        return (String) seed("""
                mutation($acc: ID!) { recordBankBalance(input: {accountId: $acc, date: "2026-01-07",
                  amount: {amountMinor: 1000}}) { bankBalance { id } userErrors { code } } }""",
                Map.of("acc", freshBankAccount()), "recordBankBalance.bankBalance.id");
    }

    private static String freshInvitation() {
        return (String) seed("""
                mutation($e: String!) { invitePerson(input: {email: $e, role: LEAD}) { invitation { id } userErrors { code } } }""",
                Map.of("e", "invited-" + counter.incrementAndGet() + "@matrix.example"), "invitePerson.invitation.id");
    }

    /** A fresh LEAD of the agency (deactivated, without an audit row, when asked), by its global id. */
    private static String freshPerson(boolean deactivated) {
        String email = people.addUser(agency, Role.LEAD, "matrix-person-" + counter.incrementAndGet());
        java.util.UUID id = db.sql("UPDATE app_user SET deactivated_at = CASE WHEN :d THEN now() END WHERE email = :e"
                        + " RETURNING id").bind("d", deactivated).bind("e", email)
                .map(row -> row.get("id", java.util.UUID.class)).one().block(Duration.ofSeconds(10));
        return io.cordee.api.graphql.common.GlobalId.of("User", id);
    }

    private static String freshProposal() {
        return (String) seed("""
                mutation($c: ID!) { recordProposalSent(input: {clientId: $c, options: [{paymentTermsDays: 30}],
                  language: EN, sentOn: "2026-02-02"}) { proposal { id } userErrors { code } } }""",
                Map.of("c", other.client()), "recordProposalSent.proposal.id");
    }

    // ---- the cells

    static Stream<Arguments> readCells() {
        List<Arguments> cells = new ArrayList<>();
        for (RoleMatrix.Row row : MATRIX.reads().values()) {
            for (Actor actor : Actor.values()) {
                String expected = actor.expected(row, false);
                cells.add(Arguments.of(Named.of("read " + row.key() + " as " + actor + ": " + expected, row.key()),
                        actor, expected));
            }
        }
        return cells.stream();
    }

    static Stream<Arguments> writeCells() {
        List<Arguments> cells = new ArrayList<>();
        for (RoleMatrix.Row row : MATRIX.writes().values()) {
            for (Actor actor : Actor.values()) {
                String expected = actor.expected(row, true);
                cells.add(Arguments.of(Named.of("write " + row.key() + " as " + actor + ": " + expected, row.key()),
                        actor, expected));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readCells")
    void readCell(String key, Actor actor, String expected) {
        ReadProbe probe = READS.get(key);
        assertThat(probe).as("a probe for the row " + key + " of docs/roles.md").isNotNull();
        checkRead(actors.get(actor), probe.document(), probe.path(), probe.usesIds(), expected, false);
        ReadProbe byId = BY_NODE_ID.get(key);
        if (byId != null) {
            // the same field fetched with node(id:), the way round a list's role check: never more
            checkRead(actors.get(actor), byId.document(), byId.path(), true, expected, true);
        }
    }

    /**
     * One read as {@code who}, held to {@code expected}. Through {@code node(id:)} a record the role may not
     * see is simply not found, so there FORBIDDEN means "no value", whatever the error.
     */
    private static void checkRead(Who who, String document, String path, boolean usesIds, String expected,
                                  boolean byNodeId) {
        if (expected.equals("nothing")) {
            for (Ids ids : List.of(own, other)) {
                Map<String, Object> answer = gql(who, document, usesIds ? ids.vars() : Map.of());
                if (usesIds) {
                    assertThat(isHidden(at(answer, "data." + path))).as("nothing in " + describe(answer)).isTrue();
                }
                // (a NOT_FOUND error may repeat the id it was asked for: that tells the caller nothing new)
                String text = String.valueOf(answer);
                assertThat(markers).as("this agency's ids and amounts in another agency's answer " + text)
                        .filteredOn(marker -> !usesIds || !ids.vars().containsValue(marker))
                        .noneMatch(text::contains);
            }
            return;
        }
        // the CLIENT user's own records, except for `own`, which is also tried on the other client's
        Map<String, Object> answer = gql(who, document, usesIds ? own.vars() : Map.of());
        Object value = at(answer, "data." + path);
        switch (expected) {
            case "yes", "own" -> {
                assertThat(errors(answer)).as(describe(answer)).isEmpty();
                assertThat(isHidden(value)).as("the value in " + describe(answer)).isFalse();
            }
            case "hidden" -> {
                assertThat(errors(answer)).as(describe(answer)).isEmpty();
                assertThat(isHidden(value)).as("no value in " + describe(answer)).isTrue();
            }
            case "FORBIDDEN" -> {
                if (!byNodeId) {
                    assertThat(forbidden(answer)).as("a FORBIDDEN error in " + describe(answer)).isNotEmpty();
                }
                assertThat(isHidden(value)).as("no value in " + describe(answer)).isTrue();
            }
            default -> throw new IllegalStateException(expected);
        }
        if (expected.equals("own")) {
            // another client's record is not there for this user: the same NOT_FOUND as an id that never existed
            Map<String, Object> others = gql(who, document, other.vars());
            assertThat(errors(others)).as(describe(others))
                    .allMatch(e -> "NOT_FOUND".equals(extensions(e).get("classification")));
            assertThat(isHidden(at(others, "data." + path))).as("another client's, in " + describe(others)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeCells")
    void writeCell(String key, Actor actor, String expected) {
        WriteProbe probe = WRITES.get(key);
        assertThat(probe).as("a probe for the row " + key + " of docs/roles.md").isNotNull();
        Map<String, Object> vars = probe.setup().get();
        long before = auditRows();
        Map<String, Object> answer = gql(actors.get(actor), probe.document(), vars);
        long after = auditRows();
        Object result = at(answer, "data." + probe.resultPath());
        String mutation = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        switch (expected) {
            case "yes" -> {
                assertThat(errors(answer)).as(describe(answer)).isEmpty();
                assertThat((List<?>) at(answer, "data." + mutation + ".userErrors")).as(describe(answer)).isEmpty();
                assertThat(isHidden(result)).as("the result in " + describe(answer)).isFalse();
                assertThat(after).as("audit rows of the agency after the write").isGreaterThan(before);
            }
            case "FORBIDDEN" -> {
                List<Map<String, Object>> refusals = forbidden(answer);
                assertThat(refusals).as("a FORBIDDEN error in " + describe(answer)).isNotEmpty();
                assertThat(isHidden(result)).as("no result in " + describe(answer)).isTrue();
                assertThat(after).as("audit rows of the agency: nothing written").isEqualTo(before);
                if (actor.isLead() && key.contains(".") && OPEN_TO_LEADS.contains(mutation)) {
                    String field = key.substring(key.indexOf('.') + 1);
                    assertThat(refusals.get(0)).extracting(e -> extensions(e).get("field")).as(describe(answer))
                            .isEqualTo(List.of(field));
                    assertThat((String) refusals.get(0).get("message")).endsWith("change money: " + field);
                }
            }
            case "nothing" -> {
                assertThat(after).as("audit rows of the agency: nothing written by another agency").isEqualTo(before);
                if (probe.usesIds()) {
                    assertThat(isHidden(result)).as("no result with another agency's ids: " + describe(answer)).isTrue();
                }
            }
            default -> throw new IllegalStateException(expected);
        }
    }

    // ---- the document and the probes, the document and the schema

    @Test
    void everyRowHasAProbeAndEveryProbeARow() {
        assertThat(READS.keySet()).as("read probes = rows of \"Reading money\" in docs/roles.md")
                .containsExactlyInAnyOrderElementsOf(MATRIX.reads().keySet());
        assertThat(WRITES.keySet()).as("write probes = rows of \"Changing money\" in docs/roles.md")
                .containsExactlyInAnyOrderElementsOf(MATRIX.writes().keySet());
        assertThat(MATRIX.reads().keySet()).as("node(id:) probes are for rows of \"Reading money\"")
                .containsAll(BY_NODE_ID.keySet());
    }

    private static final Set<String> MONEY_WORDS = Set.of("fee", "cost", "rate", "balance", "balances", "amount",
            "budget", "exposure", "cash", "payment", "payments", "paid", "invoice", "invoices", "proposal", "proposals",
            "billing", "terms", "expense", "expenses", "overhead", "overheads", "forecast", "inflow", "outflow",
            "threshold", "price", "margin", "deposit", "arrears", "money", "minor");

    /** Whether a name speaks of money: one of its camel-case words is a money word. */
    static boolean moneyName(String name) {
        return Arrays.stream(name.split("(?=[A-Z])")).map(w -> w.toLowerCase(Locale.ROOT)).anyMatch(MONEY_WORDS::contains);
    }

    @Test
    void everyMoneyFieldOfTheSchemaIsInTheMatrix() {
        GraphQLSchema schema = graphQlSource.schema();
        Set<String> money = new TreeSet<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || type.getName().startsWith("__")
                    || type.getName().equals("Money") || type == schema.getMutationType()) {
                continue;
            }
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                if (isMoneyType(field.getType()) || moneyName(field.getName())) {
                    money.add(type.getName() + "." + field.getName());
                }
            }
        }
        for (GraphQLFieldDefinition mutation : schema.getMutationType().getFieldDefinitions()) {
            if (moneyName(mutation.getName())) {
                money.add(mutation.getName());
            }
            for (var argument : mutation.getArguments()) {
                if (GraphQLTypeUtil.unwrapAll(argument.getType()) instanceof GraphQLInputObjectType input) {
                    for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                        if (moneyInput(field, new java.util.HashSet<>())) {
                            money.add(mutation.getName() + "." + field.getName());
                        }
                    }
                }
            }
        }
        System.out.printf("docs/roles.md: %d money coordinates in the schema, %d read rows, %d write rows%n",
                money.size(), MATRIX.reads().size(), MATRIX.writes().size());
        Set<String> covered = MATRIX.covered();
        Set<String> missing = new TreeSet<>();
        for (String coordinate : money) {
            int dot = coordinate.indexOf('.');
            boolean inARow = covered.contains(coordinate)
                    // an input of a mutation whose row is the whole mutation
                    || dot > 0 && covered.contains(coordinate.substring(0, dot))
                    && schema.getMutationType().getFieldDefinition(coordinate.substring(0, dot)) != null
                    // a mutation named for money whose money inputs have rows
                    || dot < 0 && covered.stream().anyMatch(c -> c.startsWith(coordinate + "."));
            if (!inARow) {
                missing.add(coordinate);
            }
        }
        assertThat(missing).as("money fields of the schema in no row of docs/roles.md (add a row, an \"Also covers\","
                + " or a line under \"Names that sound like money but are not\")").isEmpty();

        Set<String> stale = new TreeSet<>();
        for (String coordinate : covered) {
            if (!exists(schema, coordinate)) {
                stale.add(coordinate);
            }
        }
        assertThat(stale).as("coordinates in docs/roles.md that are not in the schema").isEmpty();
    }

    private static boolean isMoneyType(GraphQLType type) {
        GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
        return named instanceof GraphQLNamedType n && (n.getName().equals("Money") || n.getName().equals("MoneyInput"));
    }

    private static boolean moneyInput(GraphQLInputObjectField field, Set<String> seen) {
        if (isMoneyType(field.getType()) || moneyName(field.getName())) {
            return true;
        }
        if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLInputObjectType nested && seen.add(nested.getName())) {
            return nested.getFieldDefinitions().stream().anyMatch(f -> moneyInput(f, seen));
        }
        return false;
    }

    private static boolean exists(GraphQLSchema schema, String coordinate) {
        int dot = coordinate.indexOf('.');
        if (dot < 0) {
            return schema.getMutationType().getFieldDefinition(coordinate) != null;
        }
        String owner = coordinate.substring(0, dot);
        String field = coordinate.substring(dot + 1);
        if (schema.getType(owner) instanceof GraphQLObjectType object) {
            return object.getFieldDefinition(field) != null;
        }
        GraphQLFieldDefinition mutation = schema.getMutationType().getFieldDefinition(owner);
        return mutation != null && mutation.getArguments().stream()
                .map(a -> GraphQLTypeUtil.unwrapAll(a.getType()))
                .anyMatch(t -> t instanceof GraphQLInputObjectType input && input.getFieldDefinition(field) != null);
    }

    // ---- what a LEAD still does

    @Test
    void aLeadStillRunsProjectsAndClientsWithoutMoney() {
        Who lead = actors.get(Actor.LEAD);
        String project = freshProject();
        long before = auditRows();
        Map<String, Object> answer = gql(lead, """
                mutation($id: ID!) { updateProject(input: {id: $id, version: 0, status: ON_HOLD, name: "Paused"}) {
                  project { status name feeBudget { amountMinor } paymentTermsDays } userErrors { code } } }""",
                Map.of("id", project));
        assertThat(errors(answer)).as(describe(answer)).isEmpty();
        // the status and name changed; the fee budget is the 20,000.00 the owner set, the terms the client's 45 days
        assertThat(at(answer, "data.updateProject.project")).isEqualTo(Map.of("status", "ON_HOLD", "name", "Paused",
                "feeBudget", Map.of("amountMinor", 2_000_000), "paymentTermsDays", 45));
        assertThat(auditRows()).isGreaterThan(before);

        answer = gql(lead, """
                mutation { createClient(input: {name: "Lead's client", segment: STARTUP}) {
                  client { paymentTermsDays } userErrors { code } } }""", Map.of());
        // created with the agency's default terms, 30 days, which the lead did not choose
        assertThat(at(answer, "data.createClient.client.paymentTermsDays")).as(describe(answer)).isEqualTo(30);
    }

    // ---- plumbing

    /** Signs in as a browser would (with this class's patient client: a loaded machine may take seconds). */
    private static Who session(Tenants tenants, String email) {
        var cookie = web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "mutation($in: SignInInput!) { signIn(input: $in) { userErrors { code } } }",
                        "variables", Map.of("in", Map.of("email", email, "password", Tenants.PASSWORD))))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("CORDEE_SESSION");
        if (cookie == null) {
            throw new AssertionError("sign-in of " + email + " set no session cookie");
        }
        return new Who(email, cookie.getValue(), null);
    }

    private static String createToken(Who creator, String access, List<String> areas) {
        return (String) at(expectNoErrors(gql(creator, """
                mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { token userErrors { code } } }""",
                Map.of("in", Map.of("name", "Role matrix " + access + " " + counter.incrementAndGet(), "access", access,
                        "areas", areas)))), "data.createApiToken.token");
    }

    /** Runs a setup request as the next seeding owner; it must succeed and give a value at {@code path}. */
    static Object seed(String document, Map<String, Object> vars, String path) {
        Who seeder = seeders.get(Math.floorMod(counter.incrementAndGet(), seeders.size()));
        Map<String, Object> answer = expectNoErrors(gql(seeder, document, vars));
        Object value = at(answer, "data." + path);
        if (value == null) {
            throw new AssertionError("setup gave nothing at " + path + ": " + answer);
        }
        return value;
    }

    private static Map<String, Object> expectNoErrors(Map<String, Object> answer) {
        if (!errors(answer).isEmpty()) {
            throw new AssertionError("setup failed: " + answer);
        }
        return answer;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> gql(Who who, String document, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        WebTestClient.RequestBodySpec request = web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON);
        if (who.session() != null) {
            request = request.cookie("CORDEE_SESSION", who.session());
        }
        if (who.token() != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token());
        }
        Map<String, Object> answer = request.bodyValue(body).exchange().expectBody(Map.class).returnResult()
                .getResponseBody();
        if (answer == null) {
            throw new AssertionError("no answer to " + document);
        }
        return answer;
    }

    private static long auditRows() {
        return db.sql("SELECT count(*) FROM audit_entry WHERE agency_id = :a").bind("a", agency.agencyId().value())
                .mapValue(Long.class).one().block(Duration.ofSeconds(10));
    }

    /** The value at a path such as {@code data.invoices.nodes[0].amount}; null when any step is missing. */
    static Object at(Object root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(name);
            if (bracket >= 0) {
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                if (!(current instanceof List<?> list) || list.size() <= index) {
                    return null;
                }
                current = list.get(index);
            }
        }
        return current;
    }

    static boolean isHidden(Object value) {
        return value == null || value instanceof List<?> list && list.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> answer) {
        Object errors = answer.get("errors");
        return errors == null ? List.of() : (List<Map<String, Object>>) errors;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extensions(Map<String, Object> error) {
        Object extensions = error.get("extensions");
        return extensions == null ? Map.of() : (Map<String, Object>) extensions;
    }

    private static List<Map<String, Object>> forbidden(Map<String, Object> answer) {
        return errors(answer).stream().filter(e -> "FORBIDDEN".equals(extensions(e).get("classification"))
                && "FORBIDDEN".equals(extensions(e).getOrDefault("code", "FORBIDDEN"))).toList();
    }

    private static String describe(Map<String, Object> answer) {
        return String.valueOf(answer);
    }
}
