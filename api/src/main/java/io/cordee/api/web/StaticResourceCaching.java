package io.cordee.api.web;

import io.cordee.api.pipeline.RequestPipeline;
import io.cordee.api.security.CallerAuthentication;
import io.cordee.core.identity.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webflux.autoconfigure.ResourceHandlerRegistrationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * How browsers keep the SPA's files (ADR 33). Every static file carries an ETag made of its content's hash, so
 * a browser asks again with {@code If-None-Match} and gets an empty 304 when nothing changed — the same answer
 * from every instance of a release, unlike a jar entry's modification time. {@code index.html} (at {@code /}
 * and {@code /index.html}) is {@code no-cache}: revalidated at every visit, so a new release is seen at once.
 * The other files (scripts, styles, WebJars) may be reused without asking for
 * {@code spring.web.resources.cache.cachecontrol.max-age} (5 minutes), then are revalidated. Spring Security's
 * {@code no-store} stays on every other answer ({@code /graphql} above all): it only writes its cache headers
 * when the answer has none.
 */
@Configuration(proxyBeanMethods = false)
public class StaticResourceCaching {

    /** Content hashes of the classpath's static files, by URL and modification time (a fixed, small set). */
    private static final Map<String, String> ETAGS = new ConcurrentHashMap<>();

    @Bean
    ResourceHandlerRegistrationCustomizer contentEtags() {
        return registration -> registration.setEtagGenerator(StaticResourceCaching::etag);
    }

    /**
     * {@code /} and {@code /index.html}, ahead of Spring Boot's welcome page (which sets no validator): the
     * page is tiny and names every other file, so it is always revalidated. A visitor signed in as an
     * {@code OWNER} or {@code FINANCE} user, whose home is the cockpit, gets the page with the cockpit's
     * modules preloaded beside the shell's (ADR 83): a different body, so a different ETag, and
     * {@code Vary: Cookie} on both; everyone else (the sign-in page above all) gets the file as it is.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> indexHtml(ResourceLoader resources) {
        Resource index = resources.getResource("classpath:/META-INF/resources/index.html");
        CacheControl revalidate = CacheControl.noCache();
        return RouterFunctions.route(
                RequestPredicates.GET("/").or(RequestPredicates.GET("/index.html"))
                        .and(RequestPredicates.accept(MediaType.TEXT_HTML)),
                request -> {
                    // beside the filter's Accept-Encoding (a builder's Vary would replace it), on 200 and 304 alike
                    request.exchange().getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.COOKIE);
                    return ReactiveSecurityContextHolder.getContext()
                            .map(SecurityContext::getAuthentication)
                            .filter(StaticResourceCaching::homeIsTheCockpit)
                            .map(cockpit -> IndexPage.of(index).cockpit())
                            .defaultIfEmpty(IndexPage.of(index).anonymous())
                            .flatMap(page -> request.checkNotModified(page.etag())
                                    .switchIfEmpty(Mono.defer(() -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                                            .cacheControl(revalidate).eTag(page.etag()).bodyValue(page.body()))));
                });
    }

    /** A browser session (not an API token) of a role whose first page is the cockpit (app.js, PAGES_BY_ROLE). */
    static boolean homeIsTheCockpit(Authentication authentication) {
        return authentication instanceof CallerAuthentication caller && caller.apiToken().isEmpty()
                && (caller.getPrincipal().role() == Role.OWNER || caller.getPrincipal().role() == Role.FINANCE);
    }

    /**
     * index.html as a new visitor gets it, and with the cockpit's modules preloaded: the cockpit's code, words and panels
     * then download with app.js instead of after it, one level off the chain that ends with the forecast, the
     * cockpit's largest paint (docs/benchmarks.md). Only modulepreload, which fetches and never runs: nothing of
     * the cockpit runs unless its route is opened, and the content security policy's {@code script-src 'self'}
     * covers them.
     */
    record IndexPage(Page anonymous, Page cockpit) {

        static final String COCKPIT_MODULES = """
                  <link rel="modulepreload" href="/js/views/cockpit.js">
                  <link rel="modulepreload" href="/js/views/cockpit.words.js">
                  <link rel="modulepreload" href="/js/views/cockpit/panels.js">
                """;
        private static final String APP_SCRIPT = "  <script type=\"module\" src=\"/app.js\"></script>";
        private static final Map<String, IndexPage> PAGES = new ConcurrentHashMap<>();

        static IndexPage of(Resource index) {
            try {
                return PAGES.computeIfAbsent(index.getURL() + "@" + index.lastModified(), k -> read(index));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static IndexPage read(Resource index) {
            try (InputStream in = index.getInputStream()) {
                String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Page plain = new Page(html.getBytes(StandardCharsets.UTF_8), etag(index));
                if (!html.contains(APP_SCRIPT)) {
                    // the page as it is rather than none; CompressionAndCachingTest fails on it
                    return new IndexPage(plain, plain);
                }
                String cockpit = html.replace(APP_SCRIPT, COCKPIT_MODULES + APP_SCRIPT);
                return new IndexPage(plain, new Page(cockpit.getBytes(StandardCharsets.UTF_8), "\"" + sha256(cockpit) + "\""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One form of index.html: its bytes and its strong ETag. */
    record Page(byte[] body, String etag) {
    }

    /**
     * {@code Vary: Accept-Encoding} on every answer: a shared cache (a CDN, a company proxy) that keeps a gzipped
     * script for its five minutes must not hand it to a client that did not ask for gzip. Netty's compressor
     * does not add it.
     */
    @Bean
    @Order(RequestPipeline.VARY_ON_ACCEPT_ENCODING)
    WebFilter varyOnAcceptEncoding() {
        return new VaryOnAcceptEncoding();
    }

    /** A class of its own (not a lambda) so that the request pipeline can name it (ADR 78). */
    public static final class VaryOnAcceptEncoding implements WebFilter {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            exchange.getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            return chain.filter(exchange);
        }
    }

    /** A strong ETag (quoted) of the resource's content: the first 16 bytes of its SHA-256, in hex. */
    static String etag(Resource resource) {
        try {
            String key = resource.getURL() + "@" + resource.lastModified();
            return ETAGS.computeIfAbsent(key, k -> "\"" + sha256(resource) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
