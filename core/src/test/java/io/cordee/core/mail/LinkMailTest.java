package io.cordee.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.identity.IdentityService;
import io.cordee.core.support.NoSmtp;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The layout shared by the invitation and password reset mails, their links, and the tokens they carry (ADR 88). */
class LinkMailTest {

    @Test
    void theTextAndTheHtmlSayTheSameInTheSameOrderTheHtmlEscaped() {
        OutgoingMail mail = new LinkMail("Subject", "Intro <b>", "Open this link:", "Open", "Works once.",
                "Ignore it & carry on.").to("a@b.example", false, "https://c.example/#/reset/t?x=1&y=\"2\"");
        assertThat(mail.to()).isEqualTo("a@b.example");
        assertThat(mail.subject()).isEqualTo("Subject");
        assertThat(mail.text()).isEqualTo("Intro <b>\n\nOpen this link:\nhttps://c.example/#/reset/t?x=1&y=\"2\"\n\n"
                + "Works once.\nIgnore it & carry on.\n");
        assertThat(mail.html()).isEqualTo("<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif\">"
                + "<p>Intro &lt;b&gt;</p>"
                + "<p><a href=\"https://c.example/#/reset/t?x=1&amp;y=&quot;2&quot;\">Open</a></p>"
                + "<p>Open this link:<br>https://c.example/#/reset/t?x=1&amp;y=&quot;2&quot;</p>"
                + "<p>Works once.<br>Ignore it &amp; carry on.</p></body></html>");
    }

    @Test
    void aFrenchMailIsMarkedFrench() {
        assertThat(new LinkMail("s", "i", "a", "b", "v", "n").to("a@b.example", true, "l").html())
                .startsWith("<!DOCTYPE html><html lang=\"fr\">");
    }

    @Test
    void escapingCoversTheFiveCharactersOfHtmlAndAttributes() {
        assertThat(OutgoingMail.escapeHtml("<a href=\"x\">Tom's & Co</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Co&lt;/a&gt;");
    }

    @Test
    void aLinkHasOneSlashBetweenThePublicAddressAndThePageWhetherTheAddressEndsWithOneOrNot() {
        Mailer none = new NoSmtp();
        assertThat(new LinkMailer(none, "https://c.example/", "/#/accept/").link("abc"))
                .isEqualTo("https://c.example/#/accept/abc");
        assertThat(new LinkMailer(none, "https://c.example", "/#/accept/").link("abc"))
                .isEqualTo("https://c.example/#/accept/abc");
        assertThat(new LinkMailer(none, "https://c.example", "/#/reset/").configured()).isFalse();
    }

    @Test
    void aTokenIs256RandomBitsInUrlSafeBase64AndNeverRepeats() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = IdentityService.newToken();
            // 32 bytes = 256 bits; Base64 without padding: ceil(32 × 8 / 6) = 43 characters
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
    }
}
