package io.cordee.core.common;

/**
 * A forward page: at most {@code first} items after the opaque {@code after} cursor (null for the
 * first page). Cursors are produced by the repository that reads the page and mean nothing else.
 */
public record PageRequest(int first, String after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (first < 0 || first > MAX_SIZE) {
            throw InvalidInput.of("first", "must be between 0 and " + MAX_SIZE + " (got " + first + ")",
                    ErrorCode.OUT_OF_RANGE);
        }
    }

    public static PageRequest of(Integer first, String after) {
        return new PageRequest(first == null ? DEFAULT_SIZE : first, after);
    }
}
