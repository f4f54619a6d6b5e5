package io.cordee.core.support;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Projects in memory, with the version rule of the real adapter (ADR 0080: {@code InMemoryProjectsContractTest}). */
public final class InMemoryProjects implements ProjectRepository {

    public final Map<ProjectId, Project> rows = new ConcurrentHashMap<>();

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
