package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.InvalidInput;
import org.junit.jupiter.api.Test;

class AlertThresholdsTest {

    @Test
    void defaultsAreTheDesignsTable() {
        assertThat(AlertThresholds.defaults()).isEqualTo(new AlertThresholds(
                30, 50,   // capacity warn / critical %
                13, 26,   // cash shortfall critical / warn weeks
                90,       // time to first cash days
                50,       // exposure % of opening balance
                15, 30,   // overdue warn / critical days
                15,       // payment drift days
                15, 60,   // engagement drop points within days
                14));     // commitment slip window
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        // 0 % is out of range; critical weeks 30 ≥ warning weeks 26; critical overdue 15 ≤ overdue 15
        assertThatThrownBy(() -> new AlertThresholds(0, 50, 30, 26, 90, 50, 15, 15, 15, 15, 60, 14))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).errors())
                .asList()
                .extracting(e -> ((FieldError) e).field())
                .containsExactly("capacityWarningPercent", "cashCriticalWeeks", "overdueCriticalDays");
    }

    @Test
    void aCriticalCapacityNotAboveTheWarningIsRefused() {
        assertThatThrownBy(() -> new AlertThresholds(50, 50, 13, 26, 90, 50, 15, 30, 15, 15, 60, 14))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).containsExactly(new FieldError(
                        "capacityCriticalPercent", "must be above capacityWarningPercent (50)",
                        ErrorCode.OUT_OF_RANGE)));
    }

    @Test
    void edgesOfTheRangesAreAccepted() {
        // 1 and 100 %, 1 and 104 weeks, the 7-day window and the 90-day slip window are all allowed
        assertThat(new AlertThresholds(1, 100, 1, 104, 1, 1000, 1, 730, 1, 1, 7, 90).cashWarningWeeks())
                .isEqualTo(104);
    }
}
