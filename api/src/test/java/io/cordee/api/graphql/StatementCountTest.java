package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.StatementCounter;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientService;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.publisher.Flux;

/** No N+1: clients with their projects (and each project's client) cost the same statements for 5 or 50 clients. */
@ApiTest
class StatementCountTest {

    private static final String QUERY = """
            { clients(first: 100) { totalCount nodes { name projects { name client { name } } } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    StatementCounter counter;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;

    @Test
    void statementCountDoesNotGrowWithTheNumberOfClients() {
        List<String> withFive = statementsForAgencyWith(5);
        List<String> withFifty = statementsForAgencyWith(50);

        // session lookup, agency-free list: count + page, then one batch for projects and one for their clients
        System.out.printf("statements for 5 clients: %d, for 50 clients: %d%n", withFive.size(), withFifty.size());
        assertThat(withFifty).hasSameSizeAs(withFive);
        assertThat(withFive).hasSizeLessThanOrEqualTo(5);
    }

    private List<String> statementsForAgencyWith(int clientCount) {
        Tenants.Tenant tenant = tenants.create("Batching " + clientCount);
        Flux.range(1, clientCount - 1) // the tenant already has "Own Client"
                .concatMap(i -> clients.create(tenant.owner(),
                                new ClientDraft("Client " + i, Segment.SME, 30, List.of(), null))
                        .flatMap((Client c) -> projects.create(tenant.owner(), c.id(), new ProjectDraft("Project " + i,
                                null, LocalDate.of(2026, 1, 5), null, null, Money.of(100_000, "EUR"), null))))
                .blockLast(Duration.ofSeconds(60));
        HttpGraphQlTester owner = tenants.as(tenant, Role.OWNER);

        return counter.fewest(() -> owner.document(QUERY).execute()
                .path("clients.totalCount").entity(Long.class).isEqualTo((long) clientCount)
                .path("clients.nodes[*].projects[*].client.name").entityList(String.class).hasSize(clientCount - 1));
    }
}
