package io.cordee.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.alert.AlertKind;
import io.cordee.core.alert.Severity;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.mail.OutgoingMail;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DigestMailTest {

    static final DigestRecipient ANNE = new DigestRecipient(new UserId(new UUID(0, 1)), "anne@a.example", "Anne",
            Role.FINANCE, "en");
    static final DigestRecipient ANNE_FR = new DigestRecipient(ANNE.id(), ANNE.email(), "Anne", Role.FINANCE, "fr");

    @Test
    void amountsReadTheSameInEveryMailClient() {
        // -1,234,567 minor units = -12,345.67 EUR; JPY has no minor unit
        assertThat(DigestMail.money(Money.of(-1_234_567, "EUR"), false)).isEqualTo("-12,345.67 EUR");
        assertThat(DigestMail.money(Money.of(-1_234_567, "EUR"), true)).isEqualTo("-12 345,67 EUR");
        assertThat(DigestMail.money(Money.of(5, "EUR"), false)).isEqualTo("0.05 EUR");
        assertThat(DigestMail.money(Money.of(1_500_000, "JPY"), false)).isEqualTo("1,500,000 JPY");
    }

    @Test
    void theAlertsComeInBothPartsAndHtmlIsEscaped() {
        DigestMail.Content content = new DigestMail.Content("Atelier <Nord>", LocalDate.of(2026, 12, 7),
                List.of(new DigestMail.AlertLine(AlertKind.CASH_SHORTFALL, Severity.CRITICAL, null, LocalDate.of(2026, 11, 2)),
                        new DigestMail.AlertLine(AlertKind.OVERDUE_INVOICE, Severity.WARNING, "Acme & Co",
                                LocalDate.of(2026, 11, 20))),
                26, Money.of(-250_000, "EUR"), LocalDate.of(2027, 1, 11), Money.of(1_000_000, "EUR"),
                LocalDate.of(2026, 12, 28), "https://cordee.example/");
        OutgoingMail mail = DigestMail.of(ANNE, content);
        assertThat(mail.subject()).isEqualTo("Atelier <Nord> — your digest for the week of 7 December 2026");
        assertThat(mail.text()).contains("Open alerts (2):",
                "- Critical · Cash shortfall · whole agency · since 2 November 2026",
                "- Warning · Overdue invoice · Acme & Co · since 20 November 2026",
                "Lowest point: -2,500.00 EUR in the week of 11 January 2027.",
                "Goes under the safety threshold (10,000.00 EUR) in the week of 28 December 2026.");
        assertThat(mail.html()).contains("Atelier &lt;Nord&gt;", "Acme &amp; Co").doesNotContain("<Nord>");

        OutgoingMail fr = DigestMail.of(ANNE_FR, content);
        assertThat(fr.subject()).isEqualTo("Atelier <Nord> — votre point de la semaine du 7 décembre 2026");
        assertThat(fr.text()).contains("Alertes ouvertes (2) :",
                "- Critique · Trésorerie sous le seuil · toute l'agence · depuis le 2 novembre 2026",
                "Point le plus bas : -2 500,00 EUR la semaine du 11 janvier 2027.",
                "Passe sous le seuil de sécurité (10 000,00 EUR) la semaine du 28 décembre 2026.");
    }
}
