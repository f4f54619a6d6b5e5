package io.cordee.core.relationship;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.time.LocalDate;

/**
 * Record that a commitment was delivered (use case {@link RelationshipService#recordDelivery(
 * io.cordee.core.identity.Caller, RecordCommitmentDeliveryCommand)}). Valid on its own (ADR 79): a commitment, the
 * version read, a delivered date within 2000-01-01 … 2100-12-31 and an optional comment of at most
 * {@value RelationshipComment#BODY_MAX_LENGTH} characters once stripped (blank: none). Otherwise the constructor
 * throws {@link io.cordee.core.common.InvalidInput} naming every broken field. The delivered date not after the
 * agency's today, and the commitment being one the caller may see, stay with the service.
 */
public record RecordCommitmentDeliveryCommand(CommitmentId commitmentId, Long expectedVersion,
                                              LocalDate deliveredDate, String comment) {

    public RecordCommitmentDeliveryCommand {
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        Validator v = new Validator().required("id", commitmentId).required("version", expectedVersion)
                .required("deliveredDate", deliveredDate);
        RelationshipRules.date(v, "deliveredDate", deliveredDate)
                .check(comment == null || comment.length() <= RelationshipComment.BODY_MAX_LENGTH, "comment",
                        "at most " + RelationshipComment.BODY_MAX_LENGTH + " characters", ErrorCode.TOO_LONG)
                .throwIfInvalid();
    }
}
