package io.cordee.core.project;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.support.InMemoryClients;
import java.util.UUID;

/** The in-memory twin {@code ProjectServiceTest} uses keeps the {@link ProjectRepository} contract. */
class InMemoryProjectsContractTest extends ProjectRepositoryContract {

    @Override
    protected ProjectRepository projects() {
        return new ProjectServiceTest.InMemoryProjects();
    }

    @Override
    protected ClientRepository clients() {
        return new InMemoryClients();
    }

    @Override
    protected AgencyId newAgency() {
        return new AgencyId(UUID.randomUUID());
    }
}
