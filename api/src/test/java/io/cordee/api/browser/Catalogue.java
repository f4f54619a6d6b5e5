package io.cordee.api.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The SPA's word catalogue (ADR 63) read as text: the shell's words in {@code js/i18n.js} and each view's in its
 * {@code js/views/<view>.words.js} (ADR 67), or beside the shared module that registers them ({@code js/evidence.words.js},
 * ADR 0081), every file with an {@code en} and an {@code fr} block, each entry
 * {@code 'key': 'value'} or {@code 'key': "value"}, in file order, duplicates kept so a test can see them.
 */
record Catalogue(List<Map.Entry<String, String>> en, List<Map.Entry<String, String>> fr) {

    static final String PATH = "META-INF/resources/js/i18n.js";
    static final String WORDS = "classpath*:META-INF/resources/js/**/*.words.js";
    private static final Pattern ENTRY = Pattern.compile(
            "'([A-Za-z0-9_.\\-]+)'\\s*:\\s*('(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\")");
    private static final Pattern KEY = Pattern.compile("'([A-Za-z0-9_.\\-]+)'\\s*:");

    static String source() {
        try {
            return new ClassPathResource(PATH).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every catalogue file's text by its name ({@code i18n.js}, {@code cockpit.words.js}, …), i18n.js first. */
    static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("i18n.js", source());
        try {
            for (Resource words : new PathMatchingResourcePatternResolver().getResources(WORDS)) {
                sources.put(words.getFilename(), words.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** The {@code en} and {@code fr} blocks of one catalogue file. */
    static String[] blocks(String name, String source) {
        int en = source.indexOf("\n  en: {");
        int fr = source.indexOf("\n  fr: {");
        int end = source.indexOf("\n};", fr);
        if (en < 0 || fr < en || end < fr) {
            throw new IllegalStateException(name + " no longer has `  en: {`, then `  fr: {`, then `};`");
        }
        return new String[] {source.substring(en, fr), source.substring(fr, end)};
    }

    /** Every file's words together, as the browser holds them once every view has loaded. */
    static Catalogue load() {
        List<Map.Entry<String, String>> en = new ArrayList<>();
        List<Map.Entry<String, String>> fr = new ArrayList<>();
        sources().forEach((name, source) -> {
            String[] blocks = blocks(name, source);
            en.addAll(entries(blocks[0]));
            fr.addAll(entries(blocks[1]));
        });
        return new Catalogue(en, fr);
    }

    /** The keys a block declares, however their value is written (a value the parser misses still counts). */
    static List<String> keysIn(String block) {
        List<String> keys = new ArrayList<>();
        Matcher m = KEY.matcher(block);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** The keys every catalogue file declares in one language, file after file. */
    static List<String> declaredKeys(String language) {
        List<String> keys = new ArrayList<>();
        sources().forEach((name, source) -> keys.addAll(declaredKeys(name, source, language)));
        return keys;
    }

    static List<String> declaredKeys(String name, String source, String language) {
        return keysIn(blocks(name, source)[language.equals("en") ? 0 : 1]);
    }

    private static List<Map.Entry<String, String>> entries(String block) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(block);
        while (m.find()) {
            entries.add(Map.entry(m.group(1), unquote(m.group(2))));
        }
        return entries;
    }

    private static String unquote(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'u' -> {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    Map<String, String> map(String language) {
        Map<String, String> map = new LinkedHashMap<>();
        (language.equals("en") ? en : fr).forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
