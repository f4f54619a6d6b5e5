package io.cordee.core.idempotency;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key}: 1 to 255 characters of letters, digits and {@code . _ : -}
 * (a UUID fits, so does {@code invoice-2026-0042:attempt}); anything else is refused before any work.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:\\-]+");

    public IdempotencyKey {
        if (value == null || value.isEmpty()) {
            throw InvalidInput.of(HEADER, "must not be empty", ErrorCode.REQUIRED);
        }
        if (value.length() > MAX_LENGTH) {
            throw InvalidInput.of(HEADER, "must be at most " + MAX_LENGTH + " characters (got " + value.length()
                    + ")", ErrorCode.TOO_LONG);
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw InvalidInput.of(HEADER, "may only contain letters, digits and . _ : -", ErrorCode.INVALID_FORMAT);
        }
    }
}
