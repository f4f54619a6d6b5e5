package io.cordee.core.identity;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Validator;

/**
 * The second step of a sign-in (use case {@link TwoFactorService#completeSignIn(CompleteSignInCommand)}). Valid on
 * its own (ADR 79): a challenge of 1 to {@value #MAX_CHALLENGE_LENGTH} characters (stripped; anything else is a
 * sign-in that has expired, {@link ErrorCode#SIGN_IN_CHALLENGE_EXPIRED}, told alone), and exactly one of a code of
 * the authenticator app and a recovery code (a blank one is none). Otherwise the constructor throws
 * {@link InvalidInput}. Whether the challenge is alive, the code right and the recovery code unused needs the
 * database: the service checks them, counting the failures. Neither code nor the challenge appears in
 * {@link #toString()}.
 */
public record CompleteSignInCommand(String challenge, String code, String recoveryCode) {

    static final int MAX_CHALLENGE_LENGTH = 200;

    public CompleteSignInCommand {
        if (challenge == null || challenge.isBlank() || challenge.length() > MAX_CHALLENGE_LENGTH) {
            throw expired();
        }
        code = code == null || code.isBlank() ? null : code;
        recoveryCode = recoveryCode == null || recoveryCode.isBlank() ? null : recoveryCode;
        new Validator().check((code == null) != (recoveryCode == null), "code",
                "type the code of your authenticator app, or one recovery code", ErrorCode.REQUIRED).throwIfInvalid();
        challenge = challenge.strip();
    }

    /** The answer for a sign-in whose challenge is malformed, unknown, used, failed too often or past its time. */
    static InvalidInput expired() {
        return InvalidInput.of("challenge", "This sign-in has expired (5 minutes, one use): sign in again",
                ErrorCode.SIGN_IN_CHALLENGE_EXPIRED);
    }

    @Override
    public String toString() {
        return "CompleteSignInCommand[challenge=…, code=" + (code == null ? "none" : "…") + ", recoveryCode="
                + (recoveryCode == null ? "none" : "…") + "]";
    }
}
