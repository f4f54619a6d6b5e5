package io.cordee.core.staffing;

import io.cordee.core.support.InMemoryTeam;
import io.cordee.core.support.InMemoryWorld;

/** The in-memory team {@code TeamServiceTest} uses keeps the {@link TeamMemberRepository} contract. */
class InMemoryTeamMembersContractTest extends TeamMemberRepositoryContract {

    InMemoryTeamMembersContractTest() {
        super(new InMemoryWorld());
    }

    @Override
    protected TeamMemberRepository members() {
        return new InMemoryTeam();
    }
}
