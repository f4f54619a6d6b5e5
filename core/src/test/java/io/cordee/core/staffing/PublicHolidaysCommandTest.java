package io.cordee.core.staffing;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dates of the public holidays query (ADR 79): valid at its bounds, each broken field with its code. */
class PublicHolidaysCommandTest {

    private static final LocalDate MAY_1 = LocalDate.of(2027, 5, 1);

    @Test
    void oneDayOrAnyLongerWindowIsValid() {
        assertThat(new PublicHolidaysCommand(MAY_1, MAY_1).from()).isEqualTo(MAY_1);
        // no upper bound on the length: the calendar is short
        assertThat(new PublicHolidaysCommand(MAY_1, MAY_1.plusYears(10)).to()).isEqualTo(LocalDate.of(2037, 5, 1));
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        assertThat(refused(() -> new PublicHolidaysCommand(MAY_1, MAY_1.minusDays(1)), "to",
                ErrorCode.INVALID_DATE_ORDER)).isEqualTo("must not be before from (2027-05-01)");
        refused(() -> new PublicHolidaysCommand(null, MAY_1), "from", ErrorCode.REQUIRED);
        refused(() -> new PublicHolidaysCommand(MAY_1, null), "to", ErrorCode.REQUIRED);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new PublicHolidaysCommand(null, null), "from REQUIRED", "to REQUIRED");
    }
}
