package io.cordee.persistence.relationship;

import io.cordee.core.relationship.RelationshipRepository;
import io.cordee.core.relationship.RelationshipRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link RelationshipRepository} contract on the real PostgreSQL. */
class RelationshipPersistenceAdapterContractTest extends RelationshipRepositoryContract {

    RelationshipPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected RelationshipRepository relationships() {
        return new RelationshipPersistenceAdapter(TestDatabase.client(),
                new RelationshipRowMapperImpl(new StrengthsJson()));
    }
}
