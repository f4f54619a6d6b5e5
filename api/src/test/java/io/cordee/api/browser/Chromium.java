package io.cordee.api.browser;

import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * {@link BrowserTest}'s Chromium for another browser test class, an {@code @ApiTest}: the test JVM's shared one
 * ({@link SharedChromium}), lent clean before the class's tests against the application of the test context,
 * signed out in English before each test, left running after the last for the next class. Its helpers are
 * {@link #browser}'s:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Chromium CHROMIUM = new Chromium();
 * final BrowserTest browser = CHROMIUM.browser;
 * </pre>
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    final BrowserTest browser = new BrowserTest();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        browser.against(Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port")),
                application.getBean(Tenants.class), application.getBean(TestClock.class)).shareChromium();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser.signedOutInEnglish();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        browser.stopChromium();
    }
}
