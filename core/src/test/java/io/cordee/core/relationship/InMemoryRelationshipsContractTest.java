package io.cordee.core.relationship;

import io.cordee.core.support.InMemoryWorld;

/** The in-memory twin {@code RelationshipServiceTest} uses keeps the {@link RelationshipRepository} contract. */
class InMemoryRelationshipsContractTest extends RelationshipRepositoryContract {

    InMemoryRelationshipsContractTest() {
        super(new InMemoryWorld());
    }

    @Override
    protected RelationshipRepository relationships() {
        return new InMemoryRelationships();
    }
}
