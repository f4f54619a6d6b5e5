package io.cordee.core.staffing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.support.InMemoryTeam;
import java.util.UUID;

/** The in-memory team {@code TeamServiceTest} uses keeps the {@link AbsenceRepository} contract. */
class InMemoryAbsencesContractTest extends AbsenceRepositoryContract {

    private final InMemoryTeam team = new InMemoryTeam();

    @Override
    protected AbsenceRepository absences() {
        return team;
    }

    @Override
    protected TeamMemberRepository members() {
        return team;
    }

    @Override
    protected AgencyId newAgency() {
        return new AgencyId(UUID.randomUUID());
    }
}
