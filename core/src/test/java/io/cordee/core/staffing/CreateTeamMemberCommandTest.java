package io.cordee.core.staffing;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A team member's fields (ADR 79): each valid case at its bounds, each broken field with its code. */
class CreateTeamMemberCommandTest {

    private static final Money COST = Money.of(500_000, "EUR");
    private static final Money RATE = Money.of(60_000, "EUR");
    private static final LocalDate SEP_7 = LocalDate.of(2026, 9, 7);

    @Test
    void aValidMemberIsStrippedAndWorksFullTimeUnlessTold() {
        CreateTeamMemberCommand c = new CreateTeamMemberCommand("  Ada ", " Designer ", List.of("UX"), null, COST,
                RATE, null, null);
        assertThat(c.name()).isEqualTo("Ada");
        assertThat(c.jobTitle()).isEqualTo("Designer");
        assertThat(c.fte()).isEqualByComparingTo("1");
        // the bounds are inclusive: 0.01 and 1.5 FTE, 0 and 10^9 minor units, 30 skills of 60 characters, one day
        new CreateTeamMemberCommand("x", null, Collections.nCopies(30, "s".repeat(60)), new BigDecimal("0.01"),
                Money.of(0, "EUR"), Money.of(1_000_000_000L, "EUR"), SEP_7, SEP_7);
        new CreateTeamMemberCommand("x", null, null, new BigDecimal("1.5"), COST, RATE, null, null);
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        // 30 June before 1 July: the case TeamDatesAndAbsencesTest sends
        refused(() -> new CreateTeamMemberCommand("Backwards", null, null, null, COST, RATE,
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 30)), "endDate", ErrorCode.INVALID_DATE_ORDER);
        refused(() -> new CreateTeamMemberCommand(" ", null, null, null, COST, RATE, null, null), "name",
                ErrorCode.REQUIRED);
        refused(() -> new CreateTeamMemberCommand("x", "j".repeat(201), null, null, COST, RATE, null, null),
                "jobTitle", ErrorCode.TOO_LONG);
        // 1.51 is above 1.5; 0.005 has three decimals; 0 works no day
        assertThat(refused(() -> new CreateTeamMemberCommand("x", null, null, new BigDecimal("1.51"), COST, RATE,
                null, null), "fte", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("must be more than 0 and at most 1.5, with at most two decimals (got 1.51)");
        refused(() -> new CreateTeamMemberCommand("x", null, null, new BigDecimal("0.005"), COST, RATE, null,
                null), "fte", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateTeamMemberCommand("x", null, null, BigDecimal.ZERO, COST, RATE, null, null), "fte",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateTeamMemberCommand("x", null, null, null, Money.of(-1, "EUR"), RATE, null, null),
                "monthlyLoadedCost", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateTeamMemberCommand("x", null, null, null, COST, Money.of(1_000_000_001L, "EUR"),
                null, null), "dailyBillRate", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateTeamMemberCommand("x", null, Collections.nCopies(31, "UX"), null, COST, RATE, null,
                null), "skills", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateTeamMemberCommand("x", null, List.of("UX", "s".repeat(61)), null, COST, RATE, null,
                null), "skills[1]", ErrorCode.TOO_LONG);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new CreateTeamMemberCommand(null, null, null, new BigDecimal("2"), null, null, null,
                null), "name REQUIRED", "fte OUT_OF_RANGE", "monthlyLoadedCost REQUIRED", "dailyBillRate REQUIRED");
    }
}
