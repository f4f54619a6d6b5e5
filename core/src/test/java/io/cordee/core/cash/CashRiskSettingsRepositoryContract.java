package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.RoundStatus;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CashRiskSettingsRepository} promises its callers (ADR 0080), run against the R2DBC adapter. */
public abstract class CashRiskSettingsRepositoryContract extends PortContract {

    protected abstract CashRiskSettingsRepository settings();

    private CashRiskSettingsRepository settings;
    private AgencyId agency;
    private AgencyId otherAgency;

    protected CashRiskSettingsRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgencies() {
        settings = settings();
        agency = world().newAgency();
        otherAgency = world().newAgency();
    }

    @Test
    void emptyWhileTheDefaultsAreKeptThenSavedOnceAndVersioned() {
        assertThat(settings.find(agency).block()).isNull();
        CashRiskSettings careful = new CashRiskSettings(Map.of(RoundStatus.IN_DOUBT, 70, RoundStatus.FAILED, 100), 10,
                null);
        // the first save: version 0; a status not given is kept at 0 %
        CashRiskSettings saved = settings.save(agency, careful, null).block();
        assertThat(saved.version()).isZero();
        assertThat(saved.roundFailurePercent()).containsEntry(RoundStatus.IN_DOUBT, 70)
                .containsEntry(RoundStatus.SIGNED, 0);
        assertThat(settings.find(agency).block()).isEqualTo(saved);
        // a second "first save" finds the settings already there
        assertThat(settings.save(agency, CashRiskSettings.defaults(), null).block()).isNull();

        CashRiskSettings bolder = settings.save(agency, CashRiskSettings.defaults(), 0L).block();
        assertThat(bolder.version()).isEqualTo(1L);
        assertThat(bolder.cashRiskPercent()).isEqualTo(CashRiskSettings.DEFAULT_CASH_RISK_PERCENT);
        assertThat(settings.save(agency, careful, 0L).block()).isNull();
        assertThat(settings.find(agency).block()).isEqualTo(bolder);
    }

    @Test
    void anotherAgencyNeverSeesNorChangesTheSettings() {
        CashRiskSettings saved = settings.save(agency, CashRiskSettings.defaults(), null).block();
        assertThat(settings.find(otherAgency).block()).isNull();
        assertThat(settings.save(otherAgency, new CashRiskSettings(Map.of(), 99, null), 0L).block()).isNull();
        assertThat(settings.find(agency).block()).isEqualTo(saved);
        assertThat(settings.find(otherAgency).block()).isNull();
    }
}
