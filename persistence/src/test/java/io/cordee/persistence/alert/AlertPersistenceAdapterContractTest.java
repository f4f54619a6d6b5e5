package io.cordee.persistence.alert;

import io.cordee.core.alert.AlertRepository;
import io.cordee.core.alert.AlertRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link AlertRepository} contract on the real PostgreSQL. */
class AlertPersistenceAdapterContractTest extends AlertRepositoryContract {

    AlertPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected AlertRepository alerts() {
        return new AlertPersistenceAdapter(TestDatabase.client(), new EvidenceJson());
    }
}
