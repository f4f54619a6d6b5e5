package io.cordee.persistence.billing;

import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.BillingRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link BillingRepository} contract on the real PostgreSQL. */
class BillingPersistenceAdapterContractTest extends BillingRepositoryContract {

    BillingPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected BillingRepository billing() {
        return new BillingPersistenceAdapter(TestDatabase.client(), new BillingRowMapperImpl(), new MilestonesJson());
    }
}
