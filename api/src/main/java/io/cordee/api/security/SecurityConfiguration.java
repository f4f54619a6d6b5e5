package io.cordee.api.security;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * HTTP security. Sessions are our own opaque tokens in PostgreSQL (any instance can check and revoke
 * them), so Spring's session store, form login and basic auth are off.
 *
 * <p>Partner systems send an API token ({@code Authorization: Bearer cordee_pat_…}) to {@code /graphql}
 * only; GraphiQL and sign-in are for people (ADR 14).
 *
 * <p>CSRF tokens are off because the browser cannot forge our requests: the session cookie is
 * SameSite=Strict, and {@code /graphql} takes mutations only as POST with a JSON body, which no
 * cross-site form or simple request can send ({@code GraphQlOverHttp}: GET runs queries only).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * No observation per security filter: Spring Security otherwise wraps each filter of the chain, and each
     * authorization, in an observation of its own, which cost about a tenth of a small request's processor time
     * (ADR 101). The request itself stays observed ({@code http.server.requests}, {@code graphql.request}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http, Authenticator authenticator,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath,
            @Value("${cordee.cors.allowed-origins:}") List<String> allowedOrigins) {
        RedirectServerAuthenticationEntryPoint toSignIn = new RedirectServerAuthenticationEntryPoint("/?next=/graphiql");
        return http
                .cors(cors -> cors.configurationSource(cors(graphQlPath, allowedOrigins)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(new SessionAuthenticationFilter(authenticator, graphQlPath),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(auth -> auth
                        // Probes and the scraper need no session (ADR 18); in production the actuator is on its own port.
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        // GraphiQL is for signed-in developers.
                        .pathMatchers("/graphiql", "/graphiql/**").authenticated()
                        // The printed schema (ADR 76): what introspection tells, for the same callers (a session or an API token).
                        .pathMatchers(graphQlPath + "/schema").authenticated()
                        // Every GraphQL operation but signIn needs a caller: checked per operation by GraphQlAuthentication.
                        .anyExchange().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((exchange, ex) ->
                        ServerWebExchangeMatchers.pathMatchers("/graphiql", "/graphiql/**").matches(exchange)
                                .flatMap(m -> m.isMatch() ? toSignIn.commence(exchange, ex)
                                        : Mono.fromRunnable(() -> exchange.getResponse()
                                                .setStatusCode(HttpStatus.UNAUTHORIZED)))))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.directives())))
                .build();
    }

    /**
     * Users are ours ({@link Authenticator}), never Spring's: this empty store keeps Spring Boot from creating
     * its default user and logging "Using generated security password" at every start.
     */
    @Bean
    ReactiveUserDetailsService noSpringUsers() {
        return username -> Mono.empty();
    }

    /**
     * CORS is off unless {@code cordee.cors.allowed-origins} names origins (comma-separated, exact
     * {@code https://app.example.com}): then those origins, and only they, may call {@code /graphql} from a
     * browser with GET or POST and the {@code Authorization} header (an API token). Credentials (the
     * session cookie) are never allowed cross-origin: the cookie is SameSite=Strict and stays first-party.
     */
    public static CorsConfigurationSource cors(String graphQlPath, List<String> allowedOrigins) {
        List<String> origins = allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(List.of("GET", "POST"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key"));
            config.setExposedHeaders(List.of("Retry-After", "WWW-Authenticate"));
            config.setAllowCredentials(false);
            config.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration(graphQlPath, config);
        }
        return source;
    }
}
