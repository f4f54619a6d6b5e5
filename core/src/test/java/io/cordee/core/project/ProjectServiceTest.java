package io.cordee.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.money.Money;
import io.cordee.core.support.InMemoryClients;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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

    /** Projects in memory, with the version rule of the real adapter. */
    static final class InMemoryProjects implements ProjectRepository {

        final Map<ProjectId, Project> rows = new ConcurrentHashMap<>();

        @Override
        public Mono<Project> findById(AgencyId agencyId, ProjectId id) {
            return Mono.justOrEmpty(rows.get(id)).filter(p -> p.agencyId().equals(agencyId));
        }

        @Override
        public Mono<Page<Project>> findPage(AgencyId agencyId, ClientId clientId, PageRequest page) {
            java.util.List<Project> all = ofAgency(agencyId)
                    .filter(p -> clientId == null || p.clientId().equals(clientId)).toList();
            int from = page.after() == null ? 0 : Integer.parseInt(page.after());
            java.util.List<Page.Edge<Project>> edges = new java.util.ArrayList<>();
            for (int i = from; i < Math.min(all.size(), from + page.first()); i++) {
                edges.add(new Page.Edge<>(all.get(i), String.valueOf(i + 1)));
            }
            return Mono.just(new Page<>(edges, from + page.first() < all.size(), all.size()));
        }

        @Override
        public Flux<Project> findByClients(AgencyId agencyId, Collection<ClientId> clientIds) {
            return Flux.fromStream(ofAgency(agencyId).filter(p -> clientIds.contains(p.clientId())));
        }

        @Override
        public Flux<Project> findAllById(AgencyId agencyId, Collection<ProjectId> ids) {
            return Flux.fromIterable(ids).flatMap(id -> findById(agencyId, id));
        }

        /** The agency's projects as the adapter orders them: by start date, then id. */
        private java.util.stream.Stream<Project> ofAgency(AgencyId agencyId) {
            return rows.values().stream().filter(p -> p.agencyId().equals(agencyId))
                    .sorted(java.util.Comparator.comparing(Project::startDate)
                            .thenComparing(p -> p.id().value()));
        }

        @Override
        public Mono<Project> insert(Project project) {
            rows.put(project.id(), project);
            return Mono.just(project);
        }

        @Override
        public Mono<Project> update(Project project) {
            Project current = rows.get(project.id());
            if (current == null || !current.agencyId().equals(project.agencyId())
                    || current.version() != project.version()) {
                return Mono.empty();
            }
            Project saved = new Project(project.id(), project.agencyId(), project.clientId(), project.name(),
                    project.status(), project.startDate(), project.launchDate(), project.communicationPlanDate(),
                    project.feeBudget(), project.paymentTermsDays(), project.version() + 1);
            rows.put(saved.id(), saved);
            return Mono.just(saved);
        }
    }
}
