package io.cordee.persistence.common;

import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.TransactionRunnerContract;
import io.cordee.persistence.client.ClientPersistenceAdapter;
import io.cordee.persistence.client.ClientRowMapperImpl;
import io.cordee.persistence.client.ContactsJson;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC transactions keep the {@link io.cordee.core.common.TransactionRunner} contract on the real PostgreSQL. */
class R2dbcTransactionRunnerContractTest extends TransactionRunnerContract {

    R2dbcTransactionRunnerContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected ClientRepository clients() {
        return new ClientPersistenceAdapter(TestDatabase.client(), new ClientRowMapperImpl(new ContactsJson()));
    }
}
