package io.cordee.core.alert;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Acknowledging and snoozing an alert (ADR 79): each valid case at its bounds, each broken field with its code. */
class AlertCommandsTest {

    private static final AlertId ALERT = new AlertId(new UUID(0, 9));

    @Test
    void anAcknowledgementKeepsItsStrippedComment() {
        assertThat(new AcknowledgeAlertCommand(ALERT, 2, "  Seen, calling them ").comment())
                .isEqualTo("Seen, calling them");
        assertThat(new AcknowledgeAlertCommand(ALERT, 0, "   ").comment()).isNull();
        assertThat(new AcknowledgeAlertCommand(ALERT, 0, null).comment()).isNull();
        // 1,000 characters: the bound
        new AcknowledgeAlertCommand(ALERT, 0, "c".repeat(1_000));
        assertThat(refused(() -> new AcknowledgeAlertCommand(ALERT, 0, "c".repeat(1_001)), "comment",
                ErrorCode.TOO_LONG)).isEqualTo("must be at most 1000 characters (got 1001)");
        refused(() -> new AcknowledgeAlertCommand(null, 0, null), "id", ErrorCode.REQUIRED);
    }

    @Test
    void aSnoozeNeedsADateWithinTheBounds() {
        // the bounds of ADR 38, inclusive; "after today" is the service's
        new SnoozeAlertCommand(ALERT, 0, LocalDate.of(2000, 1, 1));
        assertThat(new SnoozeAlertCommand(ALERT, 1, LocalDate.of(2100, 12, 31)).until())
                .isEqualTo(LocalDate.of(2100, 12, 31));
        refused(() -> new SnoozeAlertCommand(ALERT, 0, LocalDate.of(2101, 1, 1)), "until", ErrorCode.OUT_OF_RANGE);
        refused(() -> new SnoozeAlertCommand(ALERT, 0, LocalDate.of(1999, 12, 31)), "until", ErrorCode.OUT_OF_RANGE);
        refusedAll(() -> new SnoozeAlertCommand(null, 0, null), "id REQUIRED", "until REQUIRED");
    }
}
