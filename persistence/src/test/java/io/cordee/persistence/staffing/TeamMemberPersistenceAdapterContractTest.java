package io.cordee.persistence.staffing;

import io.cordee.core.staffing.TeamMemberRepository;
import io.cordee.core.staffing.TeamMemberRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link TeamMemberRepository} contract on the real PostgreSQL. */
class TeamMemberPersistenceAdapterContractTest extends TeamMemberRepositoryContract {

    TeamMemberPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected TeamMemberRepository members() {
        return new TeamMemberPersistenceAdapter(TestDatabase.client(), new TeamMemberRowMapperImpl(),
                new AbsencePersistenceAdapter(TestDatabase.client()));
    }
}
