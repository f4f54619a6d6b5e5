package io.cordee.persistence.brief;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.brief.BriefRepository;
import io.cordee.core.brief.BriefRepositoryContract;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.project.ProjectId;
import io.cordee.persistence.support.TestDatabase;
import io.cordee.persistence.support.TestRows;

/** The R2DBC adapter keeps the {@link BriefRepository} contract on the real PostgreSQL. */
class BriefPersistenceAdapterContractTest extends BriefRepositoryContract {

    @Override
    protected BriefRepository briefs() {
        return new BriefPersistenceAdapter(TestDatabase.client(), new BriefRowMapperImpl());
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
    protected UserId newUser(AgencyId agency) {
        return TestRows.user(agency, Role.OWNER).id();
    }
}
