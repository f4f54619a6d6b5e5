package io.cordee.api.graphql.cash;

import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.cash.CashRisk;
import io.cordee.core.cash.CashRiskCommand;
import io.cordee.core.cash.CashRiskService;
import io.cordee.core.cash.CashRiskSettings;
import io.cordee.core.cash.Scenario;
import io.cordee.core.client.RoundStatus;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The probabilistic forecast and its settings (ADR 48). */
@Controller
public class CashRiskController {

    public record RoundFailure(RoundStatus status, int percent) {
    }

    public record RoundFailureInput(RoundStatus status, Integer percent) {
    }

    public record UpdateCashRiskSettingsInput(Long version, List<RoundFailureInput> roundFailurePercent,
                                              Integer cashRiskPercent) {
    }

    public record CashRiskSettingsPayload(CashRiskSettings cashRiskSettings, List<UserError> userErrors) {
    }

    private final CashRiskService risk;

    public CashRiskController(CashRiskService risk) {
        this.risk = risk;
    }

    @QueryMapping
    public Mono<CashRisk> cashRisk(@Argument LocalDate asOf, @Argument Integer horizonWeeks, @Argument Integer paths,
                                   @Argument Long seed, @Argument CashController.ScenarioInput scenario) {
        return Callers.current().flatMap(caller -> {
            Scenario s = CashController.scenario(scenario);
            return risk.risk(caller, CashRiskCommand.of(asOf, horizonWeeks == null ? 26 : horizonWeeks, paths, seed),
                    s);
        });
    }

    @SchemaMapping(typeName = "CashRiskWeek", field = "weekStart")
    public LocalDate weekStart(CashRisk.Week week) {
        return week.monday();
    }

    @QueryMapping
    public Mono<CashRiskSettings> cashRiskSettings() {
        return Callers.current().flatMap(risk::settings);
    }

    @SchemaMapping(typeName = "CashRiskSettings", field = "roundFailurePercent")
    public List<RoundFailure> roundFailurePercent(CashRiskSettings settings) {
        return settings.roundFailurePercent().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new RoundFailure(e.getKey(), e.getValue())).toList();
    }

    @MutationMapping
    public Mono<CashRiskSettingsPayload> updateCashRiskSettings(@Argument UpdateCashRiskSettingsInput input) {
        EnumMap<RoundStatus, Integer> failure = new EnumMap<>(RoundStatus.class);
        if (input.roundFailurePercent() != null) {
            input.roundFailurePercent().forEach(f -> failure.put(f.status(), f.percent() == null ? 0 : f.percent()));
        }
        return Mutations.asCaller(caller -> risk.updateSettings(caller, input.version(),
                        failure, input.cashRiskPercent()),
                CashRiskSettingsPayload::new);
    }
}
