package io.cordee.core.client;

import io.cordee.core.support.InMemoryClients;
import io.cordee.core.support.InMemoryWorld;

/** The in-memory twin core's service tests use keeps the {@link ClientRepository} contract. */
class InMemoryClientsContractTest extends ClientRepositoryContract {

    InMemoryClientsContractTest() {
        super(new InMemoryWorld());
    }

    @Override
    protected ClientRepository clients() {
        return new InMemoryClients();
    }
}
