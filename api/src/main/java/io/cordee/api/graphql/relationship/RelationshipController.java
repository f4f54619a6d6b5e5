package io.cordee.api.graphql.relationship;

import io.cordee.api.graphql.client.ClientController;
import io.cordee.api.graphql.common.Batches;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.DateTimes;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.graphql.project.ProjectController;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectService;
import io.cordee.core.relationship.Agreement;
import io.cordee.core.relationship.AgreementDraft;
import io.cordee.core.relationship.AgreementId;
import io.cordee.core.relationship.AgreementStatus;
import io.cordee.core.relationship.CommentOnAgreementCommand;
import io.cordee.core.relationship.Commitment;
import io.cordee.core.relationship.CommitmentDraft;
import io.cordee.core.relationship.CommitmentId;
import io.cordee.core.relationship.CommitmentKind;
import io.cordee.core.relationship.CreateAgreementCommand;
import io.cordee.core.relationship.CreateCommitmentCommand;
import io.cordee.core.relationship.CreateInteractionCommand;
import io.cordee.core.relationship.HealthWeights;
import io.cordee.core.relationship.Interaction;
import io.cordee.core.relationship.InteractionDraft;
import io.cordee.core.relationship.InteractionId;
import io.cordee.core.relationship.InteractionKind;
import io.cordee.core.relationship.Lead;
import io.cordee.core.relationship.RecordCommitmentDeliveryCommand;
import io.cordee.core.relationship.RelationshipHealth;
import io.cordee.core.relationship.RelationshipService;
import io.cordee.core.relationship.SetStrengthsMapCommand;
import io.cordee.core.relationship.Side;
import io.cordee.core.relationship.Strength;
import io.cordee.core.relationship.StrengthsMap;
import io.cordee.core.relationship.UpdateEntryCommand;
import io.cordee.core.relationship.UpdateHealthWeightsCommand;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The relationship with each client over GraphQL: {@code Client.relationship}, its interactions (a
 * connection per client, still one batch per request), agreements and commitments, and their
 * mutations. Who may see and do what is decided in {@link RelationshipService}.
 */
@Controller
public class RelationshipController {

    public static final String INTERACTION = "Interaction";
    public static final String AGREEMENT = "Agreement";
    public static final String COMMITMENT = "Commitment";
    private static final String INTERACTIONS_LOADER = "clientInteractions";

    /** GraphQL {@code Relationship}: the partnership with one client, its fields resolved in batches. */
    public record RelationshipView(ClientId clientId) {
    }

    /** One client's page of interactions: the key of the batched loader. */
    record InteractionsKey(ClientId clientId, int first, String after, boolean withTotal) {
    }

    public record CreateInteractionInput(String clientId, LocalDate date, InteractionKind kind,
                                         List<String> agencyParticipants, List<String> clientParticipants,
                                         String summary, Integer agencyEnergy, Integer clientEnergy, Boolean internal) {
    }

    public record UpdateInteractionInput(String id, Long version, LocalDate date, InteractionKind kind,
                                         List<String> agencyParticipants, List<String> clientParticipants,
                                         String summary, Integer agencyEnergy, Integer clientEnergy, Boolean internal) {
    }

    public record InteractionPayload(Interaction interaction, List<UserError> userErrors) {
    }

    public record StrengthInput(String domain, Integer agency, Integer client, Lead lead) {
    }

    public record SetStrengthsMapInput(String clientId, Long version, List<StrengthInput> strengths,
                                       List<String> expectations) {
    }

    public record StrengthsMapPayload(StrengthsMap strengths, List<UserError> userErrors) {
    }

    public record CreateAgreementInput(String clientId, String projectId, String what, Side ownerSide,
                                       String ownerName, LocalDate dueDate, AgreementStatus status,
                                       LocalDate doneDate) {
    }

    public record UpdateAgreementInput(String id, Long version, String projectId, String what, Side ownerSide,
                                       String ownerName, LocalDate dueDate, AgreementStatus status,
                                       LocalDate doneDate) {
    }

    public record AgreementPayload(Agreement agreement, List<UserError> userErrors) {
    }

    public record CreateCommitmentInput(String clientId, String projectId, CommitmentKind kind, String title,
                                        LocalDate dueDate, LocalDate deliveredDate) {
    }

    public record UpdateCommitmentInput(String id, Long version, String projectId, CommitmentKind kind, String title,
                                        LocalDate dueDate, LocalDate deliveredDate) {
    }

    public record RecordCommitmentDeliveryInput(String id, Long version, LocalDate deliveredDate, String comment) {
    }

    public record CommentOnAgreementInput(String agreementId, String body) {
    }

