package io.cordee.core.proposal;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A proposal as it was sent to the client: the facts and the options with their numbers as of that
 * day, and the letter exactly as the client read it; then the client's answer. Never recomputed: what
 * was sent stays what was sent.
 *
 * @param acceptedOption the number of the accepted option as the letter shows it (1 for the first); null
 *                       unless the answer is {@code ACCEPTED}
 * @param answer         null until the client answers
 * @param channel        how it reached the client; null for proposals recorded before ADR 65
 */
public record SentProposal(ProposalId id, AgencyId agencyId, ClientId clientId, Language language, LocalDate sentOn,
                           SendChannel channel, ProposalFacts facts, List<OptionEffect> options, String letterMarkdown, String letterHtml,
                           ProposalAnswer answer, Integer acceptedOption, String answerNote, LocalDate answeredOn,
                           long version) {

    public static final int NOTE_MAX_LENGTH = 2_000;

    public SentProposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sentOn, "sentOn");
        options = List.copyOf(options);
    }

    /** The option the client accepted; null unless accepted. */
    public OptionEffect accepted() {
        return acceptedOption == null ? null : options.get(acceptedOption - 1);
    }

    public SentProposal answered(ProposalAnswer answer, Integer acceptedOption, String note, LocalDate on,
                                 long expectedVersion) {
        return new SentProposal(id, agencyId, clientId, language, sentOn, channel, facts, options, letterMarkdown, letterHtml,
                answer, acceptedOption, note, on, expectedVersion);
    }
}
