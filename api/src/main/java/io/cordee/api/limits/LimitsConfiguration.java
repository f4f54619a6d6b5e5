package io.cordee.api.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's protections against costly requests ({@code cordee.limits.*}, ADR 15). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LimitsProperties.class, SharedBucketsProperties.class})
public class LimitsConfiguration {

    /** Picked up by Spring Boot's GraphQL auto-configuration, as every {@code Instrumentation} bean. */
    @Bean
    QueryLimits queryLimits(LimitsProperties limits) {
        return new QueryLimits(limits);
    }
}
