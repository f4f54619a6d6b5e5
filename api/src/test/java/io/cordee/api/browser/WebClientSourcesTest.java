package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The SPA's own scripts (not the WebJars) never hand a string to the browser's HTML parser: API text
 * reaches the page only through Lit templates, which escape it.
 */
class WebClientSourcesTest {

    private static final Pattern HTML_SINKS = Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|unsafeHTML|unsafeSVG|document\\.write|\\beval\\(|new Function\\(");

    @Test
    void noScriptWritesRawHtml() throws IOException {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/resources/**/*.js");
        List<String> own = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        for (Resource script : scripts) {
            String url = script.getURL().toString();
            if (url.contains("/webjars/")) {
                continue;
            }
            own.add(url);
            String source = script.getContentAsString(StandardCharsets.UTF_8);
            if (HTML_SINKS.matcher(source).find()) {
                offending.add(url);
            }
        }
        assertThat(own).as("the SPA's scripts are on the classpath").anyMatch(u -> u.endsWith("/app.js"))
                .anyMatch(u -> u.endsWith("/js/views/cockpit.js"));
        assertThat(offending).isEmpty();
    }
}
