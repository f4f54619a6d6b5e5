package io.cordee.core.identity;

import io.cordee.core.mail.OutgoingMail;

/** The password reset mail, in English or French: plain text and HTML with the agency's name and the link. */
public final class PasswordResetMail {

    private PasswordResetMail() {
    }

    public static OutgoingMail of(String to, String language, String agencyName, String link) {
        boolean fr = "fr".equals(language);
        String subject = fr ? "Nouveau mot de passe pour " + agencyName + " sur Cordée"
                : "New password for " + agencyName + " on Cordée";
        String intro = fr ? "Quelqu'un (vous, sans doute) a demandé un nouveau mot de passe pour votre compte "
                + agencyName + " sur Cordée."
                : "Someone (you, most likely) asked for a new password for your " + agencyName + " account on Cordée.";
        String action = fr ? "Choisissez votre nouveau mot de passe en ouvrant ce lien :"
                : "Choose your new password by opening this link:";
        String button = fr ? "Choisir un nouveau mot de passe" : "Choose a new password";
        String validity = fr ? "Ce lien fonctionne une seule fois, pendant une heure."
                : "This link works once, for one hour.";
        String ignore = fr ? "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas."
                : "If you did not ask, ignore this message: your password stays as it is.";
        String text = intro + "\n\n" + action + "\n" + link + "\n\n" + validity + "\n" + ignore + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + (fr ? "fr" : "en") + "\"><body style=\"font-family:sans-serif\">"
                + "<p>" + escape(intro) + "</p>"
                + "<p><a href=\"" + escape(link) + "\">" + escape(button) + "</a></p>"
                + "<p>" + escape(action) + "<br>" + escape(link) + "</p>"
                + "<p>" + escape(validity) + "<br>" + escape(ignore) + "</p></body></html>";
        return new OutgoingMail(to, subject, text, html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
