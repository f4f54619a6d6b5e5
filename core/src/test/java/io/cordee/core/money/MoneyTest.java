package io.cordee.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAreExactInMinorUnits() {
        // 0.10 + 0.20 is 0.30 exactly: 10 + 20 = 30 cents, unlike 0.1 + 0.2 in binary floating point
        Money sum = Money.of(10, "EUR").plus(Money.of(20, "EUR"));
        assertThat(sum.minorUnits()).isEqualTo(30);
        assertThat(sum.amount()).isEqualByComparingTo(new BigDecimal("0.30"));
        // 123456 cents is 1234.56 EUR; yen have no minor unit, so 1500 JPY is 1500
        assertThat(Money.of(123_456, "EUR").amount().toPlainString()).isEqualTo("1234.56");
        assertThat(Money.of(1_500, "JPY").amount().toPlainString()).isEqualTo("1500");
        assertThat(Money.of(100, "EUR").minus(Money.of(250, "EUR")).isNegative()).isTrue();
    }

    @Test
    void currenciesNeverMix() {
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR vs USD");
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }
}
