package io.cordee.api.config;

import io.cordee.core.search.SearchRepository;
import io.cordee.core.search.SearchService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The search box's service (ADR 0068), in its own file so that CoreConfiguration's many editors do not meet here. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    SearchService searchService(SearchRepository repository) {
        return new SearchService(repository);
    }
}
