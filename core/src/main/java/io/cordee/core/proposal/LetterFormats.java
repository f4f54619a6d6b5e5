package io.cordee.core.proposal;

import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * Money, dates and months as a reader of the letter writes them. French: {@code 12 345,67 €} and
 * {@code 23 novembre 2026} ({@code 1er} for the first), with no-break spaces (U+00A0) inside the amount and before the symbol so
 * a printed amount never breaks across lines. English: {@code €12,345.67} and {@code November 23, 2026}.
 * Hand-written rather than {@code NumberFormat}: the JDK's French grouping separator changed between
 * versions (U+00A0, then U+202F), and a letter must not change with the JVM.
 */
public final class LetterFormats {

    public static final char NBSP = '\u00a0';

    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Language.FR.locale());
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy",
            Language.EN.locale());
    private static final DateTimeFormatter FR_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Language.FR.locale());
    private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Language.EN.locale());

    private LetterFormats() {
    }

    public static String money(Money money, Language language) {
        BigDecimal amount = money.amount().abs();
        String digits = amount.toPlainString();
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot + 1);
        char group = language == Language.FR ? NBSP : ',';
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(group);
            }
            grouped.append(whole.charAt(i));
        }
        String number = fraction.isEmpty() ? grouped.toString()
                : grouped + (language == Language.FR ? "," : ".") + fraction;
        String sign = money.isNegative() ? "-" : "";
        String symbol = symbol(money.currency().getCurrencyCode());
        if (language == Language.FR) {
            return sign + number + NBSP + symbol;
        }
        return sign + symbol + (symbol.length() > 1 ? " " : "") + number;
    }

    /** French writes the first of a month as an ordinal: {@code 1er juin 2026}. */
    public static String date(LocalDate date, Language language) {
        if (language == Language.FR && date.getDayOfMonth() == 1) {
            return "1er " + month(YearMonth.from(date), language);
        }
        return date.format(language == Language.FR ? FR_DATE : EN_DATE);
    }

    public static String month(YearMonth month, Language language) {
        return month.format(language == Language.FR ? FR_MONTH : EN_MONTH);
    }

    private static String symbol(String code) {
        return switch (code) {
            case "EUR" -> "€";
            case "USD" -> "$";
            case "GBP" -> "£";
            default -> code;
        };
    }
}
