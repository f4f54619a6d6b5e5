package io.cordee.persistence.search;

import io.cordee.core.search.SearchRepository;
import io.cordee.core.search.SearchRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link SearchRepository} contract on the real PostgreSQL. */
class SearchPersistenceAdapterContractTest extends SearchRepositoryContract {

    SearchPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected SearchRepository search() {
        return new SearchPersistenceAdapter(TestDatabase.client());
    }
}
