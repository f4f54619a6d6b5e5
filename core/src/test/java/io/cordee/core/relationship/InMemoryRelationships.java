package io.cordee.core.relationship;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.support.StoredOrder;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An in-memory {@link RelationshipRepository} with the same tenant and version rules as the real one. */
final class InMemoryRelationships implements RelationshipRepository {

    final Map<InteractionId, Interaction> interactions = new ConcurrentHashMap<>();
    final Map<AgreementId, Agreement> agreements = new ConcurrentHashMap<>();
    final Map<CommitmentId, Commitment> commitments = new ConcurrentHashMap<>();
    final Map<List<Object>, StrengthsMap> strengths = new ConcurrentHashMap<>();
    final Map<AgencyId, HealthWeights> weights = new ConcurrentHashMap<>();

    @Override
    public Mono<Interaction> findInteraction(AgencyId agencyId, InteractionId id) {
        return Mono.justOrEmpty(interactions.get(id)).filter(i -> i.agencyId().equals(agencyId));
    }

    @Override
    public Mono<Map<ClientId, Page<Interaction>>> findInteractionPages(AgencyId agencyId, Collection<ClientId> clientIds,
                                                                      boolean includeInternal, PageRequest page) {
        Map<ClientId, Page<Interaction>> pages = new HashMap<>();
        // as the adapter: newest first, then id descending, keyset after the cursor's (date, id)
        Comparator<Interaction> newestFirst = Comparator.comparing(Interaction::date)
                .thenComparing(i -> i.id().value(), StoredOrder.IDS).reversed();
        for (ClientId clientId : clientIds) {
            List<Interaction> all = interactions.values().stream()
                    .filter(i -> i.agencyId().equals(agencyId) && i.clientId().equals(clientId))
                    .filter(i -> includeInternal || !i.internal())
                    .sorted(newestFirst).toList();
            List<Interaction> rest = page.after() == null ? all
                    : all.stream().filter(i -> newestFirst.compare(i, afterCursor(page.after())) > 0).toList();
            pages.put(clientId, new Page<>(rest.stream().limit(page.first())
                    .map(i -> new Page.Edge<>(i, i.date() + "|" + i.id().value())).toList(),
                    rest.size() > page.first(), page.withTotal() ? all.size() : Page.NOT_COUNTED));
        }
        return Mono.just(pages);
    }

    /** A stand-in interaction at the cursor's (date, id), for comparing with the list's order. */
    private Interaction afterCursor(String cursor) {
        String[] parts = cursor.split("\\|");
        return new Interaction(new InteractionId(UUID.fromString(parts[1])), new AgencyId(new UUID(0, 0)),
                new ClientId(new UUID(0, 0)), LocalDate.parse(parts[0]), InteractionKind.CALL, List.of(),
                List.of(), "", null, null, false, 0);
    }

    @Override
    public Flux<Interaction> findInteractionsSince(AgencyId agencyId, Collection<ClientId> clientIds, LocalDate from) {
        return Flux.fromIterable(interactions.values()).filter(of(agencyId, clientIds, Interaction::agencyId,
                Interaction::clientId)).filter(i -> !i.date().isBefore(from));
    }

    @Override
    public Mono<Map<ClientId, LocalDate>> firstInteractionDates(AgencyId agencyId, Collection<ClientId> clientIds) {
        return Mono.fromSupplier(() -> {
            Map<ClientId, LocalDate> first = new HashMap<>();
            interactions.values().stream().filter(of(agencyId, clientIds, Interaction::agencyId, Interaction::clientId))
                    .forEach(i -> first.merge(i.clientId(), i.date(), (a, b) -> a.isBefore(b) ? a : b));
            return first;
        });
    }

    @Override
    public Mono<Interaction> insertInteraction(Interaction interaction) {
        interactions.put(interaction.id(), interaction);
        return Mono.just(interaction);
    }

    @Override
    public Mono<Interaction> updateInteraction(Interaction i) {
        Interaction current = interactions.get(i.id());
        if (current == null || !current.agencyId().equals(i.agencyId()) || current.version() != i.version()) {
            return Mono.empty();
        }
        Interaction next = new Interaction(i.id(), i.agencyId(), i.clientId(), i.date(), i.kind(),
                i.agencyParticipants(), i.clientParticipants(), i.summary(), i.agencyEnergy(), i.clientEnergy(),
                i.internal(), i.version() + 1);
        interactions.put(next.id(), next);
        return Mono.just(next);
    }

    @Override
    public Flux<StrengthsMap> findStrengthsMaps(AgencyId agencyId, Collection<ClientId> clientIds) {
        return Flux.fromIterable(strengths.values()).filter(of(agencyId, clientIds, StrengthsMap::agencyId,
                StrengthsMap::clientId));
    }

