package io.cordee.api.graphql.common;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Relay global ids: the GraphQL type name and the entity's UUID, base64url-encoded so clients treat
 * them as opaque. {@code Q2xpZW50OjAxOTM…} is {@code Client:0193…}.
 */
public record GlobalId(String type, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static String of(String type, UUID id) {
        return new GlobalId(type, id).encode();
    }

    /** Decodes any global id; an {@link InvalidInput} on {@code field} if it is not one. */
    public static GlobalId decode(String value, String field) {
        try {
            if (value == null || value.length() > 200) {
                throw new IllegalArgumentException("missing or too long");
            }
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("no type");
            }
            UUID id = UUID.fromString(raw.substring(colon + 1));
            if (!id.toString().equals(raw.substring(colon + 1).toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("not canonical");
            }
            return new GlobalId(raw.substring(0, colon), id);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "is not a valid id", ErrorCode.INVALID_ID);
        }
    }

    /** The UUID of a global id that must be of {@code expectedType}. */
    public static UUID decode(String value, String expectedType, String field) {
        GlobalId id = decode(value, field);
        if (!id.type().equals(expectedType)) {
            throw InvalidInput.of(field, "is not the id of a " + expectedType, ErrorCode.INVALID_ID);
        }
        return id.id();
    }

    /**
     * The UUID of a global id of {@code expectedType}; empty when {@code value} is not one, for a lookup that
     * answers null rather than an error (a job asked for by a malformed or foreign id is simply not found).
     */
    public static Optional<UUID> find(String value, String expectedType) {
        try {
            return Optional.of(decode(value, expectedType, "id"));
        } catch (InvalidInput e) {
            return Optional.empty();
        }
    }
}
