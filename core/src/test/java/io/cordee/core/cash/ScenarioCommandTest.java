package io.cordee.core.cash;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.cash.ScenarioCommand.Adjustment;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scenario a forecast is asked under (ADR 79): the bounds of each adjustment, and the scenario it means. */
class ScenarioCommandTest {

    private static final ClientId X = new ClientId(new UUID(0, 1));
    private static final ClientId Y = new ClientId(new UUID(0, 2));

    @Test
    void noAdjustmentIsTheBaseAndStressIgnoresThem() {
        assertThat(new ScenarioCommand(null, null).scenario()).isEqualTo(Scenario.BASE);
        assertThat(new ScenarioCommand(Scenario.Kind.BASE, List.of()).scenario()).isEqualTo(Scenario.BASE);
        // a stress scenario never used adjustments: even out-of-range ones (500 days) are dropped, not refused
        ScenarioCommand stress = new ScenarioCommand(Scenario.Kind.STRESS, List.of(delay(X, 500)));
        assertThat(stress.adjustments()).isEmpty();
        assertThat(stress.scenario()).isEqualTo(Scenario.STRESS);
        // CUSTOM without adjustments is a custom scenario that changes nothing
        assertThat(new ScenarioCommand(Scenario.Kind.CUSTOM, null).scenario().kind()).isEqualTo(Scenario.Kind.CUSTOM);
    }

    @Test
    void adjustmentsMakeACustomScenarioInTheOrderGiven() {
        LocalDate defaultFrom = LocalDate.of(2026, 12, 1);
        Scenario s = new ScenarioCommand(Scenario.Kind.BASE, List.of(
                new Adjustment(Y, 20, defaultFrom, 45, 40, true), delay(X, null))).scenario();
        // a base scenario with adjustments is custom; a null delay is 0 days, null terms and deposit change nothing
        assertThat(s.kind()).isEqualTo(Scenario.Kind.CUSTOM);
        assertThat(s.adjustments().keySet()).containsExactly(Y, X);
        assertThat(s.adjustments().get(Y)).isEqualTo(new Scenario.ClientAdjustment(20, defaultFrom, 45, 40, true));
        assertThat(s.adjustments().get(X)).isEqualTo(new Scenario.ClientAdjustment(0, null, null, null, false));
        // the bounds are inclusive: −365 and 365 days of delay, terms of 0 and 365 days, a deposit of 0 and 100 %
        new ScenarioCommand(Scenario.Kind.CUSTOM, List.of(new Adjustment(X, -365, null, 0, 0, false),
                new Adjustment(Y, 365, null, 365, 100, false)));
    }

    @Test
    void eachBrokenFieldIsNamedByItsPosition() {
        assertThat(refused(() -> new ScenarioCommand(Scenario.Kind.CUSTOM, List.of(delay(X, 366))),
                "scenario.adjustments[0].extraDelayDays", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("must be between -365 and 365 (got 366)");
        refused(() -> new ScenarioCommand(Scenario.Kind.CUSTOM, List.of(delay(X, 1), delay(Y, -366))),
                "scenario.adjustments[1].extraDelayDays", ErrorCode.OUT_OF_RANGE);
        refused(() -> new ScenarioCommand(null, List.of(new Adjustment(X, 0, null, -1, null, false))),
                "scenario.adjustments[0].paymentTermsDays", ErrorCode.OUT_OF_RANGE);
        refused(() -> new ScenarioCommand(null, List.of(new Adjustment(X, 0, null, null, 101, false))),
                "scenario.adjustments[0].depositPercent", ErrorCode.OUT_OF_RANGE);
        refused(() -> new ScenarioCommand(null, List.of(delay(null, 10))), "scenario.adjustments[0].clientId",
                ErrorCode.REQUIRED);
    }

    @Test
    void everyBrokenFieldOfEveryAdjustmentIsReportedAtOnce() {
        refusedAll(() -> new ScenarioCommand(Scenario.Kind.CUSTOM, List.of(
                        new Adjustment(X, 400, null, 366, null, false), new Adjustment(Y, 0, null, null, -5, true))),
                "scenario.adjustments[0].extraDelayDays OUT_OF_RANGE",
                "scenario.adjustments[0].paymentTermsDays OUT_OF_RANGE",
                "scenario.adjustments[1].depositPercent OUT_OF_RANGE");
    }

    private static Adjustment delay(ClientId client, Integer days) {
        return new Adjustment(client, days, null, null, null, false);
    }
}
