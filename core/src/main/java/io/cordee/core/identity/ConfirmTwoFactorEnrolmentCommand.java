package io.cordee.core.identity;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;

/**
 * Turn two-factor sign-in on with a first code of the new secret (use case {@link TwoFactorService#confirm(Caller,
 * ConfirmTwoFactorEnrolmentCommand)}). Valid on its own (ADR 79): a code of six digits once its spaces are taken out
 * (an app may show "123 456"), kept without them. Otherwise the constructor throws {@link InvalidInput} on
 * {@code code}, {@link ErrorCode#TWO_FACTOR_CODE_INVALID}: the answer of a wrong code, since a malformed one cannot be
 * right. Whether an enrolment was started and is not on already, and whether the code is the new secret's now, need
 * the database: through {@link TwoFactorService#confirm(Caller, String)} (the GraphQL mutation) the service reads the
 * enrolment first and then builds the command, so "start the enrolment first" is still told before a malformed code.
 * The code does not appear in {@link #toString()}.
 */
public record ConfirmTwoFactorEnrolmentCommand(String code) {

    public ConfirmTwoFactorEnrolmentCommand {
        code = digits(code);
        if (code == null) {
            throw wrongCode();
        }
    }

    /** The six digits of a typed code, its spaces taken out; null when it is not of that shape. Every code's rule. */
    static String digits(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("\\s", "");
        return digits.matches("\\d{6}") ? digits : null;
    }

    /** The answer for a code that is not the one the app shows now: malformed, or of no step around now. */
    static InvalidInput wrongCode() {
        return InvalidInput.of("code", "is not the code your authenticator app shows now",
                ErrorCode.TWO_FACTOR_CODE_INVALID);
    }

    @Override
    public String toString() {
        return "ConfirmTwoFactorEnrolmentCommand[code=…]";
    }
}
