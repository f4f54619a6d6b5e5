package io.cordee.core.cash;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.Validator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario a forecast is read under, as a caller asks for it (the {@code scenario} argument of
 * {@code cashForecast} and {@code cashRisk}). Valid on its own (ADR 79): each adjustment names its client, adds
 * −365 … 365 days to the client's delay, and gives payment terms of 0 … 365 days and a deposit of 0 … 100 %;
 * every broken field is named {@code scenario.adjustments[i].field}, all at once. A {@code STRESS} scenario keeps
 * no adjustment (it never used them). What needs the agency's data is checked when the forecast runs
 * ({@link ScenarioCheck}): the client is the agency's, monthly billing has an end.
 */
public record ScenarioCommand(Scenario.Kind kind, List<Adjustment> adjustments) {

    /** One client's adjustment as asked; null numbers are "no change" (see {@link Scenario.ClientAdjustment}). */
    public record Adjustment(ClientId clientId, Integer extraDelayDays, LocalDate defaultFrom, Integer paymentTermsDays,
                             Integer depositPercent, boolean monthlyInArrears) {
    }

    public ScenarioCommand {
        adjustments = kind == Scenario.Kind.STRESS || adjustments == null ? List.of() : List.copyOf(adjustments);
        Validator v = new Validator();
        for (int i = 0; i < adjustments.size(); i++) {
            Adjustment a = adjustments.get(i);
            String field = "scenario.adjustments[" + i + "]";
            v.required(field + ".clientId", a.clientId())
                    .range(field + ".extraDelayDays", orZero(a.extraDelayDays()), -365, 365)
                    .range(field + ".paymentTermsDays", orZero(a.paymentTermsDays()), 0, 365)
                    .range(field + ".depositPercent", orZero(a.depositPercent()), 0, 100);
        }
        v.throwIfInvalid();
    }

    /**
     * The scenario asked for: {@code STRESS}; custom when {@code CUSTOM} or when a base scenario comes with
     * adjustments (in the order given, so an error of the forecast can name the adjustment's position); else
     * {@code BASE}.
     */
    public Scenario scenario() {
        if (kind == Scenario.Kind.STRESS) {
            return Scenario.STRESS;
        }
        if (kind != Scenario.Kind.CUSTOM && adjustments.isEmpty()) {
            return Scenario.BASE;
        }
        Map<ClientId, Scenario.ClientAdjustment> byClient = new LinkedHashMap<>();
        for (Adjustment a : adjustments) {
            byClient.put(a.clientId(), new Scenario.ClientAdjustment(orZero(a.extraDelayDays()), a.defaultFrom(),
                    a.paymentTermsDays(), a.depositPercent(), a.monthlyInArrears()));
        }
        return Scenario.custom(byClient);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
