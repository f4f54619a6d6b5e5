package io.cordee.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the relative links of Markdown files as GitHub renders them: the file a link names exists (inside the
 * repository), and an {@code #anchor} is a heading of the file it points to, by GitHub's slug rules. Web addresses
 * ({@code https:}, {@code mailto:}…) are not fetched. Links inside fenced code, inline code and HTML comments are
 * text, not links.
 */
final class MarkdownLinks {

    /** One broken link: the file, its line, the link as written and why. */
    record Problem(Path file, int line, String target, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": (" + target + ") " + reason;
        }
    }

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");
    // [text](target "title") and ![alt](target); the text may hold one level of brackets and span lines
    private static final Pattern LINK = Pattern.compile(
            "!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*(<[^>]*>|[^\\s)]+)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    // [label]: target, at the start of a line
    private static final Pattern REFERENCE = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\n\\s*\\n).)+?\\1", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern ATX = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

    private MarkdownLinks() {
    }

    /** Every broken link of every {@code *.md} under {@code root}, outside {@code target/}, {@code node_modules/} and dot folders. */
    static List<Problem> check(Path root) {
        Path top = root.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        Map<Path, Set<String>> anchorsByFile = new HashMap<>();
        for (Path file : markdownFiles(top)) {
            String text = read(file);
            for (Link link : links(text)) {
                String reason = resolve(top, file, link.target(), anchorsByFile);
                if (reason != null) {
                    problems.add(new Problem(top.relativize(file), link.line(), link.target(), reason));
                }
            }
        }
        return problems;
    }

    static List<Path> markdownFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            String name = part.toString();
                            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the link does not resolve, or null when it does. */
    private static String resolve(Path root, Path from, String target, Map<Path, Set<String>> anchorsByFile) {
        if (SCHEME.matcher(target).find() || target.startsWith("//")) {
            return null; // a web address: not fetched
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        pathPart = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file;
        if (pathPart.isEmpty()) {
            file = from;
        } else if (pathPart.startsWith("/")) {
            file = root.resolve(pathPart.substring(1)).normalize();
        } else {
            file = from.getParent().resolve(pathPart).normalize();
        }
        if (!file.startsWith(root)) {
            return "points outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file: " + root.relativize(file);
        }
        if (anchor == null || anchor.isEmpty() || !file.getFileName().toString().endsWith(".md")) {
            return null; // an anchor into a source file (#L10) is GitHub's, not a heading
        }
        Set<String> anchors = anchorsByFile.computeIfAbsent(file, f -> anchors(read(f)));
        String wanted = URLDecoder.decode(anchor.replace("+", "%2B"), StandardCharsets.UTF_8);
        return anchors.contains(wanted) ? null : "no heading #" + wanted + " in " + root.relativize(file);
    }

    record Link(int line, String target) {
    }

    /** The links of a Markdown text, with their lines, outside code and comments. */
    static List<Link> links(String markdown) {
        String text = blankOut(blankOut(withoutFencedCode(markdown), COMMENT), CODE_SPAN);
        List<Link> links = new ArrayList<>();
        for (Pattern pattern : List.of(LINK, REFERENCE)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("<") && target.endsWith(">")) {
                    target = target.substring(1, target.length() - 1);
                }
                links.add(new Link(lineOf(text, m.start(1)), target));
            }
        }
        links.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return links;
    }

    /** The anchors GitHub gives a Markdown text: one per heading (repeats numbered -1, -2…) and explicit {@code <a name>}. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = withoutFencedCode(markdown).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String heading = null;
            Matcher atx = ATX.matcher(lines[i]);
            if (atx.matches()) {
                heading = atx.group(1);
            } else if (i + 1 < lines.length && !lines[i].isBlank() && lines[i + 1].matches("^\\s{0,3}(=+|-+)\\s*$")
                    && !lines[i].trim().startsWith("|") && !lines[i].trim().matches("^([-*+]|\\d+[.)])\\s.*")) {
                heading = lines[i].trim(); // setext
            }
            if (heading != null) {
                String slug = slug(heading);
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
            Matcher html = HTML_ANCHOR.matcher(lines[i]);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /**
     * GitHub's slug of a heading: its text as rendered (link text kept, code kept without backticks, emphasis
     * marks dropped), lower case, every character but letters, digits, spaces, {@code -} and {@code _} dropped,
     * spaces turned into {@code -}.
     */
    static String slug(String heading) {
        String text = heading
                .replaceAll("!?\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("`", "")
                .replace("*", "")
                .replaceAll("(^|\\s)_+|_+(\\s|$)", "$1$2");
        StringBuilder slug = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK) {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** The text with the lines of fenced code blocks emptied (line numbers kept). */
    private static String withoutFencedCode(String markdown) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder();
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FENCE.matcher(lines[i]);
            if (fence == null && m.find()) {
                fence = m.group(1);
                lines[i] = "";
            } else if (fence != null) {
                if (lines[i].trim().startsWith(fence.substring(0, 3)) && lines[i].trim().matches("[`~]+")
                        && lines[i].trim().length() >= fence.length() && lines[i].trim().charAt(0) == fence.charAt(0)) {
                    fence = null;
                }
                lines[i] = "";
            }
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The matches of {@code pattern} replaced by spaces, their line breaks kept. */
    private static String blankOut(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            out.append(m.group().replaceAll("[^\\n]", " "));
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's root: the first folder up from here that holds {@code mvnw} and {@code docs/}. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
