package io.cordee.core.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every broken rule of one input, so the user sees all of them at once, then throws a
 * single {@link InvalidInput}.
 */
public final class Validator {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int TEXT_MAX_LENGTH = 5_000;

    private final List<FieldError> errors = new ArrayList<>();

    public Validator requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be empty", ErrorCode.REQUIRED));
        } else {
            maxLength(field, value, maxLength);
        }
        return this;
    }

    public Validator maxLength(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters (got " + value.length() + ")",
                    ErrorCode.TOO_LONG));
        }
        return this;
    }

    public Validator required(String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required", ErrorCode.REQUIRED));
        }
        return this;
    }

    public Validator range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            errors.add(new FieldError(field, "must be between " + min + " and " + max + " (got " + value + ")",
                    ErrorCode.OUT_OF_RANGE));
        }
        return this;
    }

    public Validator range(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            errors.add(new FieldError(field, "must be between " + min.toPlainString() + " and " + max.toPlainString()
                    + " (got " + value.toPlainString() + ")", ErrorCode.OUT_OF_RANGE));
        }
        return this;
    }

    public Validator notBefore(String field, LocalDate date, String otherField, LocalDate other) {
        if (date != null && other != null && date.isBefore(other)) {
            errors.add(new FieldError(field, "must not be before " + otherField + " (" + other + ")",
                    ErrorCode.INVALID_DATE_ORDER));
        }
        return this;
    }

    /** A date within {@link Bounds#MIN_DATE} … {@link Bounds#MAX_DATE}; null passes (see {@link #required}). */
    public Validator date(String field, LocalDate date) {
        if (!Bounds.dateInRange(date)) {
            errors.add(new FieldError(field, Bounds.dateMessage(date), ErrorCode.OUT_OF_RANGE));
        }
        return this;
    }

    /** An amount within ±{@link Bounds#MAX_MINOR_UNITS}; null passes (see {@link #required}). */
    public Validator money(String field, io.cordee.core.money.Money amount) {
        if (amount != null && !Bounds.amountInRange(amount.minorUnits())) {
            errors.add(new FieldError(field, Bounds.amountMessage(amount.minorUnits()), ErrorCode.OUT_OF_RANGE));
        }
        return this;
    }

    public Validator check(boolean ok, String field, String message, ErrorCode code) {
        if (!ok) {
            errors.add(new FieldError(field, message, code));
        }
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