    @Override
    public Mono<StrengthsMap> saveStrengthsMap(StrengthsMap map, long expectedVersion) {
        List<Object> key = List.of(map.agencyId(), map.clientId());
        StrengthsMap current = strengths.get(key);
        if (expectedVersion < 0 ? current != null : current == null || current.version() != expectedVersion) {
            return Mono.empty();
        }
        StrengthsMap next = new StrengthsMap(map.agencyId(), map.clientId(), map.strengths(), map.expectations(),
                expectedVersion + 1);
        strengths.put(key, next);
        return Mono.just(next);
    }

    @Override
    public Mono<Agreement> findAgreement(AgencyId agencyId, AgreementId id) {
        return Mono.justOrEmpty(agreements.get(id)).filter(a -> a.agencyId().equals(agencyId));
    }

    @Override
    public Flux<Agreement> findAgreements(AgencyId agencyId, Collection<ClientId> clientIds) {
        return Flux.fromIterable(agreements.values()).filter(of(agencyId, clientIds, Agreement::agencyId,
                Agreement::clientId)).sort(Comparator.comparing(Agreement::dueDate,
                        Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(a -> a.id().value(), StoredOrder.IDS));
    }

    @Override
    public Mono<Agreement> insertAgreement(Agreement agreement) {
        agreements.put(agreement.id(), agreement);
        return Mono.just(agreement);
    }

    @Override
    public Mono<Agreement> updateAgreement(Agreement a) {
        Agreement current = agreements.get(a.id());
        if (current == null || !current.agencyId().equals(a.agencyId()) || current.version() != a.version()) {
            return Mono.empty();
        }
        Agreement next = new Agreement(a.id(), a.agencyId(), a.clientId(), a.projectId(), a.what(), a.ownerSide(),
                a.ownerName(), a.dueDate(), a.status(), a.doneDate(), a.version() + 1);
        agreements.put(next.id(), next);
        return Mono.just(next);
    }

    @Override
    public Mono<Commitment> findCommitment(AgencyId agencyId, CommitmentId id) {
        return Mono.justOrEmpty(commitments.get(id)).filter(c -> c.agencyId().equals(agencyId));
    }

    @Override
    public Flux<Commitment> findCommitments(AgencyId agencyId, Collection<ClientId> clientIds) {
        return Flux.fromIterable(commitments.values()).filter(of(agencyId, clientIds, Commitment::agencyId,
                Commitment::clientId)).sort(Comparator.comparing(Commitment::dueDate)
                .thenComparing(c -> c.id().value(), StoredOrder.IDS));
    }

    @Override
    public Mono<Commitment> insertCommitment(Commitment commitment) {
        commitments.put(commitment.id(), commitment);
        return Mono.just(commitment);
    }

    @Override
    public Mono<Commitment> updateCommitment(Commitment c) {
        Commitment current = commitments.get(c.id());
        if (current == null || !current.agencyId().equals(c.agencyId()) || current.version() != c.version()) {
            return Mono.empty();
        }
        Commitment next = new Commitment(c.id(), c.agencyId(), c.clientId(), c.projectId(), c.kind(), c.title(),
                c.dueDate(), c.deliveredDate(), c.version() + 1);
        commitments.put(next.id(), next);
        return Mono.just(next);
    }

    final java.util.List<RelationshipComment> comments = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Mono<Commitment> updateCommitment(Commitment c, RelationshipComment comment) {
        return updateCommitment(c).doOnNext(next -> {
            if (comment != null) {
                comments.add(comment);
            }
        });
    }

    @Override
    public Mono<RelationshipComment> insertComment(RelationshipComment comment) {
        comments.add(comment);
        return Mono.just(comment);
    }

    @Override
    public Flux<RelationshipComment> findComments(AgencyId agencyId, Collection<ClientId> clientIds) {
        return Flux.fromIterable(comments).filter(of(agencyId, clientIds, RelationshipComment::agencyId,
                RelationshipComment::clientId)).sort(Comparator.comparing(RelationshipComment::createdAt)
                .thenComparing(RelationshipComment::id, StoredOrder.IDS).reversed());
    }

    @Override
    public Mono<HealthWeights> findHealthWeights(AgencyId agencyId) {
        return Mono.justOrEmpty(weights.get(agencyId));
    }

    @Override
    public Mono<HealthWeights> saveHealthWeights(AgencyId agencyId, HealthWeights w, long expectedVersion) {
        HealthWeights current = weights.get(agencyId);
        if (expectedVersion < 0 ? current != null : current == null || current.version() != expectedVersion) {
            return Mono.empty();
        }
        HealthWeights next = new HealthWeights(w.commitments(), w.feedback(), w.energy(), w.frequency(), w.payment(),
                expectedVersion + 1);
        weights.put(agencyId, next);
        return Mono.just(next);
    }

    private static <T> Predicate<T> of(AgencyId agencyId, Collection<ClientId> clientIds,
                                       java.util.function.Function<T, AgencyId> agency,
                                       java.util.function.Function<T, ClientId> client) {
        return t -> agency.apply(t).equals(agencyId) && clientIds.contains(client.apply(t));
    }
}
