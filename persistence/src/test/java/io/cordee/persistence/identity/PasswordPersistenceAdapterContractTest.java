package io.cordee.persistence.identity;

import io.cordee.core.identity.PasswordRepository;
import io.cordee.core.identity.PasswordRepositoryContract;
import io.cordee.core.identity.SessionRepository;
import io.cordee.core.identity.UserRepository;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link PasswordRepository} contract on the real PostgreSQL. */
class PasswordPersistenceAdapterContractTest extends PasswordRepositoryContract {

    private final UserPersistenceAdapter users = new UserPersistenceAdapter(TestDatabase.client(),
            new UserRowMapperImpl());

    PasswordPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected PasswordRepository passwords() {
        return new PasswordPersistenceAdapter(TestDatabase.client());
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
