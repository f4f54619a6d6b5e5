package io.cordee.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.alert.EngagementDrop.Relationship;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import io.cordee.core.relationship.Commitment;
import io.cordee.core.relationship.CommitmentId;
import io.cordee.core.relationship.CommitmentKind;
import io.cordee.core.relationship.RelationshipHealth;
import io.cordee.core.relationship.RelationshipHealth.TrendPoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * As of Monday 23 November 2026. Health window: 60 days back, 24 September 2026 to 23 November, both
 * included. Slip window: 14 days, so commitments due 9 to 22 November that were not delivered by their
 * due date.
 */
class EngagementDropTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final ClientId CLIENT = new ClientId(UUID.randomUUID());

    @ParameterizedTest(name = "highest 80 in the window, today {0} → {1}")
    @CsvSource(nullValues = "-", value = {
            // 80 − 66 = 14: not a drop of 15
            "66, -",
            // 80 − 65 = 15: a drop of 15 fires
            "65, WARNING",
            "40, WARNING",
            // up, not down
            "85, -"})
    void aroundFifteenPoints(int today, Severity expected) {
        List<Finding> findings = EngagementDrop.findings(List.of(relationship(today, List.of())), AS_OF,
                AlertThresholds.defaults());
        if (expected == null) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(expected);
            assertThat(f.magnitude()).isEqualByComparingTo(String.valueOf(80 - today));
            // the 80 of Sunday 27 September, not the 95 of 20 September (64 days ago, out of the window)
            assertThat(f.evidence().day("highestScoreOn")).isEqualTo(LocalDate.of(2026, 9, 27));
        });
    }

    @Test
    void aPointOnTheFirstDayOfTheWindowCounts() {
        // 24 September is 60 days before 23 November (6 + 31 + 23): 90 there → 90 − 75 = 15
        RelationshipHealth health = health(75, List.of(point("2026-09-23", 99), point("2026-09-24", 90)));
        assertThat(EngagementDrop.findings(List.of(new Relationship(CLIENT, health, List.of())), AS_OF,
                AlertThresholds.defaults())).singleElement()
                .satisfies(f -> assertThat(f.evidence().figure("dropPoints")).isEqualByComparingTo("15"));
        // one point less and nothing fires: 23 September is out of the window
        RelationshipHealth steadier = health(76, List.of(point("2026-09-23", 99), point("2026-09-24", 90)));
        assertThat(EngagementDrop.findings(List.of(new Relationship(CLIENT, steadier, List.of())), AS_OF,
                AlertThresholds.defaults())).isEmpty();
    }

    @ParameterizedTest(name = "due {0}, delivered {1} → slipped: {2}")
    @CsvSource(nullValues = "-", value = {
            // due 8 November, undelivered: it slipped on the 9th, 15 days ago — old news
            "2026-11-08, -,          false",
            // due 9 November: slipped on the 10th, within the 14 days
            "2026-11-09, -,          true",
            // due yesterday, still undelivered: slipped today
            "2026-11-22, -,          true",
            // due today: not late yet
            "2026-11-23, -,          false",
            // delivered on its due date: kept
            "2026-11-15, 2026-11-15, false",
            // delivered three days late: it slipped
            "2026-11-15, 2026-11-18, true"})
    void commitmentsThatSlipAreInformation(LocalDate due, LocalDate delivered, boolean slipped) {
        // health steady at 80: only the commitment can fire
        List<Finding> findings = EngagementDrop.findings(
                List.of(relationship(80, List.of(commitment(due, delivered)))), AS_OF, AlertThresholds.defaults());
        if (!slipped) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.magnitude()).isEqualByComparingTo("1");
            assertThat(f.evidence().day("lastSlipDue")).isEqualTo(due);
        });
    }

    @Test
    void aDropWithSlipsIsAWarningWithBoth() {
        // 80 → 60: a drop of 20; two commitments slipped (due 10 and 20 November, undelivered)
        Finding f = EngagementDrop.findings(List.of(relationship(60, List.of(
                commitment(LocalDate.of(2026, 11, 20), null), commitment(LocalDate.of(2026, 11, 10), null)))),
                AS_OF, AlertThresholds.defaults()).get(0);

        assertThat(f.kind()).isEqualTo(AlertKind.ENGAGEMENT_DROP);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.subject()).isEqualTo(AlertSubject.client(CLIENT));
        assertThat(f.evidence().names()).containsExactly("currentScore", "highestScore", "highestScoreOn",
                "dropPoints", "slippedCommitments", "lastSlipDue");
        assertThat(f.evidence().figure("dropPoints")).isEqualByComparingTo("20");
        assertThat(f.evidence().figure("slippedCommitments")).isEqualByComparingTo("2");
        assertThat(f.evidence().day("lastSlipDue")).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(f.magnitude()).isEqualByComparingTo("20");
        // not about money
        assertThat(f.linksToRenegotiation()).isFalse();
    }

    /** Weekly points: 95 on 20 September (out of the window), then 80, 78 and 70, and today's score. */
    private static Relationship relationship(int today, List<Commitment> commitments) {
        return new Relationship(CLIENT, health(today, List.of(point("2026-09-20", 95), point("2026-09-27", 80),
                point("2026-10-25", 78), point("2026-11-22", 70))), commitments);
    }

    private static RelationshipHealth health(int today, List<TrendPoint> earlier) {
        List<TrendPoint> trend = new ArrayList<>(earlier);
        trend.add(new TrendPoint("2026-W48", AS_OF, today));
        return new RelationshipHealth(AS_OF, today, List.of(), trend, null);
    }

    private static TrendPoint point(String date, int score) {
        return new TrendPoint("week", LocalDate.parse(date), score);
    }

    private static Commitment commitment(LocalDate due, LocalDate delivered) {
        return new Commitment(new CommitmentId(UUID.randomUUID()), new AgencyId(UUID.randomUUID()), CLIENT,
                new ProjectId(UUID.randomUUID()), CommitmentKind.CONTENT, "Home page copy", due, delivered, 0);
    }
}
