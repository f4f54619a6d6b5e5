package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.TotpCodes;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two-factor sign-in in Chromium (ADR 44): an owner turns it on from the account page (the key shown as text, a
 * first code, ten recovery codes shown once), signs out, and signs in again with the password and then a code — in
 * French; the setting of the agency on the settings page. The codes are computed at instants the injected clock
 * is set to: T0 = 2026-12-03T10:00:05Z, 5 s into its 30-second step.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoFactorBrowserTest {

    static final Instant T0 = Instant.parse("2026-12-03T10:00:05Z");

    @Autowired
    TotpCodes totp;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @AfterEach
    void resetClock() {
        browser.clock.reset();
    }

    private String code(String secret, Instant at) {
        return totp.code(io.cordee.api.twofactor.TwoFactorTest.base32Decode(secret), at.getEpochSecond() / 30);
    }

    @Test
    void anOwnerTurnsItOnThenSignsInWithACodeInFrench() {
        Tenants.Tenant agency = browser.tenants.create("Atelier Deux Clés");
        String email = agency.email(Role.OWNER);
        browser.clock.startAt(T0);
        browser.signIn(email, Tenants.PASSWORD);
        browser.click("[data-testid=account-link]");
        assertThat(browser.text("[data-testid=tfa-status]")).startsWith("Off: your password alone signs you in.");
        browser.click("[data-testid=tfa-start]");
        String secret = browser.text("[data-testid=tfa-secret]").replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=tfa-uri]")).getDomAttribute("href"))
                .startsWith("otpauth://totp/").contains("secret=" + secret);
        // a wrong code: its message next to the field, nothing turned on
        String right = code(secret, T0);
        String wrong = right.equals("123456") ? "654321" : "123456";
        browser.driver.findElement(By.cssSelector("[data-testid=tfa-code]")).sendKeys(wrong + Keys.ENTER);
        assertThat(browser.text("#tfa-code-error")).isEqualTo("is not the code your authenticator app shows now");
        // the right one, by keyboard
        var input = browser.driver.findElement(By.cssSelector("[data-testid=tfa-code]"));
        input.clear();
        input.sendKeys(right + Keys.ENTER);
        assertThat(browser.text("[data-testid=tfa-done]")).isEqualTo("Two-factor sign-in is on.");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=recovery-codes] li"))).hasSize(10);
        assertThat(browser.text("[data-testid=tfa-status]")).startsWith("On — 10 unused recovery codes.");
        browser.screenshot("two-factor-enabled");

        // sign out; in French, the password, then the code of the next step (the one above is used up)
        browser.click("[data-testid=sign-out]");
        // the shell is drawn again for the signed-out visitor: the language switch of the signed-in page is gone
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.sign-in")));
        browser.click("[data-testid=lang-fr]");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("form.sign-in button[type=submit]"),
                "Se connecter"));
        browser.driver.findElement(By.name("email")).sendKeys(email);
        browser.driver.findElement(By.name("password")).sendKeys(Tenants.PASSWORD + Keys.ENTER);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=second-factor-form]")));
        assertThat(browser.text("[data-testid=second-factor-form] h1")).isEqualTo("Connexion en deux étapes");
        assertThat(browser.text("[data-testid=second-factor-form] .tagline"))
                .isEqualTo("Saisissez le code à 6 chiffres que votre application d’authentification affiche pour Cordée.");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=nav]"))).isEmpty();
        // a phone's width: no horizontal scroll
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .isTrue();
        browser.driver.manage().window().setSize(new Dimension(1280, 800));
        browser.clock.startAt(T0.plusSeconds(30));
        browser.driver.findElement(By.cssSelector("[data-testid=tfa-code]")).sendKeys(code(secret, T0.plusSeconds(30))
                + Keys.ENTER);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav]")));
        assertThat(browser.text("[data-testid=account-link]")).contains("Direction");
    }

    @Test
    void theOwnerRequiresItOfFinanceOnTheSettingsPage() {
        Tenants.Tenant agency = browser.tenants.create("Atelier Consigne");
        browser.signIn(agency.email(Role.OWNER), Tenants.PASSWORD);
        browser.go("settings");
        browser.click("[data-testid=tfa-require-FINANCE]");
        browser.click("[data-testid=tfa-requirement-save]");
        assertThat(browser.text("[data-testid=tfa-requirement-saved]")).isEqualTo("Saved.");
        // requiring it of owners without having it: the server's message, nothing saved
        browser.click("[data-testid=tfa-require-OWNER]");
        browser.click("[data-testid=tfa-requirement-save]");
        assertThat(browser.text("[data-testid=tfa-requirement-error]"))
                .isEqualTo("Turn two-factor sign-in on for yourself first (My account)");
        // the finance user now meets the enrolment at sign-in
        browser.click("[data-testid=sign-out]");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("email")))
                .sendKeys(agency.email(Role.FINANCE));
        browser.driver.findElement(By.name("password")).sendKeys(Tenants.PASSWORD + Keys.ENTER);
        assertThat(browser.text("[data-testid=second-factor-form] .tagline"))
                .isEqualTo("Your agency requires two-factor sign-in for your role. Set it up now to continue.");
        assertThat(browser.text("[data-testid=tfa-secret]").replace(" ", "")).matches("[A-Z2-7]{32}");
    }
}
