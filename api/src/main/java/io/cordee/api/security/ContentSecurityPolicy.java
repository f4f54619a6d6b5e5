package io.cordee.api.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * The content security policy of every answer (ADR 59): scripts, styles, fonts, images and connections from the
 * application's own origin only — no external host, no inline script. The SPA's one inline script is its import
 * map (a browser reads import maps only inline); it is allowed by the SHA-256 of its exact text, taken from the
 * {@code index.html} in the jar when the application starts, so editing the map needs no change here. Styles keep
 * {@code 'unsafe-inline'}: the SPA's templates set {@code style="width:…%"} on bars and swatches, and a style
 * attribute cannot run code. Fonts and images may be {@code data:} URIs (GraphiQL's fonts are).
 */
public final class ContentSecurityPolicy {

    private static final Pattern IMPORT_MAP =
            Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private ContentSecurityPolicy() {
    }

    /** The policy, with the hash of the import map of {@code META-INF/resources/index.html}. */
    public static String directives() {
        String scripts = "'self'" + importMapHash(new ClassPathResource("META-INF/resources/index.html"));
        return "default-src 'self'; script-src " + scripts + "; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
                + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** {@code " 'sha256-…'"} for the page's import map, or nothing when there is no page or no map. */
    static String importMapHash(ClassPathResource page) {
        if (!page.exists()) {
            return "";
        }
        try (InputStream in = page.getInputStream()) {
            Matcher map = IMPORT_MAP.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!map.find()) {
                return "";
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(map.group(1).getBytes(StandardCharsets.UTF_8));
            return " 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
