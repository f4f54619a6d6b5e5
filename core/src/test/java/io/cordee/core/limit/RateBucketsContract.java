package io.cordee.core.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.limit.RateBuckets.Grant;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateBuckets} promises the request limits (ADR 0080, ADR 23, ADR 84): a bucket of {@code c}
 * requests a period gives one back every period / c, starts full, refuses with the time until the next one, and
 * keeps its state until it is full again. Buckets belong to no agency: each test uses keys of its own.
 */
public abstract class RateBucketsContract {

    private static final Instant T0 = Instant.parse("2027-03-01T09:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    protected abstract RateBuckets buckets();

    private RateBuckets buckets;
    private String key;

    @BeforeEach
    void aBucketOfItsOwn() {
        buckets = buckets();
        key = "contract:" + UUID.randomUUID();
    }

    @Test
    void aBucketOfThreeAMinuteGivesOneBackEveryTwentySeconds() {
        // 3 a minute: one request comes back every 60 / 3 = 20 s; a new bucket is full
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take(key, 3, MINUTE, T0).block()).isEqualTo(Duration.ZERO);
        }
        // the fourth at once is refused: the first comes back at 9:00:20
        assertThat(buckets.take(key, 3, MINUTE, T0).block()).isEqualTo(Duration.ofSeconds(20));
        assertThat(buckets.take(key, 3, MINUTE, T0.plusSeconds(15)).block()).isEqualTo(Duration.ofSeconds(5));
        assertThat(buckets.take(key, 3, MINUTE, T0.plusSeconds(20)).block()).isEqualTo(Duration.ZERO);
        // and only that one: the next at 9:00:40
        assertThat(buckets.take(key, 3, MINUTE, T0.plusSeconds(20)).block()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aBatchTakesWhatTheBucketHoldsUpToItsMost() {
        // 10 a minute: one back every 6 s. A new bucket gives 4 of the 4 asked, then 6 of the 10 asked (all it
        // has left), then none, with the next one 6 s away
        assertThat(buckets.takeUpTo(key, 10, MINUTE, T0, 4).block()).isEqualTo(new Grant(4, Duration.ZERO));
        assertThat(buckets.takeUpTo(key, 10, MINUTE, T0, 10).block()).isEqualTo(new Grant(6, Duration.ZERO));
        assertThat(buckets.takeUpTo(key, 10, MINUTE, T0, 5).block()).isEqualTo(new Grant(0, Duration.ofSeconds(6)));
        // 12 s later two have come back: 12 / 6 = 2
        assertThat(buckets.takeUpTo(key, 10, MINUTE, T0.plusSeconds(12), 5).block())
                .isEqualTo(new Grant(2, Duration.ZERO));
    }

    @Test
    void eachKeyIsABucketOfItsOwn() {
        String other = key + ":other";
        assertThat(buckets.take(key, 1, MINUTE, T0).block()).isEqualTo(Duration.ZERO);
        assertThat(buckets.take(key, 1, MINUTE, T0).block()).isEqualTo(MINUTE);
        assertThat(buckets.take(other, 1, MINUTE, T0).block()).isEqualTo(Duration.ZERO);
    }

    @Test
    void theCleanUpDeletesFullBucketsAndKeepsTheOthers() {
        // the emptied bucket (3 a minute) is full again at 9:01; the other (3 every 3 s, one taken) at 9:00:01
        String emptied = key;
        String nearlyFull = key + ":nearly-full";
        for (int i = 0; i < 3; i++) {
            buckets.take(emptied, 3, MINUTE, T0).block();
        }
        buckets.take(nearlyFull, 3, Duration.ofSeconds(3), T0).block();

        assertThat(buckets.deleteFull(T0.plusSeconds(5)).block()).isGreaterThanOrEqualTo(1L);
        // the emptied one was kept: at 9:00:05 its first request is still 15 s away (9:00:20)
        assertThat(buckets.take(emptied, 3, MINUTE, T0.plusSeconds(5)).block()).isEqualTo(Duration.ofSeconds(15));
        // a deleted bucket is a full one
        assertThat(buckets.takeUpTo(nearlyFull, 3, Duration.ofSeconds(3), T0.plusSeconds(5), 3).block())
                .isEqualTo(new Grant(3, Duration.ZERO));
    }
}
