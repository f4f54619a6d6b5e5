package io.cordee.core.staffing;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The months of the capacity query (ADR 79): valid at its bounds, each broken field with its code. */
class CapacityCommandTest {

    private static final YearMonth MAY = YearMonth.of(2027, 5);

    @Test
    void oneToTwentyFourMonthsAreValid() {
        assertThat(new CapacityCommand(MAY, 1).last()).isEqualTo(MAY);
        // May 2027 + 23 months = April 2029
        assertThat(new CapacityCommand(MAY, 24).last()).isEqualTo(YearMonth.of(2029, 4));
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        assertThat(refused(() -> new CapacityCommand(MAY, 25), "months", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("must be between 1 and 24 (got 25)");
        refused(() -> new CapacityCommand(MAY, 0), "months", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CapacityCommand(null, 6), "from", ErrorCode.REQUIRED);
    }

    @Test
    void theQuerysTextIsReadAsYearAndMonth() {
        // "2027-05" and 24 months: May 2027 to April 2029
        assertThat(CapacityCommand.of("2027-05", 24)).isEqualTo(new CapacityCommand(MAY, 24));
        assertThat(CapacityCommand.firstMonth("2027-01", "2027-01")).isEqualTo(YearMonth.of(2027, 1));
    }

    @Test
    void aMalformedMonthIsToldAloneInTheWordsOfItsQuery() {
        // month 13, a day too many, a slash, no zero: none is YYYY-MM; the months (25) are not told beside it
        for (String malformed : new String[] {"2027-13", "2027-05-01", "2027/05", "2027-5", " 2027-05", ""}) {
            assertThat(refused(() -> CapacityCommand.of(malformed, 25), "from", ErrorCode.INVALID_FORMAT))
                    .as(malformed).isEqualTo("must be a month such as 2026-11");
        }
        // the pipeline's capacity has always shown its own example
        assertThat(refused(() -> CapacityCommand.firstMonth("May", "2027-01"), "from", ErrorCode.INVALID_FORMAT))
                .isEqualTo("must be a month such as 2027-01");
        assertThat(refused(() -> CapacityCommand.of(null, 6), "from", ErrorCode.REQUIRED)).isEqualTo("is required");
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new CapacityCommand(null, -1), "from REQUIRED", "months OUT_OF_RANGE");
    }
}
