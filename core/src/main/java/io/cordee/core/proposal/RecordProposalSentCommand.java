package io.cordee.core.proposal;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.Validator;
import java.time.LocalDate;
import java.util.List;

/**
 * Record that a renegotiation proposal was sent (use case {@link ProposalService#recordSent(
 * io.cordee.core.identity.Caller, RecordProposalSentCommand)}). Valid on its own (ADR 79): a client, a language,
 * a channel, 1 to {@value ProposalOption#MAX_OPTIONS} options each changing something (a deposit of 0–100 %,
 * monthly billing, payment terms of 0–365 days: {@code options[i].field}) and, when given, a day sent within
 * 2000-01-01 … 2100-12-31. Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming
 * every broken field. What needs the agency or its data stays with the service: the client is the agency's, the
 * day sent is not after the agency's today (none: today).
 */
public record RecordProposalSentCommand(ClientId clientId, List<ProposalOption> options, Language language,
                                        LocalDate sentOn, SendChannel channel) {

    public RecordProposalSentCommand {
        ProposalOption.check(new Validator().required("clientId", clientId).required("language", language)
                        .required("channel", channel).date("sentOn", sentOn), options)
                .throwIfInvalid();
        options = List.copyOf(options);
    }
}
