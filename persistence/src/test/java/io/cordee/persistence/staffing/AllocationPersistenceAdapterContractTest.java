package io.cordee.persistence.staffing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.AllocationRepositoryContract;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.persistence.support.TestDatabase;
import io.cordee.persistence.support.TestRows;

/** The R2DBC adapter keeps the {@link AllocationRepository} contract on the real PostgreSQL. */
class AllocationPersistenceAdapterContractTest extends AllocationRepositoryContract {

    @Override
    protected AllocationRepository allocations() {
        return new AllocationPersistenceAdapter(TestDatabase.client(), new AllocationRowMapperImpl());
    }

    @Override
    protected AgencyId newAgency() {
        return TestDatabase.newAgency();
    }

    @Override
    protected ClientId newClient(AgencyId agency) {
        return TestRows.client(agency);
    }

    @Override
    protected ProjectId newProject(AgencyId agency, ClientId client) {
        return TestRows.project(agency, client);
    }

    @Override
    protected TeamMemberId newTeamMember(AgencyId agency) {
        return TestRows.teamMember(agency);
    }
}
