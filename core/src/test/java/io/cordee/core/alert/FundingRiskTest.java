package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.alert.FundingRisk.Startup;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.client.FundingStage;
import io.cordee.core.client.RoundStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The start-up's last expected payment is on 31 March 2027. Days to 31 March
 * 2027: from 30 March 1; from 31 January 28 + 31 = 59; from 15 January 16 + 28 + 31 = 75; from
 * 1 February 28 + 30 = 58.
 */
class FundingRiskTest {

    private static final LocalDate LAST_PAYMENT = LocalDate.of(2027, 3, 31);

    @ParameterizedTest(name = "runway {0}, round {1} {2} → {3}, {4} days at risk")
    @CsvSource(nullValues = "-", value = {
            // runway ends the day of the last payment: it pays
            "2027-03-31, -,          -,           -,        0",
            // one day earlier: its cash is gone before it pays, and no round is signed
            "2027-03-30, -,          -,           CRITICAL, 1",
            // the payment hangs on a round that is only in progress
            "2027-06-30, 2027-02-01, IN_PROGRESS, WARNING,  58",
            "2027-06-30, 2027-02-01, NOT_STARTED, WARNING,  58",
            // a round on the day of the last payment is not before it
            "2027-06-30, 2027-03-31, IN_PROGRESS, -,        0",
            // a signed round is money in hand
            "2027-06-30, 2027-02-01, SIGNED,      -,        0",
            // the dates are fine but the round is in doubt: a warning with nothing dated at risk
            "2027-06-30, 2027-06-01, IN_DOUBT,    WARNING,  0",
            // … or it failed: critical
            "2027-06-30, 2027-06-01, FAILED,      CRITICAL, 0",
            // runway first but a round is signed: the runway date is probably stale → warning
            "2027-01-31, 2027-01-15, SIGNED,      WARNING,  59",
            // runway and round both first: critical, at risk from the earlier of the two
            "2027-01-31, 2027-01-15, IN_PROGRESS, CRITICAL, 75",
            // the demo's start-up: round in doubt before its runway ends, before the last payment
            "2027-02-28, 2027-01-15, IN_DOUBT,    CRITICAL, 75"})
    void theConditionsAndTheirSeverity(LocalDate runwayEnd, LocalDate round, RoundStatus status, Severity expected,
                                        long daysAtRisk) {
        Client startup = client(Segment.STARTUP, new FundingProfile(FundingStage.SEED, runwayEnd, round, status));
        List<Finding> findings = FundingRisk.findings(List.of(new Startup(startup, LAST_PAYMENT)));
        if (expected == null) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(expected);
            assertThat(f.magnitude()).isEqualByComparingTo(String.valueOf(daysAtRisk));
            assertThat(f.evidence().figure("daysAtRisk")).isEqualByComparingTo(String.valueOf(daysAtRisk));
        });
    }

    @Test
    void theEvidenceNamesTheDatesAndTheRound() {
        Client startup = client(Segment.STARTUP, new FundingProfile(FundingStage.SEED, LocalDate.of(2027, 2, 28),
                LocalDate.of(2027, 1, 15), RoundStatus.IN_DOUBT));
        Finding f = FundingRisk.findings(List.of(new Startup(startup, LAST_PAYMENT))).get(0);

        assertThat(f.kind()).isEqualTo(AlertKind.FUNDING_RISK);
        assertThat(f.subject()).isEqualTo(AlertSubject.client(startup.id()));
        assertThat(f.evidence().names()).containsExactly("lastExpectedPayment", "runwayEnd", "nextRoundExpected",
                "roundStatus", "daysAtRisk");
        assertThat(f.evidence().label("roundStatus")).isEqualTo("IN_DOUBT");
        assertThat(f.linksToRenegotiation()).isTrue();
    }

    @Test
    void onlyStartUpsThatOweSomethingAreJudged() {
        // the round failed; runway to 31 January 2027
        FundingProfile short_ = new FundingProfile(FundingStage.SEED, LocalDate.of(2027, 1, 31), null,
                RoundStatus.FAILED);
        List<Startup> quiet = List.of(
                // not a start-up
                new Startup(client(Segment.SME, short_), LAST_PAYMENT),
                // no funding profile
                new Startup(client(Segment.STARTUP, null), LAST_PAYMENT),
                // it owes nothing
                new Startup(client(Segment.STARTUP, short_), null));
        assertThat(FundingRisk.findings(quiet)).isEmpty();
        // owing a payment that was expected on 15 February and is late: still at risk, 15 days after the runway
        assertThat(FundingRisk.findings(List.of(new Startup(client(Segment.STARTUP, short_),
                LocalDate.of(2027, 2, 15))))).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.magnitude()).isEqualByComparingTo("15");
                });
    }

    private static Client client(Segment segment, FundingProfile funding) {
        return new Client(new ClientId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), "Start", segment, 30,
                List.of(), funding, false, 0);
    }
}
