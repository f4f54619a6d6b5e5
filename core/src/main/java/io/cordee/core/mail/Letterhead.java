package io.cordee.core.mail;

/**
 * What an agency's mails carry of it: its name, which signs them, and its language ({@code en} or {@code fr}; null
 * when it has none), in which they are written unless their reader chose one.
 */
public record Letterhead(String name, String language) {

    /** The language a mail is written in: {@code chosen} when there is one, else the agency's, else English. */
    public String languageOr(String chosen) {
        return chosen != null ? chosen : language != null ? language : "en";
    }
}
