package io.cordee.persistence.digest;

import io.cordee.core.digest.DigestRepository;
import io.cordee.core.digest.DigestRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link DigestRepository} contract on the real PostgreSQL. */
class DigestPersistenceAdapterContractTest extends DigestRepositoryContract {

    DigestPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected DigestRepository digest() {
        return new DigestPersistenceAdapter(TestDatabase.client());
    }
}
