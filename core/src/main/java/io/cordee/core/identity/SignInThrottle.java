package io.cordee.core.identity;

import java.time.Duration;

/**
 * How fast one account may be tried, whoever tries it and from wherever: the first
 * {@code freeAttempts} attempts in a row go through at once; from then on each attempt makes the next
 * one wait, {@code firstDelay} after the {@code freeAttempts}-th, twice as long after each further one,
 * at most {@code maxDelay}. A successful sign-in forgets the account's attempts; so does {@code window}
 * without an attempt after the last wait ended.
 *
 * <p>With the defaults (5, 1 s, 15 min, 15 min): attempts 1–5 at once; the 6th waits 1 s, the 7th 2 s,
 * the 8th 4 s … the 15th 512 s, from the 16th on 15 min — about one guess a quarter of an hour.
 */
public record SignInThrottle(int freeAttempts, Duration firstDelay, Duration maxDelay, Duration window) {

    public SignInThrottle {
        if (freeAttempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || window.isNegative()) {
            throw new IllegalArgumentException("freeAttempts >= 1, 0 <= firstDelay <= maxDelay, window >= 0");
        }
    }

    public static SignInThrottle defaults() {
        return new SignInThrottle(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    /**
     * The wait imposed once the {@code attempts}-th attempt in a row has been made: none before
     * {@code freeAttempts}, then {@code firstDelay × 2^(attempts − freeAttempts)}, capped. The database
     * adapter computes the same in SQL ({@code sign_in_delay}, V14).
     */
    public Duration delayAfter(int attempts) {
        if (attempts < freeAttempts) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempts - freeAttempts, 40); // 2^40 s is far past any cap
        double millis = firstDelay.toMillis() * Math.pow(2, doublings);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }
}
