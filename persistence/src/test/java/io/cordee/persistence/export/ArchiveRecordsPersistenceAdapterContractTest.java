package io.cordee.persistence.export;

import io.cordee.core.export.ArchiveRecordsRepository;
import io.cordee.core.export.ArchiveRecordsRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link ArchiveRecordsRepository} contract on the real PostgreSQL. */
class ArchiveRecordsPersistenceAdapterContractTest extends ArchiveRecordsRepositoryContract {

    ArchiveRecordsPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected ArchiveRecordsRepository records() {
        return new ArchiveRecordsPersistenceAdapter(TestDatabase.client());
    }
}
