package io.cordee.persistence.client;

import io.cordee.core.client.ClientRepository;
import io.cordee.core.client.ClientRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link ClientRepository} contract on the real PostgreSQL. */
class ClientPersistenceAdapterContractTest extends ClientRepositoryContract {

    ClientPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected ClientRepository clients() {
        return new ClientPersistenceAdapter(TestDatabase.client(), new ClientRowMapperImpl(new ContactsJson()));
    }
}
