package io.cordee.persistence.identity;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.SessionRepository;
import io.cordee.core.identity.TwoFactorRepository;
import io.cordee.core.identity.TwoFactorRepositoryContract;
import io.cordee.core.identity.UserRepository;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link TwoFactorRepository} contract on the real PostgreSQL. */
class TwoFactorPersistenceAdapterContractTest extends TwoFactorRepositoryContract {

    private final UserPersistenceAdapter users = new UserPersistenceAdapter(TestDatabase.client(),
            new UserRowMapperImpl());

    @Override
    protected TwoFactorRepository twoFactor() {
        return new TwoFactorPersistenceAdapter(TestDatabase.client());
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected SessionRepository sessions() {
        return users;
    }

    @Override
    protected AgencyId newAgency() {
        return TestDatabase.newAgency();
    }
}
