package io.cordee.api.security;

import io.cordee.core.identity.BoundedHashing;
import io.cordee.core.identity.SignInThrottle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The sign-in throttle's rule and the password-hashing threads (ADR 23): {@code hashingThreads} daemon
 * threads of their own (half the processors by default) and at most {@code threads + queue} sign-ins under
 * way, so a burst of sign-ins neither starves the event loops nor grows a queue without end.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
public class SignInConfiguration {

    @Bean
    SignInThrottle signInThrottle(SignInProperties signIn) {
        return new SignInThrottle(signIn.freeAttempts(), signIn.firstDelay(), signIn.maxDelay(), signIn.window());
    }

    /** Not a {@code Scheduler} bean of its own: nothing else should find these threads by type. */
    @Bean(destroyMethod = "dispose")
    BoundedHashing boundedHashing(SignInProperties signIn) {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "password-hashing-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // the queue is bounded by BoundedHashing's admission (threads + queue sign-ins at most), not here
        ExecutorService executor = new ThreadPoolExecutor(signIn.threads(), signIn.threads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        Scheduler scheduler = Schedulers.fromExecutorService(executor, "password-hashing");
        return new BoundedHashing(scheduler, signIn.threads() + signIn.queue());
    }
}
