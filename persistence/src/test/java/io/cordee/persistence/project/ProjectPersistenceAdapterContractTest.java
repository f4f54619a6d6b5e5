package io.cordee.persistence.project;

import io.cordee.core.project.ProjectRepository;
import io.cordee.core.project.ProjectRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link ProjectRepository} contract on the real PostgreSQL. */
class ProjectPersistenceAdapterContractTest extends ProjectRepositoryContract {

    ProjectPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected ProjectRepository projects() {
        return new ProjectPersistenceAdapter(TestDatabase.client(), new ProjectRowMapperImpl());
    }
}
