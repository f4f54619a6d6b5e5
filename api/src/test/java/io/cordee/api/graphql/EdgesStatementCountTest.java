package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.limits.QueryLimitsTest;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientService;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issue 16's four query shapes and the SPA's clients page, counted in SQL statements per request (ADR 0046).
 * Every client of an agency built here has one project with two issued invoices of 1,000.00 and 500.00, the
 * first paid by one payment of 1,000.00 — so a 4-level query returns 3 rows per client below the client.
 * The session lookup is not among them: the first of the three runs of {@code fewest} keeps the caller
 * (ADR 50), so the fewest is the request's own statements.
 */
@ApiTest
class EdgesStatementCountTest {

    static final String BY_ID = "query($id: ID!) { client(id: $id) { id name paymentTermsDays } }";
    static final String CLIENTS_PROJECTS = "{ clients(first: 100) { nodes { name projects { name status } } } }";
    static final String LIST_OF_100 = "{ invoices(first: 100) { nodes { id label dueDate amount { amount } } } }";
    static final String LIST_OF_100_COUNTED = "{ invoices(first: 100) { totalCount nodes { id } } }";
    static final String DASHBOARD = """
            { clients(first: 20) { nodes { name projects { name invoices { label amount { amount }
                payments { receivedOn amount { amount } } } } } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    StatementCounter counter;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    BillingService billing;
    @Autowired
    TestClock clock;

    @Test
    void theFourShapesCostAFixedNumberOfStatements() {
        PayingClientsAgency small = agencyWith(2);
        PayingClientsAgency large = agencyWith(20);
        HttpGraphQlTester financeOfLarge = tenants.as(large.tenant(), Role.FINANCE);
        HttpGraphQlTester financeOfSmall = tenants.as(small.tenant(), Role.FINANCE);
        String id = io.cordee.api.graphql.common.GlobalId.of("Client", large.tenant().ownClient().id().value());

        List<String> byId = counter.fewest(() -> financeOfLarge.document(BY_ID).variable("id", id).execute()
                .path("client.name").entity(String.class).isEqualTo("Own Client"));
        // 20 clients, 20 projects
        List<String> clientsProjects = counter.fewest(() -> financeOfLarge.document(CLIENTS_PROJECTS).execute()
                .path("clients.nodes[*].projects[*].name").entityList(String.class).hasSize(20));
        // 20 clients × 2 invoices = 40 rows, no count(*) since totalCount is not asked for
        List<String> list = counter.fewest(() -> financeOfLarge.document(LIST_OF_100).execute()
                .path("invoices.nodes[*].id").entityList(String.class).hasSize(40));
        List<String> counted = counter.fewest(() -> financeOfLarge.document(LIST_OF_100_COUNTED).execute()
                .path("invoices.totalCount").entity(Long.class).isEqualTo(40L));
        // 20 clients → 20 projects → 40 invoices → 20 payments of 1,000.00
        List<String> dashboard = counter.fewest(() -> financeOfLarge.document(DASHBOARD).execute()
                .path("clients.nodes[*].projects[*].invoices[*].payments[*].amount.amount")
                .entityList(String.class).hasSize(20).contains("1000.00"));
        // 2 clients → 2 projects → 4 invoices → 2 payments
        List<String> smallDashboard = counter.fewest(() -> financeOfSmall.document(DASHBOARD).execute()
                .path("clients.nodes[*].projects[*].invoices[*].payments[*].receivedOn").entityList(String.class)
                .hasSize(2));

        // payments of invoices not read through Project.invoices: one statement for all of them
        List<String> listWithPayments = counter.fewest(() -> financeOfLarge.document(
                        "{ invoices(first: 100) { nodes { id payments { amount { amount } } } } }").execute()
                .path("invoices.nodes[*].payments[*].amount.amount").entityList(String.class).hasSize(20));
        // before the edges, the dashboard had to alias invoices(clientId:) per client (no payments at all)
        List<String> ids = large.clients().stream()
                .map(c -> io.cordee.api.graphql.common.GlobalId.of("Client", c.id().value())).toList();
        String aliased = "query(" + IntStream.range(0, ids.size()).mapToObj(i -> "$c" + i + ": ID!")
                .collect(Collectors.joining(", ")) + ") { clients(first: 20) { totalCount nodes { name projects { name } } } "
                + IntStream.range(0, ids.size()).mapToObj(i -> "i" + i + ": invoices(clientId: $c" + i
                        + ", first: 100) { totalCount nodes { label amount { amount } } }")
                .collect(Collectors.joining(" ")) + " }";
        List<String> aliasedDashboard = counter.fewest(() -> {
            HttpGraphQlTester.Request<?> request = financeOfLarge.document(aliased);
            for (int i = 0; i < ids.size(); i++) {
                request = request.variable("c" + i, ids.get(i));
            }
            request.execute().path("i0.nodes").entityList(Object.class).hasSize(2);
        });

        System.out.printf("statements: by id %d, clients→projects %d, list of 100 %d (with totalCount %d),"
                        + " dashboard %d (2 clients: %d), invoices with payments %d, dashboard by aliases %d%n",
                byId.size(), clientsProjects.size(), list.size(), counted.size(), dashboard.size(),
                smallDashboard.size(), listWithPayments.size(), aliasedDashboard.size());
        assertThat(listWithPayments).as("page + payments batch").hasSize(2);
        assertThat(byId).as("the client").hasSize(1);
        assertThat(clientsProjects).as("page + projects batch").hasSize(2);
        assertThat(list).as("page, no count(*)").hasSize(1).noneMatch(s -> s.contains("count(*)"));
        assertThat(counted).as("the count(*) only when totalCount is selected").hasSize(2)
                .anyMatch(s -> s.contains("count(*)"));
        assertThat(dashboard).as("page + projects + invoices with their payments").hasSize(3)
                .hasSameSizeAs(smallDashboard);
    }

    @Test
    void aLeadSeesNoInvoicesOnTheEdgeAndAClientUserOnlyItsOwn() {
        PayingClientsAgency agency = agencyWith(3);
        tenants.as(agency.tenant(), Role.LEAD).document(DASHBOARD).execute()
                .path("clients.nodes[*].projects[*].name").entityList(String.class).hasSize(3)
                .path("clients.nodes[*].projects[*].invoices").entityList(Object.class).satisfies(invoices ->
                        assertThat(invoices).containsOnlyNulls());
        // the CLIENT user is tied to "Own Client": its project's two invoices and one payment, nobody else's
        tenants.as(agency.tenant(), Role.CLIENT).document(DASHBOARD).execute()
                .path("clients.nodes[*].name").entityList(String.class).containsExactly("Own Client")
                .path("clients.nodes[0].projects[0].invoices[*].label").entityList(String.class)
                .containsExactly("Deposit Own Client", "Balance Own Client")
                .path("clients.nodes[0].projects[0].invoices[*].payments[*].amount.amount").entityList(String.class)
                .containsExactly("1000.00");
    }

    @Test
    void theBatchesReadNothingOfAnotherAgency() {
        PayingClientsAgency ours = agencyWith(1);
        PayingClientsAgency theirs = agencyWith(1);
        // handed our project and invoice (as a forged batch would be), their owner reads nothing of them
        List<io.cordee.core.project.ProjectId> ourProjects = ours.projects().stream().map(Project::id).toList();
        io.cordee.core.billing.InvoicesWithPayments ourRead = billing.invoicesOfProjects(ours.tenant().owner(),
                ourProjects).block();
        assertThat(ourRead.invoices()).hasSize(2);
        assertThat(ourRead.payments().values()).flatExtracting(List::copyOf).hasSize(1);
        io.cordee.core.billing.InvoicesWithPayments theirRead = billing.invoicesOfProjects(theirs.tenant().owner(),
                ourProjects).block();
        assertThat(theirRead.invoices()).isEmpty();
        assertThat(theirRead.payments()).isEmpty();
        assertThat(billing.paymentsOfInvoices(ours.tenant().owner(), ourRead.invoices()).block()).hasSize(1);
        assertThat(billing.paymentsOfInvoices(theirs.tenant().owner(), ourRead.invoices()).block()).isEmpty();
    }

    /**
     * The clients page sends CLIENTS (clients with projects, relationship health and 3 interactions), then the
     * capacity shares and, for money roles, each client's exposure. CLIENTS must not grow with the clients.
     */
    @Test
    void theClientsPageCostsTheSameForOneFiveAndTwentyClients() {
        Map<String, String> spa = QueryLimitsTest.spaQueries("clients.js");
        String clientsQuery = spa.get("CLIENTS");
        String sharesQuery = spa.get("SHARES");
        Map<Integer, Integer> page = new java.util.TreeMap<>();
        Map<Integer, Integer> shares = new java.util.TreeMap<>();
        Map<Integer, Integer> exposureAliases = new java.util.TreeMap<>();
        Map<Integer, Integer> exposureEdge = new java.util.TreeMap<>();
        for (int size : List.of(1, 5, 20)) {
            PayingClientsAgency agency = agencyWith(size);
            HttpGraphQlTester finance = tenants.as(agency.tenant(), Role.FINANCE);
            List<String> sent = counter.fewest(() -> finance.document(clientsQuery)
                    .variable("after", null).variable("q", null).variable("archived", null).execute()
                    .path("clients.nodes[*].projects[*].name").entityList(String.class).hasSize(size));
            page.put(size, sent.size());
            shares.put(size, counter.fewest(() -> finance.document(sharesQuery)
                    .variable("from", clock.todayInParis().withDayOfMonth(1).toString().substring(0, 7))
                    .execute().path("capacity").entityList(Object.class).hasSize(3)).size());
            List<String> ids = agency.clients().stream()
                    .map(c -> io.cordee.api.graphql.common.GlobalId.of("Client", c.id().value())).toList();
            String aliases = "query(" + IntStream.range(0, size).mapToObj(i -> "$c" + i + ": ID!")
                    .collect(Collectors.joining(", ")) + ") { " + IntStream.range(0, size)
                    .mapToObj(i -> "e" + i + ": exposure(clientId: $c" + i + ") { peak { amount } peakWeek }")
                    .collect(Collectors.joining(" ")) + " }";
            exposureAliases.put(size, counter.fewest(() -> {
                HttpGraphQlTester.Request<?> request = finance.document(aliases);
                for (int i = 0; i < size; i++) {
                    request = request.variable("c" + i, ids.get(i));
                }
                request.execute().path("e0.peak.amount").hasValue();
            }).size());
            exposureEdge.put(size, counter.fewest(() -> finance.document(
                            "{ clients(first: 100) { nodes { exposure { peak { amount } peakWeek } } } }").execute()
                    .path("clients.nodes[*].exposure.peak.amount").entityList(String.class).hasSize(size)).size());
        }
        System.out.printf("clients page statements for 1/5/20 clients: CLIENTS %s, SHARES %s,"
                + " exposure by aliases %s, Client.exposure %s%n", page, shares, exposureAliases, exposureEdge);
        assertThat(page.get(20)).as("CLIENTS, 20 clients vs 1").isEqualTo(page.get(1));
        assertThat(page.get(5)).as("CLIENTS, 5 clients vs 1").isEqualTo(page.get(1));
    }

    /** {@code count} clients ("Own Client" and count − 1 more), each with one project, two invoices and a payment. */
    private PayingClientsAgency agencyWith(int count) {
        return PayingClientsAgency.create("Edges " + count, count, tenants, clients, projects, billing, clock);
    }
}
