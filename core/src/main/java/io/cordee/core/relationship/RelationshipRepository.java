package io.cordee.core.relationship;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Port: the relationship with each client (its interactions, strengths map, game plan and
 * commitments) and the agency's health weights, always within one agency. The relationship with one
 * client is the aggregate; reads take many clients at once so nested fields cost one statement.
 */
public interface RelationshipRepository {

    Mono<Interaction> findInteraction(AgencyId agencyId, InteractionId id);

    /**
     * One page of each client's interactions, newest first (date, then id); internal ones only when
     * {@code includeInternal}. Clients without interactions get an empty page. Two statements whatever
     * the number of clients.
     */
    Mono<Map<ClientId, Page<Interaction>>> findInteractionPages(AgencyId agencyId, Collection<ClientId> clientIds,
                                                               boolean includeInternal, PageRequest page);

    /** The interactions of the given clients dated on or after {@code from}, internal ones included. */
    Flux<Interaction> findInteractionsSince(AgencyId agencyId, Collection<ClientId> clientIds, LocalDate from);

    /** The date of each given client's first interaction; clients without any are absent. */
    Mono<Map<ClientId, LocalDate>> firstInteractionDates(AgencyId agencyId, Collection<ClientId> clientIds);

    Mono<Interaction> insertInteraction(Interaction interaction);

    /** Writes if the stored version is still {@code interaction.version()}; empty otherwise. */
    Mono<Interaction> updateInteraction(Interaction interaction);

    Flux<StrengthsMap> findStrengthsMaps(AgencyId agencyId, Collection<ClientId> clientIds);

    /** Inserts the map (expectedVersion −1) or replaces it from that version; empty if the version moved on. */
    Mono<StrengthsMap> saveStrengthsMap(StrengthsMap map, long expectedVersion);

    Mono<Agreement> findAgreement(AgencyId agencyId, AgreementId id);

    /** The agreements of the given clients, by due date (those without one last), then id. */
    Flux<Agreement> findAgreements(AgencyId agencyId, Collection<ClientId> clientIds);

    Mono<Agreement> insertAgreement(Agreement agreement);

    /** Writes if the stored version is still {@code agreement.version()}; empty otherwise. */
    Mono<Agreement> updateAgreement(Agreement agreement);

    Mono<Commitment> findCommitment(AgencyId agencyId, CommitmentId id);

    /** The commitments of the given clients, by due date, then id. */
    Flux<Commitment> findCommitments(AgencyId agencyId, Collection<ClientId> clientIds);

    Mono<Commitment> insertCommitment(Commitment commitment);

    /** Writes if the stored version is still {@code commitment.version()}; empty otherwise. */
    Mono<Commitment> updateCommitment(Commitment commitment);

    /**
     * Writes the commitment if its stored version is still {@code commitment.version()} and, in the same
     * statement, the comment when there is one; empty (and nothing written) if the version moved on.
     */
    Mono<Commitment> updateCommitment(Commitment commitment, RelationshipComment comment);

    Mono<RelationshipComment> insertComment(RelationshipComment comment);

    /** The comments of the given clients, newest first (then id descending). */
    Flux<RelationshipComment> findComments(AgencyId agencyId, Collection<ClientId> clientIds);

    /** The agency's saved weights; empty when it never changed the defaults. */
    Mono<HealthWeights> findHealthWeights(AgencyId agencyId);

    /** Inserts (expectedVersion −1) or updates from that version; empty if the version moved on. */
    Mono<HealthWeights> saveHealthWeights(AgencyId agencyId, HealthWeights weights, long expectedVersion);
}
