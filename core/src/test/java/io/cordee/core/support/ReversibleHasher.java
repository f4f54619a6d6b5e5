package io.cordee.core.support;

import io.cordee.core.identity.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PasswordHasher} reversible on purpose, for tests about a service rather than the hash: a password's hash
 * is {@code "h:"} and the password. It counts its checks, which is how a test sees that a refusal still cost one.
 */
public final class ReversibleHasher implements PasswordHasher {

    private final AtomicInteger checks = new AtomicInteger();

    @Override
    public String hash(String raw) {
        return "h:" + raw;
    }

    @Override
    public boolean matches(String raw, String hash) {
        checks.incrementAndGet();
        return hash.equals("h:" + raw);
    }

    /** How many checks ({@link #matches}) were made: a test reads it, or resets it between steps. */
    public AtomicInteger checks() {
        return checks;
    }
}
