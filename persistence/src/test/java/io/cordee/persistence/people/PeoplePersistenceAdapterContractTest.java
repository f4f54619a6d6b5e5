package io.cordee.persistence.people;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.UserRepository;
import io.cordee.core.people.PeopleRepository;
import io.cordee.core.people.PeopleRepositoryContract;
import io.cordee.persistence.identity.UserPersistenceAdapter;
import io.cordee.persistence.identity.UserRowMapperImpl;
import io.cordee.persistence.support.TestDatabase;
import io.cordee.persistence.support.TestRows;

/** The R2DBC adapter keeps the {@link PeopleRepository} contract on the real PostgreSQL. */
class PeoplePersistenceAdapterContractTest extends PeopleRepositoryContract {

    @Override
    protected PeopleRepository people() {
        return new PeoplePersistenceAdapter(TestDatabase.client());
    }

    @Override
    protected UserRepository users() {
        return new UserPersistenceAdapter(TestDatabase.client(), new UserRowMapperImpl());
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
