package io.cordee.core.identity;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;

/**
 * Turn one's own two-factor sign-in off (use case {@link TwoFactorService#disable(Caller, DisableTwoFactorCommand)}).
 * Valid on its own (ADR 79): a current code of the authenticator app, or else the password (1 to
 * {@value Passwords#MAX_LENGTH} characters). Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} on {@code password}. A blank code is none. Whether the agency requires
 * two factors of the role, whether they are on and whether the code or password is right stay with the service.
 * Neither appears in {@link #toString()}.
 */
public record DisableTwoFactorCommand(String password, String code) {

    public DisableTwoFactorCommand {
        code = code == null || code.isBlank() ? null : code;
        new Validator().check(code != null || (password != null && !password.isEmpty()
                        && password.length() <= Passwords.MAX_LENGTH), "password",
                "type your password or a current code", ErrorCode.REQUIRED).throwIfInvalid();
    }

    @Override
    public String toString() {
        return "DisableTwoFactorCommand[" + (code != null ? "code=…" : "password=…") + "]";
    }
}
