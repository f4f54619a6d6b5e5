package io.cordee.persistence.imports;

import io.cordee.core.imports.ImportMappingRepository;
import io.cordee.core.imports.ImportMappingRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link ImportMappingRepository} contract on the real PostgreSQL. */
class ImportMappingPersistenceAdapterContractTest extends ImportMappingRepositoryContract {

    ImportMappingPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected ImportMappingRepository mappings() {
        return new ImportMappingPersistenceAdapter(TestDatabase.client());
    }
}
