package io.cordee.core.relationship;

import io.cordee.core.common.Validator;
import java.util.Objects;

/**
 * A change to a logged row of a client's relationship, {@code I} its id and {@code D} its draft of changes: an
 * interaction, an agreement or a commitment (use cases {@code updateInteraction}, {@code updateAgreement},
 * {@code updateCommitment} of {@link RelationshipService}). Valid on its own (ADR 79): the row and the version read
 * (a change of an unknown version cannot be told from a stale one). Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. A field of the changes left null keeps its
 * value; the merged row must pass the rules of a new one, so the service builds that command
 * ({@link CreateInteractionCommand}, {@link CreateAgreementCommand}, {@link CreateCommitmentCommand}) from the row it
 * reads. Who may change the row, whether it exists and whether the version is the stored one stay with the service.
 */
public record UpdateEntryCommand<I, D>(I id, Long expectedVersion, D changes) {

    public UpdateEntryCommand {
        new Validator().required("id", id).required("version", expectedVersion).throwIfInvalid();
        Objects.requireNonNull(changes, "changes");
    }
}
