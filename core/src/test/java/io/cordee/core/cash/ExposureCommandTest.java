package io.cordee.core.cash;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An exposure's question (ADR 79): 1 to 104 weeks, any as-of day, the weeks named when out of range. */
class ExposureCommandTest {

    @Test
    void oneTo104WeeksAreValid() {
        assertThat(new ExposureCommand(null, 1).weeks()).isEqualTo(1);
        assertThat(new ExposureCommand(LocalDate.of(2027, 5, 3), 104).asOf()).isEqualTo(LocalDate.of(2027, 5, 3));
    }

    @Test
    void theWeeksAreNamedWithTheirCode() {
        assertThat(refused(() -> new ExposureCommand(null, 105), "weeks", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("must be between 1 and 104 (got 105)");
        refusedAll(() -> new ExposureCommand(null, 0), "weeks OUT_OF_RANGE");
    }
}
