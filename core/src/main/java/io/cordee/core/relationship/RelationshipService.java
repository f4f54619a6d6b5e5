package io.cordee.core.relationship;

import io.cordee.core.common.Computations;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.PaidDates;
import io.cordee.core.billing.PaymentDelayModel;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Use cases of the relationship with each client: interactions, the strengths map, the game plan
 * (agreements), the client's commitments, and the relationship health with the agency's weights.
 *
 * <p>Who may do what. Agency staff (OWNER, FINANCE, LEAD) read and change everything of every client
 * and read the health; only the OWNER changes the health weights. A CLIENT user reads their own
 * client's strengths map, agreements, commitments and non-internal interactions — never internal
 * interactions, the health or its weights, nor anything of another client (reported as not found).
 * A CLIENT user may also add an interaction to their own client (never internal, rated only on the
 * client's side) and record the delivery of one of their client's commitments; nothing else.
 */
public final class RelationshipService {

    public static final int TEXT_MAX_LENGTH = Validator.TEXT_MAX_LENGTH;
    private static final Set<Role> WEIGHT_SETTERS = EnumSet.of(Role.OWNER, Role.FINANCE);
    /** Paid invoices read per client for the payment component: the model's 12 and half a year of weekly trend. */
    static final int PAID_HISTORY_FOR_TREND = PaymentDelayModel.HISTORY + HealthCalculator.TREND_WEEKS;

    private final RelationshipRepository relationships;
    private final ClientRepository clients;
    private final ProjectRepository projects;
    private final AgencyRepository agencies;
    private final BillingRepository billing;
    private final IdGenerator ids;
    private final Clock clock;

    private final Computations computations;

    public RelationshipService(RelationshipRepository relationships, ClientRepository clients,
                               ProjectRepository projects, AgencyRepository agencies, BillingRepository billing,
                               IdGenerator ids, Clock clock, Computations computations) {
        this.computations = computations;
        this.relationships = relationships;
        this.clients = clients;
        this.projects = projects;
        this.agencies = agencies;
        this.billing = billing;
        this.ids = ids;
        this.clock = clock;
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Today in the agency's time zone: what "late" is judged against. */
    public Mono<LocalDate> today(Caller caller) {
        return agency(caller).map(this::today);
    }

    /** A page of each visible client's interactions, newest first; internal ones for staff only. */
    public Mono<Map<ClientId, Page<Interaction>>> interactions(Caller caller, Collection<ClientId> clientIds,
                                                              PageRequest page) {
        return ofVisible(caller, clientIds,
                (agency, visible) -> relationships.findInteractionPages(agency, visible, !caller.isClientUser(), page));
    }

    public Mono<Interaction> findInteraction(Caller caller, InteractionId id) {
        return relationships.findInteraction(caller.agencyId(), id)
                .filter(i -> maySee(caller, i.clientId()) && !(caller.isClientUser() && i.internal()));
    }

    public Mono<Map<ClientId, StrengthsMap>> strengths(Caller caller, Collection<ClientId> clientIds) {
        return ofVisible(caller, clientIds, (agency, visible) -> relationships.findStrengthsMaps(agency, visible)
                .collectMap(StrengthsMap::clientId, Function.identity()));
    }

    public Mono<Map<ClientId, List<Agreement>>> agreements(Caller caller, Collection<ClientId> clientIds) {
        return ofVisible(caller, clientIds, (agency, visible) -> relationships.findAgreements(agency, visible)
                .collect(Collectors.groupingBy(Agreement::clientId)));
    }

    public Mono<Agreement> findAgreement(Caller caller, AgreementId id) {
        return relationships.findAgreement(caller.agencyId(), id).filter(a -> maySee(caller, a.clientId()));
    }

    public Mono<Map<ClientId, List<Commitment>>> commitments(Caller caller, Collection<ClientId> clientIds) {
        return ofVisible(caller, clientIds, (agency, visible) -> relationships.findCommitments(agency, visible)
                .collect(Collectors.groupingBy(Commitment::clientId)));
    }

    public Mono<Commitment> findCommitment(Caller caller, CommitmentId id) {
        return relationships.findCommitment(caller.agencyId(), id).filter(c -> maySee(caller, c.clientId()));
    }

    /** The agency's health weights (its saved ones, or the defaults). Agency staff only. */
    public Mono<HealthWeights> weights(Caller caller) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see the health weights"))
                .then(relationships.findHealthWeights(caller.agencyId()).defaultIfEmpty(HealthWeights.DEFAULTS));
    }

    /**
     * The health of each of the given clients as of today, with trend and reciprocity, from one read
     * of each kind of fact for all of them. Agency staff only: a CLIENT user gets an empty map.
     */
    public Mono<Map<ClientId, RelationshipHealth>> health(Caller caller, Collection<ClientId> clientIds) {
        if (!caller.hasAnyRole(Caller.STAFF_ROLES) || clientIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<ClientId> distinct = clientIds.stream().distinct().toList();
        return agency(caller).flatMap(agency -> {
            LocalDate today = today(agency);
            return Mono.zip(clients.findAllById(caller.agencyId(), distinct).collectList(),
                            relationships.findCommitments(caller.agencyId(), distinct).collectList(),
                            healthFacts(caller, distinct, today))
                    .flatMap(t -> computations.run(() -> health(agency.settings(), t.getT1(), t.getT2(), t.getT3(),
                            today)));
        });
    }

    /**
     * What the health of some clients as of a date reads besides the clients and their commitments: the agency's
     * weights, the clients' agreements, their interactions of the trend's weeks (and the 90 days before the first),
     * the date of each one's first interaction, and each one's last paid invoices.
     */
    public record HealthFacts(HealthWeights weights, List<Agreement> agreements, List<Interaction> interactions,
                              Map<ClientId, LocalDate> firstInteractions, List<PaidDates> paid) {
        public HealthFacts {
            Objects.requireNonNull(weights, "weights");
            agreements = List.copyOf(agreements);
            interactions = List.copyOf(interactions);
            firstInteractions = Map.copyOf(firstInteractions);
            paid = List.copyOf(paid);
        }
    }

    /**
     * The {@link HealthFacts} of these clients as of {@code asOf}, in five statements whatever their number: for a
     * caller that holds the clients and their commitments already (the daily alert evaluation: the agency cash
     * picture holds the clients, and the rules read the commitments too), which then computes the health with
     * {@link #health(AgencySettings, Collection, Collection, HealthFacts, LocalDate)}. Agency staff only.
     */
    public Mono<HealthFacts> healthFacts(Caller caller, Collection<ClientId> clientIds, LocalDate asOf) {
        return staff(caller, "see the relationship health").flatMap(ok -> {
            List<ClientId> distinct = clientIds.stream().distinct().toList();
            if (distinct.isEmpty()) {
                return Mono.just(new HealthFacts(HealthWeights.DEFAULTS, List.of(), List.of(), Map.of(), List.of()));
            }
            LocalDate since = asOf.minusWeeks(HealthCalculator.TREND_WEEKS).minusDays(HealthCalculator.ENERGY_DAYS);
            return Mono.zip(relationships.findHealthWeights(caller.agencyId()).defaultIfEmpty(HealthWeights.DEFAULTS),
                    relationships.findAgreements(caller.agencyId(), distinct).collectList(),
                    relationships.findInteractionsSince(caller.agencyId(), distinct, since).collectList(),
                    relationships.firstInteractionDates(caller.agencyId(), distinct),
                    billing.findLastPaidDates(caller.agencyId(), distinct, PAID_HISTORY_FOR_TREND).collectList())
                    .map(t -> new HealthFacts(t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5()));
        });
    }

    /**
     * The health of each of {@code clients} as of {@code asOf} from their commitments and the rest of their facts:
     * the one computation behind {@link #health(Caller, Collection)} and the daily alert evaluation. Pure.
     */
    public static Map<ClientId, RelationshipHealth> health(AgencySettings settings, Collection<Client> clients,
                                                           Collection<Commitment> commitments, HealthFacts facts,
                                                           LocalDate asOf) {
        Map<ClientId, List<Commitment>> commitmentsOf = commitments.stream()
                .collect(Collectors.groupingBy(Commitment::clientId));
        Map<ClientId, List<Agreement>> agreements = facts.agreements().stream()
                .collect(Collectors.groupingBy(Agreement::clientId));
        Map<ClientId, List<Interaction>> interactions = facts.interactions().stream()
                .collect(Collectors.groupingBy(Interaction::clientId));
        Map<ClientId, List<PaymentDelayModel.PaidInvoice>> paid = facts.paid().stream()
                .collect(Collectors.groupingBy(PaidDates::clientId,
                        Collectors.mapping(PaidDates::asPaidInvoice, Collectors.toList())));
        Map<ClientId, RelationshipHealth> result = new HashMap<>();
        for (Client client : clients) {
            Computations.checkpoint();
            HealthCalculator.Facts clientFacts = new HealthCalculator.Facts(
                    commitmentsOf.getOrDefault(client.id(), List.of()),
                    agreements.getOrDefault(client.id(), List.of()),
                    interactions.getOrDefault(client.id(), List.of()), facts.firstInteractions().get(client.id()),
                    paid.getOrDefault(client.id(), List.of()), client.segment(), settings);
            result.put(client.id(), HealthCalculator.health(clientFacts, facts.weights(), asOf));
        }
        return result;
    }

    // ---- interactions --------------------------------------------------------------------------

    /**
     * Logs an interaction. A CLIENT user may log one for their own client only, rated on the client's
     * side only, and never internal. The command checks the input when it is built.
     */
    public Mono<Interaction> addInteraction(Caller caller, ClientId clientId, InteractionDraft draft) {
        return Mono.fromCallable(() -> new CreateInteractionCommand(clientId, draft))
                .flatMap(command -> addInteraction(caller, command));
    }

    /** Logs an interaction: the command holds the rules of its fields; the caller's and today's rules are here. */
    public Mono<Interaction> addInteraction(Caller caller, CreateInteractionCommand command) {
        return client(caller, command.clientId()).zipWith(today(caller)).flatMap(t -> {
            Validator v = new Validator();
            if (caller.isClientUser()) {
                v.check(command.agencyEnergy() == null, "agencyEnergy", "only the agency rates its own energy",
                        ErrorCode.FORBIDDEN);
                v.check(!command.internal(), "internal", "only the agency keeps internal notes",
                        ErrorCode.FORBIDDEN);
            }
            return relationships.insertInteraction(checked(v, t.getT2(), new InteractionId(ids.newId()), caller,
                    command, 0L));
        });
    }

    /** Changes an interaction (agency staff): the given fields merged into it must pass the rules of a new one. */
    public Mono<Interaction> updateInteraction(Caller caller, InteractionId id, Long expectedVersion,
                                               InteractionDraft changes) {
        return change(caller, "change interactions", id, expectedVersion, changes, this::updateInteraction);
    }

    /** Changes an interaction: the command holds the id and version; the merged row is held to a new one's rules. */
    public Mono<Interaction> updateInteraction(Caller caller,
                                               UpdateEntryCommand<InteractionId, InteractionDraft> command) {
        InteractionDraft changes = command.changes();
        return update(caller, "change interactions", "Interaction", command.id().value(), command.expectedVersion(),
                findInteraction(caller, command.id()), (c, today) -> Mono.just(checked(new Validator(), today, c.id(),
                        caller, new CreateInteractionCommand(c.clientId(), or(changes.date(), c.date()),
                                or(changes.kind(), c.kind()), or(changes.agencyParticipants(), c.agencyParticipants()),
                                or(changes.clientParticipants(), c.clientParticipants()),
                                or(changes.summary(), c.summary()), or(changes.agencyEnergy(), c.agencyEnergy()),
                                or(changes.clientEnergy(), c.clientEnergy()), or(changes.internal(), c.internal())),
                        command.expectedVersion())),
                relationships::updateInteraction);
    }

    /** The interaction of a valid command, once its date is not after today (and {@code v}'s errors are none). */
    private static Interaction checked(Validator v, LocalDate today, InteractionId id, Caller caller,
                                       CreateInteractionCommand c, Long version) {
        v.check(!c.date().isAfter(today), "date", "an interaction is logged once it happened (not after " + today
                + ")", ErrorCode.OUT_OF_RANGE).throwIfInvalid();
        return new Interaction(id, caller.agencyId(), c.clientId(), c.date(), c.kind(), c.agencyParticipants(),
                c.clientParticipants(), c.summary(), c.agencyEnergy(), c.clientEnergy(), c.internal(), version);
    }

    // ---- strengths map -------------------------------------------------------------------------

    /**
     * Sets or replaces a client's strengths map (agency staff). {@code expectedVersion}: the version
     * you read, null when the client has no map yet. Standard domains are matched in any case and
     * stored in capitals; custom ones keep their spelling; a domain twice is refused.
     */
    public Mono<StrengthsMap> setStrengths(Caller caller, ClientId clientId, Long expectedVersion,
                                           List<Strength> strengths, List<String> expectations) {
        return caller.command(Caller.STAFF_ROLES, "change the strengths map",
                        () -> new SetStrengthsMapCommand(clientId, expectedVersion, strengths, expectations))
                .flatMap(command -> setStrengths(caller, command));
    }

    /** Sets a client's strengths map: the command holds the rules of its fields. */
    public Mono<StrengthsMap> setStrengths(Caller caller, SetStrengthsMapCommand command) {
        long version = command.expectedVersion() == null ? -1 : command.expectedVersion();
        return staff(caller, "change the strengths map")
                .then(client(caller, command.clientId()))
                .flatMap(client -> relationships.saveStrengthsMap(new StrengthsMap(caller.agencyId(),
                                command.clientId(), command.strengths(), command.expectations(), version), version)
                        .switchIfEmpty(Mono.error(() -> new Conflict("Strengths map", version))));
    }

    // ---- game plan -----------------------------------------------------------------------------

    /** Adds an agreement from a draft (agency staff); the command checks it after the caller's role. */
    public Mono<Agreement> addAgreement(Caller caller, ClientId clientId, AgreementDraft draft) {
        return caller.command(Caller.STAFF_ROLES, "change the game plan",
                        () -> new CreateAgreementCommand(clientId, draft))
                .flatMap(command -> addAgreement(caller, command));
    }

    /** Adds an agreement: the command holds the rules of its fields; today's and the project's are here. */
    public Mono<Agreement> addAgreement(Caller caller, CreateAgreementCommand command) {
        return add(caller, "change the game plan", command.clientId(),
                today -> checkedAgreement(caller, today, new AgreementId(ids.newId()), command, 0L),
                relationships::insertAgreement);
    }

    /**
     * Changes an agreement (agency staff); leaving DONE clears the done date, reaching it without one sets today. The
     * given fields merged into it must pass the rules of a new one.
     */
    public Mono<Agreement> updateAgreement(Caller caller, AgreementId id, Long expectedVersion, AgreementDraft changes) {
        return change(caller, "change the game plan", id, expectedVersion, changes, this::updateAgreement);
    }

    /** Changes an agreement: the command holds the id and version; the merged row is held to a new one's rules. */
    public Mono<Agreement> updateAgreement(Caller caller, UpdateEntryCommand<AgreementId, AgreementDraft> command) {
        AgreementDraft changes = command.changes();
        return update(caller, "change the game plan", "Agreement", command.id().value(), command.expectedVersion(),
                findAgreement(caller, command.id()), (c, today) -> {
                    AgreementStatus status = or(changes.status(), c.status());
                    LocalDate doneDate = status != AgreementStatus.DONE ? null : or(changes.doneDate(), c.doneDate());
                    return checkedAgreement(caller, today, c.id(), new CreateAgreementCommand(c.clientId(),
                            or(changes.projectId(), c.projectId()), or(changes.what(), c.what()),
                            or(changes.ownerSide(), c.ownerSide()), or(changes.ownerName(), c.ownerName()),
                            or(changes.dueDate(), c.dueDate()), status, doneDate), command.expectedVersion());
                },
                relationships::updateAgreement);
    }

    /** The agreement of a valid command: done today when DONE without a date, not done after today, its project. */
    private Mono<Agreement> checkedAgreement(Caller caller, LocalDate today, AgreementId id,
                                             CreateAgreementCommand c, Long version) {
        return Mono.defer(() -> {
            LocalDate done = c.status() == AgreementStatus.DONE && c.doneDate() == null ? today : c.doneDate();
            new Validator().check(done == null || !done.isAfter(today), "doneDate",
                    "must not be after today (" + today + ")", ErrorCode.OUT_OF_RANGE).throwIfInvalid();
            Agreement agreement = new Agreement(id, caller.agencyId(), c.clientId(), c.projectId(), c.what(),
                    c.ownerSide(), c.ownerName(), c.dueDate(), c.status(), done, version);
            return c.projectId() == null ? Mono.just(agreement)
                    : projectOf(caller, c.clientId(), c.projectId()).thenReturn(agreement);
        });
    }

    // ---- commitments ---------------------------------------------------------------------------

    /** Adds a commitment from a draft (agency staff); the command checks it after the caller's role. */
    public Mono<Commitment> addCommitment(Caller caller, ClientId clientId, CommitmentDraft draft) {
        return caller.command(Caller.STAFF_ROLES, "change commitments",
                        () -> new CreateCommitmentCommand(clientId, draft))
                .flatMap(command -> addCommitment(caller, command));
    }

    /** Adds a commitment: the command holds the rules of its fields; today's and the project's are here. */
    public Mono<Commitment> addCommitment(Caller caller, CreateCommitmentCommand command) {
        return add(caller, "change commitments", command.clientId(),
                today -> checkedCommitment(caller, today, new CommitmentId(ids.newId()), 0L, command),
                relationships::insertCommitment);
    }

    /** Changes a commitment (agency staff): the given fields merged into it must pass the rules of a new one. */
    public Mono<Commitment> updateCommitment(Caller caller, CommitmentId id, Long expectedVersion,
                                             CommitmentDraft changes) {
        return change(caller, "change commitments", id, expectedVersion, changes, this::updateCommitment);
    }

    /** Changes a commitment: the command holds the id and version; the merged row is held to a new one's rules. */
    public Mono<Commitment> updateCommitment(Caller caller,
                                             UpdateEntryCommand<CommitmentId, CommitmentDraft> command) {
        CommitmentDraft changes = command.changes();
        return update(caller, "change commitments", "Commitment", command.id().value(), command.expectedVersion(),
                findCommitment(caller, command.id()), (c, today) -> checkedCommitment(caller, today, c.id(),
                        command.expectedVersion(), new CreateCommitmentCommand(c.clientId(),
                                or(changes.projectId(), c.projectId()), or(changes.kind(), c.kind()),
                                or(changes.title(), c.title()),
                                or(changes.dueDate(), c.dueDate()), or(changes.deliveredDate(), c.deliveredDate()))),
                relationships::updateCommitment);
    }

    /**
     * Records that a commitment was delivered on {@code deliveredOn} (not after today). Agency staff,
     * or a CLIENT user for their own client's commitments.
     */
    public Mono<Commitment> recordDelivery(Caller caller, CommitmentId id, Long expectedVersion,
                                           LocalDate deliveredOn) {
        return recordDelivery(caller, id, expectedVersion, deliveredOn, null);
    }

    /**
     * Records a delivery with an optional comment (at most {@link RelationshipComment#BODY_MAX_LENGTH}
     * characters), written in the same statement and shown in the relationship's timeline. A commitment
     * of another client is reported as not found and nothing is written.
     */
    public Mono<Commitment> recordDelivery(Caller caller, CommitmentId id, Long expectedVersion,
                                           LocalDate deliveredOn, String comment) {
        return findCommitment(caller, id)
                .switchIfEmpty(Mono.error(() -> new NotFound("Commitment", id.value())))
                .flatMap(found -> Mono.fromCallable(() -> new RecordCommitmentDeliveryCommand(id, expectedVersion,
                                deliveredOn, comment))
                        .flatMap(command -> deliver(caller, found, command)));
    }

    /** Records a delivery: the command holds the rules of its fields; the caller's and today's rules are here. */
    public Mono<Commitment> recordDelivery(Caller caller, RecordCommitmentDeliveryCommand command) {
        return findCommitment(caller, command.commitmentId())
                .switchIfEmpty(Mono.error(() -> new NotFound("Commitment", command.commitmentId().value())))
                .flatMap(found -> deliver(caller, found, command));
    }

    private Mono<Commitment> deliver(Caller caller, Commitment c, RecordCommitmentDeliveryCommand command) {
        return today(caller).flatMap(today -> {
            new Validator().check(!command.deliveredDate().isAfter(today), "deliveredDate",
                    "must not be after today (" + today + ")", ErrorCode.OUT_OF_RANGE).throwIfInvalid();
            RelationshipComment note = command.comment() == null ? null : new RelationshipComment(ids.newId(),
                    caller.agencyId(), c.clientId(), null, c.id(), sideOf(caller), caller.userId(), command.comment(),
                    true, clock.instant());
            return relationships.updateCommitment(new Commitment(c.id(), c.agencyId(), c.clientId(), c.projectId(),
                            c.kind(), c.title(), c.dueDate(), command.deliveredDate(), command.expectedVersion()), note)
                    .switchIfEmpty(Mono.error(() -> new Conflict("Commitment", command.expectedVersion())));
        });
    }

    /** The commitment of a valid command: not delivered after today, its project the client's. */
    private Mono<Commitment> checkedCommitment(Caller caller, LocalDate today, CommitmentId id, Long version,
                                               CreateCommitmentCommand c) {
        return Mono.defer(() -> {
            new Validator().check(c.deliveredDate() == null || !c.deliveredDate().isAfter(today), "deliveredDate",
                    "must not be after today (" + today + ")", ErrorCode.OUT_OF_RANGE).throwIfInvalid();
            Commitment next = new Commitment(id, caller.agencyId(), c.clientId(), c.projectId(), c.kind(),
                    c.title(), c.dueDate(), c.deliveredDate(), version);
            return projectOf(caller, c.clientId(), c.projectId()).thenReturn(next);
        });
    }

    /**
     * The steps every new row of a client's game plan takes (agency staff): the client the caller may see, today,
     * the row of the command as of today ({@code checked}: today's and the project's rules), then the write.
     */
    private <T> Mono<T> add(Caller caller, String action, ClientId clientId, Function<LocalDate, Mono<T>> checked,
                            Function<T, Mono<T>> insert) {
        return staff(caller, action)
                .then(client(caller, clientId))
                .zipWith(today(caller))
                .flatMap(t -> checked.apply(t.getT2()))
                .flatMap(insert);
    }

    /** A change from loose arguments (agency staff): the role, then the command, then {@code update} with it. */
    private static <I, D, T> Mono<T> change(Caller caller, String action, I id, Long expectedVersion, D changes,
                                            BiFunction<Caller, UpdateEntryCommand<I, D>, Mono<T>> update) {
        return caller.command(Caller.STAFF_ROLES, action, () -> new UpdateEntryCommand<>(id, expectedVersion, changes))
                .flatMap(command -> update.apply(caller, command));
    }

    /**
     * The steps every change of a logged row takes (agency staff): the row the caller may see, else not found; the
     * changes merged into a command as of today, which must pass the rules of a new one ({@code merge}: the command's
     * own rules, then today's and the project's); then the write, or a conflict when the version (the
     * {@link UpdateEntryCommand}'s) is stale.
     */
    private <T> Mono<T> update(Caller caller, String action, String entity, Object id, long expectedVersion,
                               Mono<T> found, BiFunction<T, LocalDate, Mono<T>> merge, Function<T, Mono<T>> write) {
        return staff(caller, action)
                .then(found)
                .switchIfEmpty(Mono.error(() -> new NotFound(entity, id)))
                .zipWith(today(caller))
                .flatMap(t -> Mono.defer(() -> merge.apply(t.getT1(), t.getT2())))
                .flatMap(next -> write.apply(next)
                        .switchIfEmpty(Mono.error(() -> new Conflict(entity, expectedVersion))));
    }

    // ---- comments ------------------------------------------------------------------------------

    /**
     * Comments on an agreement: agency staff, or a CLIENT user on their own client's game plan (another
     * client's agreement is not found). At most {@link RelationshipComment#BODY_MAX_LENGTH} characters.
     */
    public Mono<RelationshipComment> commentOnAgreement(Caller caller, AgreementId id, String body) {
        return findAgreement(caller, id)
                .switchIfEmpty(Mono.error(() -> new NotFound("Agreement", id.value())))
                .flatMap(a -> Mono.fromCallable(() -> new CommentOnAgreementCommand(id, body))
                        .flatMap(command -> commentOnAgreement(caller, a, command)));
    }

    /** Comments on an agreement: the command holds the rules of the body. */
    public Mono<RelationshipComment> commentOnAgreement(Caller caller, CommentOnAgreementCommand command) {
        return findAgreement(caller, command.agreementId())
                .switchIfEmpty(Mono.error(() -> new NotFound("Agreement", command.agreementId().value())))
                .flatMap(a -> commentOnAgreement(caller, a, command));
    }

    private Mono<RelationshipComment> commentOnAgreement(Caller caller, Agreement a,
                                                         CommentOnAgreementCommand command) {
        return relationships.insertComment(new RelationshipComment(ids.newId(), caller.agencyId(), a.clientId(),
                a.id(), null, sideOf(caller), caller.userId(), command.body(), false, clock.instant()));
    }

    /** The comments of each visible client, newest first. */
    public Mono<Map<ClientId, List<RelationshipComment>>> comments(Caller caller, Collection<ClientId> clientIds) {
        return ofVisible(caller, clientIds, (agency, visible) -> relationships.findComments(agency, visible)
                .collect(Collectors.groupingBy(RelationshipComment::clientId)));
    }

    private static Side sideOf(Caller caller) {
        return caller.isClientUser() ? Side.CLIENT : Side.AGENCY;
    }

    // ---- health weights ------------------------------------------------------------------------

    /**
     * Sets the agency's health weights (OWNER, FINANCE): each 0–100, together exactly 100. {@code expectedVersion}:
     * the version you read, null while the agency uses the defaults. The command checks them after the caller's
     * role.
     */
    public Mono<HealthWeights> updateWeights(Caller caller, Long expectedVersion, HealthWeights weights) {
        return caller.command(WEIGHT_SETTERS, "change the health weights",
                        () -> new UpdateHealthWeightsCommand(expectedVersion, weights))
                .flatMap(command -> updateWeights(caller, command));
    }

    /** Sets the agency's health weights: the command holds their rules. */
    public Mono<HealthWeights> updateWeights(Caller caller, UpdateHealthWeightsCommand command) {
        return Mono.fromCallable(() -> {
            caller.require(WEIGHT_SETTERS, "change the health weights");
            return command.expectedVersion() == null ? -1L : command.expectedVersion();
        }).flatMap(version -> relationships.saveHealthWeights(caller.agencyId(), command.weights(), version)
                .switchIfEmpty(Mono.error(() -> new Conflict("Health weights", version))));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Mono<Agency> agency(Caller caller) {
        return agencies.existing(caller.agencyId());
    }

    private LocalDate today(Agency agency) {
        return LocalDate.now(clock.withZone(agency.settings().timeZone()));
    }

    private static Mono<Caller> staff(Caller caller, String action) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, action));
    }

    /** The client, if the caller may see it; otherwise an {@link InvalidInput} on {@code clientId}. */
    private Mono<Client> client(Caller caller, ClientId clientId) {
        if (clientId == null) {
            return Mono.error(InvalidInput.of("clientId", "is required", ErrorCode.REQUIRED));
        }
        Mono<Client> found = maySee(caller, clientId) ? clients.findById(caller.agencyId(), clientId) : Mono.empty();
        return found.switchIfEmpty(Mono.error(() -> InvalidInput.of("clientId", "no such client",
                ErrorCode.NOT_FOUND)));
    }

    /** Completes if the project exists and belongs to the client; an {@link InvalidInput} on projectId otherwise. */
    private Mono<Boolean> projectOf(Caller caller, ClientId clientId, ProjectId projectId) {
        return projects.findById(caller.agencyId(), projectId)
                .filter(p -> p.clientId().equals(clientId))
                .map(p -> true)
                .switchIfEmpty(Mono.error(() -> new InvalidInput(List.of(new FieldError("projectId",
                        "no such project of this client", ErrorCode.NOT_FOUND)))));
    }

    private static boolean maySee(Caller caller, ClientId clientId) {
        return !caller.isClientUser() || caller.clientId().equals(clientId);
    }

    private static List<ClientId> visible(Caller caller, Collection<ClientId> clientIds) {
        return clientIds.stream().filter(id -> maySee(caller, id)).distinct().toList();
    }

    /**
     * What {@code read} finds, by client, for the clients among {@code clientIds} the caller may see, in one read;
     * nothing (and no read) when it may see none of them.
     */
    private static <T> Mono<Map<ClientId, T>> ofVisible(
            Caller caller, Collection<ClientId> clientIds,
            BiFunction<AgencyId, List<ClientId>, Mono<Map<ClientId, T>>> read) {
        List<ClientId> visible = visible(caller, clientIds);
        return visible.isEmpty() ? Mono.just(Map.of()) : read.apply(caller.agencyId(), visible);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
