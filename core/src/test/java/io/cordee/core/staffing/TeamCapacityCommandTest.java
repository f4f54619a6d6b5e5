package io.cordee.core.staffing;

import static io.cordee.core.common.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The month of the teamCapacity query (ADR 79): read from YYYY-MM, refused in the words the query has always used. */
class TeamCapacityCommandTest {

    @Test
    void aMonthAsYearAndMonthIsValid() {
        assertThat(TeamCapacityCommand.of("2026-09").month()).isEqualTo(YearMonth.of(2026, 9));
        // the first and last month of a year
        assertThat(TeamCapacityCommand.of("2027-01").month()).isEqualTo(YearMonth.of(2027, 1));
        assertThat(TeamCapacityCommand.of("2027-12").month()).isEqualTo(YearMonth.of(2027, 12));
    }

    @Test
    void aMalformedOrMissingMonthIsRefusedOnMonth() {
        // month 0 and 13, a whole date, a month's name: none is YYYY-MM
        for (String malformed : new String[] {"2027-00", "2027-13", "2026-09-01", "September", " "}) {
            assertThat(refused(() -> TeamCapacityCommand.of(malformed), "month", ErrorCode.INVALID_FORMAT))
                    .as(malformed).isEqualTo("must be a month as YYYY-MM");
        }
        assertThat(refused(() -> TeamCapacityCommand.of(null), "month", ErrorCode.REQUIRED)).isEqualTo("is required");
        refused(() -> new TeamCapacityCommand(null), "month", ErrorCode.REQUIRED);
    }
}
