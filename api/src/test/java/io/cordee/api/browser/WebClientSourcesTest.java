package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The SPA's own scripts (not the WebJars) never hand a string to the browser's HTML parser: API text
 * reaches the page only through Lit templates, which escape it.
 */
class WebClientSourcesTest {

    /** ADR 0081: the most lines a file of the SPA may have. */
    private static final int MAX_LINES = 400;

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

    /**
     * Issue 14 point 7 (ADR 41): a view's code is downloaded when its route is opened, so every entry of
     * {@code PAGES} in {@code app.js} has a {@code load: () => import('./js/views/….js')} whose files exist,
     * and {@code app.js} imports nothing of {@code js/views/} statically (that would put it on the sign-in page).
     */
    @Test
    void everyPageLoadsItsOwnExistingCodeAndAppJsImportsNoViewStatically() throws IOException {
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        String app = resources.getResource("classpath:META-INF/resources/app.js").getContentAsString(StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("(?ms)^const PAGES = \\{\\n(.*?)^\\};").matcher(app);
        assertThat(block.find()).as("app.js declares const PAGES = { … };").isTrue();
        // one entry per line that opens at two spaces of indent: `  name: { label: …`
        Matcher entry = Pattern.compile("(?m)^  (\\w+): \\{").matcher(block.group(1));
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (entry.find()) {
            starts.add(entry.start());
            names.add(entry.group(1));
        }
        assertThat(names).as("the pages of app.js").contains("cockpit", "clients", "staffing", "portal");
        Map<String, List<String>> loaders = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String text = block.group(1).substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : block.group(1).length());
            Matcher load = Pattern.compile("load: \\(\\) => (.*?), render:", Pattern.DOTALL).matcher(text);
            List<String> files = new ArrayList<>();
            if (load.find()) {
                Matcher imported = Pattern.compile("import\\('\\./(js/views/[\\w-]+\\.js)'\\)").matcher(load.group(1));
                while (imported.find()) {
                    files.add(imported.group(1));
                }
            }
            loaders.put(names.get(i), files);
        }
        assertThat(loaders).as("pages without `load: () => import('./js/views/….js')`").allSatisfy((page, files) ->
                assertThat(files).as(page).isNotEmpty().allSatisfy(file ->
                        assertThat(resources.getResource("classpath:META-INF/resources/" + file).exists()).as(file).isTrue()));
        assertThat(app).as("a static import of a view in app.js").doesNotContainPattern("(?m)^import\\s[^;]*js/views/");
    }

    /**
     * ADR 0081 (issue 21 point 5: no file over about 400 lines): every file of the SPA that is ours stays short enough
     * to read: its scripts ({@code app.js}, {@code js/i18n.js}, every module, part and words file of {@code js/views/}),
     * its stylesheets ({@code app.css}, every {@code js/views/<view>.css}) and its pages; not the WebJars nor the
     * minified uPlot under {@code vendor/}. Every {@code js/views/<view>.css} is awaited by {@code js/views/<view>.js}
     * (loaded with the view, never on the first paint), and every sheet a view awaits exists.
     */
    @Test
    void everyFileOfTheSpaStaysShortAndEachViewAwaitsItsOwnStylesheet() throws IOException {
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        Map<String, Long> tooLong = new LinkedHashMap<>();
        List<String> checked = new ArrayList<>();
        for (String kind : List.of("js", "css", "html")) {
            for (Resource file : resources.getResources("classpath*:META-INF/resources/**/*." + kind)) {
                String url = file.getURL().toString();
                if (url.contains("/webjars/") || url.contains("/vendor/")) {
                    continue;
                }
                String path = url.substring(url.indexOf("META-INF/resources/") + "META-INF/resources/".length());
                checked.add(path);
                long lines = file.getContentAsString(StandardCharsets.UTF_8).lines().count();
                if (lines > MAX_LINES) {
                    tooLong.put(path, lines);
                }
            }
        }
        assertThat(checked).as("the SPA's files, read from the classpath")
                .contains("app.js", "app.css", "index.html", "js/i18n.js", "js/views/cockpit.js", "js/views/briefs.css")
                .hasSizeGreaterThan(80);
        assertThat(tooLong).as("files of the SPA over " + MAX_LINES + " lines").isEmpty();

        List<String> missing = new ArrayList<>();
        for (Resource script : resources.getResources("classpath*:META-INF/resources/js/views/**/*.js")) {
            String source = script.getContentAsString(StandardCharsets.UTF_8);
            Matcher sheet = Pattern.compile("stylesheet\\('/(js/views/[\\w/-]+\\.css)'\\)").matcher(source);
            while (sheet.find()) {
                if (!resources.getResource("classpath:META-INF/resources/" + sheet.group(1)).exists()) {
                    missing.add(sheet.group(1));
                }
            }
        }
        List<String> notAwaited = new ArrayList<>();
        Resource[] sheets = resources.getResources("classpath*:META-INF/resources/js/views/*.css");
        for (Resource sheet : sheets) {
            String name = sheet.getFilename();
            Resource view = resources.getResource("classpath:META-INF/resources/js/views/" + name.replace(".css", ".js"));
            if (!view.exists() || !view.getContentAsString(StandardCharsets.UTF_8).contains("await stylesheet('/js/views/" + name + "');")) {
                notAwaited.add(name);
            }
        }
        assertThat(sheets).as("the views' own stylesheets").hasSizeGreaterThanOrEqualTo(13);
        assertThat(missing).as("stylesheets a view awaits but the jar lacks").isEmpty();
        assertThat(notAwaited).as("js/views/<view>.css not awaited by js/views/<view>.js").isEmpty();
    }
}
