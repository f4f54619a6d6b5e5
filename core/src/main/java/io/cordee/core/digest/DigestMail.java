package io.cordee.core.digest;

import io.cordee.core.alert.AlertKind;
import io.cordee.core.alert.Severity;
import io.cordee.core.mail.OutgoingMail;
import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The weekly digest mail, in English or French: plain text and HTML with the agency's name, the open critical
 * and warning alerts (title, client, since when) and the forecast's lowest point and first week under the
 * safety threshold (ADR 40).
 */
public final class DigestMail {

    /** One open alert: its kind, severity, what it is about (a client's name, or null for the agency) and since when. */
    public record AlertLine(AlertKind kind, Severity severity, String client, LocalDate since) {
    }

    /**
     * What the mail tells. {@code lowest} is null when the agency has no forecast yet (no bank balance);
     * {@code firstBelow} null when the forecast stays above the threshold over {@code weeks} weeks.
     */
    public record Content(String agencyName, LocalDate week, List<AlertLine> alerts, int weeks, Money lowest,
                          LocalDate lowestWeek, Money threshold, LocalDate firstBelow, String link,
                          String unsubscribeLink) {

        public Content(String agencyName, LocalDate week, List<AlertLine> alerts, int weeks, Money lowest,
                       LocalDate lowestWeek, Money threshold, LocalDate firstBelow, String link) {
            this(agencyName, week, alerts, weeks, lowest, lowestWeek, threshold, firstBelow, link, null);
        }

        /** The same content with one recipient's unsubscribe link. */
        public Content withUnsubscribe(String unsubscribe) {
            return new Content(agencyName, week, alerts, weeks, lowest, lowestWeek, threshold, firstBelow, link,
                    unsubscribe);
        }
    }

    private DigestMail() {
    }

    public static OutgoingMail of(DigestRecipient to, Content c) {
        boolean fr = "fr".equals(to.language());
        String agency = c.agencyName();
        String subject = fr ? agency + " — votre point de la semaine du " + date(c.week(), true)
                : agency + " — your digest for the week of " + date(c.week(), false);
        String hello = fr ? "Bonjour " + to.displayName() + "," : "Hello " + to.displayName() + ",";
        String alertsHead = c.alerts().isEmpty()
                ? (fr ? "Aucune alerte critique ou d'avertissement ouverte." : "No open critical or warning alert.")
                : (fr ? "Alertes ouvertes (" + c.alerts().size() + ") :" : "Open alerts (" + c.alerts().size() + "):");
        List<String> alertLines = c.alerts().stream().map(a -> alertLine(a, fr)).toList();
        String forecastHead = fr ? "Prévision de trésorerie (" + c.weeks() + " semaines) :"
                : "Cash forecast (" + c.weeks() + " weeks):";
        List<String> forecastLines;
        if (c.lowest() == null) {
            forecastLines = List.of(fr ? "Pas encore de prévision : saisissez le solde bancaire dans Banque et coûts."
                    : "No forecast yet: record the bank balance in Bank & costs.");
        } else {
            String low = fr ? "Point le plus bas : " + money(c.lowest(), true) + " la semaine du "
                    + date(c.lowestWeek(), true) + "."
                    : "Lowest point: " + money(c.lowest(), false) + " in the week of " + date(c.lowestWeek(), false) + ".";
            String below = c.firstBelow() == null
                    ? (fr ? "Reste au-dessus du seuil de sécurité (" + money(c.threshold(), true) + ")."
                    : "Stays above the safety threshold (" + money(c.threshold(), false) + ").")
                    : (fr ? "Passe sous le seuil de sécurité (" + money(c.threshold(), true) + ") la semaine du "
                    + date(c.firstBelow(), true) + "."
                    : "Goes under the safety threshold (" + money(c.threshold(), false) + ") in the week of "
                    + date(c.firstBelow(), false) + ".");
            forecastLines = List.of(low, below);
        }
        String open = fr ? "Ouvrir Cordée :" : "Open Cordée:";
        String why = fr ? "Vous recevez ce point chaque semaine en tant que " + role(to, true) + " de " + agency
                + ". Pour ne plus le recevoir, décochez « Point hebdomadaire par e-mail » sur la page Alertes"
                + (c.unsubscribeLink() == null ? "." : " ou ouvrez ce lien :")
                : "You get this digest every week as " + role(to, false) + " of " + agency
                + ". To stop it, untick \"Weekly digest by e-mail\" on the Alerts page"
                + (c.unsubscribeLink() == null ? "." : " or open this link:");
        String stop = fr ? "Ne plus recevoir ce point" : "Stop this digest";

        StringBuilder text = new StringBuilder(hello).append("\n\n").append(alertsHead).append('\n');
        alertLines.forEach(l -> text.append("- ").append(l).append('\n'));
        text.append('\n').append(forecastHead).append('\n');
        forecastLines.forEach(l -> text.append(l).append('\n'));
        text.append('\n').append(open).append(' ').append(c.link()).append("\n\n").append(why);
        text.append(c.unsubscribeLink() == null ? "" : " " + c.unsubscribeLink()).append('\n');

        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(fr ? "fr" : "en")
                .append("\"><body style=\"font-family:sans-serif\"><h1 style=\"font-size:1.2em\">")
                .append(escape(agency)).append("</h1><p>").append(escape(hello)).append("</p><h2 style=\"font-size:1em\">")
                .append(escape(alertsHead)).append("</h2>");
        if (!alertLines.isEmpty()) {
            html.append("<ul>");
            alertLines.forEach(l -> html.append("<li>").append(escape(l)).append("</li>"));
            html.append("</ul>");
        }
        html.append("<h2 style=\"font-size:1em\">").append(escape(forecastHead)).append("</h2>");
        forecastLines.forEach(l -> html.append("<p>").append(escape(l)).append("</p>"));
        html.append("<p><a href=\"").append(escape(c.link())).append("\">").append(escape(open.replace(" :", "").replace(":", "")))
                .append("</a></p><p style=\"color:#555\">").append(escape(why));
        if (c.unsubscribeLink() != null) {
            html.append(" <a href=\"").append(escape(c.unsubscribeLink())).append("\">").append(escape(stop)).append("</a>");
        }
        html.append("</p></body></html>");
        return new OutgoingMail(to.email(), subject, text.toString(), html.toString());
    }

