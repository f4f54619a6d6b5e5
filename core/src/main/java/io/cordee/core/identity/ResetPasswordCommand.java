package io.cordee.core.identity;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Validator;

/**
 * Set a new password with a reset link (use case {@link PasswordService#reset(ResetPasswordCommand)}). Valid on its
 * own (ADR 79): a token of 1 to {@value #MAX_TOKEN_LENGTH} characters (stripped; anything else is a link that is not
 * valid, {@link ErrorCode#RESET_LINK_INVALID}) and a new password following {@link Passwords#check}. Otherwise the
 * constructor throws {@link InvalidInput} naming every broken field. Whether the link was issued, is unused and has
 * not expired needs the database: the service checks it, and through {@link PasswordService#reset(String, String)}
 * (the GraphQL mutation) a dead link is told before the new password's rules, on purpose: a person whose link is
 * dead is not asked to fix a password that could not be used. Neither the token nor the password appears in
 * {@link #toString()}.
 */
public record ResetPasswordCommand(String token, String newPassword) {

    static final int MAX_TOKEN_LENGTH = 200;

    public ResetPasswordCommand {
        Validator v = new Validator();
        token(v, token);
        Passwords.check(v, "newPassword", newPassword).throwIfInvalid();
        token = token.strip();
    }

    /** The token's own rule, alone: a link that cannot have been issued is told before anything else. */
    static String checkToken(String token) {
        token(new Validator(), token).throwIfInvalid();
        return token.strip();
    }

    /** The answer for a link that is not valid, by its shape or because it was never issued. */
    static InvalidInput invalidLink() {
        return InvalidInput.of("token", "This reset link is not valid: ask for a new one",
                ErrorCode.RESET_LINK_INVALID);
    }

    private static Validator token(Validator v, String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            v.check(false, "token", invalidLink().errors().get(0).message(), ErrorCode.RESET_LINK_INVALID);
        }
        return v;
    }

    @Override
    public String toString() {
        return "ResetPasswordCommand[token=…, newPassword=…]";
    }
}
