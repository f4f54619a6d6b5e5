package io.cordee.core.imports;

import io.cordee.core.common.Bounds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * The values of a spreadsheet cell, read strictly (ADR 49): an amount is exact in minor units with a decimal
 * point <em>or</em> a decimal comma (spaces, no-break spaces and a euro sign around it are tolerated, never
 * two separators), a date is ISO {@code 2026-12-03} or French {@code 03/12/2026}, and an impossible date such
 * as {@code 30/02/2026} is refused, never moved to the next valid day. Both are held to {@link Bounds}.
 * Each method throws {@link IllegalArgumentException} with the message the user will read.
 */
public final class Cells {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern COMPACT_SHAPE = Pattern.compile("\\d{8}");
    private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern FRENCH_SHAPE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d+([.,]\\d+)?");

    private Cells() {
    }

    /** The amount in minor units of {@code currency}. */
    public static long amount(String text, Currency currency) {
        String s = text.replace("€", "").replaceAll("[\\s\\u00A0\\u202F]", "");
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        long separators = s.chars().filter(c -> c == '.' || c == ',').count();
        if (separators > 1) {
            throw new IllegalArgumentException("'" + text + "' has more than one decimal separator: write it as "
                    + "1234.56 or 1234,56, without thousands separators");
        }
        if (!AMOUNT.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an amount (like 1234.56 or 1234,56)");
        }
        // trailing zeros are exact: 1500,00 yen is 1500
        BigDecimal value = new BigDecimal(s.replace(',', '.')).stripTrailingZeros();
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (value.scale() > digits) {
            throw new IllegalArgumentException("'" + text + "' has more than " + digits + " decimals for "
                    + currency.getCurrencyCode());
        }
        BigDecimal minor = value.movePointRight(digits);
        if (minor.abs().compareTo(BigDecimal.valueOf(Bounds.MAX_MINOR_UNITS)) > 0) {
            throw new IllegalArgumentException("'" + text + "' " + Bounds.amountMessage(minor.longValue()));
        }
        return minor.longValueExact();
    }

    public static LocalDate date(String text) {
        LocalDate date;
        try {
            if (ISO_SHAPE.matcher(text).matches()) {
                date = LocalDate.parse(text, ISO);
            } else if (FRENCH_SHAPE.matcher(text).matches()) {
                date = LocalDate.parse(text, FRENCH);
            } else {
                throw new IllegalArgumentException("'" + text + "' is not a date: write 2026-12-31 or 31/12/2026");
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date that exists");
        }
        if (!Bounds.dateInRange(date)) {
            throw new IllegalArgumentException("'" + text + "' " + Bounds.dateMessage(date));
        }
        return date;
    }

    /**
     * A date as a FEC writes it (ADR 51): {@code yyyyMMdd}, as article A47 A-1 asks, {@code 20260230} refused;
     * the forms {@link #date} reads are taken too, since some software exports them.
     */
    public static LocalDate compactDate(String text) {
        if (!COMPACT_SHAPE.matcher(text).matches()) {
            return date(text);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, COMPACT);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date that exists (yyyyMMdd)");
        }
        if (!Bounds.dateInRange(date)) {
            throw new IllegalArgumentException("'" + text + "' " + Bounds.dateMessage(date));
        }
        return date;
    }

    /** A whole number from {@code min} to {@code max}; {@code "30.0"} from a spreadsheet is 30. */
    public static int wholeNumber(String text, int min, int max) {
        String s = text.replaceAll("[\\s\\u00A0]", "");
        if (s.matches("-?\\d+[.,]0+")) {
            s = s.substring(0, s.indexOf(s.contains(".") ? '.' : ','));
        }
        int value;
        try {
            value = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("'" + text + "' must be from " + min + " to " + max);
        }
        return value;
    }
}
