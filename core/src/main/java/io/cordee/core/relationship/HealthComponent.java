package io.cordee.core.relationship;

/** The parts of the relationship health score (see {@link HealthCalculator}). */
public enum HealthComponent {
    /** Commitments kept on time. */
    COMMITMENTS,
    /** Feedback turnaround: how late FEEDBACK and APPROVAL commitments are on average. */
    FEEDBACK,
    /** Interaction energy over the last 90 days, both sides. */
    ENERGY,
    /** Interactions in the last 60 days against the expected cadence. */
    FREQUENCY,
    /** Payment behaviour: the client's median payment delay against the agency's default for its segment. */
    PAYMENT
}
