package io.cordee.core.idempotency;

/**
 * The request cannot run under its {@code Idempotency-Key}: the key was used for another request
 * ({@link Reason#REUSED}; HTTP 422 in spirit), or the request that holds it is still running after the
 * wait ({@link Reason#IN_PROGRESS}; retry later, HTTP 409 in spirit). Nothing was written.
 */
public final class IdempotencyRefused extends RuntimeException {

    public enum Reason {
        REUSED("IDEMPOTENCY_KEY_REUSED"),
        IN_PROGRESS("IDEMPOTENCY_KEY_IN_PROGRESS");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public IdempotencyRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
