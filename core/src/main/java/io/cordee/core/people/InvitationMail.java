package io.cordee.core.people;

import io.cordee.core.identity.Role;
import io.cordee.core.mail.LinkMail;
import io.cordee.core.mail.OutgoingMail;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The invitation mail, in English or French: plain text and HTML with the agency's name and the link (ADR 31). */
public final class InvitationMail {

    private InvitationMail() {
    }

    public static OutgoingMail of(String to, String language, String agencyName, String inviterName, Role role,
                                  String link, java.time.Instant expiresAt) {
        boolean fr = "fr".equals(language);
        LocalDate until = expiresAt.atZone(ZoneOffset.UTC).toLocalDate();
        String date = fr ? until.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH))
                : until.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));
        String roleName = roleName(role, fr);
        String subject = fr ? "Invitation à rejoindre " + agencyName + " sur Cordée"
                : "Invitation to join " + agencyName + " on Cordée";
        String intro = fr
                ? inviterName + " vous invite à rejoindre " + agencyName + " sur Cordée (" + roleName + ")."
                : inviterName + " invites you to join " + agencyName + " on Cordée (" + roleName + ").";
        String action = fr ? "Choisissez votre nom et votre mot de passe en ouvrant ce lien :"
                : "Choose your name and password by opening this link:";
        String button = fr ? "Accepter l'invitation" : "Accept the invitation";
        String validity = fr ? "Ce lien fonctionne une seule fois, jusqu'au " + date + "."
                : "This link works once, until " + date + ".";
        String ignore = fr ? "Si vous n'attendiez pas cette invitation, ignorez ce message."
                : "If you did not expect this invitation, ignore this message.";
        return new LinkMail(subject, intro, action, button, validity, ignore).to(to, fr, link);
    }

    static String roleName(Role role, boolean fr) {
        return switch (role) {
            case OWNER -> fr ? "propriétaire" : "owner";
            case FINANCE -> fr ? "finance" : "finance";
            case LEAD -> fr ? "chef de projet" : "lead";
            case CLIENT -> fr ? "contact client" : "client contact";
        };
    }
}
