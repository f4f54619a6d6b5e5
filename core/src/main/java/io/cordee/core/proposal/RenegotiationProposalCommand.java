package io.cordee.core.proposal;

import io.cordee.core.cash.ForecastInput;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Validator;
import java.time.LocalDate;
import java.util.List;

/**
 * Compute a renegotiation proposal for a client (the {@code renegotiationProposal} query: use case
 * {@link ProposalService#compute(io.cordee.core.identity.Caller, RenegotiationProposalCommand)}). Valid on its own
 * (ADR 79): a client, 1 to {@value ProposalOption#MAX_OPTIONS} options each changing something (a deposit of
 * 0–100 %, monthly billing, payment terms of 0–365 days; none given: {@link ProposalOption#DEFAULTS}), and 1 to
 * {@value ForecastInput#MAX_HORIZON_WEEKS} weeks; the as-of day (null: the agency's today) is the forecast's.
 * Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming every broken field
 * ({@code options[1].depositPercent}), all at once. That the client is the agency's stays with the service.
 */
public record RenegotiationProposalCommand(ClientId clientId, List<ProposalOption> options, LocalDate asOf,
                                           int horizonWeeks) {

    public RenegotiationProposalCommand {
        options = options == null || options.isEmpty() ? ProposalOption.DEFAULTS : List.copyOf(options);
        ProposalOption.check(new Validator().required("clientId", clientId), options)
                .range("horizonWeeks", horizonWeeks, 1, ForecastInput.MAX_HORIZON_WEEKS).throwIfInvalid();
    }
}