    /** GraphQL {@code RelationshipComment}, its subject as global ids. */
    public record CommentView(String id, io.cordee.core.relationship.Side side, String body, boolean delivery,
                              java.time.OffsetDateTime createdAt, String agreementId, String commitmentId) {
        static CommentView of(io.cordee.core.relationship.RelationshipComment c) {
            return new CommentView(GlobalId.of("RelationshipComment", c.id()), c.side(), c.body(), c.delivery(),
                    DateTimes.utc(c.createdAt()),
                    c.agreementId() == null ? null : GlobalId.of(AGREEMENT, c.agreementId().value()),
                    c.commitmentId() == null ? null : GlobalId.of(COMMITMENT, c.commitmentId().value()));
        }
    }

    public record RelationshipCommentPayload(CommentView comment, List<UserError> userErrors) {
    }

    public record CommitmentPayload(Commitment commitment, List<UserError> userErrors) {
    }

    public record UpdateHealthWeightsInput(Long version, Integer commitments, Integer feedback, Integer energy,
                                           Integer frequency, Integer payment) {
    }

    /** GraphQL {@code HealthWeights}: the version is null while the agency uses the defaults. */
    public record HealthWeightsView(int commitments, int feedback, int energy, int frequency, int payment,
                                    Long version) {
        static HealthWeightsView of(HealthWeights w) {
            return new HealthWeightsView(w.commitments(), w.feedback(), w.energy(), w.frequency(), w.payment(),
                    w.version() < 0 ? null : w.version());
        }
    }

    public record HealthWeightsPayload(HealthWeightsView healthWeights, List<UserError> userErrors) {
    }

    private final RelationshipService relationships;
    private final ClientService clients;
    private final ProjectService projects;

    public RelationshipController(RelationshipService relationships, ClientService clients, ProjectService projects,
                                  BatchLoaderRegistry loaders) {
        this.relationships = relationships;
        this.clients = clients;
        this.projects = projects;
        loaders.<InteractionsKey, Connection<Interaction>>forName(INTERACTIONS_LOADER)
                .registerMappedBatchLoader((keys, env) -> interactionPages(keys));
    }

    // ---- queries and Client fields -------------------------------------------------------------

    @QueryMapping
    public Mono<HealthWeightsView> healthWeights() {
        return Callers.current().flatMap(relationships::weights).map(HealthWeightsView::of);
    }

    @SchemaMapping(typeName = ClientController.TYPE)
    public RelationshipView relationship(Client client) {
        return new RelationshipView(client.id());
    }

    /** Loaded for all the clients of the request at once: two statements whatever their number. */
    @SchemaMapping(typeName = ClientController.TYPE)
    public CompletableFuture<Connection<Interaction>> interactions(Client client, @Argument Integer first,
                                                                  @Argument String after,
                                                                  graphql.schema.DataFetchingEnvironment env) {
        PageRequest page = Connection.request(first, after, env.getSelectionSet());
        DataLoader<InteractionsKey, Connection<Interaction>> loader = env.getDataLoader(INTERACTIONS_LOADER);
        return loader.load(new InteractionsKey(client.id(), page.first(), page.after(), page.withTotal()));
    }

    private Mono<Map<InteractionsKey, Connection<Interaction>>> interactionPages(Set<InteractionsKey> keys) {
        // the keys of one request share their arguments; a group per distinct (first, after) otherwise
        Map<List<Object>, List<InteractionsKey>> groups = keys.stream().collect(Collectors.groupingBy(
                k -> java.util.Arrays.asList(k.first(), k.after(), k.withTotal()), LinkedHashMap::new, Collectors.toList()));
        return Callers.current().flatMap(caller -> Flux.fromIterable(groups.values())
                .concatMap(group -> {
                    InteractionsKey any = group.get(0);
                    return relationships.interactions(caller, group.stream().map(InteractionsKey::clientId).toList(),
                                    new PageRequest(any.first(), any.after(), any.withTotal()))
                            .map(pages -> {
                                Map<InteractionsKey, Connection<Interaction>> result = new HashMap<>();
                                for (InteractionsKey key : group) {
                                    io.cordee.core.common.Page<Interaction> p = pages.getOrDefault(key.clientId(),
                                            new io.cordee.core.common.Page<>(List.of(), false, 0));
                                    result.put(key, Connection.of(p, key.after() != null));
                                }
                                return result;
                            });
                })
                .collectList()
                .map(maps -> {
                    Map<InteractionsKey, Connection<Interaction>> all = new HashMap<>();
                    maps.forEach(all::putAll);
                    return all;
                }));
    }

