package io.cordee.persistence.deal;

import io.cordee.core.deal.DealRepository;
import io.cordee.core.deal.DealRepositoryContract;
import io.cordee.persistence.billing.MilestonesJson;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link DealRepository} contract on the real PostgreSQL. */
class DealPersistenceAdapterContractTest extends DealRepositoryContract {

    DealPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected DealRepository deals() {
        return new DealPersistenceAdapter(TestDatabase.client(), new MilestonesJson());
    }
}
