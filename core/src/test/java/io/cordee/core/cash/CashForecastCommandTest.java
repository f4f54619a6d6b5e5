package io.cordee.core.cash;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cashForecast query's question (ADR 79): valid at its bounds, each broken field with its code. */
class CashForecastCommandTest {

    private static final Scenario CUSTOM = Scenario.custom(Map.of());

    @Test
    void oneTo104WeeksFromAnyDayOfTheBoundsAreValid() {
        assertThat(new CashForecastCommand(null, 1, Scenario.BASE, false).asOf()).isNull();
        new CashForecastCommand(LocalDate.of(2000, 1, 1), 104, Scenario.STRESS, true);
        new CashForecastCommand(LocalDate.of(2100, 12, 31), 26, Scenario.BASE, true);
        // a custom scenario is fine without the pipeline
        assertThat(new CashForecastCommand(null, 26, CUSTOM, false).scenario()).isSameAs(CUSTOM);
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        assertThat(refused(() -> new CashForecastCommand(null, 105, Scenario.BASE, false), "horizonWeeks",
                ErrorCode.OUT_OF_RANGE)).isEqualTo("must be between 1 and 104 (got 105)");
        refused(() -> new CashForecastCommand(null, 0, Scenario.BASE, false), "horizonWeeks", ErrorCode.OUT_OF_RANGE);
        assertThat(refused(() -> new CashForecastCommand(LocalDate.of(1999, 12, 31), 26, Scenario.BASE, false), "asOf",
                ErrorCode.OUT_OF_RANGE)).isEqualTo("must be between 2000-01-01 and 2100-12-31 (got 1999-12-31)");
        assertThat(refused(() -> new CashForecastCommand(null, 26, CUSTOM, true), "withPipeline",
                ErrorCode.OUT_OF_RANGE))
                .isEqualTo("the pipeline is weighed into the BASE and STRESS forecasts, not a custom scenario");
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new CashForecastCommand(LocalDate.of(2101, 1, 1), 0, CUSTOM, true),
                "horizonWeeks OUT_OF_RANGE", "asOf OUT_OF_RANGE", "withPipeline OUT_OF_RANGE");
    }
}
