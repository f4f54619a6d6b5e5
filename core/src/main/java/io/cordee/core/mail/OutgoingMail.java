package io.cordee.core.mail;

import java.util.Objects;

/** One mail to one recipient, in both forms every Cordée mail has: plain text and HTML (ADR 31). */
public record OutgoingMail(String to, String subject, String text, String html) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    /** {@code s} made safe as HTML text or inside a quoted attribute: {@code & < > " '} escaped. */
    public static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
