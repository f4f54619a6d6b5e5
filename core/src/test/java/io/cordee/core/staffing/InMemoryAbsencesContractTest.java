package io.cordee.core.staffing;

import io.cordee.core.support.InMemoryTeam;
import io.cordee.core.support.InMemoryWorld;

/** The in-memory team {@code TeamServiceTest} uses keeps the {@link AbsenceRepository} contract. */
class InMemoryAbsencesContractTest extends AbsenceRepositoryContract {

    private final InMemoryTeam team = new InMemoryTeam();

    InMemoryAbsencesContractTest() {
        super(new InMemoryWorld());
    }

    @Override
    protected AbsenceRepository absences() {
        return team;
    }

    @Override
    protected TeamMemberRepository members() {
        return team;
    }
}
