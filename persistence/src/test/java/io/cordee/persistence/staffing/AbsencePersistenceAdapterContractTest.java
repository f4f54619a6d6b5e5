package io.cordee.persistence.staffing;

import io.cordee.core.staffing.AbsenceRepository;
import io.cordee.core.staffing.AbsenceRepositoryContract;
import io.cordee.core.staffing.TeamMemberRepository;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link AbsenceRepository} contract on the real PostgreSQL. */
class AbsencePersistenceAdapterContractTest extends AbsenceRepositoryContract {

    private final AbsencePersistenceAdapter absences = new AbsencePersistenceAdapter(TestDatabase.client());

    AbsencePersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected AbsenceRepository absences() {
        return absences;
    }

    @Override
    protected TeamMemberRepository members() {
        return new TeamMemberPersistenceAdapter(TestDatabase.client(), new TeamMemberRowMapperImpl(), absences);
    }
}