    @BatchMapping(typeName = ClientController.TYPE)
    public Mono<Map<Client, List<Agreement>>> agreements(List<Client> batch) {
        return Batches.loadLists(batch, Client::id, relationships::agreements);
    }

    @BatchMapping(typeName = ClientController.TYPE)
    public Mono<Map<Client, List<Commitment>>> commitments(List<Client> batch) {
        return Batches.loadLists(batch, Client::id, relationships::commitments);
    }

    // ---- Relationship fields -------------------------------------------------------------------

    @BatchMapping(typeName = "Relationship")
    public Mono<Map<RelationshipView, RelationshipHealth>> health(List<RelationshipView> batch) {
        return Batches.load(batch, RelationshipView::clientId, relationships::health);
    }

    @BatchMapping(typeName = "Relationship")
    public Mono<Map<RelationshipView, StrengthsMap>> strengths(List<RelationshipView> batch) {
        return Batches.load(batch, RelationshipView::clientId, relationships::strengths);
    }

    @BatchMapping(typeName = "Relationship")
    public Mono<Map<RelationshipView, Integer>> lateCommitments(List<RelationshipView> batch) {
        return Callers.current().flatMap(caller -> Mono.zip(
                        relationships.commitments(caller, batch.stream().map(RelationshipView::clientId).toList()),
                        relationships.today(caller)))
                .map(t -> batch.stream().distinct().collect(Collectors.toMap(Function.identity(),
                        r -> (int) t.getT1().getOrDefault(r.clientId(), List.of()).stream()
                                .filter(c -> c.late(t.getT2())).count())));
    }

    // ---- Interaction, Agreement, Commitment fields ---------------------------------------------

    @BatchMapping(typeName = INTERACTION, field = "client")
    public Mono<Map<Interaction, Client>> interactionClient(List<Interaction> batch) {
        return Batches.load(batch, Interaction::clientId, clients::findAll);
    }

    @BatchMapping(typeName = AGREEMENT, field = "client")
    public Mono<Map<Agreement, Client>> agreementClient(List<Agreement> batch) {
        return Batches.load(batch, Agreement::clientId, clients::findAll);
    }

    @BatchMapping(typeName = AGREEMENT, field = "project")
    public Mono<Map<Agreement, Project>> agreementProject(List<Agreement> batch) {
        return Batches.load(batch, Agreement::projectId, projects::findAll);
    }

    @BatchMapping(typeName = COMMITMENT, field = "client")
    public Mono<Map<Commitment, Client>> commitmentClient(List<Commitment> batch) {
        return Batches.load(batch, Commitment::clientId, clients::findAll);
    }

    @BatchMapping(typeName = COMMITMENT, field = "project")
    public Mono<Map<Commitment, Project>> commitmentProject(List<Commitment> batch) {
        return Batches.load(batch, Commitment::projectId, projects::findAll);
    }

    @BatchMapping(typeName = COMMITMENT)
    public Mono<Map<Commitment, Boolean>> late(List<Commitment> batch) {
        return Callers.current().flatMap(relationships::today)
                .map(today -> batch.stream().distinct().collect(Collectors.toMap(Function.identity(),
                        c -> c.late(today))));
    }

    @BatchMapping(typeName = COMMITMENT)
    public Mono<Map<Commitment, Integer>> daysLate(List<Commitment> batch) {
        return Callers.current().flatMap(relationships::today)
                .map(today -> batch.stream().distinct().collect(Collectors.toMap(Function.identity(),
                        c -> (int) c.daysLate(today))));
    }

    // ---- mutations -----------------------------------------------------------------------------

    @MutationMapping
    public Mono<InteractionPayload> createInteraction(@Argument CreateInteractionInput input) {
        return Mutations.asCaller(caller -> relationships.addInteraction(caller,
                        new CreateInteractionCommand(clientId(input.clientId()), new InteractionDraft(input.date(),
                                input.kind(), input.agencyParticipants(), input.clientParticipants(), input.summary(),
                                input.agencyEnergy(), input.clientEnergy(), input.internal()))),
                InteractionPayload::new);
    }

    @MutationMapping
    public Mono<InteractionPayload> updateInteraction(@Argument UpdateInteractionInput input) {
        return Mutations.asCaller(caller -> relationships.updateInteraction(caller,
                        new UpdateEntryCommand<>(new InteractionId(GlobalId.decode(input.id(), INTERACTION, "id")),
                                input.version(), new InteractionDraft(input.date(), input.kind(),
                                input.agencyParticipants(), input.clientParticipants(), input.summary(),
                                input.agencyEnergy(), input.clientEnergy(), input.internal()))),
                InteractionPayload::new);
    }

