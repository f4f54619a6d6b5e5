package io.cordee.persistence.identity;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.SessionRepository;
import io.cordee.core.identity.UserAndSessionRepositoryContract;
import io.cordee.core.identity.UserRepository;
import io.cordee.persistence.support.TestDatabase;
import io.cordee.persistence.support.TestRows;

/** The R2DBC adapter keeps the {@link UserRepository} and {@link SessionRepository} contract on PostgreSQL. */
class UserPersistenceAdapterContractTest extends UserAndSessionRepositoryContract {

    private final UserPersistenceAdapter adapter = new UserPersistenceAdapter(TestDatabase.client(),
            new UserRowMapperImpl());

    @Override
    protected UserRepository users() {
        return adapter;
    }

    @Override
    protected SessionRepository sessions() {
        return adapter;
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
