package io.cordee.core.staffing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.support.InMemoryTeam;
import java.util.UUID;

/** The in-memory team {@code TeamServiceTest} uses keeps the {@link TeamMemberRepository} contract. */
class InMemoryTeamMembersContractTest extends TeamMemberRepositoryContract {

    @Override
    protected TeamMemberRepository members() {
        return new InMemoryTeam();
    }

    @Override
    protected AgencyId newAgency() {
        return new AgencyId(UUID.randomUUID());
    }
}
