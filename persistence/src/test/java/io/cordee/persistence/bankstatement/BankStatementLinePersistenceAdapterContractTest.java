package io.cordee.persistence.bankstatement;

import io.cordee.core.bankstatement.BankStatementLineRepository;
import io.cordee.core.bankstatement.BankStatementLineRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link BankStatementLineRepository} contract on the real PostgreSQL. */
class BankStatementLinePersistenceAdapterContractTest extends BankStatementLineRepositoryContract {

    BankStatementLinePersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected BankStatementLineRepository lines() {
        return new BankStatementLinePersistenceAdapter(TestDatabase.client());
    }
}
