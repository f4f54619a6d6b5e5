package io.cordee.persistence.schedule;

import io.cordee.core.schedule.BackgroundWorkRepository;
import io.cordee.core.schedule.BackgroundWorkRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link BackgroundWorkRepository} contract on the real PostgreSQL. */
class BackgroundWorkPersistenceAdapterContractTest extends BackgroundWorkRepositoryContract {

    BackgroundWorkPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected BackgroundWorkRepository work() {
        return new BackgroundWorkPersistenceAdapter(TestDatabase.client());
    }
}
