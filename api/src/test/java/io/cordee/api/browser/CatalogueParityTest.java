package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Issue 19 point 8 (ADR 63): French and English say the same things. {@code t()} falls back to English when a
 * French entry is missing, so a forgotten key shows English on a French page without any error; these tests
 * name the keys instead.
 */
class CatalogueParityTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    /** Per file: a view's words file holds the same keys in both languages, and so does the shell's i18n.js. */
    @Test
    void englishAndFrenchHaveTheSameKeys() {
        assertThat(Catalogue.declaredKeys("en")).as("the catalogue has words at all").hasSizeGreaterThan(1000);
        Map<String, String> sources = Catalogue.sources();
        assertThat(sources.keySet()).as("the catalogue files").contains("i18n.js", "cockpit.words.js", "briefs.words.js");
        Map<String, List<String>> differences = new TreeMap<>();
        sources.forEach((name, source) -> {
            Set<String> en = new LinkedHashSet<>(Catalogue.declaredKeys(name, source, "en"));
            Set<String> fr = new LinkedHashSet<>(Catalogue.declaredKeys(name, source, "fr"));
            Set<String> missingInFrench = new TreeSet<>(en);
            missingInFrench.removeAll(fr);
            Set<String> missingInEnglish = new TreeSet<>(fr);
            missingInEnglish.removeAll(en);
            List<String> found = new ArrayList<>();
            missingInFrench.forEach(k -> found.add(k + " missing in fr"));
            missingInEnglish.forEach(k -> found.add(k + " missing in en"));
            if (!found.isEmpty()) {
                differences.put(name, found);
            }
        });
        assertThat(differences).as("keys of one language missing in the other, per catalogue file").isEmpty();
    }

    /**
     * ADR 67: a view's words arrive with its module ({@code x.js} imports {@code ./x.words.js} and hands it to
     * {@code addMessages}), so a key of {@code x.words.js} named by any other module would print as "x.y" when that
     * module shows before x.js has loaded. Such a key belongs in i18n.js (the shell's, always loaded). The modules of
     * the view's folder ({@code js/views/x/…}) are loaded only by x.js and may name its words. A module shared by
     * views outside {@code js/views/} has its words beside it the same way ({@code js/evidence.words.js}, registered
     * by {@code js/evidence.js}, ADR 0081).
     */
    @Test
    void aViewsWordsAreRegisteredByItAndNamedByNoOtherModule() throws IOException {
        Map<String, String> scripts = new TreeMap<>();
        for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/resources/**/*.js")) {
            String url = script.getURL().toString();
            if (!url.contains("/webjars/") && !url.contains("/graphiql/") && !url.endsWith(".words.js") && !url.endsWith("/js/i18n.js")) {
                scripts.put(url.substring(url.indexOf("META-INF/resources/") + "META-INF/resources/".length()),
                        script.getContentAsString(StandardCharsets.UTF_8));
            }
        }
        List<String> wrong = new ArrayList<>();
        Catalogue.sources().forEach((name, source) -> {
            if (name.equals("i18n.js")) {
                return;
            }
            String module = name.replace(".words.js", ".js");
            String view = scripts.containsKey("js/views/" + module) ? "js/views/" + module : "js/" + module;
            String code = scripts.get(view);
            if (code == null || !code.contains("import words from './" + name + "';") || !code.contains("addMessages(words);")) {
                wrong.add(name + ": " + view + " does not import it and call addMessages(words)");
                return;
            }
            for (String key : Catalogue.declaredKeys(name, source, "en")) {
                Pattern named = Pattern.compile("['\"`]" + Pattern.quote(key) + "['\"`]");
                scripts.forEach((other, text) -> {
                    // the modules of the view's own folder (js/views/x/…, ADR 0081) load with it and are part of it
                    boolean ownPart = other.startsWith(view.replace(".js", "/"));
                    if (!other.equals(view) && !ownPart && named.matcher(text).find()) {
                        wrong.add(key + " of " + name + " is named by " + other);
                    }
                });
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** A key written twice in one block silently keeps the last value: one of the two texts is dead. */
    @Test
    void noKeyIsWrittenTwiceInOneLanguage() {
        for (String language : List.of("en", "fr")) {
            List<String> keys = Catalogue.declaredKeys(language);
            Set<String> seen = new HashSet<>();
            Set<String> twice = new TreeSet<>();
            keys.forEach(k -> {
                if (!seen.add(k)) {
                    twice.add(k);
                }
            });
            assertThat(twice).as("keys written twice in `" + language + "`").isEmpty();
        }
    }

    /** Every value is read by the parser (so the browser test compares every text), with the same placeholders. */
    @Test
    void bothLanguagesFillTheSamePlaceholders() {
        Catalogue catalogue = Catalogue.load();
        assertThat(catalogue.en()).as("every `en` value is a plain string literal")
                .hasSameSizeAs(Catalogue.declaredKeys("en"));
        assertThat(catalogue.fr()).as("every `fr` value is a plain string literal")
                .hasSameSizeAs(Catalogue.declaredKeys("fr"));
        Map<String, String> fr = catalogue.map("fr");
        List<String> different = new ArrayList<>();
        catalogue.map("en").forEach((key, english) -> {
            String french = fr.get(key);
            if (french != null && !placeholders(english).equals(placeholders(french))) {
                different.add(key + ": en " + placeholders(english) + " ≠ fr " + placeholders(french));
            }
        });
        assertThat(different).isEmpty();
    }

    /** A key the code asks for literally, {@code t('x.y')}, exists; otherwise the page prints "x.y". */
    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> en = new HashSet<>(Catalogue.declaredKeys("en"));
        Pattern call = Pattern.compile("\\bt\\('([^'$]+)'");
        Set<String> unknown = new TreeSet<>();
        int calls = 0;
        for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/resources/**/*.js")) {
            String url = script.getURL().toString();
            if (url.contains("/webjars/") || url.contains("/graphiql/")) {
                continue;
            }
            Matcher m = call.matcher(script.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                calls++;
                if (!en.contains(m.group(1))) {
                    unknown.add(m.group(1) + " (" + url.substring(url.lastIndexOf('/') + 1) + ")");
                }
            }
        }
        assertThat(calls).as("t('…') calls found").isGreaterThan(500);
        assertThat(unknown).isEmpty();
    }

    /**
     * A figure is printed through i18n.js's Intl formatters ({@code formatPercent(p / 100)}), never as
     * {@code `${p} %`}, which shows "42.6667 %" in French. CSS widths ({@code `${w}%`}) have no space and pass.
     */
    @Test
    void noViewPrintsARawPercentage() throws IOException {
        Pattern raw = Pattern.compile("\\$\\{[^}]+\\} %");
        Set<String> offending = new TreeSet<>();
        for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/resources/**/*.js")) {
            String url = script.getURL().toString();
            if (url.contains("/webjars/") || url.contains("/graphiql/") || url.endsWith("/js/i18n.js")) {
                continue;
            }
            Matcher m = raw.matcher(script.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                offending.add(url.substring(url.lastIndexOf('/') + 1) + ": " + m.group());
            }
        }
        assertThat(offending).isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
