package io.cordee.persistence.people;

import io.cordee.core.identity.UserRepository;
import io.cordee.core.people.PeopleRepository;
import io.cordee.core.people.PeopleRepositoryContract;
import io.cordee.persistence.identity.UserPersistenceAdapter;
import io.cordee.persistence.identity.UserRowMapperImpl;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link PeopleRepository} contract on the real PostgreSQL. */
class PeoplePersistenceAdapterContractTest extends PeopleRepositoryContract {

    PeoplePersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected PeopleRepository people() {
        return new PeoplePersistenceAdapter(TestDatabase.client());
    }

    @Override
    protected UserRepository users() {
        return new UserPersistenceAdapter(TestDatabase.client(), new UserRowMapperImpl());
    }
}
