package io.cordee.api.cashrisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.cash.CashRiskService;
import io.cordee.core.cash.Scenario;
import io.cordee.core.common.Computations;
import io.cordee.core.identity.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;

/**
 * The probabilistic forecast through the API, on the small agency of {@code MonteCarloTest}'s two-point
 * case: 100,000 € in the bank on Fri 29 May 2026, a 50,000 € safety threshold, a 70,000 € one-off on Mon
 * 20 July; "Own Client" paid three invoices on their due date and three 60 days late, and owes 60,000 € due
 * Wed 10 June. Half the paths get it on 10 June (never under: 90,000 after the one-off), half on 9 August
 * (30,000 in the weeks of 20 and 27 July: under). Sampling tolerance ±0.045 (ADR 48).
 */
@ApiTest
class CashRiskTest {

    private static final String RISK = """
            query($p: Int, $s: Long) { cashRisk(asOf: "2026-06-01", horizonWeeks: 13, paths: $p, seed: $s) {
              paths seed probabilityUnderWithin13Weeks probabilityUnderWithin26Weeks expectedShortfall { amount }
              weeks { weekStart p10 { amount } p50 { amount } p90 { amount } base { amount } probabilityUnder }
              badPathClients { client { name } missingCash { amount } share } } }""";

    @Autowired
    Tenants tenants;
    @Autowired
    DatabaseClient db;
    @Autowired
    CashRiskService risk;
    @Autowired
    Computations computations;

    Tenants.Tenant tenant;
    TwoPointClientAgency agency;

    @BeforeEach
    void anAgencyWithATwoPointClient() {
        agency = TwoPointClientAgency.create(tenants, db);
        tenant = agency.tenant();
    }

    @Test
    void financeReadsTheFanAndTheProbabilities() {
        HttpGraphQlTester finance = tenants.as(tenant, Role.FINANCE);
        var answer = finance.document(RISK).variable("p", 2000).variable("s", 7).execute();
        answer.path("cashRisk.paths").entity(Integer.class).isEqualTo(2000)
                .path("cashRisk.probabilityUnderWithin26Weeks").valueIsNull()
                .path("cashRisk.weeks").entityList(Object.class).hasSize(13)
                .path("cashRisk.weeks[7].weekStart").entity(String.class).isEqualTo("2026-07-20")
                .path("cashRisk.weeks[7].p10.amount").entity(String.class).isEqualTo("30000.00")
                .path("cashRisk.weeks[7].p90.amount").entity(String.class).isEqualTo("90000.00")
                // the base expects it at the median delay, (0 + 60) / 2 = 30 days: Fri 10 July → 90,000 after the one-off
                .path("cashRisk.weeks[7].base.amount").entity(String.class).isEqualTo("90000.00")
                .path("cashRisk.badPathClients[0].client.name").entity(String.class).isEqualTo("Own Client")
                .path("cashRisk.badPathClients[0].missingCash.amount").entity(String.class).isEqualTo("60000.00");
        double p13 = answer.path("cashRisk.probabilityUnderWithin13Weeks").entity(Double.class).get();
        assertThat(p13).isBetween(0.455, 0.545);
        double p7 = answer.path("cashRisk.weeks[7].probabilityUnder").entity(Double.class).get();
        assertThat(p7).isEqualTo(p13); // every path under is under from week 7
        // the same seed, the same answer
        assertThat(finance.document(RISK).variable("p", 2000).variable("s", 7).execute()
                .path("cashRisk.probabilityUnderWithin13Weeks").entity(Double.class).get()).isEqualTo(p13);
    }

    @Test
    void tooManyPathsIsATypedErrorAndALeadIsRefused() {
        tenants.as(tenant, Role.OWNER).document(RISK).variable("p", 10_001).execute().errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST").extractingByKey("userErrors")
                        .isEqualTo(java.util.List.of(Map.of("code", "OUT_OF_RANGE", "field", java.util.List.of("paths"),
                                "message", "must be between 1 and 10000 (got 10001)")));
            });
        });
        tenants.as(tenant, Role.LEAD).document(RISK).execute().errors().satisfy(errors ->
                assertThat(errors).extracting(e -> e.getErrorType().toString()).containsExactly("FORBIDDEN"));
        tenants.as(tenant, Role.CLIENT).document(RISK).execute().errors().satisfy(errors ->
                assertThat(errors).extracting(e -> e.getErrorType().toString()).containsExactly("FORBIDDEN"));
    }

    @Test
    void anotherAgencySeesOnlyItsOwnCash() {
        Tenants.Tenant other = tenants.create("Other Agency");
        // it has no bank balance: its answer is that error, never this agency's 100,000 €
        tenants.as(other, Role.OWNER).document(RISK).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e ->
                        assertThat(e.getMessage()).contains("record a bank balance on or before 2026-06-01")));
    }

    /**
     * 20,000 more open invoices and 10,000 paths: 200 million draws, seconds of work. Cancelled once it
     * runs, the computation stops (its loop reads the flag the cancellation raises) instead of running on.
     */
    @Test
    void aCancelledRequestStopsItsComputation() throws InterruptedException {
        agency.openInvoices(20_000, 100_000);
        long started = computations.started();
        long stopped = computations.stopped();
        Disposable run = risk.risk(tenant.owner(), LocalDate.of(2026, 6, 1), 104, 10_000, 1L, Scenario.BASE)
                .subscribe();
        // two computations: the delay profiles of the forecast's input, then the Monte Carlo run
        await("the run started").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> computations.started() >= started + 2);
        run.dispose();
        await("the run stopped").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> computations.stopped() != stopped);
        assertThat(computations.stopped()).as("the run stopped at a check of its flag").isEqualTo(stopped + 1);
    }
}
