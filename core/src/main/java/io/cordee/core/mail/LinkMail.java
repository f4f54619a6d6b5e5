package io.cordee.core.mail;

/**
 * A mail that carries one link to act on (an invitation, a password reset; ADR 31), laid out alike in plain text
 * and HTML: what happened, what to do, a button and the link written out, how long it works, and what to do if
 * it was not expected. The wording is each mail's own; the layout is here once.
 */
public record LinkMail(String subject, String intro, String action, String button, String validity, String ignore) {

    /** The mail to {@code to}, its HTML marked French when {@code fr} (else English), carrying {@code link}. */
    public OutgoingMail to(String to, boolean fr, String link) {
        String text = intro + "\n\n" + action + "\n" + link + "\n\n" + validity + "\n" + ignore + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + (fr ? "fr" : "en") + "\"><body style=\"font-family:sans-serif\">"
                + "<p>" + OutgoingMail.escapeHtml(intro) + "</p>"
                + "<p><a href=\"" + OutgoingMail.escapeHtml(link) + "\">" + OutgoingMail.escapeHtml(button) + "</a></p>"
                + "<p>" + OutgoingMail.escapeHtml(action) + "<br>" + OutgoingMail.escapeHtml(link) + "</p>"
                + "<p>" + OutgoingMail.escapeHtml(validity) + "<br>" + OutgoingMail.escapeHtml(ignore)
                + "</p></body></html>";
        return new OutgoingMail(to, subject, text, html);
    }
}
