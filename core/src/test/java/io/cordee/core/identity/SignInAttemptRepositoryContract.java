package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SignInAttemptRepository} promises the sign-in throttle (ADR 0080), run against the R2DBC
 * adapter on the real PostgreSQL and against {@code InMemorySignInAttempts}. The table is shared by every
 * agency (keyed by a hash of the e-mail), so each test uses a fresh key and a moment in 2020 of its own.
 */
public abstract class SignInAttemptRepositoryContract {

    /** 3 free attempts, then 1 s, doubling up to 8 s; forgotten 60 s after the last wait ends. */
    private static final SignInThrottle THROTTLE = new SignInThrottle(3, Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofSeconds(60));
    private static final Instant T = Instant.parse("2020-01-01T00:00:00Z");

    protected abstract SignInAttemptRepository attempts();

    private SignInAttemptRepository attempts;
    private byte[] key;

    @BeforeEach
    void aFreshAccount() {
        attempts = attempts();
        key = newKey();
    }

    @Test
    void theThirdAttemptStartsAWaitThatDoublesAndAWaitingAttemptIsNotCounted() {
        // attempts 1 and 2: no wait; attempt 3 goes on but blocks the account for 1 s (until T + 1 s)
        assertThat(claim(0)).isZero();
        assertThat(claim(0)).isZero();
        assertThat(claim(0)).isZero();
        // half a second later: 500 ms left, answered as the shortest wait (1 s), and this attempt does not count
        assertThat(claim(500)).isEqualTo(Duration.ofSeconds(1));
        // at T + 1 s: attempt 4 goes on and blocks for 2 s (until T + 3 s); at T + 2 s, 1 s to wait
        assertThat(claim(1_000)).isZero();
        assertThat(claim(2_000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSuccessfulSignInForgetsTheAttempts() {
        claim(0);
        claim(0);
        claim(0);
        attempts.reset(key).block();
        // counted from 1 again: two more attempts at the same moment go on without a wait
        assertThat(claim(0)).isZero();
        assertThat(claim(0)).isZero();
        // another account's attempts are its own
        byte[] other = newKey();
        assertThat(attempts.claim(other, T, THROTTLE).block()).isZero();
    }

    @Test
    void expiredAccountsAreDeletedAndCountAgainFromOne() {
        claim(0);
        claim(0);
        claim(0);
        // blocked until T + 1 s, forgotten at T + 61 s: still there at T + 60 s
        attempts.deleteExpired(T.plusSeconds(60)).block();
        assertThat(claim(60_000 - 500)).isZero();
        // the claim at T + 59.5 s was the 4th: it waits 2 s (until T + 61.5 s), forgotten at T + 121.5 s
        assertThat(attempts.deleteExpired(T.plusSeconds(122)).block()).isGreaterThanOrEqualTo(1L);
        assertThat(claim(122_000)).isZero();
        assertThat(claim(122_000)).isZero();
    }

    /** A key as the service makes it: the 32 bytes of a SHA-256 (the table refuses any other length). */
    private static byte[] newKey() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Duration claim(long millisAfterT) {
        return attempts.claim(key, T.plusMillis(millisAfterT), THROTTLE).block();
    }
}
