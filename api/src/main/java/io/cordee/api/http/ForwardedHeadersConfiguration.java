package io.cordee.api.http;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * With {@code server.forward-headers-strategy=framework} (the default in {@code application.properties}),
 * forwarded headers are applied by {@link TrustedForwardedHeaders}, in place of Boot's transformer that
 * believes every client. The bean's name is the one WebFlux looks up.
 */
@Configuration(proxyBeanMethods = false)
public class ForwardedHeadersConfiguration {

    @Bean
    @ConditionalOnProperty(name = "server.forward-headers-strategy", havingValue = "framework")
    ForwardedHeaderTransformer forwardedHeaderTransformer(
            @Value("${cordee.http.trusted-proxies:" + TrustedForwardedHeaders.DEFAULT_TRUSTED_PROXIES + "}")
            List<String> trustedProxies) {
        return new TrustedForwardedHeaders(trustedProxies);
    }
}
