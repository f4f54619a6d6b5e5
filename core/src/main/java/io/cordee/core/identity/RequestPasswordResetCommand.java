package io.cordee.core.identity;

import io.cordee.core.common.Validator;

/**
 * Ask for a password reset link (use case {@link PasswordService#admitReset(RequestPasswordResetCommand)}). Valid on
 * its own (ADR 79): an address of 1 to {@value #MAX_EMAIL_LENGTH} characters, not blank. Otherwise the constructor
 * throws {@link io.cordee.core.common.InvalidInput} on {@code email}. Nothing tells whether the address signs in (the
 * answer is the same for every address), and its per-address limit needs the rate buckets: both stay with the
 * service.
 */
public record RequestPasswordResetCommand(String email) {

    static final int MAX_EMAIL_LENGTH = 320;

    public RequestPasswordResetCommand {
        new Validator().requiredText("email", email, MAX_EMAIL_LENGTH).throwIfInvalid();
    }
}
