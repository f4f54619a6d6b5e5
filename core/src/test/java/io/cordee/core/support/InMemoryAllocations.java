package io.cordee.core.support;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.TeamMemberId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Allocations in memory, with the adapter's rules (ADR 0080: {@code InMemoryAllocationsContractTest}): within one
 * agency, versions checked, ordered by start then id; a client's allocations are those of its projects, which it
 * reads from the projects it is given, as the adapter reads the project table.
 */
public final class InMemoryAllocations implements AllocationRepository {

    private static final Comparator<Allocation> BY_START = Comparator.comparing(Allocation::from)
            .thenComparing(a -> a.id().value(), StoredOrder.IDS);

    private final Map<AllocationId, Allocation> rows = new ConcurrentHashMap<>();
    private final ProjectRepository projects;

    public InMemoryAllocations(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    public Mono<Allocation> findById(AgencyId agencyId, AllocationId id) {
        return Mono.justOrEmpty(rows.get(id)).filter(a -> a.agencyId().equals(agencyId));
    }

    @Override
    public Mono<Page<Allocation>> findPage(AgencyId agencyId, ProjectId projectId, TeamMemberId memberId,
                                           ClientId clientId, PageRequest page) {
        Mono<Set<ProjectId>> ofClient = clientId == null ? Mono.just(Set.of())
                : projects.findByClients(agencyId, List.of(clientId)).map(p -> p.id()).collect(Collectors.toSet());
        return ofClient.map(clientProjects -> {
            List<Allocation> all = ofAgency(agencyId)
                    .filter(a -> projectId == null || a.projectId().equals(projectId))
                    .filter(a -> memberId == null || a.memberId().equals(memberId))
                    .filter(a -> clientId == null || clientProjects.contains(a.projectId())).toList();
            List<Allocation> rest = all;
            if (page.after() != null) {
                int bar = page.after().indexOf('|');
                Allocation cursor = new Allocation(new AllocationId(UUID.fromString(page.after().substring(bar + 1))),
                        agencyId, new TeamMemberId(new UUID(0, 0)), new ProjectId(new UUID(0, 0)), 1,
                        LocalDate.parse(page.after().substring(0, bar)), LocalDate.parse(page.after().substring(0, bar)),
                        0);
                rest = all.stream().filter(a -> BY_START.compare(a, cursor) > 0).toList();
            }
            List<Page.Edge<Allocation>> edges = rest.stream().limit(page.first())
                    .map(a -> new Page.Edge<>(a, a.from() + "|" + a.id().value())).toList();
            return new Page<>(edges, rest.size() > page.first(), page.withTotal() ? all.size() : Page.NOT_COUNTED);
        });
    }

    @Override
    public Flux<Allocation> findOverlapping(AgencyId agencyId, LocalDate from, LocalDate to) {
        return Flux.defer(() -> Flux.fromIterable(ofAgency(agencyId).filter(a -> a.overlaps(from, to)).toList()));
    }

    @Override
    public Flux<Allocation> findByProjects(AgencyId agencyId, Collection<ProjectId> projectIds) {
        return Flux.defer(() -> Flux.fromIterable(ofAgency(agencyId).filter(a -> projectIds.contains(a.projectId()))
                .sorted(BY_START).toList()));
    }

    @Override
    public Mono<Allocation> insert(Allocation allocation) {
        return Mono.fromSupplier(() -> {
            if (rows.putIfAbsent(allocation.id(), allocation) != null) {
                throw new IllegalStateException("allocation " + allocation.id().value() + " already exists");
            }
            return allocation;
        });
    }

    @Override
    public synchronized Mono<Allocation> update(Allocation a) {
        Allocation current = rows.get(a.id());
        if (current == null || !current.agencyId().equals(a.agencyId()) || current.version() != a.version()) {
            return Mono.empty();
        }
        Allocation next = new Allocation(a.id(), a.agencyId(), a.memberId(), a.projectId(), a.sharePercent(), a.from(),
                a.to(), a.version() + 1);
        rows.put(next.id(), next);
        return Mono.just(next);
    }

    @Override
    public synchronized Mono<Boolean> delete(AgencyId agencyId, AllocationId id, long version) {
        Allocation current = rows.get(id);
        if (current == null || !current.agencyId().equals(agencyId) || current.version() != version) {
            return Mono.just(false);
        }
        rows.remove(id);
        return Mono.just(true);
    }

    private java.util.stream.Stream<Allocation> ofAgency(AgencyId agencyId) {
        return rows.values().stream().filter(a -> a.agencyId().equals(agencyId)).sorted(BY_START);
    }
}
