package io.cordee.persistence.cash;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.cash.CashRiskSettingsRepository;
import io.cordee.core.cash.CashRiskSettingsRepositoryContract;
import io.cordee.persistence.support.TestDatabase;

/** The R2DBC adapter keeps the {@link CashRiskSettingsRepository} contract on the real PostgreSQL. */
class CashRiskSettingsPersistenceAdapterContractTest extends CashRiskSettingsRepositoryContract {

    @Override
    protected CashRiskSettingsRepository settings() {
        return new CashRiskSettingsPersistenceAdapter(TestDatabase.client());
    }

    @Override
    protected AgencyId newAgency() {
        return TestDatabase.newAgency();
    }
}
