package io.cordee.api.graphql;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.identity.Role;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agency's "today" is the server's, in the agency's time zone (issue 13 point 10, ADR 26): the SPA
 * takes it from {@code agency { now timeZone }} instead of the computer's clock. Checked on both sides
 * of midnight in Paris, with the application's clock moved there (the machine's clock untouched).
 */
@ApiTest
class AgencyClockTest {

    @Autowired
    Tenants tenants;
    @Autowired
    TestClock clock;

    @AfterEach
    void backToTheRunsTime() {
        clock.reset();
    }

    @Test
    void todayIsTheAgencysDateByTheServersClock() {
        Tenants.Tenant tenant = tenants.create("Agency Clock Test");
        var owner = tenants.as(tenant, Role.OWNER);
        var clientUser = tenants.as(tenant, Role.CLIENT);
        // 30 November 2026, 22:30 UTC = 23:30 in Paris (UTC+1 in winter): still the 30th there
        clock.startAt(Instant.parse("2026-11-30T22:30:00Z"));
        owner.document("{ agency { today now timeZone } }").execute()
                .path("agency.today").entity(String.class).isEqualTo("2026-11-30")
                .path("agency.now").entity(String.class).satisfies(now -> org.assertj.core.api.Assertions
                        .assertThat(Instant.parse(now)).isBetween(Instant.parse("2026-11-30T22:30:00Z"),
                                Instant.parse("2026-11-30T22:40:00Z")))
                .path("agency.timeZone").entity(String.class).isEqualTo("Europe/Paris");
        // one hour later, 23:30 UTC = 00:30 in Paris: already 1 December (and another month), though still the 30th in UTC
        clock.startAt(Instant.parse("2026-11-30T23:30:00Z"));
        owner.document("{ agency { today } }").execute().path("agency.today").entity(String.class).isEqualTo("2026-12-01");
        // client users, who do not see the settings, get the date and the zone too (the portal needs them)
        clientUser.document("{ agency { today timeZone settings { timeZone } } }").execute()
                .path("agency.today").entity(String.class).isEqualTo("2026-12-01")
                .path("agency.timeZone").entity(String.class).isEqualTo("Europe/Paris")
                .path("agency.settings").valueIsNull();
    }
}
