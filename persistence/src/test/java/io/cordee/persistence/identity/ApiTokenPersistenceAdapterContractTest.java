package io.cordee.persistence.identity;

import io.cordee.core.identity.ApiTokenRepository;
import io.cordee.core.identity.ApiTokenRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link ApiTokenRepository} contract on the real PostgreSQL. */
class ApiTokenPersistenceAdapterContractTest extends ApiTokenRepositoryContract {

    ApiTokenPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected ApiTokenRepository tokens() {
        return new ApiTokenPersistenceAdapter(TestDatabase.client(), new UserRowMapperImpl());
    }
}
