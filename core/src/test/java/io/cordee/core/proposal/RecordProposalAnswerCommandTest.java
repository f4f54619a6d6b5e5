package io.cordee.core.proposal;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Recording a client's answer (ADR 79): each valid case, each broken field with its code. */
class RecordProposalAnswerCommandTest {

    private static final ProposalId PROPOSAL = new ProposalId(new UUID(0, 9));

    @Test
    void anAcceptedAnswerNamesItsOptionAndTheOthersNone() {
        RecordProposalAnswerCommand accepted = new RecordProposalAnswerCommand(PROPOSAL, 0L,
                ProposalAnswer.ACCEPTED, 1, "  Agreed on the phone with the CFO ");
        assertThat(accepted.acceptedOption()).isEqualTo(1);
        assertThat(accepted.note()).isEqualTo("Agreed on the phone with the CFO");
        assertThat(new RecordProposalAnswerCommand(PROPOSAL, 1L, ProposalAnswer.DECLINED, null, "   ").note())
                .isNull();
        new RecordProposalAnswerCommand(PROPOSAL, 1L, ProposalAnswer.COUNTERED, null, "n".repeat(2_000));
        // the option's upper bound is the proposal's number of options: the service checks it, as below 1
        new RecordProposalAnswerCommand(PROPOSAL, 0L, ProposalAnswer.ACCEPTED, 0, null);
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new RecordProposalAnswerCommand(null, 0L, ProposalAnswer.DECLINED, null, null), "proposalId",
                ErrorCode.REQUIRED);
        refused(() -> new RecordProposalAnswerCommand(PROPOSAL, null, ProposalAnswer.DECLINED, null, null),
                "version", ErrorCode.REQUIRED);
        refused(() -> new RecordProposalAnswerCommand(PROPOSAL, 0L, null, null, null), "answer",
                ErrorCode.REQUIRED);
        refused(() -> new RecordProposalAnswerCommand(PROPOSAL, 0L, ProposalAnswer.ACCEPTED, null, null),
                "acceptedOption", ErrorCode.REQUIRED);
        assertThat(refused(() -> new RecordProposalAnswerCommand(PROPOSAL, 0L, ProposalAnswer.COUNTERED, 2, null),
                "acceptedOption", ErrorCode.INVALID_FORMAT)).isEqualTo("only an accepted proposal has one");
        // 2,001 characters: one too many
        assertThat(refused(() -> new RecordProposalAnswerCommand(PROPOSAL, 0L, ProposalAnswer.DECLINED, null,
                "n".repeat(2_001)), "note", ErrorCode.TOO_LONG)).isEqualTo("must be at most 2000 characters (got 2001)");
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new RecordProposalAnswerCommand(null, null, ProposalAnswer.ACCEPTED, null, "n".repeat(2_001)),
                "proposalId REQUIRED", "version REQUIRED", "note TOO_LONG", "acceptedOption REQUIRED");
    }
}
