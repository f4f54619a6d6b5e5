package io.cordee.core.relationship;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.util.Locale;

/**
 * Set the agency's relationship health weights (use case {@link RelationshipService#updateWeights(
 * io.cordee.core.identity.Caller, UpdateHealthWeightsCommand)}). Valid on its own (ADR 79): each component's weight
 * 0–100 and together exactly 100. Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming
 * every broken field ({@code energy}, {@code weights}). Who may change them stays with the service.
 *
 * @param expectedVersion the weights' version read; null while the agency uses the defaults
 */
public record UpdateHealthWeightsCommand(Long expectedVersion, HealthWeights weights) {

    public UpdateHealthWeightsCommand {
        Validator v = new Validator().required("weights", weights);
        if (weights != null) {
            for (HealthComponent c : HealthComponent.values()) {
                v.range(c.name().toLowerCase(Locale.ROOT), weights.of(c), 0, 100);
            }
            v.check(weights.total() == 100, "weights", "must add up to 100 (got " + weights.total() + ")",
                    ErrorCode.OUT_OF_RANGE);
        }
        v.throwIfInvalid();
    }
}
