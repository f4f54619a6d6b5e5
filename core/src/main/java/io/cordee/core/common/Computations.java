package io.cordee.core.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where the CPU-heavy pure computations run — the cash forecast and its scenarios, exposures, capacity,
 * relationship health, brief feasibility, the alert rules, proposal options: on a bounded scheduler of
 * their own, never on the event loop that serves every request and reads the database, so that one
 * heavy request cannot stall everyone else's (ADR 24).
 *
 * <p>A computation whose request is cancelled (it timed out, the client went away) stops: if it has not
 * started it never does; if it is running, its thread is interrupted and the computation's long loops
 * call {@link #checkpoint()}, which ends it. The computations stay pure: a checkpoint reads nothing but
 * the interruption of the thread it runs on.
 */
public final class Computations {

    private final Scheduler scheduler;
    private final LongAdder started = new LongAdder();
    private final LongAdder stopped = new LongAdder();

    public Computations(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** For tests of services: computations run on the subscribing thread. */
    public static Computations immediate() {
        return new Computations(Schedulers.immediate());
    }

    /** The computation, run on the computation scheduler when subscribed; empty if it was stopped. */
    public <T> Mono<T> run(Supplier<T> computation) {
        return Mono.fromSupplier(() -> {
            started.increment();
            try {
                return computation.get();
            } catch (Stopped e) {
                stopped.increment();
                return null; // its subscriber is gone
            }
        }).subscribeOn(scheduler);
    }

    /**
     * Called in the long loops of a computation: ends it when its request was cancelled (the scheduler
     * interrupts the thread of a computation whose subscriber cancels).
     */
    public static void checkpoint() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Stopped();
        }
    }

    /** Stops the scheduler (the application is shutting down). */
    public void shutdown() {
        scheduler.dispose();
    }

    /** Computations started so far. */
    public long started() {
        return started.sum();
    }

    /** Computations stopped at a {@link #checkpoint()} because their request was cancelled. */
    public long stopped() {
        return stopped.sum();
    }

    /** A computation ended early: its request was cancelled. */
    public static final class Stopped extends CancellationException {
        public Stopped() {
            super("The computation was stopped: its request was cancelled");
        }
    }
}
