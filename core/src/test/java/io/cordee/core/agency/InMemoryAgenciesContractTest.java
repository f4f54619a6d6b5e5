package io.cordee.core.agency;

import io.cordee.core.support.InMemoryAgencies;

/** The in-memory twin {@code AgencyServiceTest} uses keeps the {@link AgencyRepository} contract. */
class InMemoryAgenciesContractTest extends AgencyRepositoryContract {

    @Override
    protected AgencyRepository agencies() {
        return new InMemoryAgencies();
    }
}
