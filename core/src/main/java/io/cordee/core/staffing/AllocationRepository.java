package io.cordee.core.staffing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: allocations, always within one agency. */
public interface AllocationRepository {

    Mono<Allocation> findById(AgencyId agencyId, AllocationId id);

    /**
     * Ordered by start date, then id; narrowed to a project, a member or a client's projects when those
     * are not null.
     */
    Mono<Page<Allocation>> findPage(AgencyId agencyId, ProjectId projectId, TeamMemberId memberId, ClientId clientId,
                                    PageRequest page);

    /** Every allocation that overlaps {@code from}–{@code to}, in one statement. */
    Flux<Allocation> findOverlapping(AgencyId agencyId, LocalDate from, LocalDate to);

    /** Every allocation to the given projects, in one statement, by start date then id (as the pages). */
    Flux<Allocation> findByProjects(AgencyId agencyId, java.util.Collection<ProjectId> projectIds);

    Mono<Allocation> insert(Allocation allocation);

    /** Writes if the stored version is still {@code allocation.version()}; empty otherwise. */
    Mono<Allocation> update(Allocation allocation);

    /** Deletes if the stored version is {@code version}; false otherwise (gone, or changed meanwhile). */
    Mono<Boolean> delete(AgencyId agencyId, AllocationId id, long version);
}
