package io.cordee.core.digest;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Validator;

/**
 * The unsubscribe link of a digest mail (use case {@link DigestService#unsubscribe(UnsubscribeDigestCommand)}). Valid
 * on its own (ADR 79): a token, not blank ({@code token} {@link ErrorCode#REQUIRED}, like every required text), kept
 * stripped. A token longer than {@value #MAX_TOKEN_LENGTH} characters cannot have been issued: it gets the answer of
 * a link never issued ({@link ErrorCode#NOT_FOUND}), without a read. Whether the link was issued and is younger than
 * {@link DigestService#UNSUBSCRIBE_LINK_LIFETIME} needs the database: the service checks it. The token does not appear
 * in {@link #toString()}.
 */
public record UnsubscribeDigestCommand(String token) {

    static final int MAX_TOKEN_LENGTH = 200;

    public UnsubscribeDigestCommand {
        token = token == null ? null : token.strip();
        if (token != null && token.length() > MAX_TOKEN_LENGTH) {
            throw unknownLink();
        }
        new Validator().requiredText("token", token, MAX_TOKEN_LENGTH).throwIfInvalid();
    }

    /** The answer for a link never issued, or older than its lifetime. */
    static InvalidInput unknownLink() {
        return InvalidInput.of("token", "This link is unknown or expired: untick \"Weekly digest by e-mail\" on the"
                + " Alerts page instead", ErrorCode.NOT_FOUND);
    }

    @Override
    public String toString() {
        return "UnsubscribeDigestCommand[token=…]";
    }
}
