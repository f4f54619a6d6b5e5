package io.cordee.persistence.identity;

import io.cordee.core.identity.SessionRepository;
import io.cordee.core.identity.UserAndSessionRepositoryContract;
import io.cordee.core.identity.UserRepository;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link UserRepository} and {@link SessionRepository} contract on the real PostgreSQL. */
class UserPersistenceAdapterContractTest extends UserAndSessionRepositoryContract {

    private final UserPersistenceAdapter users = new UserPersistenceAdapter(TestDatabase.client(),
            new UserRowMapperImpl());

    UserPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected SessionRepository sessions() {
        return users;
    }
}
