package io.cordee.api.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.MailServer;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Invitation mails through a real SMTP server in the JVM (GreenMail, ADR 31): plain text and HTML, in the
 * invitation's language, with the agency's name and the link the owner is also given.
 */
@MailServer.WithSmtp
class PeopleMailTest {

    static final String INVITE = """
            mutation($in: InvitePersonInput!) { invitePerson(input: $in) { link mailed invitation { language }
              userErrors { field code } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;

    @Test
    void aFrenchInvitationArrivesInFrenchWithBothPartsAndTheLink() throws Exception {
        Tenants.Tenant agency = tenants.create("Atelier Courrier");
        HttpGraphQlTester owner = tenants.as(agency, Role.OWNER);
        var answer = owner.document(INVITE).variable("in", Map.of("email", "camille@courrier.example", "role", "LEAD",
                "language", "fr")).execute();
        answer.path("invitePerson.userErrors").entityList(Object.class).hasSize(0);
        answer.path("invitePerson.mailed").entity(Boolean.class).isEqualTo(true);
        String link = answer.path("invitePerson.link").entity(String.class).get();
        assertThat(link).matches("http://localhost:\\d+/#/accept/[A-Za-z0-9_-]{43}");

        MimeMessage[] received = MailServer.awaitMails("camille@courrier.example", 1);
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Invitation à rejoindre Atelier Courrier sur Cordée");
        assertThat(mail.getFrom()[0].toString()).contains("cordee@agency.example");
        Map<String, String> parts = MailServer.parts(mail);
        assertThat(parts).containsOnlyKeys("text/plain", "text/html");
        // the owner's display name is "OWNER user" (Tenants); the role in French; the link in both parts
        assertThat(parts.get("text/plain"))
                .contains("OWNER user vous invite à rejoindre Atelier Courrier sur Cordée (chef de projet).")
                .contains(link).contains("Ce lien fonctionne une seule fois");
        assertThat(parts.get("text/html")).contains("<html lang=\"fr\">").contains("href=\"" + link + "\"")
                .contains("Accepter l&#39;invitation").contains("Atelier Courrier");
        // mailed, so not logged (the log is for links nobody received); and still one invitation row
        assertThat(db.sql("SELECT count(*) FROM invitation WHERE agency_id = :a").bind("a", agency.agencyId().value())
                .mapValue(Long.class).one().block()).isEqualTo(1);
    }

    @Test
    void withoutALanguageTheAgencysDefaultIsEnglish() throws Exception {
        Tenants.Tenant agency = tenants.create("North Studio");
        HttpGraphQlTester owner = tenants.as(agency, Role.OWNER);
        String client = owner.document("{ clients(first: 1) { nodes { id } } }").execute()
                .path("clients.nodes[0].id").entity(String.class).get();
        var answer = owner.document(INVITE).variable("in", Map.of("email", "buyer@north.example", "role", "CLIENT",
                "clientId", client)).execute();
        answer.path("invitePerson.invitation.language").entity(String.class).isEqualTo("en");
        String link = answer.path("invitePerson.link").entity(String.class).get();

        MimeMessage mail = MailServer.awaitMails("buyer@north.example", 1)[0];
        assertThat(mail.getSubject()).isEqualTo("Invitation to join North Studio on Cordée");
        Map<String, String> parts = MailServer.parts(mail);
        assertThat(parts.get("text/plain")).contains("invites you to join North Studio on Cordée (client contact).")
                .contains(link).contains("This link works once");
        assertThat(parts.get("text/html")).contains("<html lang=\"en\">").contains("href=\"" + link + "\"");
    }
}
