package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.MailServer;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.identity.Role;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The People page (#/people) and the accept page (#/accept/<token>) in two Chromiums — the owner's and the
 * invited person's, a fresh browser with no cookie — against an application that mails through a real SMTP
 * server in the JVM (GreenMail): the owner invites a lead, the mail arrives with the link the page shows, the
 * lead accepts and sees the lead's pages; the owner deactivates the lead, whose next navigation lands on sign-in.
 */
@MailServer.WithSmtp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleBrowserTest {

    private static final Pattern LINK = Pattern.compile("http://\\S+/(#/accept/[A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    TestClock clock;

    final BrowserTest owner = new BrowserTest();
    final BrowserTest invited = new BrowserTest();

    @BeforeAll
    void startChromium() throws IOException {
        for (BrowserTest browser : List.of(owner, invited)) {
            browser.against(port, tenants, clock).startChromium();
        }
    }

    @AfterAll
    void stopChromium() throws IOException {
        owner.stopChromium();
        invited.stopChromium();
    }

    @BeforeEach
    void signedOutInEnglish() {
        owner.signedOutInEnglish();
        invited.signedOutInEnglish();
    }

    private WebElement row(BrowserTest browser, String list, String email) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=" + list + "] li[data-email='" + email + "']")));
    }

    @Test
    void anOwnerInvitesALeadWhoAcceptsByMailAndIsDeactivatedLater() throws Exception {
        Tenants.Tenant agency = tenants.create("Atelier Équipe");
        owner.signIn(agency.email(Role.OWNER), Tenants.PASSWORD);
        owner.go("people");
        owner.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=invite-form]")));
        // SMTP is configured here: no "pass the link yourself" notice
        assertThat(owner.driver.findElements(By.cssSelector("[data-testid=no-smtp]"))).isEmpty();

        owner.driver.findElement(By.cssSelector("[data-testid=invite-email]")).sendKeys("lea@equipe.example");
        new Select(owner.driver.findElement(By.cssSelector("[data-testid=invite-role]"))).selectByValue("LEAD");
        new Select(owner.driver.findElement(By.cssSelector("[data-testid=invite-language]"))).selectByValue("en");
        owner.click("[data-testid=invite-submit]");
        assertThat(owner.text("[data-testid=people-message]")).isEqualTo("The invitation was mailed to lea@equipe.example.");
        String shown = owner.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=invitation-link]"))).getDomProperty("value");
        assertThat(row(owner, "invitations", "lea@equipe.example").getText()).contains("Invited").contains("Lead");

        // the mail: the same link as the page's, in the plain-text part
        MimeMessage mail = MailServer.awaitMails("lea@equipe.example", 1)[0];
        assertThat(mail.getSubject()).isEqualTo("Invitation to join Atelier Équipe on Cordée");
        Matcher link = LINK.matcher(MailServer.parts(mail).get("text/plain"));
        assertThat(link.find()).isTrue();
        assertThat(shown).endsWith(link.group(1));

        // a fresh browser (no cookie) opens the link: a weak password first, then a good one
        invited.driver.get(invited.url("/" + link.group(1)));
        invited.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=accept-form]")));
        invited.driver.findElement(By.cssSelector("[data-testid=accept-name]")).sendKeys("Léa Martin");
        invited.driver.findElement(By.cssSelector("[data-testid=accept-password]")).sendKeys("passwordpassword");
        invited.click("[data-testid=accept-submit]");
        assertThat(invited.text("#accept-password-error")).contains("common passwords");
        invited.driver.findElement(By.cssSelector("[data-testid=accept-password]")).clear();
        invited.driver.findElement(By.cssSelector("[data-testid=accept-password]")).sendKeys("rope team on the north face");
        invited.click("[data-testid=accept-submit]");
        invited.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav]")));
        // signed in as a lead: the lead's pages, no cockpit, no receivables, no people
        assertThat(invited.driver.findElements(By.cssSelector("[data-testid=nav] a")).stream()
                .map(a -> a.getDomAttribute("data-page")).toList()).containsExactly("clients", "projects", "briefs", "staffing", "alerts", "team");
        assertThat(invited.text(".topbar .who")).contains("Léa Martin").contains("Lead");
        invited.screenshot("people-accepted-lead");

        // the owner sees the lead active, deactivates after a confirmation
        owner.driver.navigate().refresh();
        WebElement lead = row(owner, "users", "lea@equipe.example");
        assertThat(lead.getDomAttribute("data-status")).isEqualTo("ACTIVE");
        owner.screenshot("people-page");
        lead.findElement(By.cssSelector("[data-testid=deactivate]")).click();
        WebElement confirm = row(owner, "users", "lea@equipe.example").findElement(By.cssSelector("[data-testid=confirm]"));
        assertThat(row(owner, "users", "lea@equipe.example").getText()).contains("Deactivate Léa Martin?");
        confirm.click();
        assertThat(owner.text("[data-testid=people-message]")).isEqualTo("Léa Martin is deactivated.");
        owner.wait.until(d -> "DEACTIVATED".equals(row(owner, "users", "lea@equipe.example").getDomAttribute("data-status")));

        // the lead is signed out without touching anything: the alert bell's live subscription (ADR 68) is closed
        // by the server when the session ends, and the page shows the sign-in form
        invited.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("email")));
        assertThat(invited.driver.findElements(By.cssSelector("[data-testid=nav]"))).isEmpty();

        // a client contact, invited in French, tied to the agency's client: it sees only the portal
        owner.click("[data-testid=lang-fr]");
        owner.driver.findElement(By.cssSelector("[data-testid=invite-email]")).sendKeys("achats@client.example");
        new Select(owner.driver.findElement(By.cssSelector("[data-testid=invite-role]"))).selectByValue("CLIENT");
        new Select(owner.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=invite-client]")))).selectByVisibleText("Own Client");
        new Select(owner.driver.findElement(By.cssSelector("[data-testid=invite-language]"))).selectByValue("fr");
        owner.click("[data-testid=invite-submit]");
        assertThat(owner.text("[data-testid=people-message]")).isEqualTo("L’invitation a été envoyée à achats@client.example.");
        assertThat(row(owner, "invitations", "achats@client.example").getText()).contains("Invité").contains("Own Client");
        // a phone's 390 px: nothing wider than the screen
        owner.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        owner.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        assertThat(((Number) owner.js("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(((Number) owner.js("return document.documentElement.clientWidth")).intValue());
        owner.fullPage("people-page-fr-390");

        MimeMessage clientMail = MailServer.awaitMails("achats@client.example", 1)[0];
        assertThat(clientMail.getSubject()).isEqualTo("Invitation à rejoindre Atelier Équipe sur Cordée");
        Matcher clientLink = LINK.matcher(MailServer.parts(clientMail).get("text/plain"));
        assertThat(clientLink.find()).isTrue();
        invited.driver.get(invited.url("/" + clientLink.group(1)));
        invited.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=accept-form]")));
        invited.driver.findElement(By.cssSelector("[data-testid=accept-name]")).sendKeys("Paul Achats");
        invited.driver.findElement(By.cssSelector("[data-testid=accept-password]")).sendKeys("the client side of the rope");
        invited.click("[data-testid=accept-submit]");
        invited.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav]")));
        assertThat(invited.driver.findElements(By.cssSelector("[data-testid=nav] a")).stream()
                .map(a -> a.getDomAttribute("data-page")).toList()).containsExactly("portal");
        assertThat(invited.text(".topbar .who")).contains("Paul Achats");
        // the link worked once: opened again, it says so
        invited.driver.manage().deleteAllCookies();
        invited.driver.get(invited.url("/?again=1" + clientLink.group(1)));
        invited.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=accept-form]")));
        invited.driver.findElement(By.cssSelector("[data-testid=accept-name]")).sendKeys("Someone");
        invited.driver.findElement(By.cssSelector("[data-testid=accept-password]")).sendKeys("another long passphrase");
        invited.click("[data-testid=accept-submit]");
        assertThat(invited.text("[data-testid=accept-message]")).contains("already used");
    }
}
