package io.cordee.api.graphql;

import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientService;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The statement-count tests' agency: {@code count} clients ("Own Client" and "Client 1" … "Client count − 1",
 * SMEs on 30 days), each with one project "Site &lt;client&gt;" (fee 1,500.00, begun 60 days ago), a deposit of
 * 1,000.00 invoiced 40 days ago and paid 5 days ago, and a balance of 500.00 invoiced 10 days ago.
 */
record PayingClientsAgency(Tenants.Tenant tenant, List<Client> clients, List<Project> projects) {

    static PayingClientsAgency create(String name, int count, Tenants tenants, ClientService clientService,
                                      ProjectService projectService, BillingService billing, TestClock clock) {
        Tenants.Tenant tenant = tenants.create(name);
        Caller owner = tenant.owner();
        LocalDate today = clock.todayInParis();
        List<Client> all = Flux.concat(Mono.just(tenant.ownClient()), Flux.range(1, count - 1)
                        .concatMap(i -> clientService.create(owner, new ClientDraft("Client " + i, Segment.SME, 30,
                                List.of(), null))))
                .collectList().block(Duration.ofSeconds(60));
        List<Project> made = Flux.fromIterable(all).concatMap(c -> projectService.create(owner, c.id(),
                                new ProjectDraft("Site " + c.name(), null, today.minusDays(60), null, null,
                                        Money.of(150_000, "EUR"), null))
                        .flatMap(p -> billing.create(owner, p.id(), "Deposit " + c.name(), Money.of(100_000, "EUR"),
                                        null, today.minusDays(40))
                                .flatMap(deposit -> billing.recordPayment(owner, deposit.id(), null,
                                        Money.of(100_000, "EUR"), today.minusDays(5)))
                                .then(billing.create(owner, p.id(), "Balance " + c.name(), Money.of(50_000, "EUR"),
                                        null, today.minusDays(10)))
                                .thenReturn(p)))
                .collectList().block(Duration.ofSeconds(120));
        return new PayingClientsAgency(tenant, all, made);
    }
}
