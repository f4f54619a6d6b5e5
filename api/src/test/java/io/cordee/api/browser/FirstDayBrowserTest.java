package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.FreshInstance;
import io.cordee.api.support.MailServer;
import io.cordee.api.support.TestClock;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14's acceptance, in real Chromium: a Cordée started for a real agency (demo off, an empty database of its
 * own, mail through a real SMTP server in the JVM) is set up in the SPA with the token read from its file; the
 * owner creates two clients in the client form and invites a lead and a contact of one client; both mails arrive;
 * each opens its link in a browser of its own, accepts and is signed in to its own scope only. Then the owner
 * deactivates the lead while the lead's alerts page holds a live subscription: the lead's page is signed out by
 * the deactivation's notification, without a reload (the time it took is printed: 2 s is the product's promise, a
 * figure for a quiet machine, not an assertion a loaded CI machine could fail).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstDayBrowserTest {

    private static final Pattern LINK = Pattern.compile("(#/accept/[A-Za-z0-9_-]{43})");

    FreshInstance instance;
    final BrowserTest owner = new BrowserTest();

    @BeforeAll
    void start() throws IOException {
        // today in Paris by the test run's clock, which the instance's clock is (FreshInstance)
        DayOfWeek today = new TestClock().todayInParis().getDayOfWeek();
        instance = FreshInstance.start("--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + MailServer.SMTP.getSmtp().getPort(),
                "--cordee.mail.from=Cordée <cordee@premier-jour.example>",
                // the weekly digest due today from midnight (Paris), whatever the day the test runs on
                "--cordee.digest.day=" + today,
                "--cordee.digest.hour=0",
                // no periodic re-check of open sockets while the test runs: only the deactivation's notification
                // can sign the lead's page out within the test's waits
                "--cordee.limits.websocket.recheck-interval=1h");
        assertThat(instance.context().getBean(TestClock.class).todayInParis().getDayOfWeek())
                .as("today in Paris by the instance's clock").isEqualTo(today);
        owner.port = instance.port();
        owner.startChromium();
    }

    @AfterAll
    void stop() throws IOException {
        owner.stopChromium();
        if (instance != null) {
            instance.close();
        }
    }

    /** A browser of its own (own profile, no cookie) on the same instance. */
    private BrowserTest newBrowser() throws IOException {
        BrowserTest browser = new BrowserTest();
        browser.port = instance.port();
        browser.startChromium();
        return browser;
    }

    private static String linkMailedTo(String address, String subject) throws Exception {
        MimeMessage[] mails = MailServer.awaitMails(address, 1);
        assertThat(mails).as("the mail to " + address).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo(subject);
        Matcher link = LINK.matcher(MailServer.parts(mails[0]).get("text/plain"));
        assertThat(link.find()).as("an accept link in the mail").isTrue();
        return link.group(1);
    }

    private static void accept(BrowserTest browser, String link, String name, String password) {
        browser.driver.get(browser.url("/" + link));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=accept-form]")));
        browser.driver.findElement(By.cssSelector("[data-testid=accept-name]")).sendKeys(name);
        browser.driver.findElement(By.cssSelector("[data-testid=accept-password]")).sendKeys(password);
        browser.click("[data-testid=accept-submit]");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav]")));
    }

    private static List<String> pages(BrowserTest browser) {
        return browser.driver.findElements(By.cssSelector("[data-testid=nav] a")).stream()
                .map(a -> a.getDomAttribute("data-page")).toList();
    }

    private void createClient(String name) {
        owner.click("[data-testid=new-client]");
        WebElement form = owner.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=client-form]")));
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.cssSelector("[data-testid=save-client]")).click();
        owner.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=client-notice]"), name));
    }

    private void invite(String email, String role, String client) {
        owner.driver.findElement(By.cssSelector("[data-testid=invite-email]")).sendKeys(email);
        new Select(owner.driver.findElement(By.cssSelector("[data-testid=invite-role]"))).selectByValue(role);
        if (client != null) {
            new Select(owner.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=invite-client]")))).selectByVisibleText(client);
        }
        new Select(owner.driver.findElement(By.cssSelector("[data-testid=invite-language]"))).selectByValue("en");
        owner.click("[data-testid=invite-submit]");
        owner.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=people-message]"),
                "The invitation was mailed to " + email + "."));
    }

    @Test
    void fromAnEmptyDatabaseToATeamOfThreeAndADeactivationThatEndsTheLeadsLiveSession() throws Exception {
        // set up: the token from the file the server wrote (readable by its user only)
        owner.driver.get(owner.url("/"));
        owner.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=setup-form]")));
        String token = Files.readString(instance.tokenFile()).strip();
        for (String[] field : List.of(new String[] {"setupToken", token}, new String[] {"agencyName", "Atelier Premier Jour"},
                new String[] {"country", "FR"}, new String[] {"currency", "EUR"}, new String[] {"timeZone", "Europe/Paris"},
                new String[] {"ownerName", "Margot Roche"}, new String[] {"email", "margot@premier-jour.example"},
                new String[] {"password", "first day on the rope"})) {
            WebElement input = owner.driver.findElement(By.cssSelector("[data-testid='setup-" + field[0] + "']"));
            input.clear();
            input.sendKeys(field[1]);
        }
        new Select(owner.driver.findElement(By.cssSelector("[data-testid=setup-language]"))).selectByValue("en");
        owner.click("[data-testid=setup-submit]");
        owner.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=agency-name]"), "Atelier Premier Jour"));
        assertThat(instance.count("SELECT count(*) FROM agency")).isEqualTo(1);
        assertThat(Files.exists(instance.tokenFile())).as("the token is dead: its file is gone").isFalse();

        // no bank balance yet: the cockpit says what to enter first, with links, instead of an error
        WebElement onboarding = owner.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=cockpit-onboarding]")));
        assertThat(onboarding.getText()).contains("Start with your bank balance", "Bank & costs", "Clients", "Team");
        assertThat(owner.driver.findElements(By.cssSelector("cordee-cockpit .failure"))).isEmpty();
        owner.click("[data-testid=lang-fr]");
        owner.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=cockpit-onboarding]"), "Commencez par votre solde bancaire"));
        owner.click("[data-testid=lang-en]");
        owner.click("[data-testid=onboarding-bank]");
        owner.wait.until(ExpectedConditions.urlContains("#/bank"));

        // the weekly digest, on the alerts page: on by default, switched off and on again by the owner
        owner.go("alerts");
        WebElement digest = owner.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=digest-opt-in]")));
        assertThat(digest.isSelected()).isTrue();
        digest.sendKeys(" "); // by keyboard: space toggles the focused checkbox
        owner.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=digest-message]"),
                "You will no longer get the weekly digest."));
        assertThat(instance.count("SELECT count(*) FROM app_user WHERE digest_opt_out")).isEqualTo(1);
        owner.driver.navigate().refresh();
        assertThat(owner.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=digest-opt-in]"))).isSelected()).isFalse();
        owner.click("[data-testid=digest-opt-in]");
        owner.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=digest-message]"),
                "You will get the weekly digest."));
        assertThat(instance.count("SELECT count(*) FROM app_user WHERE digest_opt_out")).isZero();
        owner.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        owner.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        assertThat(((Number) owner.js("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(((Number) owner.js("return document.documentElement.clientWidth")).intValue());
        owner.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));

        // this week's digest reaches the owner; its unsubscribe link opens a page that switches it off on a click
        instance.context().getBean(io.cordee.api.digest.WeeklyDigest.class).run().block(Duration.ofSeconds(60));
        MimeMessage[] digests = MailServer.to("margot@premier-jour.example");
        assertThat(digests).hasSize(1);
        assertThat(digests[0].getSubject()).startsWith("Atelier Premier Jour — your digest for the week of");
        Matcher off = Pattern.compile("(#/digest-off/[A-Za-z0-9_-]{43})")
                .matcher(MailServer.parts(digests[0]).get("text/plain"));
        assertThat(off.find()).isTrue();
        owner.driver.get(owner.url("/?digest=1" + off.group(1)));
        owner.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=digest-off-form]")));
        assertThat(instance.count("SELECT count(*) FROM app_user WHERE digest_opt_out")).as("opening it changes nothing")
                .isZero();
        owner.click("[data-testid=digest-off-submit]");
        assertThat(owner.text("[data-testid=digest-off-done]")).startsWith("Done: you will no longer get the weekly digest.");
        assertThat(instance.count("SELECT count(*) FROM app_user WHERE digest_opt_out")).isEqualTo(1);
        owner.click("[data-testid=digest-off-open]");
        owner.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav]")));
        owner.go("alerts");
        assertThat(owner.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=digest-opt-in]"))).isSelected()).as("the alerts page shows it off").isFalse();
        owner.click("[data-testid=digest-opt-in]");
        owner.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=digest-message]"),
                "You will get the weekly digest."));

        // two clients through the SPA's client form: the contact will belong to the first only
        owner.go("clients");
        createClient("Maison Claire");
        createClient("Atelier Voisin");

        // the invitations, both mailed by the SMTP server of the test
        owner.go("people");
        owner.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=invite-form]")));
        invite("lea@premier-jour.example", "LEAD", null);
        invite("paul@maison-claire.example", "CLIENT", "Maison Claire");
        String leadLink = linkMailedTo("lea@premier-jour.example", "Invitation to join Atelier Premier Jour on Cordée");
        String contactLink = linkMailedTo("paul@maison-claire.example", "Invitation to join Atelier Premier Jour on Cordée");

        // the client contact, in a browser of its own: the portal of its client, nothing of the other one
        BrowserTest contact = newBrowser();
        try {
            accept(contact, contactLink, "Paul Claire", "the client side of the rope");
            assertThat(pages(contact)).containsExactly("portal");
            assertThat(contact.text("[data-testid=portal-client] h2")).isEqualTo("Maison Claire");
            assertThat(contact.driver.findElement(By.tagName("body")).getText()).doesNotContain("Atelier Voisin");
            // typing another page's address shows "not allowed", and the API itself answers its client only
            contact.driver.get(contact.url("/?again=1#/clients"));
            contact.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=not-allowed]")));
            assertThat(contact.driver.findElement(By.tagName("body")).getText()).doesNotContain("Atelier Voisin");
            String answer = (String) contact.js("""
                    return fetch('/graphql', {method: 'POST', headers: {'Content-Type': 'application/json'},
                      body: JSON.stringify({query: '{ clients(first: 100) { totalCount nodes { name } } }'})})
                      .then(r => r.text())""");
            assertThat(answer).contains("\"totalCount\":1").contains("Maison Claire").doesNotContain("Atelier Voisin");
        } finally {
            contact.stopChromium();
        }

        // the lead, in a browser of its own: the lead's pages, both clients, no cockpit, no people
        BrowserTest lead = newBrowser();
        try {
            accept(lead, leadLink, "Léa Roux", "rope team on the north face");
            assertThat(pages(lead)).contains("clients", "alerts")
                    .doesNotContain("cockpit", "receivables", "bank", "people");
            lead.go("clients");
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=clients]"), "Atelier Voisin"));
            // the alerts page subscribes to alertChanged over WebSocket: "live" once the server acknowledged it
            lead.go("alerts");
            lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=alerts-live]")));
            assertThat(instance.count("SELECT count(*) FROM user_session s JOIN app_user u ON u.agency_id = s.agency_id"
                    + " AND u.id = s.user_id WHERE u.email = 'lea@premier-jour.example' AND s.revoked_at IS NULL"))
                    .isEqualTo(1);

            // a mark in the lead's page: a reload or a navigation would wipe it
            lead.js("window.cordeeFirstDayMark = 'still this page'");

            // the owner deactivates the lead
            owner.driver.navigate().refresh();
            WebElement row = owner.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=users] li[data-email='lea@premier-jour.example']")));
            row.findElement(By.cssSelector("[data-testid=deactivate]")).click();
            owner.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=users] li[data-email='lea@premier-jour.example'] [data-testid=confirm]"))).click();
            long clicked = System.nanoTime();
            new WebDriverWait(owner.driver, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=people-message]"), "Léa Roux is deactivated."));
            long answered = System.nanoTime();

            // the deactivation's notification makes the server close the lead's subscription (4401) and the page shows
            // the sign-in form by itself: no navigation, no reload on the lead's side (the mark is still there), and
            // no periodic re-check (an hour away). How soon is printed, not asserted: a loaded CI machine decides
            // that, not the code
            new WebDriverWait(lead.driver, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.name("email")));
            long signedOut = System.nanoTime();
            System.out.printf("[first day] deactivation answered in %d ms; the lead's page signed out %d ms later%n",
                    (answered - clicked) / 1_000_000, (signedOut - answered) / 1_000_000);
            assertThat(lead.js("return window.cordeeFirstDayMark")).as("the lead's page was neither reloaded nor left")
                    .isEqualTo("still this page");
            assertThat(lead.driver.findElements(By.cssSelector("[data-testid=nav]"))).isEmpty();
            assertThat(lead.driver.findElements(By.cssSelector("[data-testid=alerts-live]"))).isEmpty();
            assertThat(instance.count("SELECT count(*) FROM user_session s JOIN app_user u ON u.agency_id = s.agency_id"
                    + " AND u.id = s.user_id WHERE u.email = 'lea@premier-jour.example' AND s.revoked_at IS NULL"))
                    .as("no live session of the lead is left").isZero();
        } finally {
            lead.stopChromium();
        }
    }
}
