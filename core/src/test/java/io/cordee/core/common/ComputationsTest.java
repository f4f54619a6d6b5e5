package io.cordee.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Requests' computations and background work's run on schedulers of their own (ADR 92): a request's forecast
 * never waits behind the daily pass's Monte Carlo run, which only shares the processor with it.
 */
class ComputationsTest {

    private final Scheduler requests = Schedulers.newSingle("test-requests");
    private final Scheduler background = Schedulers.newSingle("test-background");
    private final Computations computations = new Computations(requests, background);

    @AfterEach
    void stop() {
        computations.shutdown();
    }

    @Test
    void aComputationRunsOnTheRequestsSchedulerUnlessItsSubscriberIsBackgroundWork() {
        StepVerifier.create(computations.run(() -> Thread.currentThread().getName()))
                .assertNext(thread -> assertThat(thread).startsWith("test-requests"))
                .verifyComplete();
        StepVerifier.create(computations.run(() -> Thread.currentThread().getName())
                        .contextWrite(Computations::inBackground))
                .assertNext(thread -> assertThat(thread).startsWith("test-background"))
                .verifyComplete();
    }

    @Test
    void theMarkReachesComputationsSubscribedFurtherDownTheChain() {
        // as the daily pass marks the whole evaluation of an agency, whose computations are inner subscriptions
        Mono<String> evaluation = Mono.just("agency")
                .flatMap(agency -> computations.run(() -> agency + " on " + Thread.currentThread().getName()));
        StepVerifier.create(evaluation.contextWrite(Computations::inBackground))
                .assertNext(answer -> assertThat(answer).startsWith("agency on test-background"))
                .verifyComplete();
    }

    @Test
    void aRequestsComputationIsNotQueuedBehindBackgroundWork() throws InterruptedException {
        CountDownLatch backgroundHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the background thread is held busy (as by a long Monte Carlo run) until the request's answer is in
        var held = computations.run(() -> {
            backgroundHeld.countDown();
            await(release);
            return "background done";
        }).contextWrite(Computations::inBackground).subscribe();
        try {
            assertThat(backgroundHeld.await(30, TimeUnit.SECONDS)).as("the background computation started").isTrue();
            // on one shared single-thread scheduler this would wait for `release`, which comes only after it
            StepVerifier.create(computations.run(() -> "request answered"))
                    .expectNext("request answered")
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        } finally {
            release.countDown();
            held.dispose();
        }
    }

    @Test
    void oneSchedulerServesBothWhenNoBackgroundSchedulerIsGiven() {
        Computations shared = new Computations(requests);
        StepVerifier.create(shared.run(() -> Thread.currentThread().getName()).contextWrite(Computations::inBackground))
                .assertNext(thread -> assertThat(thread).startsWith("test-requests"))
                .verifyComplete();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
