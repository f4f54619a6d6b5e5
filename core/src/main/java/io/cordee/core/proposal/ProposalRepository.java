package io.cordee.core.proposal;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import reactor.core.publisher.Mono;

/** Port: the proposals an agency has sent, newest first. */
public interface ProposalRepository {

    Mono<SentProposal> find(AgencyId agencyId, ProposalId id);

    /** A page of the proposals sent, newest first; of one client when {@code clientId} is not null. */
    Mono<Page<SentProposal>> findPage(AgencyId agencyId, ClientId clientId, PageRequest page);

    Mono<SentProposal> insert(SentProposal proposal);

    /** Writes the answer if the stored version is still {@code proposal.version()}; empty if it is not. */
    Mono<SentProposal> updateAnswer(SentProposal proposal);
}
