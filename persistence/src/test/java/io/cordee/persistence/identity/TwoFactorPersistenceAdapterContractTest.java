package io.cordee.persistence.identity;

import io.cordee.core.identity.SessionRepository;
import io.cordee.core.identity.TwoFactorRepository;
import io.cordee.core.identity.TwoFactorRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link TwoFactorRepository} contract on the real PostgreSQL. */
class TwoFactorPersistenceAdapterContractTest extends TwoFactorRepositoryContract {

    TwoFactorPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected TwoFactorRepository twoFactor() {
        return new TwoFactorPersistenceAdapter(TestDatabase.client());
    }

    @Override
    protected SessionRepository sessions() {
        return new UserPersistenceAdapter(TestDatabase.client(), new UserRowMapperImpl());
    }
}
