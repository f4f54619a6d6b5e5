package io.cordee.persistence.alert;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.AlertRepository;
import io.cordee.core.alert.AlertRepositoryContract;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link AlertRepository} contract on the real PostgreSQL. */
class AlertPersistenceAdapterContractTest extends AlertRepositoryContract {

    @Override
    protected AlertRepository alerts() {
        return new AlertPersistenceAdapter(TestDatabase.client(), new EvidenceJson());
    }

    @Override
    protected AgencyId newAgency() {
        return TestDatabase.newAgency();
    }
}
