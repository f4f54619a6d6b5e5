package io.cordee.core.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

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
 *
 * <p>Background work (the daily alert pass, ADR 92) subscribes with {@link #inBackground(Context)} in its
 * context: its computations then run on a scheduler of their own, so that a request's forecast never waits
 * in a queue behind a background Monte Carlo run; the two only share the processor.
 */
public final class Computations {

    private static final Object BACKGROUND = Computations.class.getName() + ".background";

    private final Scheduler scheduler;
    private final Scheduler background;
    private final LongAdder started = new LongAdder();
    private final LongAdder stopped = new LongAdder();

    /** Requests' and background work's computations on one scheduler. */
    public Computations(Scheduler scheduler) {
        this(scheduler, scheduler);
    }

    /** Requests' computations on {@code scheduler}, background work's on {@code background}. */
    public Computations(Scheduler scheduler, Scheduler background) {
        this.scheduler = scheduler;
        this.background = background;
    }

    /** For tests of services: computations run on the subscribing thread. */
    public static Computations immediate() {
        return new Computations(Schedulers.immediate());
    }

    /**
     * Marks a subscriber's context as background work (a {@code contextWrite} argument): the computations
     * it subscribes to run on the background scheduler.
     */
    public static Context inBackground(Context context) {
        return context.put(BACKGROUND, Boolean.TRUE);
    }

    /** Whether {@code context} was marked by {@link #inBackground(Context)}. */
    public static boolean isBackground(ContextView context) {
        return context.hasKey(BACKGROUND);
    }

    /**
     * The computation, run when subscribed on the computation scheduler (the background one for background
     * work); empty if it was stopped.
     */
    public <T> Mono<T> run(Supplier<T> computation) {
        return Mono.deferContextual(context -> compute(computation)
                .subscribeOn(isBackground(context) ? background : scheduler));
    }

    private <T> Mono<T> compute(Supplier<T> computation) {
        return Mono.fromSupplier(() -> {
            started.increment();
            try {
                return computation.get();
            } catch (Stopped e) {
                stopped.increment();
                return null; // its subscriber is gone
            }
        });
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
        background.dispose();
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
