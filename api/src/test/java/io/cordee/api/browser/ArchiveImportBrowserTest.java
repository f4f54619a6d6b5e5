package io.cordee.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.demo.DemoAgency;
import io.cordee.api.support.AgencyRows;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.identity.PasswordHasher;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * "Import an archive" on the people page (ADR 58) in Chromium: the owner of an empty agency picks the demo's
 * "Export everything" ZIP, imports it, reads the counts, and finds the demo's clients; a second import says the
 * agency already holds data and changes nothing.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveImportBrowserTest {

    @Autowired
    WebTestClient web;
    @Autowired
    AgencyRepository agencies;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordHasher hasher;
    @Autowired
    IdGenerator ids;
    @Autowired
    DatabaseClient db;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    final BrowserTest browser = CHROMIUM.browser;

    @Test
    void theOwnerOfAnEmptyAgencyImportsTheDemosArchiveAndSeesItsClients() throws IOException {
        String session = browser.tenants.signIn(DemoAgency.OWNER_EMAIL, DemoAgency.PASSWORD);
        byte[] archive = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/exports/agency.zip").cookie("CORDEE_SESSION", session).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        Path zip = browser.home.resolve("studio-boreal-export.zip");
        Files.write(zip, archive);
        long demoClients = count("client", DemoAgency.ID);

        AgencyId id = new AgencyId(ids.newId());
        agencies.insert(new Agency(id, "Browser Archive Agency", AgencySettings.defaults(Currency.getInstance("EUR"),
                ZoneId.of("Europe/Paris")), 0)).block(Duration.ofSeconds(10));
        String email = "owner-" + id.value().toString().substring(24) + "@archive.example";
        users.insert(new User(new UserId(ids.newId()), id, email, "Archive owner", Role.OWNER, null,
                hasher.hash(Tenants.PASSWORD))).block(Duration.ofSeconds(10));

        browser.signIn(email, Tenants.PASSWORD);
        browser.go("people");
        browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid=archive-file]")))
                .sendKeys(zip.toAbsolutePath().toString());
        browser.click("[data-testid=archive-submit]");
        String done = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .until(d -> d.findElement(By.cssSelector("[data-testid=archive-done]"))).getText();
        assertThat(done).startsWith("Imported: " + demoClients + " clients");
        assertThat(count("client", id)).isEqualTo(demoClients);

        // the clients list shows the demo's clients, e.g. Maison Lumen
        browser.go("clients");
        browser.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Maison Lumen"));

        // a second import is refused with a sentence, and nothing changes
        browser.go("people");
        browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid=archive-file]")))
                .sendKeys(zip.toAbsolutePath().toString());
        browser.click("[data-testid=archive-submit]");
        String error = browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid=archive-error]"))).getText();
        assertThat(error).contains("already holds data");
        assertThat(count("client", id)).isEqualTo(demoClients);
        // no horizontal scroll at 390 px
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
    }

    private long count(String table, AgencyId agency) {
        return AgencyRows.count(db, agency, table);
    }
}
