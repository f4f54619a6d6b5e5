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
     * and never more at once than the machine can run.
     */
    @Bean(destroyMethod = "shutdown")
    Computations computations(LimitsProperties limits, ObjectProvider<MeterRegistry> meters) {
        int threads = limits.computeThreads() > 0 ? limits.computeThreads()
                : Runtime.getRuntime().availableProcessors();
        Computations computations = new Computations(Schedulers.newParallel("cordee-compute", threads, true));
        meters.ifAvailable(registry -> {
            FunctionCounter.builder("cordee.computations.started", computations, Computations::started)
                    .description("CPU-heavy computations started on the computation scheduler").register(registry);
            FunctionCounter.builder("cordee.computations.stopped", computations, Computations::stopped)
                    .description("Computations stopped because their request was cancelled (timeout, client gone)")
                    .register(registry);
        });
        return computations;
    }
}
