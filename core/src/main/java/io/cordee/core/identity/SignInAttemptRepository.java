package io.cordee.core.identity;

import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Port: the sign-in attempts of each account, shared by every instance, keyed by a hash of the
 * normalised e-mail (an address nobody has is counted just like a real one).
 */
public interface SignInAttemptRepository {

    /**
     * Counts one attempt on {@code accountKey} at {@code now}, unless the account must still wait: then
     * nothing is counted. Atomic, so parallel attempts cannot slip past the limit together.
     *
     * @return {@link Duration#ZERO} when the attempt may go on (it counts as a failure until
     *         {@link #reset} says otherwise), else how long the account must still wait, never less than
     *         the throttle's first delay
     */
    Mono<Duration> claim(byte[] accountKey, Instant now, SignInThrottle throttle);

    /** Forgets the account's attempts: it signed in. */
    Mono<Void> reset(byte[] accountKey);

    /** Deletes the accounts whose attempts are forgotten anyway at {@code now}; returns how many. */
    Mono<Long> deleteExpired(Instant now);
}