    /** "Critical · Cash shortfall · Acme · since 3 Nov 2026" in the reader's language. */
    static String alertLine(AlertLine a, boolean fr) {
        String severity = a.severity() == Severity.CRITICAL ? (fr ? "Critique" : "Critical")
                : (fr ? "Avertissement" : "Warning");
        String subject = a.client() == null ? (fr ? "toute l'agence" : "whole agency") : a.client();
        return severity + " · " + kind(a.kind(), fr) + " · " + subject + " · "
                + (fr ? "depuis le " : "since ") + date(a.since(), fr);
    }

    /** The alert titles of the SPA (js/i18n.js, alerts.kind.*). */
    public static String kind(AlertKind kind, boolean fr) {
        return switch (kind) {
            case CAPACITY_CONCENTRATION -> fr ? "Concentration de la capacité" : "Capacity concentration";
            case CASH_SHORTFALL -> fr ? "Trésorerie sous le seuil" : "Cash shortfall";
            case LONG_TIME_TO_CASH -> fr ? "Premier encaissement tardif" : "Long time to cash";
            case EXPOSURE_LIMIT -> fr ? "Exposition trop forte" : "Exposure limit";
            case FUNDING_RISK -> fr ? "Risque de financement" : "Funding risk";
            case OVERDUE_INVOICE -> fr ? "Facture en retard" : "Overdue invoice";
            case PAYMENT_DRIFT -> fr ? "Paiements qui glissent" : "Payment drift";
            case ENGAGEMENT_DROP -> fr ? "Engagement en baisse" : "Engagement drop";
            case UNREALISTIC_BRIEF -> fr ? "Cahier des charges irréaliste" : "Unrealistic brief";
            case CASH_RISK -> fr ? "Risque de trésorerie" : "Cash risk";
        };
    }

    private static String role(DigestRecipient to, boolean fr) {
        return switch (to.role()) {
            case OWNER -> fr ? "propriétaire" : "owner";
            default -> "finance";
        };
    }

    /** "3 November 2026" / "3 novembre 2026". */
    public static String date(LocalDate date, boolean fr) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", fr ? Locale.FRENCH : Locale.ENGLISH));
    }

    /** "-12,345.67 EUR" / "-12 345,67 EUR": plain spaces, so the text reads the same in every mail client. */
    public static String money(Money money, boolean fr) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(fr ? ' ' : ',');
        symbols.setDecimalSeparator(fr ? ',' : '.');
        symbols.setMinusSign('-');
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), symbols);
        return format.format(BigDecimal.valueOf(money.minorUnits(), digits)) + " " + money.currency().getCurrencyCode();
    }

    static String escape(String s) {
        return OutgoingMail.escapeHtml(s);
    }
}
