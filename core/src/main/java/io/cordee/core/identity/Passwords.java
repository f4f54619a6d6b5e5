package io.cordee.core.identity;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules in the spirit of NIST SP 800-63B: at least 12 characters, not one of the passwords
 * attackers try first, and no composition rules (no "a digit and a symbol"). The list is short on
 * purpose — the common passwords of 12 characters or more from public breach top lists; a longer list
 * can replace it without changing callers.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1_000;

    private static final Set<String> COMMON = Set.of(
            "123456789012", "1234567890123", "12345678901234", "123456789123", "1234567891011",
            "password1234", "password12345", "password123456", "passwordpassword", "password!123",
            "qwertyuiop12", "qwertyuiop123", "qwertyuiopasdf", "qwertyuiopasdfgh", "1q2w3e4r5t6y",
            "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "zaq12wsxcde3", "abcdefghijkl", "abcdef123456",
            "abc123abc123", "iloveyou1234", "letmein12345", "welcome12345", "welcome123456",
            "administrator", "administrator1", "motdepasse12", "motdepasse123", "motdepasse1234",
            "azertyuiop12", "azertyuiop123", "000000000000", "111111111111", "aaaaaaaaaaaa",
            "changeme1234", "trustno1trustno1", "football1234", "baseball1234", "superman1234",
            "cordee-demo-2026", "correcthorsebatterystaple");

    private Passwords() {
    }

    /** Adds the rules {@code password} breaks, as errors on {@code field}. */
    public static Validator check(Validator v, String field, String password) {
        if (password == null || password.isEmpty()) {
            return v.check(false, field, "must not be empty", ErrorCode.REQUIRED);
        }
        int length = password.codePointCount(0, password.length());
        if (length > MAX_LENGTH) {
            return v.check(false, field, "must be at most " + MAX_LENGTH + " characters", ErrorCode.TOO_LONG);
        }
        if (length < MIN_LENGTH) {
            return v.check(false, field, "must be at least " + MIN_LENGTH + " characters (got " + length + ")",
                    ErrorCode.WEAK_PASSWORD);
        }
        return v.check(!isCommon(password), field, "is one of the most common passwords: choose another",
                ErrorCode.WEAK_PASSWORD);
    }

    static boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        return COMMON.contains(lower) || lower.chars().distinct().count() == 1;
    }
}
