package io.cordee.core.staffing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: team members, always within one agency. */
public interface TeamMemberRepository {

    Mono<TeamMember> findById(AgencyId agencyId, TeamMemberId id);

    /** Ordered by name, then id. */
    Mono<Page<TeamMember>> findPage(AgencyId agencyId, boolean includeArchived, PageRequest page);

    /** Many members in one statement, for batched nested fields; missing ids are left out. */
    Flux<TeamMember> findAllById(AgencyId agencyId, java.util.Collection<TeamMemberId> ids);

    /** The whole team, archived members included, by name then id, in one statement. */
    Flux<TeamMember> findAll(AgencyId agencyId);

    Mono<TeamMember> insert(TeamMember member);

    /** Writes if the stored version is still {@code member.version()}; empty otherwise. */
    Mono<TeamMember> update(TeamMember member);
}
