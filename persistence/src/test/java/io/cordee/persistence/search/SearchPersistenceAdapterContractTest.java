package io.cordee.persistence.search;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import io.cordee.core.search.SearchRepository;
import io.cordee.core.search.SearchRepositoryContract;
import io.cordee.persistence.support.TestDatabase;
import io.cordee.persistence.support.TestRows;

/** The R2DBC adapter keeps the {@link SearchRepository} contract on the real PostgreSQL. */
class SearchPersistenceAdapterContractTest extends SearchRepositoryContract {

    @Override
    protected SearchRepository search() {
        return new SearchPersistenceAdapter(TestDatabase.client());
    }

    @Override
    protected AgencyId newAgency() {
        return TestDatabase.newAgency();
    }

    @Override
    protected ClientId newClient(AgencyId agency, String name) {
        return TestRows.client(agency, name);
    }

    @Override
    protected ProjectId newProject(AgencyId agency, ClientId client, String name) {
        return TestRows.project(agency, client, name);
    }
}
