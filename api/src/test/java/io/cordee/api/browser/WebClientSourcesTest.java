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

    /**
     * Issue 13 point 10: "today" is the server's ({@code js/clock.js}, from {@code agency { now timeZone }}),
     * never the computer's date, which around midnight or in another time zone names another day or month.
     * {@code new Date()} without an argument and {@code Date.now()} appear in {@code clock.js} only.
     */
    @Test
    void onlyTheClockModuleReadsTheComputersClock() throws IOException {
        Pattern computersClock = Pattern.compile("new Date\\(\\)|Date\\.now\\(|toLocaleDateString\\(");
        List<String> offending = new ArrayList<>();
        for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/resources/**/*.js")) {
            String url = script.getURL().toString();
            if (url.contains("/webjars/") || url.endsWith("/js/clock.js")) {
                continue;
            }
            if (computersClock.matcher(script.getContentAsString(StandardCharsets.UTF_8)).find()) {
                offending.add(url);
            }
        }
        assertThat(offending).isEmpty();
    }
}
