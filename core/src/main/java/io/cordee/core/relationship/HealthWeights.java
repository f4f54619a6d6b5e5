package io.cordee.core.relationship;

/**
 * How much each component counts in an agency's relationship health score, in points that sum to
 * 100. {@code version} −1 means "the defaults, never saved".
 */
public record HealthWeights(int commitments, int feedback, int energy, int frequency, int payment, long version) {

    public static final HealthWeights DEFAULTS = new HealthWeights(30, 15, 20, 15, 20, -1);

    public int of(HealthComponent component) {
        return switch (component) {
            case COMMITMENTS -> commitments;
            case FEEDBACK -> feedback;
            case ENERGY -> energy;
            case FREQUENCY -> frequency;
            case PAYMENT -> payment;
        };
    }

    public int total() {
        return commitments + feedback + energy + frequency + payment;
    }
}
