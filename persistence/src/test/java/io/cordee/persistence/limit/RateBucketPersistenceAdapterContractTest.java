package io.cordee.persistence.limit;

import io.cordee.core.limit.RateBuckets;
import io.cordee.core.limit.RateBucketsContract;
import io.cordee.persistence.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;

/**
 * The R2DBC adapter keeps the {@link RateBuckets} contract on the real PostgreSQL. It opens a pool of its own
 * (ADR 23), so the tests share one adapter, closed after them.
 */
class RateBucketPersistenceAdapterContractTest extends RateBucketsContract {

    private static final RateBucketPersistenceAdapter BUCKETS = new RateBucketPersistenceAdapter(
            TestDatabase.client().getConnectionFactory(), 1, Duration.ofSeconds(10));

    @Override
    protected RateBuckets buckets() {
        return BUCKETS;
    }

    @AfterAll
    static void closeThePool() {
        BUCKETS.destroy();
    }
}
