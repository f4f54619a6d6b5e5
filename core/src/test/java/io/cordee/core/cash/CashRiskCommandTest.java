package io.cordee.core.cash;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The cashRisk query's question (ADR 79): valid at its bounds, the defaults, each broken field with its code. */
class CashRiskCommandTest {

    @Test
    void theDefaultsAre2000PathsAndTheFixedSeed() {
        CashRiskCommand c = CashRiskCommand.of(null, 26, null, null);
        assertThat(c.paths()).isEqualTo(2_000);
        assertThat(c.seed()).isEqualTo(20_261_203L);
        assertThat(CashRiskCommand.of(null, 26, 500, 7L).seed()).isEqualTo(7L);
    }

    @Test
    void oneTo104WeeksAndOneTo10000PathsAreValid() {
        new CashRiskCommand(LocalDate.of(2000, 1, 1), 1, 1, 0);
        assertThat(new CashRiskCommand(LocalDate.of(2100, 12, 31), 104, 10_000, -1).paths()).isEqualTo(10_000);
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        assertThat(refused(() -> CashRiskCommand.of(null, 105, null, null), "horizonWeeks", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("must be between 1 and 104 (got 105)");
        refused(() -> CashRiskCommand.of(null, 0, null, null), "horizonWeeks", ErrorCode.OUT_OF_RANGE);
        assertThat(refused(() -> CashRiskCommand.of(null, 26, 10_001, null), "paths", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("must be between 1 and 10000 (got 10001)");
        refused(() -> CashRiskCommand.of(null, 26, 0, null), "paths", ErrorCode.OUT_OF_RANGE);
        refused(() -> CashRiskCommand.of(LocalDate.of(2101, 1, 1), 26, null, null), "asOf", ErrorCode.OUT_OF_RANGE);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> CashRiskCommand.of(LocalDate.of(1999, 12, 31), 0, 0, null),
                "horizonWeeks OUT_OF_RANGE", "paths OUT_OF_RANGE", "asOf OUT_OF_RANGE");
    }
}
