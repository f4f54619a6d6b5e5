package io.cordee.persistence.staffing;

import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.AllocationRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link AllocationRepository} contract on the real PostgreSQL. */
class AllocationPersistenceAdapterContractTest extends AllocationRepositoryContract {

    AllocationPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected AllocationRepository allocations() {
        return new AllocationPersistenceAdapter(TestDatabase.client(), new AllocationRowMapperImpl());
    }
}
