package io.cordee.core.relationship;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.Validator;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;

/**
 * Record what a client committed to deliver (use case {@link RelationshipService#addCommitment(
 * io.cordee.core.identity.Caller, CreateCommitmentCommand)}). Valid on its own (ADR 79): a client, a project, a kind,
 * a title of 1 to 200 characters (stripped), a due date and an optional delivered date within 2000-01-01 …
 * 2100-12-31. Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming every broken field. A
 * changed commitment must pass the same rules: {@link RelationshipService#updateCommitment} builds one from the
 * merged values. What needs the agency or the database stays with the service: the delivered date is not after
 * today, the client is the caller's and the project the client's.
 */
public record CreateCommitmentCommand(ClientId clientId, ProjectId projectId, CommitmentKind kind, String title,
                                      LocalDate dueDate, LocalDate deliveredDate) {

    public CreateCommitmentCommand {
        Validator v = new Validator().required("clientId", clientId)
                .required("projectId", projectId)
                .required("kind", kind)
                .requiredText("title", title, Validator.NAME_MAX_LENGTH)
                .required("dueDate", dueDate);
        RelationshipRules.date(v, "dueDate", dueDate);
        RelationshipRules.date(v, "deliveredDate", deliveredDate).throwIfInvalid();
        title = title.strip();
    }

    /** The command from a draft, for {@code clientId}. */
    public CreateCommitmentCommand(ClientId clientId, CommitmentDraft draft) {
        this(clientId, draft.projectId(), draft.kind(), draft.title(), draft.dueDate(), draft.deliveredDate());
    }
}
