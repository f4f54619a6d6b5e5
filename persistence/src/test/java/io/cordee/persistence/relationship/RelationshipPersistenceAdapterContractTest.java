package io.cordee.persistence.relationship;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import io.cordee.core.relationship.RelationshipRepository;
import io.cordee.core.relationship.RelationshipRepositoryContract;
import io.cordee.persistence.support.TestDatabase;
import io.cordee.persistence.support.TestRows;

/** The R2DBC adapter keeps the {@link RelationshipRepository} contract on the real PostgreSQL. */
class RelationshipPersistenceAdapterContractTest extends RelationshipRepositoryContract {

    @Override
    protected RelationshipRepository relationships() {
        return new RelationshipPersistenceAdapter(TestDatabase.client(),
                new RelationshipRowMapperImpl(new StrengthsJson()));
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
}
