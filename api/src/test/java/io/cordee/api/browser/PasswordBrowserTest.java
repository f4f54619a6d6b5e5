package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.MailServer;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Passwords in Chromium (ADR 39), against an application that mails through GreenMail: a person who forgot
 * their password asks for a link from the sign-in form, opens the mailed link, chooses a new password and is
 * signed in; a signed-in person changes theirs on the account page reached from their name in the header.
 */
@MailServer.WithSmtp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordBrowserTest {

    private static final Pattern LINK = Pattern.compile("http://\\S+/(#/reset/[A-Za-z0-9_-]{43})");


    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void aForgottenPasswordIsResetFromTheMailedLinkAndThePersonIsSignedIn() throws Exception {
        Tenants.Tenant agency = browser.tenants.create("Atelier Mémoire");
        String email = agency.email(Role.LEAD);

        browser.click("[data-testid=forgot-link]");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=forgot-form]")));
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=forgot-email]")).getDomAttribute("autocomplete"))
                .isEqualTo("username");
        browser.driver.findElement(By.cssSelector("[data-testid=forgot-email]")).sendKeys(email);
        browser.click("[data-testid=forgot-submit]");
        assertThat(browser.text("[data-testid=forgot-sent]")).startsWith("If this address has an account, a link is on its way.");
        browser.screenshot("password-forgot-sent");

        MimeMessage mail = MailServer.awaitMails(email, 1)[0];
        // the page was in English: so is the mail
        assertThat(mail.getSubject()).isEqualTo("New password for Atelier Mémoire on Cordée");
        Matcher link = LINK.matcher(MailServer.parts(mail).get("text/plain"));
        assertThat(link.find()).isTrue();

        browser.driver.get(browser.url("/" + link.group(1)));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=reset-form]")));
        var field = browser.driver.findElement(By.cssSelector("[data-testid=reset-password]"));
        assertThat(field.getDomAttribute("autocomplete")).isEqualTo("new-password");
        // a common password (the browser itself stops one under 12 characters): refused next to the field
        field.sendKeys("password1234");
        browser.click("[data-testid=reset-submit]");
        assertThat(browser.text("#reset-password-error")).contains("common passwords");
        field.clear();
        field.sendKeys("the lighthouse keeper's notebook");
        browser.click("[data-testid=reset-submit]");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav]")));
        assertThat(browser.text("[data-testid=account-link]")).contains("LEAD user");
        // the new password signs in through the API too; the old one no longer does
        assertThat(browser.tenants.signIn(email, "the lighthouse keeper's notebook")).isNotBlank();

        // the same link a second time: used
        browser.driver.get(browser.url("/" + link.group(1)));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=reset-form]")));
        browser.driver.findElement(By.cssSelector("[data-testid=reset-password]")).sendKeys("another long passphrase");
        browser.click("[data-testid=reset-submit]");
        assertThat(browser.text("[data-testid=reset-message]")).isEqualTo("This reset link was already used: ask for a new one");
    }

    @Test
    void aClientContactChangesItsPasswordOnTheAccountPageInFrenchOnAPhone() {
        Tenants.Tenant agency = browser.tenants.create("Atelier Compte");
        String email = agency.email(Role.CLIENT);
        browser.signIn(email, Tenants.PASSWORD);
        browser.click("[data-testid=account-link]");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=change-password-form]")));
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=current-password]")).getDomAttribute("autocomplete"))
                .isEqualTo("current-password");

        browser.driver.findElement(By.cssSelector("[data-testid=current-password]")).sendKeys("not the password");
        browser.driver.findElement(By.cssSelector("[data-testid=new-password]")).sendKeys("a brand new passphrase");
        browser.click("[data-testid=change-password]");
        assertThat(browser.text("#current-password-error")).contains("is not your current password");

        browser.driver.findElement(By.cssSelector("[data-testid=current-password]")).clear();
        browser.driver.findElement(By.cssSelector("[data-testid=current-password]")).sendKeys(Tenants.PASSWORD);
        browser.click("[data-testid=change-password]");
        assertThat(browser.text("[data-testid=password-changed]")).isEqualTo("Password changed. Your other sessions are signed out.");
        assertThat(browser.tenants.signIn(email, "a brand new passphrase")).isNotBlank();

        browser.atPhoneSize(() -> {
            browser.click("[data-testid=lang-fr]");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                    "Changer mon mot de passe"));
            assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("page width at 390 px in French").isTrue();
        });
    }
}
