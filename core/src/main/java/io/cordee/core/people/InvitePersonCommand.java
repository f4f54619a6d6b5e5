package io.cordee.core.people;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Role;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Invite someone into the agency (use case {@link PeopleService#invite(io.cordee.core.identity.Caller,
 * InvitePersonCommand)}). Valid on its own (ADR 79): an e-mail of the shape {@code name@example.com} (at most 320
 * characters, stripped), a role, a client for a CLIENT contact and none for any other role, a language of
 * {@code en} or {@code fr} or none (the agency's). That the client is one of the agency's and that the address
 * is not already used needs the database: the service checks them.
 */
public record InvitePersonCommand(String email, Role role, ClientId clientId, String language) {

    public static final int EMAIL_MAX_LENGTH = 320;
    private static final Set<String> LANGUAGES = Set.of("en", "fr");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public InvitePersonCommand {
        Validator v = new Validator().requiredText("email", email, EMAIL_MAX_LENGTH).required("role", role);
        if (email != null && !email.isBlank() && email.length() <= EMAIL_MAX_LENGTH) {
            v.check(EMAIL.matcher(email.strip()).matches(), "email",
                    "is not an e-mail address (name@example.com)", ErrorCode.INVALID_FORMAT);
        }
        ChangeRoleCommand.clientOfRole(v, role, clientId);
        if (language != null) {
            v.check(LANGUAGES.contains(language), "language", "must be en or fr", ErrorCode.INVALID_FORMAT);
        }
        v.throwIfInvalid();
        email = email.strip();
    }

    /** The same command from a draft (the older way in). */
    public static InvitePersonCommand of(InvitationDraft draft) {
        return new InvitePersonCommand(draft.email(), draft.role(), draft.clientId(), draft.language());
    }
}
