package io.cordee.core.identity;

import io.cordee.core.support.InMemoryWorld;

/** The in-memory users {@code PasswordServiceTest} uses keep the {@link PasswordRepository} contract. */
class InMemoryPasswordsContractTest extends PasswordRepositoryContract {

    InMemoryPasswordsContractTest() {
        super(new InMemoryWorld());
    }

    /** The world's users: they name the world's agencies, as the adapter reads the agency table. */
    @Override
    protected PasswordRepository passwords() {
        return world(InMemoryWorld.class).users();
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
