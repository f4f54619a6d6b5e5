package io.cordee.persistence.identity;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.ApiTokenRepository;
import io.cordee.core.identity.ApiTokenRepositoryContract;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.persistence.support.TestDatabase;
import io.cordee.persistence.support.TestRows;

/** The R2DBC adapter keeps the {@link ApiTokenRepository} contract on the real PostgreSQL. */
class ApiTokenPersistenceAdapterContractTest extends ApiTokenRepositoryContract {

    @Override
    protected ApiTokenRepository tokens() {
        return new ApiTokenPersistenceAdapter(TestDatabase.client(), new UserRowMapperImpl());
    }

    @Override
    protected AgencyId newAgency() {
        return TestDatabase.newAgency();
    }

    @Override
    protected User newUser(AgencyId agency, Role role) {
        return TestRows.user(agency, role);
    }
}
