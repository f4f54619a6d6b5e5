package io.cordee.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.identity.Role;
import io.cordee.core.mail.OutgoingMail;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationMailTest {

    private static final String LINK = "https://cordee.example/#/accept/abc_-123";

    @Test
    void anAgencyNameIsTextInTheHtmlNeverMarkup() {
        OutgoingMail mail = InvitationMail.of("a@b.example", "en", "<b>Smith & Sons</b>", "Ann \"The Boss\"", Role.FINANCE,
                LINK, Instant.parse("2026-12-10T09:00:00Z"));
        assertThat(mail.subject()).isEqualTo("Invitation to join <b>Smith & Sons</b> on Cordée");
        assertThat(mail.text()).contains("Ann \"The Boss\" invites you to join <b>Smith & Sons</b> on Cordée (finance).")
                .contains("until December 10, 2026.");
        assertThat(mail.html()).contains("&lt;b&gt;Smith &amp; Sons&lt;/b&gt;").contains("Ann &quot;The Boss&quot;")
                .doesNotContain("<b>Smith").contains("<a href=\"" + LINK + "\">");
    }

    @Test
    void frenchDatesAndRoles() {
        OutgoingMail mail = InvitationMail.of("a@b.example", "fr", "Atelier", "Inès", Role.CLIENT, LINK,
                Instant.parse("2026-12-10T09:00:00Z"));
        assertThat(mail.text()).contains("Inès vous invite à rejoindre Atelier sur Cordée (contact client).")
                .contains("jusqu'au 10 décembre 2026.");
        assertThat(mail.html()).startsWith("<!DOCTYPE html><html lang=\"fr\">");
    }
}
