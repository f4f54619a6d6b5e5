package io.cordee.core.common;

/**
 * A forward page: at most {@code first} items after the opaque {@code after} cursor (null for the
 * first page). Cursors are produced by the repository that reads the page and mean nothing else.
 * {@code withTotal}: whether the size of the whole list is wanted; when it is not, the repository skips its
 * {@code count(*)} and the page's {@code totalCount} is {@link Page#NOT_COUNTED} (ADR 0046).
 */
public record PageRequest(int first, String after, boolean withTotal) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (first < 0 || first > MAX_SIZE) {
            throw InvalidInput.of("first", "must be between 0 and " + MAX_SIZE + " (got " + first + ")",
                    ErrorCode.OUT_OF_RANGE);
        }
    }

    /** A page whose total is counted. */
    public PageRequest(int first, String after) {
        this(first, after, true);
    }

    public static PageRequest of(Integer first, String after) {
        return new PageRequest(first == null ? DEFAULT_SIZE : first, after);
    }

    public static PageRequest of(Integer first, String after, boolean withTotal) {
        return new PageRequest(first == null ? DEFAULT_SIZE : first, after, withTotal);
    }
}
