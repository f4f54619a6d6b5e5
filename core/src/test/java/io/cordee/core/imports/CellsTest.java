package io.cordee.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cell values read strictly (ADR 49): exact minor units, real dates only, nothing coerced. */
class CellsTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency JPY = Currency.getInstance("JPY");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // text | minor units of EUR (2 decimals)
            "1234.56 | 123456",
            "1234,56 | 123456",
            "12 000,00 | 1200000",
            "12\u00a0000,5 | 1200050",
            "999,99 € | 99999",
            "-15,10 | -1510",
            "+7 | 700",
            "0,01 | 1",
            "100000000000,00 | 10000000000000"})
    void amountsAreExactInMinorUnits(String text, long minor) {
        assertThat(Cells.amount(text, EUR)).isEqualTo(minor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.234,56 | more than one decimal separator",
            "1,234.56 | more than one decimal separator",
            "12,345 | more than 2 decimals",
            "12e3 | is not an amount",
            "abc | is not an amount",
            "100000000000,01 | must be at most"})
    void badAmountsAreRefusedWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> Cells.amount(text, EUR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1500 | 1500", "1500,0 | 1500"})
    void aCurrencyWithoutDecimalsCountsWholeUnits(String text, long minor) {
        assertThat(Cells.amount(text, JPY)).isEqualTo(minor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-02-28 | 2026-02-28",
            "28/02/2026 | 2026-02-28",
            "1/3/2026 | 2026-03-01",
            "29/02/2028 | 2028-02-29"})
    void datesAreIsoOrDayMonthYear(String text, LocalDate date) {
        assertThat(Cells.date(text)).isEqualTo(date);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "30/02/2026 | not a date that exists",
            "2026-02-29 | not a date that exists",
            "31/04/2026 | not a date that exists",
            "02/30/2026 | not a date that exists",
            "2026/02/01 | is not a date",
            "01/01/1999 | must be between 2000-01-01 and 2100-12-31"})
    void impossibleDatesAreRefusedNeverCoerced(String text, String reason) {
        assertThatThrownBy(() -> Cells.date(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a FEC's yyyyMMdd (ADR 51), and the spreadsheet forms some software writes instead
            "20260131 | 2026-01-31",
            "20240229 | 2024-02-29",
            "2026-03-02 | 2026-03-02",
            "02/03/2026 | 2026-03-02"})
    void fecDatesAreCompact(String text, LocalDate date) {
        assertThat(Cells.compactDate(text)).isEqualTo(date);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "20260230 | not a date that exists",
            "20250229 | not a date that exists",
            "20261301 | not a date that exists",
            "2026013 | is not a date"})
    void impossibleFecDatesAreRefused(String text, String reason) {
        assertThatThrownBy(() -> Cells.compactDate(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
