package io.cordee.persistence.idempotency;

import io.cordee.core.idempotency.IdempotencyRepository;
import io.cordee.core.idempotency.IdempotencyRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link IdempotencyRepository} contract on the real PostgreSQL. */
class IdempotencyPersistenceAdapterContractTest extends IdempotencyRepositoryContract {

    IdempotencyPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected IdempotencyRepository keys() {
        return new IdempotencyPersistenceAdapter(TestDatabase.client());
    }
}
