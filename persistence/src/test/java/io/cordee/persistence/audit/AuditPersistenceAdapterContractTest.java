package io.cordee.persistence.audit;

import io.cordee.core.audit.AuditRepository;
import io.cordee.core.audit.AuditRepositoryContract;
import io.cordee.core.client.ClientRepository;
import io.cordee.persistence.client.ClientPersistenceAdapter;
import io.cordee.persistence.client.ClientRowMapperImpl;
import io.cordee.persistence.client.ContactsJson;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link AuditRepository} contract on the real PostgreSQL, over V11's triggers. */
class AuditPersistenceAdapterContractTest extends AuditRepositoryContract {

    AuditPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected AuditRepository audit() {
        return new AuditPersistenceAdapter(TestDatabase.client());
    }

    @Override
    protected ClientRepository clients() {
        return new ClientPersistenceAdapter(TestDatabase.client(), new ClientRowMapperImpl(new ContactsJson()));
    }
}
