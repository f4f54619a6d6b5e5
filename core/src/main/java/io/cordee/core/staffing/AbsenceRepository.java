package io.cordee.core.staffing;

import io.cordee.core.agency.AgencyId;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: team members' absences, always within one agency. */
public interface AbsenceRepository {

    Mono<Absence> findById(AgencyId agencyId, AbsenceId id);

    /** The absences of the given members in one statement, by start date. */
    Flux<Absence> findByMembers(AgencyId agencyId, Collection<TeamMemberId> members);

    Mono<Absence> insert(Absence absence);

    /** Writes if the stored version is still {@code absence.version()}; empty otherwise. */
    Mono<Absence> update(Absence absence);

    /** Deletes if the stored version is still {@code version}; false otherwise. */
    Mono<Boolean> delete(AgencyId agencyId, AbsenceId id, long version);
}
