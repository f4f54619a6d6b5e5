package io.cordee.core.proposal;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;

/**
 * Record the client's answer to a sent proposal (use case {@link ProposalService#recordAnswer(
 * io.cordee.core.identity.Caller, RecordProposalAnswerCommand)}). Valid on its own (ADR 79): a proposal, the
 * version read, an answer; an accepted option exactly when the answer is {@code ACCEPTED}; a note of at most
 * {@value SentProposal#NOTE_MAX_LENGTH} characters (stripped; blank: none). Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. What needs the proposal stays with the
 * service: the version is current, it was not accepted already, the option is one of its options (1 to their
 * number).
 */
public record RecordProposalAnswerCommand(ProposalId proposalId, Long expectedVersion, ProposalAnswer answer,
                                          Integer acceptedOption, String note) {

    public RecordProposalAnswerCommand {
        Validator v = new Validator().required("proposalId", proposalId).required("version", expectedVersion)
                .required("answer", answer).maxLength("note", note, SentProposal.NOTE_MAX_LENGTH);
        if (answer == ProposalAnswer.ACCEPTED) {
            v.required("acceptedOption", acceptedOption);
        } else if (answer != null) {
            v.check(acceptedOption == null, "acceptedOption", "only an accepted proposal has one",
                    ErrorCode.INVALID_FORMAT);
        }
        v.throwIfInvalid();
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
