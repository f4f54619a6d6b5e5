package io.cordee.persistence.brief;

import io.cordee.core.brief.BriefRepository;
import io.cordee.core.brief.BriefRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link BriefRepository} contract on the real PostgreSQL. */
class BriefPersistenceAdapterContractTest extends BriefRepositoryContract {

    BriefPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected BriefRepository briefs() {
        return new BriefPersistenceAdapter(TestDatabase.client(), new BriefRowMapperImpl());
    }
}
