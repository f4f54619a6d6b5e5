package io.cordee.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.core.identity.SignInAttemptRepository;
import io.cordee.core.identity.SignInThrottle;
import io.cordee.core.limit.RateBuckets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

/**
 * The SQL of the two global tables of ADR 23 against PostgreSQL, with instants chosen by the test: the
 * GCRA bucket's arithmetic, the throttle's claims, what parallel callers get, and the purges.
 */
@ApiTest
class LimitTablesTest {

    /** In the past, so that the purges here delete only this test's rows (everything else is later). */
    private static final Instant T = Instant.parse("2020-01-06T09:00:00Z");

    @Autowired
    RateBuckets buckets;
    @Autowired
    SignInAttemptRepository attempts;

    @Test
    void aBucketOfThreeAMinuteGivesOneBackEveryTwentySeconds() {
        String key = "test:" + UUID.randomUUID();
        // 3 a minute: one comes back every 20 s. Three at once are taken (tat = T + 60 s) …
        for (int i = 0; i < 3; i++) {
            assertThat(take(key, 3, T)).isZero();
        }
        // … the 4th would bring tat to T + 80 s, 20 s past the 60 s a full bucket holds: wait 20 s
        assertThat(take(key, 3, T)).isEqualTo(Duration.ofSeconds(20));
        assertThat(take(key, 3, T.plusSeconds(5))).isEqualTo(Duration.ofSeconds(15));
        // at T + 20 s one is back (tat becomes T + 80 s), and the next waits 20 s again
        assertThat(take(key, 3, T.plusSeconds(20))).isZero();
        assertThat(take(key, 3, T.plusSeconds(20))).isEqualTo(Duration.ofSeconds(20));
        // a refusal took nothing: still one back at T + 40 s
        assertThat(take(key, 3, T.plusSeconds(40))).isZero();
    }

    /**
     * A bucket last written by a clock two hours ahead (an instance with skew, or a clock since stepped
     * back) does not refuse everyone for two hours: 3 a minute, taken three times at T + 2 h
     * (tat = T + 2 h + 60 s, more than a period past T), it is a full bucket again at T — three taken
     * (tat = T + 60 s), the 4th waits 20 s, as in any bucket emptied at T.
     */
    @Test
    void aBucketWrittenByAClockFarAheadIsFullAgain() {
        String key = "test:" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(take(key, 3, T.plus(Duration.ofHours(2)))).isZero();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(take(key, 3, T)).isZero();
        }
        assertThat(take(key, 3, T)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void parallelRequestsOnOneBucketTakeExactlyItsCapacity() {
        String key = "test:" + UUID.randomUUID();
        List<Duration> answers = Flux.range(0, 20)
                .flatMap(i -> buckets.take(key, 5, Duration.ofMinutes(1), T), 20)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(answers.stream().filter(Duration::isZero).count()).isEqualTo(5);
        // the refused ones: 6th … would bring tat to T + 72 s: 12 s at least
        assertThat(answers.stream().filter(d -> !d.isZero())).allMatch(d -> d.equals(Duration.ofSeconds(12)));
    }

    @Test
    void fullBucketsArePurgedAndAPurgedBucketIsAFullOne() {
        String key = "test:" + UUID.randomUUID();
        assertThat(take(key, 1, T)).isZero(); // tat = T + 60 s
        assertThat(take(key, 1, T)).isEqualTo(Duration.ofMinutes(1));
        // at T + 59 s the bucket is not full yet: kept (asked at T again, it still refuses)
        buckets.deleteFull(T.plusSeconds(59)).block(Duration.ofSeconds(30));
        assertThat(take(key, 1, T)).isEqualTo(Duration.ofMinutes(1));
        // at T + 60 s it is full: deleted — proven by asking at T again, which an existing row would refuse
        assertThat(buckets.deleteFull(T.plusSeconds(60)).block(Duration.ofSeconds(30))).isPositive();
        assertThat(take(key, 1, T)).isZero();
    }

    @Test
    void parallelAttemptsOnOneAccountCannotSlipPastTheFifth() {
        byte[] account = sha256("parallel-" + UUID.randomUUID());
        SignInThrottle throttle = SignInThrottle.defaults();
        List<Duration> answers = Flux.range(0, 20)
                .flatMap(i -> attempts.claim(account, T, throttle), 20)
                .collectList().block(Duration.ofSeconds(60));
        // 5 claimed; the 5th set a 1 s wait that the other 15 get
        assertThat(answers.stream().filter(Duration::isZero).count()).isEqualTo(5);
        assertThat(answers.stream().filter(d -> !d.isZero())).hasSize(15)
                .allMatch(d -> d.equals(Duration.ofSeconds(1)));
    }

    @Test
    void theThrottleDoublesInSqlAsInCoreAndIsPurgedAWindowAfterItsLastWait() {
        byte[] account = sha256("sql-" + UUID.randomUUID());
        SignInThrottle throttle = SignInThrottle.defaults();
        Instant now = T;
        for (int i = 1; i <= 5; i++) {
            assertThat(attempts.claim(account, now, throttle).block()).isZero();
        }
        // attempts 6 … 16, each when the previous wait ends: waits 1, 2, 4 … 512 s, then the 15 min cap
        for (int attempt = 6; attempt <= 16; attempt++) {
            Duration wait = attempts.claim(account, now, throttle).block();
            assertThat(wait).as("wait before attempt %d", attempt).isEqualTo(throttle.delayAfter(attempt - 1));
            now = now.plus(wait);
            assertThat(attempts.claim(account, now, throttle).block()).isZero();
        }
        assertThat(throttle.delayAfter(16)).isEqualTo(Duration.ofMinutes(15));
        // the 16th set 15 min; the row is forgotten 15 min after that wait ends: not before
        Instant waitEnds = now.plus(Duration.ofMinutes(15));
        attempts.deleteExpired(waitEnds.plus(Duration.ofMinutes(15)).minusSeconds(1)).block();
        assertThat(attempts.claim(account, now, throttle).block()).isEqualTo(Duration.ofMinutes(15));
        assertThat(attempts.deleteExpired(waitEnds.plus(Duration.ofMinutes(15))).block()).isPositive();
        // gone: asked at the same instant as before, the attempt is the first of a new series
        assertThat(attempts.claim(account, now, throttle).block()).isZero();
    }

    @Test
    void aRateCheckIsOneShortStatementThatAdmitsWithinTheBucket() {
        String key = "test:" + UUID.randomUUID();
        int n = 300;
        for (int i = 0; i < 50; i++) { // warm up
            take(key, 1_000_000, T);
        }
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            // 350 taken at one instant from a bucket of 1,000,000 a minute: every one admitted, no wait
            assertThat(take(key, 1_000_000, T)).isZero();
        }
        long micros = (System.nanoTime() - started) / 1_000 / n;
        System.out.printf("shared rate bucket: %d µs a check (one statement, sequential, %d checks, load average %.1f)%n",
                micros, n, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private Duration take(String key, long perMinute, Instant now) {
        return buckets.take(key, perMinute, Duration.ofMinutes(1), now).block(Duration.ofSeconds(30));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
