package io.cordee.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.Forbidden;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.money.Money;
import io.cordee.core.support.InMemoryClients;
import io.cordee.core.support.InMemoryProjects;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** A LEAD runs projects but changes no money (docs/roles.md); RoleMatrixTest runs the same cells end to end. */
class ProjectServiceTest {

    private final AgencyId agency = new AgencyId(UUID.randomUUID());
    private final Caller owner = new Caller(new UserId(UUID.randomUUID()), agency, Role.OWNER, null);
    private final Caller finance = new Caller(new UserId(UUID.randomUUID()), agency, Role.FINANCE, null);
    private final Caller lead = new Caller(new UserId(UUID.randomUUID()), agency, Role.LEAD, null);
    private final InMemoryProjects repository = new InMemoryProjects();
    private final ClientService clients = new ClientService(new InMemoryClients(), UUID::randomUUID);
    private final ProjectService service = new ProjectService(repository, clients, UUID::randomUUID);
    private final Client client = clients.create(owner, new ClientDraft("Lumen", Segment.SME, 30, null, null)).block();
    private final Project project = service.create(owner, client.id(), draft(ProjectStatus.PLANNED,
            Money.of(4_200_000, "EUR"), null)).block();

    private static ProjectDraft draft(ProjectStatus status, Money fee, Integer terms) {
        return new ProjectDraft("Site", status, LocalDate.of(2026, 9, 1), null, null, fee, terms);
    }

    @Test
    void aLeadsStatusChangeWithAFeeBudgetIsRefusedWholeNamingTheFee() {
        StepVerifier.create(service.update(lead, project.id(), 0, draft(ProjectStatus.ACTIVE,
                        Money.of(4_500_000, "EUR"), null)))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(Forbidden.class)
                            .hasMessage("Your role (LEAD) does not allow you to change money: feeBudget");
                    assertThat(((Forbidden) e).field()).contains("feeBudget");
                })
                .verify();
        StepVerifier.create(service.update(lead, project.id(), 0, draft(null, null, 15)))
                .expectErrorSatisfies(e -> assertThat(((Forbidden) e).field()).contains("paymentTermsDays"))
                .verify();
        // neither the status nor the fee moved: still PLANNED at 42,000.00, version 0
        assertThat(repository.rows.get(project.id()))
                .extracting(Project::status, Project::feeBudget, Project::version)
                .containsExactly(ProjectStatus.PLANNED, Money.of(4_200_000, "EUR"), 0L);
    }

    @Test
    void aLeadChangesTheStatusAloneAndFinanceTheFee() {
        Project active = service.update(lead, project.id(), 0, draft(ProjectStatus.ACTIVE, null, null)).block();
        assertThat(active.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(active.feeBudget()).isEqualTo(Money.of(4_200_000, "EUR"));

        Project repriced = service.update(finance, project.id(), 1, draft(null, Money.of(4_500_000, "EUR"), 45))
                .block();
        assertThat(repriced).extracting(Project::feeBudget, Project::paymentTermsDays)
                .containsExactly(Money.of(4_500_000, "EUR"), 45);
    }

    @Test
    void aLeadCannotCreateAProjectSinceItHasAFeeBudget() {
        StepVerifier.create(service.create(lead, client.id(), draft(null, Money.of(100, "EUR"), null)))
                .expectErrorSatisfies(e -> assertThat(((Forbidden) e).field()).contains("feeBudget"))
                .verify();
        assertThat(repository.rows).hasSize(1);
    }
}
