package io.cordee.core.search;

import java.util.Locale;

/**
 * Case- and accent-insensitive comparison without a database extension: the same character map folds the
 * text typed in Java and the stored names in SQL ({@code lower(translate(name, FROM, TO))}), so "cafe"
 * finds "Café" and "ÉCOLE" finds "école" on any PostgreSQL (no {@code unaccent} needed, ADR 0068).
 */
public final class SearchText {

    /** Accented letters, upper and lower case, and what each folds to: the two strings have the same length. */
    public static final String FROM = "ÀÁÂÃÄÅĀàáâãäåāÇĆČçćčÉÈÊËĒĚéèêëēěÍÌÎÏĪíìîïīÑŃñńÓÒÔÕÖØŌóòôõöøōŚŠśšÚÙÛÜŪúùûüūÝŸýÿŽŹŻžźż";
    public static final String TO = "aaaaaaaaaaaaaacccccceeeeeeeeeeeeiiiiiiiiiinnnnoooooooooooooossssuuuuuuuuuuyyyyzzzzzz";

    /** The longest text a search takes, in characters. */
    public static final int MAX_LENGTH = 100;

    static {
        if (FROM.length() != TO.length()) {
            throw new IllegalStateException("SearchText: FROM and TO differ in length");
        }
    }

    private SearchText() {
    }

    /** {@code text} trimmed, with its accents mapped like the SQL side and lower-cased. */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (char c : text.strip().toCharArray()) {
            int i = FROM.indexOf(c);
            folded.append(i >= 0 ? TO.charAt(i) : c);
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code folded} with the LIKE wildcards escaped (backslash is PostgreSQL's default escape). */
    public static String likeEscaped(String folded) {
        return folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
