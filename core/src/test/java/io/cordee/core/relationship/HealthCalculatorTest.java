package io.cordee.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.PaymentDelayModel.PaidInvoice;
import io.cordee.core.client.ClientId;
import io.cordee.core.project.ProjectId;
import io.cordee.core.relationship.HealthCalculator.Facts;
import io.cordee.core.relationship.RelationshipHealth.Component;
import io.cordee.core.relationship.RelationshipHealth.Evidence;
import io.cordee.core.relationship.RelationshipHealth.Reciprocity;
import io.cordee.core.relationship.RelationshipHealth.TrendPoint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The health formula with every number worked out by hand. As of Tuesday 30 June 2026: the energy
 * window is 2 April–30 June (90 days), the frequency window 2 May–30 June (60 days). Agency defaults:
 * SME pays 5 days late, ENTERPRISE 30. Default weights: commitments 30, feedback 15, energy 20,
 * frequency 15, payment 20.
 */
class HealthCalculatorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final AgencySettings SETTINGS = AgencySettings.defaults(Currency.getInstance("EUR"),
            ZoneId.of("Europe/Paris"));
    private static final AgencyId AGENCY = new AgencyId(UUID.randomUUID());
    private static final ClientId CLIENT = new ClientId(UUID.randomUUID());
    private static final ProjectId PROJECT = new ProjectId(UUID.randomUUID());

    /** The model partner. */
    static Facts modelPartner() {
        return new Facts(List.of(
                // on time; on time (feedback, 0 days late); 2 days late (approval); not due yet, not judged
                commitment(CommitmentKind.CONTENT, "2026-06-01", "2026-05-30"),
                commitment(CommitmentKind.FEEDBACK, "2026-06-10", "2026-06-10"),
                commitment(CommitmentKind.APPROVAL, "2026-06-20", "2026-06-22"),
                commitment(CommitmentKind.ASSETS, "2026-07-15", null)),
                List.of(),
                List.of(interaction("2026-06-25", 5, 4), interaction("2026-06-10", 4, 5),
                        interaction("2026-05-20", 5, null),
                        // before the 90-day window: left out
                        interaction("2026-03-01", 1, 1)),
                paid(0, 2, -1), Segment.SME, SETTINGS);
    }

    /** The client whose commitments slip. */
    static Facts slipping() {
        return new Facts(List.of(
                // 14 days late; feedback 10 days late; approval not delivered, 15 days past due; on time
                commitment(CommitmentKind.CONTENT, "2026-05-01", "2026-05-15"),
                commitment(CommitmentKind.FEEDBACK, "2026-06-01", "2026-06-11"),
                commitment(CommitmentKind.APPROVAL, "2026-06-15", null),
                commitment(CommitmentKind.DECISION, "2026-06-20", "2026-06-19")),
                List.of(),
                List.of(interaction("2026-06-28", 4, 2), interaction("2026-05-10", 3, 2),
                        interaction("2026-04-15", 3, null)),
                paid(38, 47, 44, 51), Segment.ENTERPRISE, SETTINGS);
    }

    static Stream<Arguments> components() {
        return Stream.of(
                // COMMITMENTS: 3 judged, 2 on time → 66.67 → 67.
                // FEEDBACK: 0 and 2 days late → (200 − 5 × 2) ÷ 2 = 95.
                // ENERGY: ratings 5, 4, 4, 5, 5 → Σ 23 over 5: (23 − 5) × 25 ÷ 5 = 90.
                // FREQUENCY: 25 Jun, 10 Jun, 20 May in the 60 days → 3 × 25 = 75.
                // PAYMENT: delays −1, 0, 2 → median 0 → 100.
                // score (30 × 67 + 15 × 95 + 20 × 90 + 15 × 75 + 20 × 100) ÷ 100 = 8360 ÷ 100 = 83.6 → 84
                Arguments.of("model partner", modelPartner(), HealthWeights.DEFAULTS,
                        new Integer[] {67, 95, 90, 75, 100}, 84),
                // COMMITMENTS: 4 judged, only the decision on time → 25.
                // FEEDBACK: 10 and 15 days late (Σ 25) → (200 − 125) ÷ 2 = 37.5 → 38.
                // ENERGY: ratings 4, 2, 3, 2, 3 → Σ 14 over 5: (14 − 5) × 25 ÷ 5 = 45.
                // FREQUENCY: 28 Jun and 10 May → 2 × 25 = 50.
                // PAYMENT: 38, 44, 47, 51 → median (44 + 47) / 2 = 45.5 → 46; (3000 − 2300) ÷ 30 = 23.33 → 23.
                // score (30 × 25 + 15 × 38 + 20 × 45 + 15 × 50 + 20 × 23) ÷ 100 = 3430 ÷ 100 = 34.3 → 34
                Arguments.of("slipping", slipping(), HealthWeights.DEFAULTS,
                        new Integer[] {25, 38, 45, 50, 23}, 34),
                // the agency cares only for energy and frequency: (50 × 90 + 50 × 75) ÷ 100 = 82.5 → 83
                Arguments.of("weights set by the agency", modelPartner(), new HealthWeights(0, 0, 50, 50, 0, 3),
                        new Integer[] {67, 95, 90, 75, 100}, 83),
                // nothing known: every component without data, the neutral 50
                Arguments.of("no data", new Facts(List.of(), List.of(), List.of(), List.of(), Segment.SME, SETTINGS),
                        HealthWeights.DEFAULTS, new Integer[] {null, null, null, null, null}, 50),
                // one interaction yesterday rated 5 and 5: ENERGY 100, FREQUENCY 25; the others have no data
                // (two paid invoices are too few): (20 × 100 + 15 × 25) ÷ 35 = 2375 ÷ 35 = 67.86 → 68
                Arguments.of("only one interaction", new Facts(List.of(), List.of(),
                                List.of(interaction("2026-06-29", 5, 5)), paid(1, 1), Segment.SME, SETTINGS),
                        HealthWeights.DEFAULTS, new Integer[] {null, null, 100, 25, null}, 68),
                // feedback 30 days late: 100 − 150 is clamped to 0; payment 20 days late on a 5-day default:
                // 100 − 200 → 0; a silence of more than 60 days after an interaction: frequency 0.
                // (30 × 0 + 15 × 0 + 20 × 0 + 15 × 0 + 20 × 0) = 0; energy (1, 1) → 0
                Arguments.of("everything at the floor", new Facts(
                                List.of(commitment(CommitmentKind.FEEDBACK, "2026-05-01", "2026-05-31")), List.of(),
                                List.of(interaction("2026-04-10", 1, 1)), paid(20, 20, 20), Segment.SME, SETTINGS),
                        HealthWeights.DEFAULTS, new Integer[] {0, 0, 0, 0, 0}, 0),
                // the last interaction is older than the facts read (only its date is known): a long silence
                // scores 0 on frequency, it is not "no data". ENERGY has no rating in 90 days: no data.
                // COMMITMENTS 1 of 1 → 100: (30 × 100 + 15 × 0) ÷ 45 = 66.67 → 67
                Arguments.of("a long silence", new Facts(
                                List.of(commitment(CommitmentKind.CONTENT, "2026-06-01", "2026-05-30")), List.of(),
                                List.of(), LocalDate.of(2025, 1, 15), List.of(), Segment.SME, SETTINGS),
                        HealthWeights.DEFAULTS, new Integer[] {100, null, null, 0, null}, 67));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void components(String name, Facts facts, HealthWeights weights, Integer[] expected, int score) {
        RelationshipHealth health = HealthCalculator.health(facts, weights, AS_OF);
        assertThat(health.components()).extracting(Component::kind).containsExactly(HealthComponent.values());
        assertThat(health.components()).extracting(Component::score).containsExactly(expected);
        assertThat(health.score()).isEqualTo(score);
    }

    @Test
    void eachComponentCarriesItsEvidence() {
        Map<HealthComponent, Map<String, BigDecimal>> evidence = evidence(
                HealthCalculator.health(slipping(), HealthWeights.DEFAULTS, AS_OF));
        assertThat(evidence.get(HealthComponent.COMMITMENTS)).containsEntry("commitmentsDue", bd("4"))
                .containsEntry("keptOnTime", bd("1")).containsEntry("late", bd("3"))
                .containsEntry("overdueNotDelivered", bd("1"));
        // (10 + 15) ÷ 2 = 12.5
        assertThat(evidence.get(HealthComponent.FEEDBACK)).containsEntry("feedbackDue", bd("2"))
                .containsEntry("averageDaysLate", bd("12.50"));
        // agency 4, 3, 3 → 3.33; client 2, 2 → 2.00; all 14 ÷ 5 = 2.80
        assertThat(evidence.get(HealthComponent.ENERGY)).containsEntry("interactions", bd("3"))
                .containsEntry("ratings", bd("5")).containsEntry("agencyAverage", bd("3.33"))
                .containsEntry("clientAverage", bd("2.00")).containsEntry("average", bd("2.80"));
        assertThat(evidence.get(HealthComponent.FREQUENCY)).containsEntry("interactionsLast60Days", bd("2"))
                .containsEntry("expected", bd("4"));
        assertThat(evidence.get(HealthComponent.PAYMENT)).containsEntry("paidInvoices", bd("4"))
                .containsEntry("medianDelayDays", bd("46")).containsEntry("segmentDefaultDelayDays", bd("30"));
    }

    @Test
    void aComponentWithoutDataGivesItsWeightToTheOthers() {
        RelationshipHealth health = HealthCalculator.health(new Facts(List.of(), List.of(),
                List.of(interaction("2026-06-29", 5, 5)), List.of(), Segment.SME, SETTINGS), HealthWeights.DEFAULTS,
                AS_OF);
        // energy 20 and frequency 15 share the 100: 20 ÷ 35 = 57.14 %, 15 ÷ 35 = 42.86 %
        assertThat(health.components()).extracting(Component::appliedWeight).containsExactly(
                bd("0.00"), bd("0.00"), bd("57.14"), bd("42.86"), bd("0.00"));
        assertThat(health.components()).extracting(Component::weight).containsExactly(30, 15, 20, 15, 20);
        // all the data there: applied = configured
        assertThat(HealthCalculator.health(slipping(), HealthWeights.DEFAULTS, AS_OF).components())
                .extracting(Component::appliedWeight)
                .containsExactly(bd("30.00"), bd("15.00"), bd("20.00"), bd("15.00"), bd("20.00"));
    }

    @Test
    void theTrendRecomputesTheScoreAtEachWeekEnd() {
        // A due 3 Jun, delivered 1 Jun (on time); B due 17 Jun, delivered 24 Jun (late). Only COMMITMENTS has data.
        Facts facts = new Facts(List.of(commitment(CommitmentKind.CONTENT, "2026-06-03", "2026-06-01"),
                commitment(CommitmentKind.ASSETS, "2026-06-17", "2026-06-24")), List.of(), List.of(), List.of(),
                Segment.SME, SETTINGS);
        List<TrendPoint> trend = HealthCalculator.health(facts, HealthWeights.DEFAULTS, AS_OF).trend();

        // 25 Sundays (11 Jan = 2026-W02 … 28 Jun = 2026-W26), then today for the current week 2026-W27
        assertThat(trend).hasSize(26);
        assertThat(trend.get(0)).isEqualTo(new TrendPoint("2026-W02", LocalDate.of(2026, 1, 11), 50));
        assertThat(trend.get(24).asOf()).isEqualTo(LocalDate.of(2026, 6, 28));
        assertThat(trend.get(25)).isEqualTo(new TrendPoint("2026-W27", AS_OF, 50));
        List<Integer> scores = trend.stream().map(TrendPoint::score).toList();
        List<Integer> expected = new ArrayList<>();
        // up to 31 May nothing is judged: neutral 50 (21 weeks)
        expected.addAll(java.util.Collections.nCopies(21, 50));
        // 7 Jun: A delivered on time, B not due → 100; 14 Jun: the same → 100
        // 21 Jun: B past due and undelivered → 1 of 2 → 50; 28 Jun and today: B delivered late → 50
        expected.addAll(List.of(100, 100, 50, 50, 50));
        assertThat(scores).isEqualTo(expected);
    }

    @Test
    void theTrendEndsWithTheEndOfLastWeekWhenTodayIsSunday() {
        LocalDate sunday = LocalDate.of(2026, 6, 28);
        List<TrendPoint> trend = HealthCalculator.health(modelPartner(), HealthWeights.DEFAULTS, sunday).trend();
        // 21 Jun (W25) then today 28 Jun (W26): never the same week twice
        assertThat(trend.get(24).asOf()).isEqualTo(LocalDate.of(2026, 6, 21));
        assertThat(trend.get(25)).extracting(TrendPoint::week, TrendPoint::asOf)
                .containsExactly("2026-W26", sunday);
        assertThat(trend.stream().map(TrendPoint::week).distinct()).hasSize(26);
    }

    static Stream<Arguments> reciprocity() {
        List<Agreement> plan = List.of(
                agreement(Side.AGENCY, "2026-06-01", AgreementStatus.DONE, "2026-05-30"), // kept
                agreement(Side.AGENCY, "2026-06-15", AgreementStatus.DONE, "2026-06-20"), // late
                agreement(Side.AGENCY, "2026-07-30", AgreementStatus.AGREED, null), // not due: not counted
                agreement(Side.CLIENT, "2026-06-10", AgreementStatus.AGREED, null), // past due, not done
                agreement(Side.CLIENT, "2026-05-01", AgreementStatus.DROPPED, null), // dropped: never counted
                agreement(Side.AGENCY, null, AgreementStatus.DONE, "2026-06-05")); // no due date, done: kept
        Facts slippingWithPlan = new Facts(slipping().commitments(), plan, slipping().interactions(), List.of(),
                Segment.ENTERPRISE, SETTINGS);
        return Stream.of(
                // agency 2 of 3 → 67 %; client: its agreement (0 of 1) + commitments (1 of 4) = 1 of 5 → 20 %.
                // 67 − 20 = 47 ≥ 30 points: one-sided, the agency carries it. Energy agency 3.33, client 2.00.
                Arguments.of("slipping client", slippingWithPlan,
                        new Reciprocity(3, 2, 67, 5, 1, 20, bd("3.33"), bd("2.00"), true, Side.AGENCY)),
                // no agreements; client 2 of 3 commitments → 67 %; no agency rate to compare.
                // energy agency (5 + 4 + 5) ÷ 3 = 4.67, client (4 + 5) ÷ 2 = 4.50: a 0.17 gap, balanced
                Arguments.of("model partner", modelPartner(),
                        new Reciprocity(0, 0, null, 3, 2, 67, bd("4.67"), bd("4.50"), false, null)),
                // rates unknown; energy agency 5.00 vs client 3.50 (4 and 3): gap 1.5 → one-sided
                Arguments.of("energy gap", new Facts(List.of(), List.of(),
                                List.of(interaction("2026-06-20", 5, 4), interaction("2026-06-10", 5, 3)), List.of(),
                                Segment.SME, SETTINGS),
                        new Reciprocity(0, 0, null, 0, 0, null, bd("5.00"), bd("3.50"), true, Side.AGENCY)),
                // the client keeps 1 of 1, the agency 1 of 1 plus a late one: 100 vs 50 → the client carries it
                Arguments.of("client carries", new Facts(List.of(commitment(CommitmentKind.CONTENT, "2026-06-01",
                                "2026-06-01")), List.of(agreement(Side.AGENCY, "2026-06-01", AgreementStatus.DONE,
                                "2026-06-01"), agreement(Side.AGENCY, "2026-06-02", AgreementStatus.AGREED, null)),
                                List.of(), List.of(), Segment.SME, SETTINGS),
                        new Reciprocity(2, 1, 50, 1, 1, 100, null, null, true, Side.CLIENT)),
                // 29 points apart: just under the threshold (agency 7 of 10 = 70 %, client 41 % from 41 of 100)
                Arguments.of("just balanced", new Facts(commitments(41, 59), agreements(7, 3), List.of(), List.of(),
                                Segment.SME, SETTINGS),
                        new Reciprocity(10, 7, 70, 100, 41, 41, null, null, false, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void reciprocity(String name, Facts facts, Reciprocity expected) {
        assertThat(HealthCalculator.health(facts, HealthWeights.DEFAULTS, AS_OF).reciprocity()).isEqualTo(expected);
    }

    @Test
    void aCommitmentIsLateWhenDeliveredAfterItsDueDateOrOverdue() {
        Commitment onTime = commitment(CommitmentKind.CONTENT, "2026-06-10", "2026-06-10");
        Commitment deliveredLate = commitment(CommitmentKind.CONTENT, "2026-06-10", "2026-06-12");
        Commitment open = commitment(CommitmentKind.CONTENT, "2026-06-10", null);
        assertThat(onTime.late(AS_OF)).isFalse();
        assertThat(deliveredLate.late(AS_OF)).isTrue();
        assertThat(deliveredLate.daysLate(AS_OF)).isEqualTo(2);
        // due on the 10th: on the 10th itself it is not late yet; on the 11th it is, one day
        assertThat(open.late(LocalDate.of(2026, 6, 10))).isFalse();
        assertThat(open.late(LocalDate.of(2026, 6, 11))).isTrue();
        assertThat(open.daysLate(AS_OF)).isEqualTo(20);
        // judged as of the 11th, a delivery on the 12th did not happen yet: late, undelivered
        assertThat(deliveredLate.deliveredBy(LocalDate.of(2026, 6, 11))).isFalse();
    }

    // ---- fixtures ------------------------------------------------------------------------------

    private static Map<HealthComponent, Map<String, BigDecimal>> evidence(RelationshipHealth health) {
        return health.components().stream().collect(Collectors.toMap(Component::kind, c -> c.evidence().stream()
                .filter(e -> e.value() != null).collect(Collectors.toMap(Evidence::name, Evidence::value))));
    }

    private static Commitment commitment(CommitmentKind kind, String due, String delivered) {
        return new Commitment(new CommitmentId(UUID.randomUUID()), AGENCY, CLIENT, PROJECT, kind, kind + " due " + due,
                LocalDate.parse(due), delivered == null ? null : LocalDate.parse(delivered), 0);
    }

    /** {@code kept} commitments delivered on time and {@code late} delivered a day late, all due in May. */
    private static List<Commitment> commitments(int kept, int late) {
        List<Commitment> list = new ArrayList<>();
        for (int i = 0; i < kept + late; i++) {
            list.add(commitment(CommitmentKind.CONTENT, "2026-05-10", i < kept ? "2026-05-10" : "2026-05-11"));
        }
        return list;
    }

    private static Agreement agreement(Side side, String due, AgreementStatus status, String done) {
        return new Agreement(new AgreementId(UUID.randomUUID()), AGENCY, CLIENT, null, "agreement", side, null,
                due == null ? null : LocalDate.parse(due), status, done == null ? null : LocalDate.parse(done), 0);
    }

    /** {@code kept} agency agreements done on time and {@code late} done a day late, all due in May. */
    private static List<Agreement> agreements(int kept, int late) {
        List<Agreement> list = new ArrayList<>();
        for (int i = 0; i < kept + late; i++) {
            list.add(agreement(Side.AGENCY, "2026-05-10", AgreementStatus.DONE, i < kept ? "2026-05-10" : "2026-05-11"));
        }
        return list;
    }

    private static Interaction interaction(String date, Integer agencyEnergy, Integer clientEnergy) {
        return new Interaction(new InteractionId(UUID.randomUUID()), AGENCY, CLIENT, LocalDate.parse(date),
                InteractionKind.MEETING, List.of("Camille"), List.of("Sophie"), "point", agencyEnergy, clientEnergy,
                false, 0);
    }

    /** Invoices due on the 1st of successive months of 2025, paid {@code delays} days late. */
    private static List<PaidInvoice> paid(int... delays) {
        return Arrays.stream(delays).boxed().map(new java.util.function.Function<Integer, PaidInvoice>() {
            int month = 1;

            @Override
            public PaidInvoice apply(Integer delay) {
                LocalDate due = LocalDate.of(2025, month++, 1);
                return new PaidInvoice(due, due.plusDays(delay));
            }
        }).toList();
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
