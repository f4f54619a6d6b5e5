package io.cordee.core.relationship;

import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.relationship.RelationshipHealth.Component;
import io.cordee.core.relationship.RelationshipHealth.Evidence;
import io.cordee.core.relationship.RelationshipHealth.Reciprocity;
import io.cordee.core.relationship.RelationshipHealth.TrendPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Relationship health, a pure function of a relationship's facts and an as-of date (no I/O). Each
 * component scores 0–100 from what is known as of the date:
 * <ul>
 *   <li><b>COMMITMENTS</b>: of the commitments that are judged (delivered by the date, or past their
 *       due date), the share delivered on or before the due date. 3 of 4 on time → 75.</li>
 *   <li><b>FEEDBACK</b>: the same for FEEDBACK and APPROVAL commitments, scored by their average days
 *       late (to the delivery, or to the date while undelivered): 100 − 5 × average, at least 0.
 *       Two days late on average → 90; twenty or more → 0.</li>
 *   <li><b>ENERGY</b>: every rating given by either side to interactions of the last 90 days (the date
 *       and the 89 days before it), pooled: (average − 1) × 25. 1 → 0, 3 → 50, 5 → 100.</li>
 *   <li><b>FREQUENCY</b>: interactions in the last 60 days against the expected cadence of one every
 *       15 days (4 in 60 days): 25 per interaction, at most 100. It has no data only while the
 *       client has no interaction at all on or before the date; after that, silence scores 0.</li>
 *   <li><b>PAYMENT</b>: the client's median payment delay (the billing {@link PaymentDelayModel},
 *       invoices paid by the date) against the agency's default delay for the client's segment D:
 *       100 when it pays on time or early, else 100 − 50 × median ÷ max(D, 1), at least 0: paying as
 *       late as the default scores 50, twice as late 0. Fewer than 3 paid invoices: no data.</li>
 * </ul>
 * The score is the weighted average of the components that have data, rounded half up: a
 * component without data is left out and its weight is shared by the others in proportion to
 * theirs (its {@code appliedWeight} is 0). With no data at all, or only zero weights, the score is the
 * neutral 50.
 *
 * <p>The trend recomputes the score from the same facts as of the end (Sunday) of each of the 25
 * ISO weeks before the current one, and as of the date for the current week: 26 points, oldest first.
 * A change in the facts shows in the whole trend at once; nothing is stored.
 *
 * <p>Reciprocity: the agency's side is its agreements; the client's side is its agreements and its
 * commitments. The relationship is {@code oneSided} when the on-time rates of the two sides differ by
 * {@value #ONE_SIDED_RATE_GAP} points or more, or their average energies (last 90 days) by
 * {@code 1.5} or more; the side with the higher rate (or, failing a rate gap, energy) carries the
 * load.
 */
public final class HealthCalculator {

    public static final int ENERGY_DAYS = 90;
    public static final int FREQUENCY_DAYS = 60;
    public static final int EXPECTED_INTERACTIONS = 4;
    public static final int FEEDBACK_POINTS_PER_DAY_LATE = 5;
    public static final int TREND_WEEKS = 26;
    public static final int NEUTRAL_SCORE = 50;
    public static final int ONE_SIDED_RATE_GAP = 30;
    public static final BigDecimal ONE_SIDED_ENERGY_GAP = new BigDecimal("1.5");

    private HealthCalculator() {
    }

    /**
     * Everything the health of one relationship depends on. {@code interactions} may be only the
     * recent ones; {@code firstInteraction} is the date of the client's very first one (null when it
     * has none, or when {@code interactions} are all of them), so that a long silence scores 0 on
     * frequency rather than "no data".
     */
    public record Facts(List<Commitment> commitments, List<Agreement> agreements, List<Interaction> interactions,
                        LocalDate firstInteraction, List<PaymentDelayModel.PaidInvoice> paid, Segment segment,
                        AgencySettings settings) {
        public Facts {
            commitments = List.copyOf(commitments);
            agreements = List.copyOf(agreements);
            interactions = List.copyOf(interactions);
            paid = List.copyOf(paid);
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(settings, "settings");
        }

        /** With every interaction of the client. */
        public Facts(List<Commitment> commitments, List<Agreement> agreements, List<Interaction> interactions,
                     List<PaymentDelayModel.PaidInvoice> paid, Segment segment, AgencySettings settings) {
            this(commitments, agreements, interactions, null, paid, segment, settings);
        }
    }

    /** The health as of {@code asOf}, with its 26-week trend. */
    public static RelationshipHealth health(Facts facts, HealthWeights weights, LocalDate asOf) {
        List<Component> components = components(facts, weights, asOf);
        List<TrendPoint> trend = new ArrayList<>();
        LocalDate lastSunday = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusDays(1);
        for (int i = TREND_WEEKS - 1; i >= 1; i--) {
            LocalDate weekEnd = lastSunday.minusWeeks(i - 1L);
            trend.add(new TrendPoint(isoWeek(weekEnd), weekEnd, score(components(facts, weights, weekEnd))));
        }
        int score = score(components);
        trend.add(new TrendPoint(isoWeek(asOf), asOf, score));
        return new RelationshipHealth(asOf, score, components, trend, reciprocity(facts, asOf));
    }

    /** The components as of a date, each with its applied weight. */
    static List<Component> components(Facts facts, HealthWeights weights, LocalDate asOf) {
        List<Scored> scored = List.of(commitments(facts, asOf), feedback(facts, asOf), energy(facts, asOf),
                frequency(facts, asOf), payment(facts, asOf));
        int available = scored.stream().filter(s -> s.score != null).mapToInt(s -> weights.of(s.kind)).sum();
        return scored.stream().map(s -> {
            int weight = weights.of(s.kind);
            BigDecimal applied = s.score == null || available == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(weight * 100L).divide(BigDecimal.valueOf(available), 2, RoundingMode.HALF_UP);
            return new Component(s.kind, s.score, weight, applied, s.evidence);
        }).toList();
    }

    /** Σ weight × score ÷ Σ weight over the components with data, rounded half up; 50 with none. */
    static int score(List<Component> components) {
        long weighted = 0;
        long weights = 0;
        for (Component c : components) {
            if (c.score() != null) {
                weighted += (long) c.weight() * c.score();
                weights += c.weight();
            }
        }
        if (weights == 0) {
            return NEUTRAL_SCORE;
        }
        return BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(weights), 0, RoundingMode.HALF_UP).intValueExact();
    }

    private record Scored(HealthComponent kind, Integer score, List<Evidence> evidence) {
    }

    private static Scored commitments(Facts facts, LocalDate asOf) {
        List<Commitment> judged = facts.commitments().stream().filter(c -> c.countsAsOf(asOf)).toList();
        long onTime = judged.stream().filter(c -> !c.late(asOf)).count();
        long open = judged.stream().filter(c -> !c.deliveredBy(asOf)).count();
        Integer score = judged.isEmpty() ? null : percent(onTime, judged.size());
        return new Scored(HealthComponent.COMMITMENTS, score, List.of(
                evidence("commitmentsDue", judged.size()), evidence("keptOnTime", onTime),
                evidence("late", judged.size() - onTime), evidence("overdueNotDelivered", open)));
    }

    private static Scored feedback(Facts facts, LocalDate asOf) {
        List<Commitment> judged = facts.commitments().stream()
                .filter(c -> c.kind().isFeedback() && c.countsAsOf(asOf)).toList();
        if (judged.isEmpty()) {
            return new Scored(HealthComponent.FEEDBACK, null, List.of(evidence("feedbackDue", 0),
                    new Evidence("averageDaysLate", null)));
        }
        long daysLate = judged.stream().mapToLong(c -> c.daysLate(asOf)).sum();
        BigDecimal average = BigDecimal.valueOf(daysLate).divide(BigDecimal.valueOf(judged.size()), 2,
                RoundingMode.HALF_UP);
        // (100 × n − 5 × Σ days late) ÷ n = 100 − 5 × average, rounded once
        int raw = BigDecimal.valueOf(100L * judged.size() - daysLate * FEEDBACK_POINTS_PER_DAY_LATE)
                .divide(BigDecimal.valueOf(judged.size()), 0, RoundingMode.HALF_UP).intValueExact();
        return new Scored(HealthComponent.FEEDBACK, Math.max(0, raw), List.of(
                evidence("feedbackDue", judged.size()), new Evidence("averageDaysLate", average)));
    }

    private static Scored energy(Facts facts, LocalDate asOf) {
        List<Interaction> recent = within(facts.interactions(), asOf, ENERGY_DAYS);
        Ratings agency = ratings(recent, Side.AGENCY);
        Ratings client = ratings(recent, Side.CLIENT);
        int count = agency.count + client.count;
        BigDecimal average = count == 0 ? null : BigDecimal.valueOf(agency.sum + client.sum)
                .divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
        Integer score = count == 0 ? null : BigDecimal.valueOf((agency.sum + client.sum - count) * 25L)
                .divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).intValueExact();
        return new Scored(HealthComponent.ENERGY, score, List.of(evidence("interactions", recent.size()),
                evidence("ratings", count), new Evidence("agencyAverage", agency.average()),
                new Evidence("clientAverage", client.average()), new Evidence("average", average)));
    }

    private static Scored frequency(Facts facts, LocalDate asOf) {
        boolean anyBefore = (facts.firstInteraction() != null && !facts.firstInteraction().isAfter(asOf))
                || facts.interactions().stream().anyMatch(i -> !i.date().isAfter(asOf));
        int recent = within(facts.interactions(), asOf, FREQUENCY_DAYS).size();
        Integer score = anyBefore ? Math.min(100, recent * 100 / EXPECTED_INTERACTIONS) : null;
        return new Scored(HealthComponent.FREQUENCY, score, List.of(evidence("interactionsLast60Days", recent),
                evidence("expected", EXPECTED_INTERACTIONS)));
    }

    private static Scored payment(Facts facts, LocalDate asOf) {
        List<PaymentDelayModel.PaidInvoice> paid = facts.paid().stream()
                .filter(p -> !p.paidDate().isAfter(asOf)).toList();
        PaymentDelayModel.Delays delays = PaymentDelayModel.of(paid, facts.segment(), facts.settings());
        int segmentDefault = facts.settings().defaultPaymentDelayDays().get(facts.segment());
        Integer score = null;
        if (delays.basedOnInvoices() >= PaymentDelayModel.MINIMUM_HISTORY) {
            int median = delays.expectedDays();
            long scale = Math.max(segmentDefault, 1);
            // (100 × D − 50 × median) ÷ D = 100 − 50 × median ÷ D, rounded once
            score = median <= 0 ? 100 : Math.max(0, BigDecimal.valueOf(100 * scale - 50L * median)
                    .divide(BigDecimal.valueOf(scale), 0, RoundingMode.HALF_UP).intValueExact());
        }
        return new Scored(HealthComponent.PAYMENT, score, List.of(
                evidence("paidInvoices", delays.basedOnInvoices()),
                score == null ? new Evidence("medianDelayDays", null) : evidence("medianDelayDays", delays.expectedDays()),
                evidence("segmentDefaultDelayDays", segmentDefault)));
    }

    static Reciprocity reciprocity(Facts facts, LocalDate asOf) {
        int agencyDue = 0;
        int agencyKept = 0;
        int clientDue = 0;
        int clientKept = 0;
        for (Agreement a : facts.agreements()) {
            if (a.countsAsOf(asOf)) {
                boolean kept = a.keptOnTime(asOf);
                if (a.ownerSide() == Side.AGENCY) {
                    agencyDue++;
                    agencyKept += kept ? 1 : 0;
                } else {
                    clientDue++;
                    clientKept += kept ? 1 : 0;
                }
            }
        }
        for (Commitment c : facts.commitments()) {
            if (c.countsAsOf(asOf)) {
                clientDue++;
                clientKept += c.late(asOf) ? 0 : 1;
            }
        }
        Integer agencyRate = agencyDue == 0 ? null : percent(agencyKept, agencyDue);
        Integer clientRate = clientDue == 0 ? null : percent(clientKept, clientDue);
        List<Interaction> recent = within(facts.interactions(), asOf, ENERGY_DAYS);
        BigDecimal agencyEnergy = ratings(recent, Side.AGENCY).average();
        BigDecimal clientEnergy = ratings(recent, Side.CLIENT).average();

        Side carrier = null;
        if (agencyRate != null && clientRate != null && Math.abs(agencyRate - clientRate) >= ONE_SIDED_RATE_GAP) {
            carrier = agencyRate > clientRate ? Side.AGENCY : Side.CLIENT;
        } else if (agencyEnergy != null && clientEnergy != null
                && agencyEnergy.subtract(clientEnergy).abs().compareTo(ONE_SIDED_ENERGY_GAP) >= 0) {
            carrier = agencyEnergy.compareTo(clientEnergy) > 0 ? Side.AGENCY : Side.CLIENT;
        }
        return new Reciprocity(agencyDue, agencyKept, agencyRate, clientDue, clientKept, clientRate, agencyEnergy,
                clientEnergy, carrier != null, carrier);
    }

    /** Interactions dated within the {@code days} days that end with {@code asOf} (both ends included). */
    private static List<Interaction> within(List<Interaction> interactions, LocalDate asOf, int days) {
        LocalDate first = asOf.minusDays(days - 1L);
        return interactions.stream().filter(i -> !i.date().isBefore(first) && !i.date().isAfter(asOf)).toList();
    }

    private record Ratings(long sum, int count) {
        BigDecimal average() {
            return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2,
                    RoundingMode.HALF_UP);
        }
    }

    private static Ratings ratings(List<Interaction> interactions, Side side) {
        long sum = 0;
        int count = 0;
        for (Interaction i : interactions) {
            Integer energy = side == Side.AGENCY ? i.agencyEnergy() : i.clientEnergy();
            if (energy != null) {
                sum += energy;
                count++;
            }
        }
        return new Ratings(sum, count);
    }

    private static int percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    private static Evidence evidence(String name, long value) {
        return new Evidence(name, BigDecimal.valueOf(value));
    }

    /** "2026-W07": what {@code String.format("%d-W%02d", …)} wrote, without a Formatter per point (issue 20). */
    private static String isoWeek(LocalDate date) {
        int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return date.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
    }
}
