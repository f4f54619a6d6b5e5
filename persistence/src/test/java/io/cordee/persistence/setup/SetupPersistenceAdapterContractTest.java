package io.cordee.persistence.setup;

import io.cordee.core.setup.SetupRepository;
import io.cordee.core.setup.SetupRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link SetupRepository} contract on the real PostgreSQL. */
class SetupPersistenceAdapterContractTest extends SetupRepositoryContract {

    SetupPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected SetupRepository setup() {
        return new SetupPersistenceAdapter(TestDatabase.client());
    }
}
