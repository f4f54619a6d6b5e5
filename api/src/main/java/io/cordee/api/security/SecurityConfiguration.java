package io.cordee.api.security;

import io.cordee.core.identity.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * HTTP security. Sessions are our own opaque tokens in PostgreSQL (any instance can check and revoke
 * them), so Spring's session store, form login and basic auth are off.
 *
 * <p>CSRF tokens are off because the browser cannot forge our requests: the session cookie is
 * SameSite=Strict, and {@code /graphql} takes operations only as POST with a JSON body, which no
 * cross-site form or simple request can send.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, IdentityService identity) {
        RedirectServerAuthenticationEntryPoint toSignIn = new RedirectServerAuthenticationEntryPoint("/?next=/graphiql");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(new SessionAuthenticationFilter(identity), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(auth -> auth
                        // Probes and the scraper need no session (ADR 18); in production the actuator is on its own port.
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        // GraphiQL is for signed-in developers.
                        .pathMatchers("/graphiql", "/graphiql/**").authenticated()
                        // Every GraphQL operation but signIn needs a caller: checked per operation by GraphQlAuthentication.
                        .anyExchange().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((exchange, ex) ->
                        ServerWebExchangeMatchers.pathMatchers("/graphiql", "/graphiql/**").matches(exchange)
                                .flatMap(m -> m.isMatch() ? toSignIn.commence(exchange, ex)
                                        : Mono.fromRunnable(() -> exchange.getResponse()
                                                .setStatusCode(HttpStatus.UNAUTHORIZED)))))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self' 'unsafe-inline' https://unpkg.com https://esm.sh;"
                                + " style-src 'self' 'unsafe-inline' https://unpkg.com https://esm.sh;"
                                + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'")))
                .build();
    }
}
