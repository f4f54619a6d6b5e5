package io.cordee.core.identity;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;

/**
 * Change one's own password (use case {@link PasswordService#change(Caller, String, ChangePasswordCommand)}). Valid
 * on its own (ADR 79): a current password is typed (at most {@value Passwords#MAX_LENGTH} characters) and the new
 * one follows {@link Passwords#check} (12 to 1,000 characters, not one of the most common). Otherwise the
 * constructor throws {@link io.cordee.core.common.InvalidInput} naming every broken field. Whether the current
 * password is the right one needs the account and its sign-in throttle: the service checks it. Neither password
 * appears in {@link #toString()}.
 */
public record ChangePasswordCommand(String currentPassword, String newPassword) {

    public ChangePasswordCommand {
        Passwords.check(new Validator().check(currentPassword != null && !currentPassword.isEmpty()
                                && currentPassword.length() <= Passwords.MAX_LENGTH, "currentPassword",
                        "type your current password", ErrorCode.REQUIRED), "newPassword", newPassword)
                .throwIfInvalid();
    }

    @Override
    public String toString() {
        return "ChangePasswordCommand[currentPassword=…, newPassword=…]";
    }
}
