package io.cordee.core.staffing;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dates of the over-allocation query (ADR 79): valid at its bounds, each broken field with its code. */
class OverAllocationsCommandTest {

    private static final LocalDate MAY_3 = LocalDate.of(2027, 5, 3);

    @Test
    void oneDayUpToTwoYearsOf366DaysAreValid() {
        assertThat(new OverAllocationsCommand(MAY_3, MAY_3).to()).isEqualTo(MAY_3);
        // 2 × 366 = 732 days after 2027-05-03 is 2029-05-04 (2028 is a leap year: 366 + 365 = 731 to 2029-05-03)
        assertThat(new OverAllocationsCommand(MAY_3, MAY_3.plusDays(732)).to()).isEqualTo(LocalDate.of(2029, 5, 4));
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        assertThat(refused(() -> new OverAllocationsCommand(MAY_3, MAY_3.plusDays(733)), "to", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("at most two years after from");
        assertThat(refused(() -> new OverAllocationsCommand(MAY_3, MAY_3.minusDays(1)), "to",
                ErrorCode.INVALID_DATE_ORDER)).isEqualTo("must not be before from (2027-05-03)");
        refused(() -> new OverAllocationsCommand(null, MAY_3), "from", ErrorCode.REQUIRED);
        refused(() -> new OverAllocationsCommand(MAY_3, null), "to", ErrorCode.REQUIRED);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new OverAllocationsCommand(null, null), "from REQUIRED", "to REQUIRED");
    }
}