    @MutationMapping
    public Mono<StrengthsMapPayload> setStrengthsMap(@Argument SetStrengthsMapInput input) {
        return Mutations.asCaller(caller -> relationships.setStrengths(caller,
                        new SetStrengthsMapCommand(clientId(input.clientId()), input.version(),
                                input.strengths() == null ? null : input.strengths().stream()
                                        .map(s -> new Strength(s.domain() == null ? "" : s.domain(),
                                                orZero(s.agency()), orZero(s.client()),
                                                s.lead() == null ? Lead.SHARED : s.lead()))
                                        .toList(),
                                input.expectations())),
                StrengthsMapPayload::new);
    }

    @MutationMapping
    public Mono<AgreementPayload> createAgreement(@Argument CreateAgreementInput input) {
        return Mutations.asCaller(caller -> relationships.addAgreement(caller,
                        new CreateAgreementCommand(clientId(input.clientId()), projectId(input.projectId()),
                                input.what(), input.ownerSide(), input.ownerName(), input.dueDate(), input.status(),
                                input.doneDate())),
                AgreementPayload::new);
    }

    @MutationMapping
    public Mono<AgreementPayload> updateAgreement(@Argument UpdateAgreementInput input) {
        return Mutations.asCaller(caller -> relationships.updateAgreement(caller,
                        new UpdateEntryCommand<>(new AgreementId(GlobalId.decode(input.id(), AGREEMENT, "id")),
                                input.version(), new AgreementDraft(projectId(input.projectId()), input.what(),
                                input.ownerSide(), input.ownerName(), input.dueDate(), input.status(),
                                input.doneDate()))),
                AgreementPayload::new);
    }

    @MutationMapping
    public Mono<CommitmentPayload> createCommitment(@Argument CreateCommitmentInput input) {
        return Mutations.asCaller(caller -> relationships.addCommitment(caller,
                        new CreateCommitmentCommand(clientId(input.clientId()), projectId(input.projectId()),
                                input.kind(), input.title(), input.dueDate(), input.deliveredDate())),
                CommitmentPayload::new);
    }

    @MutationMapping
    public Mono<CommitmentPayload> updateCommitment(@Argument UpdateCommitmentInput input) {
        return Mutations.asCaller(caller -> relationships.updateCommitment(caller,
                        new UpdateEntryCommand<>(new CommitmentId(GlobalId.decode(input.id(), COMMITMENT, "id")),
                                input.version(), new CommitmentDraft(projectId(input.projectId()), input.kind(),
                                input.title(), input.dueDate(), input.deliveredDate()))),
                CommitmentPayload::new);
    }

    @MutationMapping
    public Mono<CommitmentPayload> recordCommitmentDelivery(@Argument RecordCommitmentDeliveryInput input) {
        return Mutations.asCaller(caller -> relationships.recordDelivery(caller,
                        new RecordCommitmentDeliveryCommand(new CommitmentId(GlobalId.decode(input.id(), COMMITMENT,
                                "id")), input.version(), input.deliveredDate(), input.comment())),
                CommitmentPayload::new);
    }

    @MutationMapping
    public Mono<RelationshipCommentPayload> commentOnAgreement(@Argument CommentOnAgreementInput input) {
        return Mutations.asCaller(caller -> relationships.commentOnAgreement(caller,
                        new CommentOnAgreementCommand(new AgreementId(GlobalId.decode(input.agreementId(), AGREEMENT,
                                "agreementId")), input.body())),
                c -> new RelationshipCommentPayload(CommentView.of(c), List.of()),
                errors -> new RelationshipCommentPayload(null, errors));
    }

    @BatchMapping(typeName = ClientController.TYPE)
    public Mono<Map<Client, List<CommentView>>> relationshipComments(List<Client> batch) {
        return Batches.loadLists(batch, Client::id, relationships::comments)
                .map(byClient -> Batches.mapValues(byClient, list -> list.stream().map(CommentView::of).toList()));
    }

    @MutationMapping
    public Mono<HealthWeightsPayload> updateHealthWeights(@Argument UpdateHealthWeightsInput input) {
        return Mutations.asCaller(caller -> relationships.updateWeights(caller,
                        new UpdateHealthWeightsCommand(input.version(), new HealthWeights(orZero(input.commitments()),
                                orZero(input.feedback()), orZero(input.energy()), orZero(input.frequency()),
                                orZero(input.payment()), -1))),
                w -> new HealthWeightsPayload(HealthWeightsView.of(w), List.of()),
                errors -> new HealthWeightsPayload(null, errors));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static ClientId clientId(String id) {
        return ClientController.optionalId(id, "clientId");
    }

    private static ProjectId projectId(String id) {
        return ProjectController.optionalId(id, "projectId");
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
