package io.cordee.persistence.deal;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.deal.DealRepository;
import io.cordee.core.deal.DealRepositoryContract;
import io.cordee.persistence.billing.MilestonesJson;
import io.cordee.persistence.support.TestDatabase;
import io.cordee.persistence.support.TestRows;

/** The R2DBC adapter keeps the {@link DealRepository} contract on the real PostgreSQL. */
class DealPersistenceAdapterContractTest extends DealRepositoryContract {

    @Override
    protected DealRepository deals() {
        return new DealPersistenceAdapter(TestDatabase.client(), new MilestonesJson());
    }

    @Override
    protected AgencyId newAgency() {
        return TestDatabase.newAgency();
    }

    @Override
    protected ClientId newClient(AgencyId agency) {
        return TestRows.client(agency);
    }
}
