package io.cordee.api.graphql.proposal;

import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.proposal.ProposalController.ProposalOptionEffect;
import io.cordee.core.cash.CashRisk;
import io.cordee.core.cash.CashRiskService;
import io.cordee.core.cash.Scenario;
import io.cordee.core.client.ClientId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each option of a computed renegotiation proposal with its effect on the probability of going under the safety
 * threshold within 13 weeks (ADR 55): one Monte Carlo run per option plus one without, all at the same seed,
 * over facts read once per proposal.
 */
@Controller
public class ProposalRiskController {

    /** A proposal's options are weighed over the weeks CASH_RISK reads. */
    static final int WEEKS = CashRiskService.ALERT_WEEKS;

    public record ProposalCashRisk(double probabilityUnder13Weeks, double baseProbabilityUnder13Weeks, double change,
                                   int paths, long seed) {
    }

    private final CashRiskService risks;

    public ProposalRiskController(CashRiskService risks) {
        this.risks = risks;
    }

    @BatchMapping(typeName = "ProposalOptionEffect")
    public Mono<Map<ProposalOptionEffect, ProposalCashRisk>> cashRiskAfter(List<ProposalOptionEffect> options) {
        // one run per proposal (client and date): in practice a request computes one proposal
        Map<Map.Entry<ClientId, LocalDate>, List<ProposalOptionEffect>> byProposal = new LinkedHashMap<>();
        for (ProposalOptionEffect option : options) {
            if (option.clientId() != null && option.previewAsOf() != null) {
                byProposal.computeIfAbsent(Map.entry(option.clientId(), option.previewAsOf()),
                        k -> new ArrayList<>()).add(option);
            }
        }
        return Callers.current().flatMap(caller -> Flux.fromIterable(byProposal.entrySet())
                .concatMap(proposal -> {
                    List<Scenario> scenarios = new ArrayList<>();
                    scenarios.add(Scenario.BASE);
                    for (ProposalOptionEffect option : proposal.getValue()) {
                        scenarios.add(Scenario.custom(Map.of(proposal.getKey().getKey(), option.option().adjustment())));
                    }
                    return risks.risks(caller, proposal.getKey().getValue(), WEEKS, null, scenarios)
                            .map(results -> {
                                Map<ProposalOptionEffect, ProposalCashRisk> map = new HashMap<>();
                                CashRisk base = results.get(0);
                                for (int i = 0; i < proposal.getValue().size(); i++) {
                                    CashRisk after = results.get(i + 1);
                                    map.put(proposal.getValue().get(i), new ProposalCashRisk(
                                            after.probabilityUnderWithin13Weeks(),
                                            base.probabilityUnderWithin13Weeks(),
                                            // counted in paths, so that 0.3 − 0.5 is −0.2, not −0.19999…
                                            (double) (Math.round(after.probabilityUnderWithin13Weeks() * after.paths())
                                                    - Math.round(base.probabilityUnderWithin13Weeks() * base.paths()))
                                                    / after.paths(),
                                            after.paths(), after.seed()));
                                }
                                return map;
                            });
                })
                .collectList()
                .map(maps -> {
                    Map<ProposalOptionEffect, ProposalCashRisk> all = new HashMap<>();
                    maps.forEach(all::putAll);
                    return all;
                }));
    }
}
