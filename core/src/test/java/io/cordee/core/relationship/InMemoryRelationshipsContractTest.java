package io.cordee.core.relationship;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import java.util.UUID;

/** The in-memory twin {@code RelationshipServiceTest} uses keeps the {@link RelationshipRepository} contract. */
class InMemoryRelationshipsContractTest extends RelationshipRepositoryContract {

    @Override
    protected RelationshipRepository relationships() {
        return new InMemoryRelationships();
    }

    @Override
    protected AgencyId newAgency() {
        return new AgencyId(UUID.randomUUID());
    }

    @Override
    protected ClientId newClient(AgencyId agency) {
        return new ClientId(UUID.randomUUID());
    }

    @Override
    protected ProjectId newProject(AgencyId agency, ClientId client) {
        return new ProjectId(UUID.randomUUID());
    }
}
