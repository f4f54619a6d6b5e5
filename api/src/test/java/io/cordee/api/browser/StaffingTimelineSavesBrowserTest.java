package io.cordee.api.browser;

import static io.cordee.api.browser.StaffingApi.allocation;
import static io.cordee.api.browser.StaffingApi.dates;
import static io.cordee.api.browser.StaffingApi.member;
import static io.cordee.api.browser.StaffingApi.ownClient;
import static io.cordee.api.browser.StaffingApi.project;
import static io.cordee.api.browser.StaffingApi.share;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Keys pressed on the staffing timeline while a save is on its way, in Chromium: none is lost. The answer to a
 * save is held in the page (its fetch wrapped) until the test lets it go, so "the server is slow" is a state the
 * test sets, not a race it hopes to win: StaffingAndSettingsBrowserTest once lost Ben's keyboard move because the
 * timeline ignored keys until the answer to the stretch before it had come back. A save that fails in the page
 * before it leaves is said, and undone on screen, as a failed one.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffingTimelineSavesBrowserTest {

    private static final int WEEK_PX = 48;

    /**
     * The page's fetch wrapped: each updateAllocation's input logged in {@code window.saves} as it leaves, and
     * {@code window.answered} counting the server's answers. While held ({@code holdSaves()}), an answer is handed
     * to the page only on {@code releaseSaves()}; a save that leaves after the release is not held.
     */
    private static final String HOLD_SAVES = """
            const original = window.fetch;
            window.saves = [];
            window.answered = 0;
            let gate = null;
            let open = null;
            window.holdSaves = () => { gate = new Promise((resolve) => { open = resolve; }); };
            window.releaseSaves = () => { gate = null; open(); };
            window.fetch = async (url, init) => {
              const body = String(init?.body ?? '');
              if (!body.includes('updateAllocation')) return original(url, init);
              const held = gate;
              window.saves.push(JSON.parse(body).variables.input);
              const response = await original(url, init);
              window.answered += 1;
              if (held) await held;
              return response;
            };
            """;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    @SuppressWarnings("unchecked")
    void keysPressedWhileASaveIsOnItsWayAreSavedAfterItAsOneSaveAndARefusalAfterThemIsSaid() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Lent");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        LocalDate monday = browser.clock.todayInParis().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String project = project(owner, ownClient(owner), "Refonte", monday.minusWeeks(4));
        // four weeks: this week's Monday to the Sunday three weeks later
        String ben = allocation(owner, member(owner, "Ben Okri"), project, 40, monday, monday.plusDays(27));

        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        browser.go("staffing");
        bar(ben);
        browser.js(HOLD_SAVES);
        browser.js("window.holdSaves()");

        // shift + → stretches Ben's by a week; the server has it, the page does not know yet
        press(ben, true, Keys.ARROW_RIGHT);
        browser.wait.until(d -> Long.valueOf(1).equals(browser.js("return window.answered")));
        assertThat(dates(owner, ben)).containsExactly(monday.toString(), monday.plusDays(34).toString());
        assertThat(browser.text("[data-testid=timeline-saving]")).isEqualTo("Saving a change…");

        // meanwhile → → and shift + ←, each from the dates shown: start monday + 14, end monday + 34 + 14 − 7 = monday + 41
        press(ben, false, Keys.ARROW_RIGHT);
        press(ben, false, Keys.ARROW_RIGHT);
        press(ben, true, Keys.ARROW_LEFT);
        // shown at once: (monday + 14 − (monday − 14)) / 7 = 4 weeks from the left, 28 days = 4 weeks wide
        browser.wait.until(d -> bar(ben).getCssValue("left").equals(4 * WEEK_PX + "px"));
        assertThat(bar(ben).getCssValue("width")).isEqualTo(4 * WEEK_PX + "px");
        assertThat(bar(ben).getDomAttribute("aria-busy")).as("drawn as not saved yet").isEqualTo("true");
        // the stretch on its way, the three keys waiting as one save
        assertThat(browser.text("[data-testid=timeline-saving]")).isEqualTo("Saving 2 changes, one after the other…");
        assertThat((List<Object>) browser.js("return window.saves")).as("nothing sent before the answer").hasSize(1);

        browser.js("window.releaseSaves()");
        browser.wait.until(d -> dates(owner, ben).equals(List.of(monday.plusDays(14).toString(), monday.plusDays(41).toString())));
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=timeline-saving]")));
        List<Map<String, Object>> saves = (List<Map<String, Object>>) browser.js("return window.saves");
        assertThat(saves).as("the three keys pressed meanwhile: one save, of the dates asked for last").hasSize(2);
        assertThat(saves.get(0)).containsEntry("startDate", monday.toString()).containsEntry("endDate", monday.plusDays(34).toString());
        assertThat(saves.get(1)).containsEntry("startDate", monday.plusDays(14).toString())
                .containsEntry("endDate", monday.plusDays(41).toString())
                .as("on the version the first save brought").containsEntry("version", (Long) saves.get(0).get("version") + 1);
        assertThat(browser.text("[data-testid=timeline-message]")).startsWith("Saved:");
        browser.wait.until(d -> "false".equals(bar(ben).getDomAttribute("aria-busy")));

        // held again: → leaves (monday + 21 to monday + 48) and is stored; someone else changes Ben's share; a second
        // → waits and, sent on the version the page knows, is refused, said, and the bar goes back to what is saved
        browser.js("window.holdSaves()");
        press(ben, false, Keys.ARROW_RIGHT);
        browser.wait.until(d -> Long.valueOf(3).equals(browser.js("return window.answered")));
        assertThat(dates(owner, ben)).containsExactly(monday.plusDays(21).toString(), monday.plusDays(48).toString());
        share(owner, ben, 60);
        press(ben, false, Keys.ARROW_RIGHT);
        browser.js("window.releaseSaves()");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=timeline-message]"),
                "Changed by someone else — reload"));
        assertThat(driver().findElement(By.cssSelector("[data-testid=timeline-message]")).getDomAttribute("role")).isEqualTo("alert");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=timeline-saving]")));
        assertThat((List<Object>) browser.js("return window.saves")).hasSize(4);
        // the other user's change kept; the bar back at (monday + 21 − (monday − 14)) / 7 = 5 weeks from the left
        assertThat(dates(owner, ben)).containsExactly(monday.plusDays(21).toString(), monday.plusDays(48).toString());
        owner.document("query($id: ID!) { node(id: $id) { ... on Allocation { sharePercent } } }").variable("id", ben).execute()
                .path("node.sharePercent").entity(Integer.class).isEqualTo(60);
        browser.wait.until(d -> bar(ben).getCssValue("left").equals(5 * WEEK_PX + "px"));
        assertThat(bar(ben).getDomAttribute("aria-busy")).isEqualTo("false");
    }

    /**
     * A save that fails in the page before it leaves (the timeline's send throws at once, as a slip in the page's code
     * would): said as a failed save is, the bar back at its saved dates and no longer drawn as on its way, no promise
     * rejection left unhandled, and the next key saved as usual.
     */
    @Test
    void aSaveThatFailsBeforeLeavingIsSaidAndTheBarGoesBackToWhatIsSaved() {
        Tenants.Tenant tenant = browser.tenants.create("Atelier Fragile");
        HttpGraphQlTester owner = browser.tenants.as(tenant, Role.OWNER);
        LocalDate monday = browser.clock.todayInParis().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String project = project(owner, ownClient(owner), "Refonte", monday.minusWeeks(4));
        // four weeks: this week's Monday to the Sunday three weeks later
        String ada = allocation(owner, member(owner, "Ada Byron"), project, 40, monday, monday.plusDays(27));

        browser.signIn(tenant.email(Role.LEAD), Tenants.PASSWORD);
        browser.go("staffing");
        // (monday − (monday − 14)) / 7 = 2 weeks from the left
        browser.wait.until(d -> bar(ada).getCssValue("left").equals(2 * WEEK_PX + "px"));
        browser.js("""
                window.unhandled = [];
                window.addEventListener('unhandledrejection', (event) => window.unhandled.push(String(event.reason)));
                document.querySelector('cordee-staffing-timeline').send = () => { throw new Error('broken before sending'); };""");

        press(ada, false, Keys.ARROW_RIGHT);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=timeline-message]"),
                "This change could not be saved — reload to see the allocation as it is now."));
        assertThat(driver().findElement(By.cssSelector("[data-testid=timeline-message]")).getDomAttribute("role")).isEqualTo("alert");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=timeline-saving]")));
        browser.wait.until(d -> bar(ada).getCssValue("left").equals(2 * WEEK_PX + "px"));
        assertThat(bar(ada).getDomAttribute("aria-busy")).as("not drawn as on its way").isEqualTo("false");
        assertThat(dates(owner, ada)).containsExactly(monday.toString(), monday.plusDays(27).toString());
        assertThat(unhandledRejections()).isEmpty();

        // the page's own send again: the next → is saved, a week on from the saved dates
        browser.js("delete document.querySelector('cordee-staffing-timeline').send");
        press(ada, false, Keys.ARROW_RIGHT);
        browser.wait.until(d -> dates(owner, ada).equals(List.of(monday.plusDays(7).toString(), monday.plusDays(34).toString())));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=timeline-message]"),
                "Saved:"));
        assertThat(unhandledRejections()).isEmpty();
    }

    /** The reasons of the page's unhandled promise rejections, read after the tasks already queued have run. */
    @SuppressWarnings("unchecked")
    private List<Object> unhandledRejections() {
        return (List<Object>) ((JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; setTimeout(() => done(window.unhandled), 0);");
    }

    private org.openqa.selenium.WebDriver driver() {
        return browser.driver;
    }

    /** Focuses an allocation's bar as Tab would and presses a key on it, with shift held or not. */
    private void press(String allocation, boolean shift, Keys key) {
        browser.js("arguments[0].focus()", bar(allocation));
        Actions keys = new Actions(driver());
        (shift ? keys.keyDown(Keys.SHIFT).sendKeys(key).keyUp(Keys.SHIFT) : keys.sendKeys(key)).perform();
    }

    private WebElement bar(String allocation) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".tl-bar[data-allocation='" + allocation + "']")));
    }
}
