package io.cordee.core.relationship;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The health of one relationship as of a date: the 0–100 score, each component with the numbers
 * behind it, the weekly trend and the reciprocity balance. Computed by {@link HealthCalculator}.
 */
public record RelationshipHealth(LocalDate asOf, int score, List<Component> components, List<TrendPoint> trend,
                                 Reciprocity reciprocity) {

    public RelationshipHealth {
        components = List.copyOf(components);
        trend = List.copyOf(trend);
    }

    /**
     * One component: its score (null when there is no data; its weight then goes to the others),
     * the weight the agency set, the weight it actually had in this score (in points of 100), and
     * the evidence.
     */
    public record Component(HealthComponent kind, Integer score, int weight, BigDecimal appliedWeight,
                            List<Evidence> evidence) {
        public Component {
            evidence = List.copyOf(evidence);
        }
    }

    /** One number behind a component: {@code name} says what it counts; {@code value} null when unknown. */
    public record Evidence(String name, BigDecimal value) {
    }

    /** The score as of the end of one ISO week ({@code week} as 2026-W48); the current week is as of today. */
    public record TrendPoint(String week, LocalDate asOf, int score) {
    }

    /**
     * Who keeps their word and who brings the energy. Rates are percentages of the agreements (and, on
     * the client's side, commitments) that were due, kept on time; null with nothing due.
     * {@code loadCarriedBy} is the side that carries the relationship when it is one-sided.
     */
    public record Reciprocity(int agencyDue, int agencyKeptOnTime, Integer agencyOnTimePercent, int clientDue,
                              int clientKeptOnTime, Integer clientOnTimePercent, BigDecimal agencyAverageEnergy,
                              BigDecimal clientAverageEnergy, boolean oneSided, Side loadCarriedBy) {
    }
}
