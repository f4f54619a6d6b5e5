package io.cordee.core.alert;

import io.cordee.core.common.Validator;

/**
 * Mark an open alert as seen (use case {@link AlertService#acknowledge(io.cordee.core.identity.Caller,
 * AcknowledgeAlertCommand)}). Valid on its own (ADR 79): an alert, the version read and an optional comment of at
 * most {@value #COMMENT_MAX_LENGTH} characters (stripped; blank: none). Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. Who sees the alert's kind and whether the
 * version is the stored one stay with the service.
 */
public record AcknowledgeAlertCommand(AlertId alertId, long expectedVersion, String comment) {

    public static final int COMMENT_MAX_LENGTH = 1_000;

    public AcknowledgeAlertCommand {
        new Validator().required("id", alertId).maxLength("comment", comment, COMMENT_MAX_LENGTH).throwIfInvalid();
        comment = comment == null || comment.isBlank() ? null : comment.strip();
    }
}
