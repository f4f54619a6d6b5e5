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
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SPA's clients page, exactly as clients.js sends it (ADR 54): CLIENTS (clients with projects, health and
 * three interactions), SHARES (capacity shares, once) and EXPOSURES (the page's exposures through the batched
 * {@code Client.exposure} edge), counted in SQL statements for agencies of 1, 5 and 20 clients. Before, the
 * page asked one aliased {@code exposure(clientId:)} per client and the page cost grew with the clients
 * (16 / 69 / 258 statements measured in issue 16). Each client here has one project with an invoice of
 * 1,000.00 paid and one of 500.00 due, so every exposure exists.
 */
@ApiTest
class ClientsPageStatementCountTest {

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
    void theClientsPageCostsTheSameStatementsForOneFiveAndTwentyClients() {
        Map<String, String> spa = QueryLimitsTest.spaQueries("clients.js");
        Map<Integer, Integer> cold = new TreeMap<>();
        Map<Integer, Integer> warm = new TreeMap<>();
        Map<Integer, Integer> exposuresCold = new TreeMap<>();
        for (int size : List.of(1, 5, 20)) {
            HttpGraphQlTester finance = tenants.as(agencyWith(size), Role.FINANCE);
            Runnable page = () -> sendPage(finance, spa, size);
            // the session lookup out of the count (ADR 50 remembers the caller), the picture not yet read
            sendList(finance, spa, size);
            cold.put(size, coldCount(finance, spa, size, exposuresCold));
            warm.put(size, counter.fewest(page).size());
        }
        System.out.printf("clients page statements for 1/5/20 clients (CLIENTS + SHARES + EXPOSURES):"
                + " first visit %s (of which EXPOSURES %s), again %s%n", cold, exposuresCold, warm);
        assertThat(cold.get(5)).as("first visit, 5 clients vs 1").isEqualTo(cold.get(1));
        assertThat(cold.get(20)).as("first visit, 20 clients vs 1").isEqualTo(cold.get(1));
        assertThat(warm.get(5)).as("again, 5 clients vs 1").isEqualTo(warm.get(1));
        assertThat(warm.get(20)).as("again, 20 clients vs 1").isEqualTo(warm.get(1));
        assertThat(warm.get(20)).as("the picture remembered: fewer statements than the first visit")
                .isLessThan(cold.get(20));
    }

    @Test
    void aLeadGetsTheListWithoutExposuresAndReadsNoPicture() {
        HttpGraphQlTester lead = tenants.as(agencyWith(3), Role.LEAD);
        Map<String, String> spa = QueryLimitsTest.spaQueries("clients.js");
        List<String> sent = counter.fewest(() -> lead.document(spa.get("EXPOSURES"))
                .variable("after", null).variable("q", null).variable("archived", null).execute()
                .path("clients.nodes[*].id").entityList(String.class).hasSize(3)
                .path("clients.nodes[*].exposure").entityList(Object.class)
                .satisfies(exposures -> assertThat(exposures).containsOnlyNulls()));
        // the page of clients only: no money is read for a role that sees none
        assertThat(sent).as("statements %s", sent).hasSize(1);
    }

    /** A first visit's statements, the agency's picture not yet remembered: EXPOSURES loads it. */
    private int coldCount(HttpGraphQlTester finance, Map<String, String> spa, int size, Map<Integer, Integer> exposures) {
        counter.reset();
        sendList(finance, spa, size);
        sendShares(finance, spa);
        int before = counter.statements().size();
        sendExposures(finance, spa, size);
        List<String> all = counter.statements();
        exposures.put(size, all.size() - before);
        return all.size();
    }

    private void sendPage(HttpGraphQlTester finance, Map<String, String> spa, int size) {
        sendList(finance, spa, size);
        sendShares(finance, spa);
        sendExposures(finance, spa, size);
    }

    private void sendList(HttpGraphQlTester finance, Map<String, String> spa, int size) {
        finance.document(spa.get("CLIENTS")).variable("after", null).variable("q", null).variable("archived", false)
                .execute().path("clients.nodes[*].projects[*].name").entityList(String.class).hasSize(size);
    }

    private void sendShares(HttpGraphQlTester finance, Map<String, String> spa) {
        finance.document(spa.get("SHARES")).variable("from", clock.todayInParis().toString().substring(0, 7))
                .execute().path("capacity").entityList(Object.class).hasSize(3);
    }

    private void sendExposures(HttpGraphQlTester finance, Map<String, String> spa, int size) {
        finance.document(spa.get("EXPOSURES")).variable("after", null).variable("q", null).variable("archived", false)
                .execute().path("clients.nodes[*].exposure.peakWeek").entityList(Object.class).hasSize(size);
    }

    /** {@code count} clients ("Own Client" and count − 1 more), each with one project, two invoices and a payment. */
    private Tenants.Tenant agencyWith(int count) {
        return PayingClientsAgency.create("Clients page " + count, count, tenants, clients, projects, billing, clock)
                .tenant();
    }
}
