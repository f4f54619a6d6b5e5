package io.cordee.persistence.common;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Keyset cursors: the sort key of the last row of a page, made opaque. Reading the next page is an
 * index range scan from that key, so pages stay correct while rows are inserted and stay fast deep
 * into a list, unlike OFFSET.
 */
public final class Keyset {

    private static final String SEPARATOR = "\u0000";

    private Keyset() {
    }

    public static String encode(String sortValue, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sortValue + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The (sort value, id) of a cursor; an {@link InvalidInput} on {@code after} if it is not one of ours. */
    public static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(raw.split(SEPARATOR, -1));
            if (parts.size() != 2) {
                throw new IllegalArgumentException("two parts expected");
            }
            return new Position(parts.get(0), UUID.fromString(parts.get(1)));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("after", "is not a cursor of this list", ErrorCode.INVALID_FORMAT);
        }
    }

    public record Position(String sortValue, UUID id) {
    }
}
