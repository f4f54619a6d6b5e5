package io.cordee.core.identity;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.TooManyRequests;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Where the slow password hash runs, and how many sign-ins may be under way at once.
 *
 * <p>A sign-in is admitted only while fewer than {@code maxInFlight} are: beyond that it is refused at
 * once with {@code TOO_MANY_REQUESTS} (retry in 1 s) instead of queueing without end — it has touched
 * nothing yet. An admitted sign-in hashes on {@code scheduler} (a few threads of its own, never an event
 * loop, never while holding a database connection).
 */
public final class BoundedHashing {

    public static final Duration RETRY_WHEN_BUSY = Duration.ofSeconds(1);

    private final Scheduler scheduler;
    private final Semaphore inFlight;
    private final int maxInFlight;

    public BoundedHashing(Scheduler scheduler, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.scheduler = scheduler;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** Runs {@code signIn} if there is room for one more sign-in, else refuses it at once. */
    public <T> Mono<T> admit(Supplier<Mono<T>> signIn) {
        return Mono.defer(() -> {
            if (!inFlight.tryAcquire()) {
                return Mono.error(new TooManyRequests(ErrorCode.TOO_MANY_REQUESTS,
                        "Too many sign-ins at once: try again in a moment", RETRY_WHEN_BUSY));
            }
            return signIn.get().doFinally(signal -> inFlight.release());
        });
    }

    /** The slow work, on the hashing threads. */
    public <T> Mono<T> hash(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    /** Sign-ins under way now (admitted and not finished). */
    public int inFlight() {
        return maxInFlight - inFlight.availablePermits();
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /** Stops the hashing threads (the application is closing). */
    public void dispose() {
        scheduler.dispose();
    }
}
