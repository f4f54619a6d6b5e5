package io.cordee.core.identity;

import io.cordee.core.mail.LinkMail;
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
        return new LinkMail(subject, intro, action, button, validity, ignore).to(to, fr, link);
    }
}
