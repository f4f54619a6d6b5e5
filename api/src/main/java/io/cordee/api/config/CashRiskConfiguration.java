package io.cordee.api.config;

import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.cash.CashRiskService;
import io.cordee.core.cash.CashRiskSettingsRepository;
import io.cordee.core.cash.CashService;
import io.cordee.core.common.Computations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The probabilistic forecast's service (ADR 48), in a file of its own to keep CoreConfiguration's diff small. */
@Configuration(proxyBeanMethods = false)
class CashRiskConfiguration {

    @Bean
    CashRiskService cashRiskService(CashService cash, BillingRepository billing, AgencyRepository agencies,
                                    CashRiskSettingsRepository settings, Computations computations,
                                    io.cordee.core.deal.DealRepository deals) {
        // the open deals, each won with its probability in each path (ADR 55)
        return new CashRiskService(cash, billing, agencies, settings, computations,
                (agencyId, in, clientDelays, segmentDelays) -> deals.findOpen(agencyId).collectList()
                        .map(open -> io.cordee.core.deal.DealDraws.of(open, in, clientDelays, segmentDelays)));
    }
}
