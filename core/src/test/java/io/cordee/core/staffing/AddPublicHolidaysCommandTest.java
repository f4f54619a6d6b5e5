package io.cordee.core.staffing;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Public holidays added to the calendar (ADR 79): each valid case at its bounds, each broken field with its code. */
class AddPublicHolidaysCommandTest {

    private static final LocalDate JULY_14 = LocalDate.of(2027, 7, 14);
    private static final LocalDate MAY_1 = LocalDate.of(2027, 5, 1);

    @Test
    void theDaysAreKeptInOrderOnceAndTheLabelStripped() {
        AddPublicHolidaysCommand c = new AddPublicHolidaysCommand(List.of(JULY_14, MAY_1, JULY_14), " Jour férié ");
        assertThat(c.days()).containsExactly(MAY_1, JULY_14);
        assertThat(c.label()).isEqualTo("Jour férié");
        // the bounds: one day on 2000-01-01, 400 days up to 2100-12-31, a label of 200 characters
        new AddPublicHolidaysCommand(List.of(LocalDate.of(2000, 1, 1)), "l".repeat(200));
        List<LocalDate> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(LocalDate.of(2100, 12, 31).minusDays(i));
        }
        assertThat(new AddPublicHolidaysCommand(many, "Fermeture").days()).hasSize(400);
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new AddPublicHolidaysCommand(List.of(MAY_1), " "), "label", ErrorCode.REQUIRED);
        refused(() -> new AddPublicHolidaysCommand(List.of(MAY_1), "l".repeat(201)), "label", ErrorCode.TOO_LONG);
        assertThat(refused(() -> new AddPublicHolidaysCommand(List.of(), "Férié"), "days", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("give 1 to 400 days");
        List<LocalDate> tooMany = new ArrayList<>();
        for (int i = 0; i < 401; i++) {
            tooMany.add(MAY_1.plusDays(i));
        }
        refused(() -> new AddPublicHolidaysCommand(tooMany, "Férié"), "days", ErrorCode.OUT_OF_RANGE);
        refused(() -> new AddPublicHolidaysCommand(List.of(MAY_1, LocalDate.of(2101, 1, 1)), "Férié"), "days[1]",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> new AddPublicHolidaysCommand(Arrays.asList(MAY_1, null), "Férié"), "days[1]",
                ErrorCode.REQUIRED);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new AddPublicHolidaysCommand(null, null), "label REQUIRED", "days OUT_OF_RANGE");
    }
}
