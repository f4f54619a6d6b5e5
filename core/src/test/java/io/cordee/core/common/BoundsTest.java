package io.cordee.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.money.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The documented bounds of dates and amounts (ADR 38): both ends included, one past either end refused. */
class BoundsTest {

    @Test
    void datesFrom2000To2100Included() {
        new Validator().date("d", LocalDate.of(2000, 1, 1)).date("d", LocalDate.of(2100, 12, 31)).date("d", null)
                .throwIfInvalid();
        assertThatThrownBy(() -> new Validator().date("from", LocalDate.of(1999, 12, 31))
                .date("to", LocalDate.of(2101, 1, 1)).throwIfInvalid())
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("from", "must be between 2000-01-01 and 2100-12-31 (got 1999-12-31)",
                                ErrorCode.OUT_OF_RANGE),
                        new FieldError("to", "must be between 2000-01-01 and 2100-12-31 (got 2101-01-01)",
                                ErrorCode.OUT_OF_RANGE)));
    }

    @Test
    void amountsWithinTenToTheThirteenMinorUnitsEitherWay() {
        new Validator().money("a", Money.of(10_000_000_000_000L, "EUR")).money("a", Money.of(-10_000_000_000_000L, "EUR"))
                .money("a", null).throwIfInvalid();
        assertThatThrownBy(() -> new Validator().money("amount", Money.of(10_000_000_000_001L, "EUR"))
                .money("credit", Money.of(Long.MIN_VALUE, "EUR")).throwIfInvalid())
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("amount", ErrorCode.OUT_OF_RANGE),
                                org.assertj.core.groups.Tuple.tuple("credit", ErrorCode.OUT_OF_RANGE)));
    }
}
