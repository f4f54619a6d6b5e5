package io.cordee.core.relationship;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;

/**
 * Add an agreement to a client's game plan (use case {@link RelationshipService#addAgreement(
 * io.cordee.core.identity.Caller, CreateAgreementCommand)}). Valid on its own (ADR 79): a client, what was agreed in
 * 1 to {@value #WHAT_MAX_LENGTH} characters (stripped), the side that owns it, an owner's name of at most 200
 * characters (blank: none), due and done dates within 2000-01-01 … 2100-12-31, a done date only with the
 * {@code DONE} status (a null status is {@code PROPOSED}). Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. A changed agreement must pass the same rules:
 * {@link RelationshipService#updateAgreement} builds one from the merged values. What needs the agency or the
 * database stays with the service: a DONE agreement without a done date is done today, the done date is not after
 * today, the project is the client's.
 */
public record CreateAgreementCommand(ClientId clientId, ProjectId projectId, String what, Side ownerSide,
                                     String ownerName, LocalDate dueDate, AgreementStatus status,
                                     LocalDate doneDate) {

    public static final int WHAT_MAX_LENGTH = 1_000;

    public CreateAgreementCommand {
        status = status == null ? AgreementStatus.PROPOSED : status;
        Validator v = new Validator().required("clientId", clientId)
                .requiredText("what", what, WHAT_MAX_LENGTH)
                .required("ownerSide", ownerSide)
                .maxLength("ownerName", ownerName, Validator.NAME_MAX_LENGTH);
        RelationshipRules.date(v, "dueDate", dueDate);
        RelationshipRules.date(v, "doneDate", doneDate);
        v.check(doneDate == null || status == AgreementStatus.DONE, "doneDate", "goes only with the DONE status",
                ErrorCode.INVALID_FORMAT).throwIfInvalid();
        what = what.strip();
        ownerName = ownerName == null || ownerName.isBlank() ? null : ownerName.strip();
    }

    /** The command from a draft, for {@code clientId}. */
    public CreateAgreementCommand(ClientId clientId, AgreementDraft draft) {
        this(clientId, draft.projectId(), draft.what(), draft.ownerSide(), draft.ownerName(), draft.dueDate(),
                draft.status(), draft.doneDate());
    }
}
