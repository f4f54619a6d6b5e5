package io.cordee.core.relationship;

/** What a client owes a project beyond money. FEEDBACK and APPROVAL measure the feedback turnaround. */
public enum CommitmentKind {
    CONTENT,
    ASSETS,
    FEEDBACK,
    APPROVAL,
    DECISION;

    public boolean isFeedback() {
        return this == FEEDBACK || this == APPROVAL;
    }
}
