package io.cordee.persistence.cash;

import io.cordee.core.cash.CashRiskSettingsRepository;
import io.cordee.core.cash.CashRiskSettingsRepositoryContract;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link CashRiskSettingsRepository} contract on the real PostgreSQL. */
class CashRiskSettingsPersistenceAdapterContractTest extends CashRiskSettingsRepositoryContract {

    CashRiskSettingsPersistenceAdapterContractTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected CashRiskSettingsRepository settings() {
        return new CashRiskSettingsPersistenceAdapter(TestDatabase.client());
    }
}
