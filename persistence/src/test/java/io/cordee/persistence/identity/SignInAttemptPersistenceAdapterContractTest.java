package io.cordee.persistence.identity;

import io.cordee.core.identity.SignInAttemptRepository;
import io.cordee.core.identity.SignInAttemptRepositoryContract;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link SignInAttemptRepository} contract on the real PostgreSQL. */
class SignInAttemptPersistenceAdapterContractTest extends SignInAttemptRepositoryContract {

    @Override
    protected SignInAttemptRepository attempts() {
        return new SignInAttemptPersistenceAdapter(TestDatabase.client());
    }
}
