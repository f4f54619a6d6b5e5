package io.cordee.core.proposal;

import java.util.List;

/** A renegotiation proposal for one client, computed and never written: the facts and each option's effect. */
public record RenegotiationProposal(ProposalFacts facts, List<OptionEffect> options) {

    public RenegotiationProposal {
        options = List.copyOf(options);
    }
}
