package io.cordee.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.core.limit.RateBuckets;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

/**
 * ADR 84: instances reserve a shared bucket's requests in batches and spend them in memory. Against the
 * real PostgreSQL table, with two {@link Limiter}s standing for two instances on one database, each with
 * its own memory and the time of one clock the test moves (local buckets included). The bucket: 100
 * requests a minute, one back every 0.6 s; batches of 10 % = 10.
 */
@ApiTest
class SharedBucketBatchesTest {

    /** In the past, so that nothing else touches these buckets (and the purge deletes them). */
    private static final Instant T = Instant.parse("2020-02-03T09:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    RateBuckets buckets;

    private final AtomicReference<Instant> now = new AtomicReference<>(T);
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    /** Statements sent to the shared table, all instances together. */
    private final AtomicInteger statements = new AtomicInteger();

    private Limiter instance() {
        RateBuckets counted = new RateBuckets() {
            @Override
            public Mono<Duration> take(String key, long capacity, Duration period, Instant at) {
                statements.incrementAndGet();
                return buckets.take(key, capacity, period, at);
            }

            @Override
            public Mono<Grant> takeUpTo(String key, long capacity, Duration period, Instant at, long most) {
                statements.incrementAndGet();
                return buckets.takeUpTo(key, capacity, period, at, most);
            }

            @Override
            public Mono<Long> deleteFull(Instant at) {
                return buckets.deleteFull(at);
            }
        };
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant i = now.get();
                return i.getEpochSecond() * 1_000_000_000L + i.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        return new Limiter(counted, new SharedBucketsProperties(true, 4, Duration.ofSeconds(10), Duration.ofMinutes(10),
                10, 100), clock, time);
    }

    private static boolean admitted(Limiter limiter, String key) {
        return limiter.take(key, 100, MINUTE).block(Duration.ofSeconds(30)).isZero();
    }

    @Test
    void takeUpToReservesWhatTheBucketHoldsAndNoMore() {
        String key = "test:" + UUID.randomUUID();
        // 5 a minute (one back every 12 s): 3 reserved, then the 2 left of 10 asked, then none: wait 12 s
        assertThat(buckets.takeUpTo(key, 5, MINUTE, T, 3).block()).isEqualTo(new RateBuckets.Grant(3, Duration.ZERO));
        assertThat(buckets.takeUpTo(key, 5, MINUTE, T, 10).block()).isEqualTo(new RateBuckets.Grant(2, Duration.ZERO));
        assertThat(buckets.takeUpTo(key, 5, MINUTE, T, 10).block())
                .isEqualTo(new RateBuckets.Grant(0, Duration.ofSeconds(12)));
        // 30 s later 2 are back (2 × 12 s = 24 s ≤ 30 s < 36 s)
        assertThat(buckets.takeUpTo(key, 5, MINUTE, T.plusSeconds(30), 10).block())
                .isEqualTo(new RateBuckets.Grant(2, Duration.ZERO));
    }

    @Test
    void oneInstanceAloneAdmitsExactlyItsLimitInTenStatementsThenRefuses() {
        Limiter alone = instance();
        String key = "test:" + UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            assertThat(admitted(alone, key)).as("request %d", i + 1).isTrue();
        }
        // 100 requests, 10 reservations of 10: nine requests in ten sent no SQL for their limit
        assertThat(statements.get()).isEqualTo(10);
        // the 101st is refused by the instance's own bucket (no statement): one comes back in 0.6 s
        Duration wait = alone.take(key, 100, MINUTE).block();
        assertThat(wait).isEqualTo(Duration.ofMillis(600));
        assertThat(statements.get()).isEqualTo(10);
        // 0.6 s later one is back, in memory and in the shared bucket (a batch of 1: the bucket holds no more)
        now.set(T.plusMillis(600));
        assertThat(admitted(alone, key)).isTrue();
        assertThat(admitted(alone, key)).isFalse();
    }

    @Test
    void twoInstancesTakingInTurnAdmitExactlyTheLimitTogether() {
        Limiter a = instance();
        Limiter b = instance();
        String key = "test:" + UUID.randomUUID();
        int admittedA = 0;
        int admittedB = 0;
        for (int i = 0; i < 150; i++) { // in turn, more than the limit
            admittedA += admitted(a, key) ? 1 : 0;
            admittedB += admitted(b, key) ? 1 : 0;
        }
        // whatever each holds, every reserved request was counted in the shared bucket: 100 together
        assertThat(admittedA + admittedB).isEqualTo(100);
        assertThat(admittedA).isEqualTo(50);
        // 10 reservations; then each of the 200 refusals asked once (each instance's own bucket, 50 of 100
        // spent, still allows: only the shared bucket knows the other instance's 50)
        assertThat(statements.get()).isEqualTo(10 + 200);
    }

    /**
     * The one over-admission batches allow, counted exactly: A reserves 10 at T and spends 1; B takes the
     * other 90. At T + 59 s the shared bucket has 98 back (59 s / 0.6 s = 98.3): B takes them all, and A
     * still spends the 9 it holds (a reserve lives one period). In (T, T + 59 s] 107 were admitted where
     * one exact bucket would have admitted 98: 9 over, within the stated (batch - 1) × instances = 18.
     */
    @Test
    void aReserveSpentAfterTheBucketRefilledIsTheOnlySlackAndItIsBounded() {
        Limiter a = instance();
        Limiter b = instance();
        String key = "test:" + UUID.randomUUID();
        assertThat(admitted(a, key)).isTrue();
        int atT = 0;
        while (admitted(b, key)) {
            atT++;
        }
        assertThat(atT).isEqualTo(90);

        now.set(T.plusSeconds(59));
        int laterB = 0;
        while (admitted(b, key)) {
            laterB++;
        }
        int laterA = 0;
        while (admitted(a, key)) {
            laterA++;
        }
        assertThat(laterB).isEqualTo(98);
        assertThat(laterA).isEqualTo(9);
        assertThat(laterA + laterB).isEqualTo(98 + 9).isLessThanOrEqualTo(98 + (10 - 1) * 2);

        // a reserve older than a period is dropped: at T + 2 min nothing is held, the bucket is full again
        // (tat was T + 60 s + 98 × 0.6 s = T + 118.8 s) and the two admit exactly 100 together
        now.set(T.plusSeconds(120));
        int again = 0;
        for (int i = 0; i < 80; i++) {
            again += admitted(a, key) ? 1 : 0;
            again += admitted(b, key) ? 1 : 0;
        }
        assertThat(again).isEqualTo(100);
    }
}
