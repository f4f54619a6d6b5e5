package io.cordee.persistence.project;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.project.ProjectRepositoryContract;
import io.cordee.persistence.client.ClientPersistenceAdapter;
import io.cordee.persistence.client.ClientRowMapperImpl;
import io.cordee.persistence.client.ContactsJson;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link ProjectRepository} contract on the real PostgreSQL. */
class ProjectPersistenceAdapterContractTest extends ProjectRepositoryContract {

    @Override
    protected ProjectRepository projects() {
        return new ProjectPersistenceAdapter(TestDatabase.client(), new ProjectRowMapperImpl());
    }

    @Override
    protected ClientRepository clients() {
        return new ClientPersistenceAdapter(TestDatabase.client(), new ClientRowMapperImpl(new ContactsJson()));
    }

    @Override
    protected AgencyId newAgency() {
        return TestDatabase.newAgency();
    }
}
