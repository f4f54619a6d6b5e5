package io.cordee.core.project;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: projects, always within one agency. */
public interface ProjectRepository {

    Mono<Project> findById(AgencyId agencyId, ProjectId id);

    /** Ordered by start date, then id; {@code clientId} null for all clients. */
    Mono<Page<Project>> findPage(AgencyId agencyId, ClientId clientId, PageRequest page);

    /** All projects of the given clients, in one statement, for batched nested fields. */
    Flux<Project> findByClients(AgencyId agencyId, Collection<ClientId> clientIds);

    /** Many projects in one statement; missing ids are left out. */
    Flux<Project> findAllById(AgencyId agencyId, Collection<ProjectId> ids);

    Mono<Project> insert(Project project);

    /** Inserts many projects (an import's batch, ADR 56): one statement in the database adapter. */
    default Mono<Void> insertAll(java.util.List<Project> projects) {
        return Flux.fromIterable(projects).concatMap(this::insert).then();
    }

    /** Writes if the stored version is still {@code project.version()}; empty otherwise. */
    Mono<Project> update(Project project);
}
