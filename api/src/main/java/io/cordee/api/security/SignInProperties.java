package io.cordee.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in under attack ({@code cordee.security.sign-in.*}, ADR 23).
 *
 * @param freeAttempts     attempts in a row on one account before each further one must wait
 * @param firstDelay       the first wait; it doubles with each further attempt
 * @param maxDelay         the longest wait
 * @param window           an account's attempts are forgotten this long after its last wait ended
 * @param hashingThreads   threads hashing passwords; 0 = half the processors (at least 1), so that a burst
 *                         of sign-ins leaves the other half to everything else
 * @param hashingQueue     sign-ins that may wait for a hashing thread; beyond, TOO_MANY_REQUESTS at once;
 *                         0 = 8 per hashing thread (at cost 12, about 2 s of waiting at most)
 * @param addressRequests  sign-in attempts per client address ({@code signIn} only, whoever the caller)
 * @param addressPeriod    … over this period (a token bucket, like the other rate limits)
 */
@ConfigurationProperties("cordee.security.sign-in")
public record SignInProperties(
        @DefaultValue("5") int freeAttempts,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        @DefaultValue("15m") Duration window,
        @DefaultValue("0") int hashingThreads,
        @DefaultValue("0") int hashingQueue,
        @DefaultValue("10") long addressRequests,
        @DefaultValue("1m") Duration addressPeriod) {

    public int threads() {
        return hashingThreads > 0 ? hashingThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public int queue() {
        return hashingQueue > 0 ? hashingQueue : 8 * threads();
    }
}
