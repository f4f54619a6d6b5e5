package io.cordee.api.limits;

import io.cordee.api.pipeline.RequestPipeline;
import io.cordee.core.common.Computations;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.scheduler.Schedulers;

/** The server's protections against costly requests ({@code cordee.limits.*}, ADR 15 and 24). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LimitsProperties.class, SharedBucketsProperties.class})
public class LimitsConfiguration {

    /** Picked up by Spring Boot's GraphQL auto-configuration, as every {@code Instrumentation} bean. */
    @Bean
    @Order(RequestPipeline.QUERY_LIMITS)
    QueryLimits queryLimits(LimitsProperties limits,
                            @org.springframework.beans.factory.annotation.Value("${cordee.limits.analysis-cache-size:1000}") int cacheSize) {
        return new QueryLimits(limits, cacheSize);
    }

    /**
     * The CPU-heavy computations' own threads, as many as the cores by default: never the event loop's,
     * and never more at once than the machine can run. One queue for them all (a computation waits only when
     * every thread is busy, not behind the one its turn would give it, as on a parallel scheduler), and one
     * thread apart, at the lowest priority, for background work (ADR 92).
     */
    @Bean(destroyMethod = "shutdown")
    Computations computations(LimitsProperties limits, ObjectProvider<MeterRegistry> meters) {
        int threads = limits.computeThreads() > 0 ? limits.computeThreads()
                : Runtime.getRuntime().availableProcessors();
        Computations computations = new Computations(
                Schedulers.fromExecutorService(Executors.newFixedThreadPool(threads, daemons("cordee-compute-")),
                        "cordee-compute"),
                Schedulers.fromExecutorService(
                        Executors.newSingleThreadExecutor(new BackgroundThreads("cordee-background-")),
                        "cordee-background"));
        meters.ifAvailable(registry -> {
            FunctionCounter.builder("cordee.computations.started", computations, Computations::started)
                    .description("CPU-heavy computations started on the computation scheduler").register(registry);
            FunctionCounter.builder("cordee.computations.stopped", computations, Computations::stopped)
                    .description("Computations stopped because their request was cancelled (timeout, client gone)")
                    .register(registry);
        });
        return computations;
    }

    /** Daemon threads named {@code prefix} and a number. */
    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
