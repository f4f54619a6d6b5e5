package io.cordee.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.alert.Alert;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertKind;
import io.cordee.core.alert.AlertService;
import io.cordee.core.alert.Evidence;
import io.cordee.core.alert.Severity;
import io.cordee.core.brief.BriefService;
import io.cordee.core.brief.BriefVersionDraft;
import io.cordee.core.brief.Priority;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.relationship.InteractionDraft;
import io.cordee.core.relationship.InteractionKind;
import io.cordee.core.relationship.RelationshipService;
import io.cordee.core.staffing.AllocationDraft;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An evaluation as of a given date judges the relationship health and the briefs' feasibility as of that date, not
 * as of the clock's today (ADR 96; they used the clock's before). The clock says Monday 14 June 2027 (12:00 in
 * Paris); each agency is evaluated as of Monday 15 June 2026, a year earlier. A new agency has no public holiday:
 * Monday to Friday are its working days.
 */
@ApiTest
@ClockAt("2027-06-14T10:00:00Z")
class AlertEvaluationAsOfTest {

    /** The evaluation's date, a Monday; the clock's today is 2027-06-14. */
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    @Autowired
    Tenants tenants;
    @Autowired
    AlertService alerts;
    @Autowired
    RelationshipService relationships;
    @Autowired
    TeamService team;
    @Autowired
    ProjectService projects;
    @Autowired
    StaffingService staffing;
    @Autowired
    BriefService briefs;

    /**
     * Own Client's interactions, rated by the agency only: four rated 5 from Monday 4 to Thursday 7 May 2026, four
     * rated 1 from Thursday 11 to Sunday 14 June. No commitment, no paid invoice: only energy (weight 20) and
     * frequency (weight 15) have data, score = (20 × energy + 15 × frequency) ÷ 35.
     * <ul>
     *   <li>As of 15 June: energy over the 90 days = 8 ratings summing 4 × 5 + 4 × 1 = 24, (24 − 8) × 25 ÷ 8 = 50;
     *       frequency: 8 interactions in 60 days, min(100, 8 × 25) = 100; score (20 × 50 + 15 × 100) ÷ 35 = 71.43 →
     *       71.</li>
     *   <li>The trend's point of Sunday 7 June (the last week before the low ratings): 4 ratings of 5,
     *       (20 − 4) × 25 ÷ 4 = 100, and 4 interactions in 60 days, 100: score 100. The point of 14 June already has
     *       the low ratings (71).</li>
     *   <li>The window is the 60 days up to 15 June (from 16 April): the highest point in it is 100 on 7 June, a drop
     *       of 100 − 71 = 29 points, 15 or more: an engagement drop, a warning.</li>
     * </ul>
     * As of the clock's 14 June 2027 the health would be 0 (no interaction in 60 days) with no trend point in the
     * window: no drop at all.
     */
    @Test
    void theRelationshipHealthIsJudgedAsOfTheEvaluationsDate() {
        Tenants.Tenant tenant = tenants.create("As-of Health Agency");
        for (String day : List.of("2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07")) {
            interaction(tenant, LocalDate.parse(day), 5);
        }
        for (String day : List.of("2026-06-11", "2026-06-12", "2026-06-13", "2026-06-14")) {
            interaction(tenant, LocalDate.parse(day), 1);
        }

        List<Alert> drops = evaluate(tenant, AlertKind.ENGAGEMENT_DROP);

        assertThat(drops).hasSize(1);
        Alert drop = drops.get(0);
        assertThat(drop.subject().clientId()).contains(tenant.ownClient().id());
        assertThat(drop.severity()).isEqualTo(Severity.WARNING);
        Evidence evidence = drop.evidence();
        assertThat(evidence.figure("currentScore")).isEqualByComparingTo("71");
        assertThat(evidence.figure("highestScore")).isEqualByComparingTo("100");
        assertThat(evidence.day("highestScoreOn")).isEqualTo(LocalDate.of(2026, 6, 7));
        assertThat(evidence.figure("dropPoints")).isEqualByComparingTo("29");
    }

    /**
     * One person, full time, allocated 100 % to the project "Site" from Monday 15 to Friday 26 June 2026: 10 working
     * days. Its brief launches on Friday 26 June with one Must of 20 person-days.
     * <ul>
     *   <li>As of 15 June: capacity 1.00 × 1.0 × 10 = 10 person-days, scope 20, ratio 20 ÷ 10 = 2.0, above 1.0:
     *       unrealistic; the missing days 20 − 10 = 10. The allocations never give the 20 ÷ 0.85 = 23.53 days needed,
     *       so there is no earliest realistic launch, no communication plan after it: a warning.</li>
     *   <li>As of the clock's 14 June 2027 the allocation would be over: capacity 0, no ratio.</li>
     * </ul>
     */
    @Test
    void theBriefsFeasibilityIsJudgedAsOfTheEvaluationsDate() {
        Tenants.Tenant tenant = tenants.create("As-of Brief Agency");
        TeamMember person = team.create(tenant.owner(), new TeamMemberDraft("A", null, List.of(), BigDecimal.ONE,
                Money.of(500_000, "EUR"), Money.of(60_000, "EUR"))).block(Duration.ofSeconds(5));
        Project site = projects.create(tenant.owner(), tenant.ownClient().id(), new ProjectDraft("Site", null,
                LocalDate.of(2026, 6, 1), null, null, Money.of(1_000_000, "EUR"), null)).block(Duration.ofSeconds(5));
        staffing.create(tenant.owner(), new AllocationDraft(person.id(), site.id(), 100, AS_OF,
                LocalDate.of(2026, 6, 26))).block(Duration.ofSeconds(5));
        briefs.create(tenant.owner(), site.id(), "Shop", new BriefVersionDraft(List.of("Sell online"), null,
                List.of(new BriefVersionDraft.RequirementDraft(null, "Checkout", null, Priority.MUST, "20")), null,
                null, null, LocalDate.of(2026, 6, 26), null)).block(Duration.ofSeconds(5));

        List<Alert> unrealistic = evaluate(tenant, AlertKind.UNREALISTIC_BRIEF);

        assertThat(unrealistic).hasSize(1);
        Alert alert = unrealistic.get(0);
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        Evidence evidence = alert.evidence();
        assertThat(evidence.figure("capacityDays")).isEqualByComparingTo("10");
        assertThat(evidence.figure("scopeDays")).isEqualByComparingTo("20");
        assertThat(evidence.figure("ratio")).isEqualByComparingTo("2");
        assertThat(evidence.day("launchDate")).isEqualTo(LocalDate.of(2026, 6, 26));
        assertThat(evidence.names()).doesNotContain("earliestRealisticLaunch");
        assertThat(alert.magnitude()).isEqualByComparingTo("10");
    }

    private void interaction(Tenants.Tenant tenant, LocalDate day, int agencyEnergy) {
        relationships.addInteraction(tenant.owner(), tenant.ownClient().id(), new InteractionDraft(day,
                InteractionKind.MEETING, List.of(), List.of(), "Weekly meeting", agencyEnergy, null, false))
                .block(Duration.ofSeconds(5));
    }

    /** The alerts of {@code kind} the evaluation as of {@link #AS_OF} opened or changed, with their new evidence. */
    private List<Alert> evaluate(Tenants.Tenant tenant, AlertKind kind) {
        List<AlertChange> changes = alerts.evaluate(tenant.agencyId(), AS_OF).collectList()
                .block(Duration.ofSeconds(30));
        return changes.stream().map(AlertChange::alert).filter(a -> a.kind() == kind).toList();
    }
}
