package io.cordee.core.identity;

import io.cordee.core.support.InMemoryWorld;

/** The in-memory users {@code PasswordServiceTest} uses keep the {@link UserRepository} and sessions contract. */
class InMemoryUsersContractTest extends UserAndSessionRepositoryContract {

    InMemoryUsersContractTest() {
        super(new InMemoryWorld());
    }

    @Override
    protected UserRepository users() {
        return world(InMemoryWorld.class).users();
    }

    @Override
    protected SessionRepository sessions() {
        return world(InMemoryWorld.class).users();
    }
}
