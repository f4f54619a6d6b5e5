package io.cordee.core.cash;

import io.cordee.core.agency.AgencyId;
import reactor.core.publisher.Mono;

/** An agency's settings of the probabilistic forecast; empty while it keeps the defaults. */
public interface CashRiskSettingsRepository {

    Mono<CashRiskSettings> find(AgencyId agencyId);

    /**
     * Saves the settings if the stored version is still {@code expectedVersion} (null: none saved yet);
     * empty when it is not (someone else changed them).
     */
    Mono<CashRiskSettings> save(AgencyId agencyId, CashRiskSettings settings, Long expectedVersion);
}
