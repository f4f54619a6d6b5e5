package io.cordee.core.project;

import io.cordee.core.support.InMemoryProjects;
import io.cordee.core.support.InMemoryWorld;

/** The in-memory twin {@code ProjectServiceTest} uses keeps the {@link ProjectRepository} contract. */
class InMemoryProjectsContractTest extends ProjectRepositoryContract {

    InMemoryProjectsContractTest() {
        super(new InMemoryWorld());
    }

    @Override
    protected ProjectRepository projects() {
        return new InMemoryProjects();
    }
}
