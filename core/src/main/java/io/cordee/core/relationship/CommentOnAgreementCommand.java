package io.cordee.core.relationship;

import io.cordee.core.common.Validator;

/**
 * Comment on an agreement of a game plan (use case {@link RelationshipService#commentOnAgreement(
 * io.cordee.core.identity.Caller, CommentOnAgreementCommand)}). Valid on its own (ADR 79): an agreement and a body
 * of 1 to {@value RelationshipComment#BODY_MAX_LENGTH} characters (stripped). Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. The agreement being one the caller may see
 * stays with the service.
 */
public record CommentOnAgreementCommand(AgreementId agreementId, String body) {

    public CommentOnAgreementCommand {
        new Validator().required("agreementId", agreementId)
                .requiredText("body", body, RelationshipComment.BODY_MAX_LENGTH).throwIfInvalid();
        body = body.strip();
    }
}
