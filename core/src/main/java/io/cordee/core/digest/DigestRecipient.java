package io.cordee.core.digest;

import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import java.util.Objects;

/** An active OWNER or FINANCE user who has not opted out, with the language their mail is written in. */
public record DigestRecipient(UserId id, String email, String displayName, Role role, String language) {

    public DigestRecipient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        language = "fr".equals(language) ? "fr" : "en";
    }
}
