package io.cordee.core.proposal;

/** What the client answered to a proposal that was sent. */
public enum ProposalAnswer {
    ACCEPTED,
    DECLINED,
    COUNTERED
}
