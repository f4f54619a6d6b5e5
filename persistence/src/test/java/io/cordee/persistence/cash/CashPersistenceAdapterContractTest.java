package io.cordee.persistence.cash;

import io.cordee.core.cash.CashRepository;
import io.cordee.core.cash.CashRepositoryContract;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link CashRepository} contract on the real PostgreSQL. */
class CashPersistenceAdapterContractTest extends CashRepositoryContract {

    CashPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected CashRepository cash() {
        return new CashPersistenceAdapter(TestDatabase.client(), new UuidV7IdGenerator());
    }
}
