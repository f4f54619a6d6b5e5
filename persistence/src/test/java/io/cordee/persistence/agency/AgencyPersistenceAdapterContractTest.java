package io.cordee.persistence.agency;

import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.agency.AgencyRepositoryContract;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link AgencyRepository} contract on the real PostgreSQL. */
class AgencyPersistenceAdapterContractTest extends AgencyRepositoryContract {

    @Override
    protected AgencyRepository agencies() {
        return new AgencyPersistenceAdapter(TestDatabase.client(), new AgencyRowMapperImpl());
    }
}
