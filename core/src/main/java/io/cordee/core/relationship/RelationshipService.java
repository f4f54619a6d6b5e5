package io.cordee.core.relationship;

import io.cordee.core.common.Computations;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    public static final int WHAT_MAX_LENGTH = 1_000;
    public static final int DOMAIN_MAX_LENGTH = 50;
    public static final int EXPECTATION_MAX_LENGTH = 500;
    public static final int MAX_PARTICIPANTS = 20;
    public static final int MAX_DOMAINS = 30;
    public static final int MAX_EXPECTATIONS = 30;
    /** Paid invoices read per client for the payment component: the model's 12 and half a year of weekly trend. */
    static final int PAID_HISTORY_FOR_TREND = PaymentDelayModel.HISTORY + HealthCalculator.TREND_WEEKS;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

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
            LocalDate since = today.minusWeeks(HealthCalculator.TREND_WEEKS).minusDays(HealthCalculator.ENERGY_DAYS);
            return Mono.zip(clients.findAllById(caller.agencyId(), distinct).collectList(),
                            relationships.findHealthWeights(caller.agencyId()).defaultIfEmpty(HealthWeights.DEFAULTS),
                            relationships.findCommitments(caller.agencyId(), distinct).collectList(),
                            relationships.findAgreements(caller.agencyId(), distinct).collectList(),
                            relationships.findInteractionsSince(caller.agencyId(), distinct, since).collectList(),
                            billing.findLastPaidDates(caller.agencyId(), distinct, PAID_HISTORY_FOR_TREND)
                                    .collectList(),
                            relationships.firstInteractionDates(caller.agencyId(), distinct))
                    .flatMap(t -> computations.run(() -> {
                        Map<ClientId, List<Commitment>> commitments = t.getT3().stream()
                                .collect(Collectors.groupingBy(Commitment::clientId));
                        Map<ClientId, List<Agreement>> agreements = t.getT4().stream()
                                .collect(Collectors.groupingBy(Agreement::clientId));
                        Map<ClientId, List<Interaction>> interactions = t.getT5().stream()
                                .collect(Collectors.groupingBy(Interaction::clientId));
                        Map<ClientId, List<PaymentDelayModel.PaidInvoice>> paid = t.getT6().stream()
                                .collect(Collectors.groupingBy(PaidDates::clientId,
                                        Collectors.mapping(PaidDates::asPaidInvoice, Collectors.toList())));
                        Map<ClientId, RelationshipHealth> result = new HashMap<>();
                        for (Client client : t.getT1()) {
                            Computations.checkpoint();
                            HealthCalculator.Facts facts = new HealthCalculator.Facts(
                                    commitments.getOrDefault(client.id(), List.of()),
                                    agreements.getOrDefault(client.id(), List.of()),
                                    interactions.getOrDefault(client.id(), List.of()), t.getT7().get(client.id()),
                                    paid.getOrDefault(client.id(), List.of()), client.segment(), agency.settings());
                            result.put(client.id(), HealthCalculator.health(facts, t.getT2(), today));
                        }
                        return result;
                    }));
        });
    }

    // ---- interactions --------------------------------------------------------------------------

    /**
     * Logs an interaction. A CLIENT user may log one for their own client only, rated on the client's
     * side only, and never internal.
     */
    public Mono<Interaction> addInteraction(Caller caller, ClientId clientId, InteractionDraft draft) {
        return client(caller, clientId).zipWith(today(caller)).flatMap(t -> {
            Validator v = new Validator().required("clientId", clientId);
            if (caller.isClientUser()) {
                v.check(draft.agencyEnergy() == null, "agencyEnergy", "only the agency rates its own energy",
                        ErrorCode.FORBIDDEN);
                v.check(!Boolean.TRUE.equals(draft.internal()), "internal", "only the agency keeps internal notes",
                        ErrorCode.FORBIDDEN);
            }
            Interaction interaction = checked(v, t.getT2(), new InteractionId(ids.newId()), caller, clientId,
                    draft.date(), draft.kind(), draft.agencyParticipants(), draft.clientParticipants(),
                    draft.summary(), draft.agencyEnergy(), draft.clientEnergy(), Boolean.TRUE.equals(draft.internal()),
                    0L);
            return relationships.insertInteraction(interaction);
        });
    }

    /** Changes an interaction (agency staff). */
    public Mono<Interaction> updateInteraction(Caller caller, InteractionId id, Long expectedVersion,
                                               InteractionDraft changes) {
        return staff(caller, "change interactions")
                .then(findInteraction(caller, id))
                .switchIfEmpty(Mono.error(() -> new NotFound("Interaction", id.value())))
                .zipWith(today(caller))
                .flatMap(t -> {
                    Interaction c = t.getT1();
                    Validator v = new Validator().required("version", expectedVersion);
                    Interaction next = checked(v, t.getT2(), c.id(), caller, c.clientId(),
                            or(changes.date(), c.date()), or(changes.kind(), c.kind()),
                            or(changes.agencyParticipants(), c.agencyParticipants()),
                            or(changes.clientParticipants(), c.clientParticipants()),
                            or(changes.summary(), c.summary()), or(changes.agencyEnergy(), c.agencyEnergy()),
                            or(changes.clientEnergy(), c.clientEnergy()), or(changes.internal(), c.internal()),
                            expectedVersion);
                    return relationships.updateInteraction(next)
                            .switchIfEmpty(Mono.error(() -> new Conflict("Interaction", expectedVersion)));
                });
    }

    private Interaction checked(Validator v, LocalDate today, InteractionId id, Caller caller, ClientId clientId,
                                LocalDate date, InteractionKind kind, List<String> agencyParticipants,
                                List<String> clientParticipants, String summary, Integer agencyEnergy,
                                Integer clientEnergy, boolean internal, Long version) {
        v.required("date", date).required("kind", kind)
                .requiredText("summary", summary, TEXT_MAX_LENGTH);
        if (date != null) {
            v.check(!date.isAfter(today), "date", "an interaction is logged once it happened (not after " + today
                    + ")", ErrorCode.OUT_OF_RANGE);
            v.check(!date.isBefore(EARLIEST), "date", "must not be before " + EARLIEST, ErrorCode.OUT_OF_RANGE);
        }
        if (agencyEnergy != null) {
            v.range("agencyEnergy", agencyEnergy, 1, 5);
        }
        if (clientEnergy != null) {
            v.range("clientEnergy", clientEnergy, 1, 5);
        }
        List<String> agencySide = names(v, "agencyParticipants", agencyParticipants);
        List<String> clientSide = names(v, "clientParticipants", clientParticipants);
        v.throwIfInvalid();
        return new Interaction(id, caller.agencyId(), clientId, date, kind, agencySide, clientSide, summary.strip(),
                agencyEnergy, clientEnergy, internal, version);
    }

    private static List<String> names(Validator v, String field, List<String> names) {
        if (names == null) {
            return List.of();
        }
        v.check(names.size() <= MAX_PARTICIPANTS, field, "at most " + MAX_PARTICIPANTS + " participants",
                ErrorCode.OUT_OF_RANGE);
        for (int i = 0; i < names.size() && i < MAX_PARTICIPANTS; i++) {
            v.requiredText(field + "[" + i + "]", names.get(i), Validator.NAME_MAX_LENGTH);
        }
        return names.stream().map(n -> n == null ? null : n.strip()).toList();
    }

    // ---- strengths map -------------------------------------------------------------------------

    /**
     * Sets or replaces a client's strengths map (agency staff). {@code expectedVersion}: the version
     * you read, null when the client has no map yet. Standard domains are matched in any case and
     * stored in capitals; custom ones keep their spelling; a domain twice is refused.
     */
    public Mono<StrengthsMap> setStrengths(Caller caller, ClientId clientId, Long expectedVersion,
                                           List<Strength> strengths, List<String> expectations) {
        return staff(caller, "change the strengths map")
                .then(client(caller, clientId))
                .flatMap(client -> {
                    Validator v = new Validator()
                            .check(strengths == null || strengths.size() <= MAX_DOMAINS, "strengths",
                                    "at most " + MAX_DOMAINS + " domains", ErrorCode.OUT_OF_RANGE)
                            .check(expectations == null || expectations.size() <= MAX_EXPECTATIONS, "expectations",
                                    "at most " + MAX_EXPECTATIONS + " items", ErrorCode.OUT_OF_RANGE);
                    List<Strength> normalised = new ArrayList<>();
                    Set<String> seen = new HashSet<>();
                    List<Strength> given = strengths == null ? List.of() : strengths;
                    for (int i = 0; i < given.size() && i < MAX_DOMAINS; i++) {
                        Strength s = given.get(i);
                        String field = "strengths[" + i + "]";
                        v.requiredText(field + ".domain", s.domain(), DOMAIN_MAX_LENGTH)
                                .range(field + ".agency", s.agency(), 1, 5)
                                .range(field + ".client", s.client(), 1, 5);
                        if (s.domain() != null && !s.domain().isBlank()) {
                            String domain = domain(s.domain());
                            v.check(seen.add(domain.toUpperCase(Locale.ROOT)), field + ".domain",
                                    "appears twice", ErrorCode.DUPLICATE);
                            if (s.lead() != null) {
                                normalised.add(new Strength(domain, s.agency(), s.client(), s.lead()));
                            }
                        }
                        v.required(field + ".lead", s.lead());
                    }
                    List<String> items = expectations == null ? List.of() : expectations;
                    for (int i = 0; i < items.size() && i < MAX_EXPECTATIONS; i++) {
                        v.requiredText("expectations[" + i + "]", items.get(i), EXPECTATION_MAX_LENGTH);
                    }
                    v.throwIfInvalid();
                    long version = expectedVersion == null ? -1 : expectedVersion;
                    return relationships.saveStrengthsMap(new StrengthsMap(caller.agencyId(), clientId, normalised,
                                    items.stream().map(String::strip).toList(), version), version)
                            .switchIfEmpty(Mono.error(() -> new Conflict("Strengths map", version)));
                });
    }

    private static String domain(String given) {
        String upper = given.strip().toUpperCase(Locale.ROOT);
        return Strength.STANDARD_DOMAINS.contains(upper) ? upper : given.strip();
    }

    // ---- game plan -----------------------------------------------------------------------------

    public Mono<Agreement> addAgreement(Caller caller, ClientId clientId, AgreementDraft draft) {
        return staff(caller, "change the game plan")
                .then(client(caller, clientId))
                .zipWith(today(caller))
                .flatMap(t -> checkedAgreement(caller, t.getT2(), new AgreementId(ids.newId()), clientId,
                        draft.projectId(), draft.what(), draft.ownerSide(), draft.ownerName(), draft.dueDate(),
                        or(draft.status(), AgreementStatus.PROPOSED), draft.doneDate(), 0L))
                .flatMap(relationships::insertAgreement);
    }

    /** Changes an agreement (agency staff); leaving DONE clears the done date, reaching it without one sets today. */
    public Mono<Agreement> updateAgreement(Caller caller, AgreementId id, Long expectedVersion, AgreementDraft changes) {
        return staff(caller, "change the game plan")
                .then(findAgreement(caller, id))
                .switchIfEmpty(Mono.error(() -> new NotFound("Agreement", id.value())))
                .zipWith(today(caller))
                .flatMap(t -> {
                    Agreement c = t.getT1();
                    AgreementStatus status = or(changes.status(), c.status());
                    LocalDate doneDate = status != AgreementStatus.DONE ? null : or(changes.doneDate(), c.doneDate());
                    return checkedAgreement(caller, t.getT2(), c.id(), c.clientId(),
                            or(changes.projectId(), c.projectId()), or(changes.what(), c.what()),
                            or(changes.ownerSide(), c.ownerSide()), or(changes.ownerName(), c.ownerName()),
                            or(changes.dueDate(), c.dueDate()), status, doneDate, expectedVersion);
                })
                .flatMap(next -> relationships.updateAgreement(next)
                        .switchIfEmpty(Mono.error(() -> new Conflict("Agreement", next.version()))));
    }

    private Mono<Agreement> checkedAgreement(Caller caller, LocalDate today, AgreementId id, ClientId clientId,
                                             ProjectId projectId, String what, Side ownerSide, String ownerName,
                                             LocalDate dueDate, AgreementStatus status, LocalDate doneDate,
                                             Long version) {
        return Mono.defer(() -> {
            LocalDate done = status == AgreementStatus.DONE && doneDate == null ? today : doneDate;
            Validator v = new Validator().required("version", version)
                    .requiredText("what", what, WHAT_MAX_LENGTH)
                    .required("ownerSide", ownerSide)
                    .maxLength("ownerName", ownerName, Validator.NAME_MAX_LENGTH);
            date(v, "dueDate", dueDate);
            date(v, "doneDate", done);
            v.check(done == null || status == AgreementStatus.DONE, "doneDate", "goes only with the DONE status",
                    ErrorCode.INVALID_FORMAT);
            v.check(done == null || !done.isAfter(today), "doneDate", "must not be after today (" + today + ")",
                    ErrorCode.OUT_OF_RANGE);
            v.throwIfInvalid();
            Agreement agreement = new Agreement(id, caller.agencyId(), clientId, projectId, what.strip(), ownerSide,
                    ownerName == null || ownerName.isBlank() ? null : ownerName.strip(), dueDate, status, done,
                    version);
            return projectId == null ? Mono.just(agreement)
                    : projectOf(caller, clientId, projectId).thenReturn(agreement);
        });
    }

    // ---- commitments ---------------------------------------------------------------------------

    public Mono<Commitment> addCommitment(Caller caller, ClientId clientId, CommitmentDraft draft) {
        return staff(caller, "change commitments")
                .then(client(caller, clientId))
                .zipWith(today(caller))
                .flatMap(t -> checkedCommitment(caller, t.getT2(), new CommitmentId(ids.newId()), clientId, 0L,
                        draft))
                .flatMap(relationships::insertCommitment);
    }

    /** Changes a commitment (agency staff). */
    public Mono<Commitment> updateCommitment(Caller caller, CommitmentId id, Long expectedVersion,
                                             CommitmentDraft changes) {
        return staff(caller, "change commitments")
                .then(findCommitment(caller, id))
                .switchIfEmpty(Mono.error(() -> new NotFound("Commitment", id.value())))
                .zipWith(today(caller))
                .flatMap(t -> {
                    Commitment c = t.getT1();
                    return checkedCommitment(caller, t.getT2(), c.id(), c.clientId(), expectedVersion,
                            new CommitmentDraft(or(changes.projectId(), c.projectId()), or(changes.kind(), c.kind()),
                                    or(changes.title(), c.title()), or(changes.dueDate(), c.dueDate()),
                                    or(changes.deliveredDate(), c.deliveredDate())));
                })
                .flatMap(next -> relationships.updateCommitment(next)
                        .switchIfEmpty(Mono.error(() -> new Conflict("Commitment", next.version()))));
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
                .zipWith(today(caller))
                .flatMap(t -> {
                    Commitment c = t.getT1();
                    Validator v = new Validator().required("version", expectedVersion)
                            .required("deliveredDate", deliveredOn);
                    date(v, "deliveredDate", deliveredOn);
                    v.check(deliveredOn == null || !deliveredOn.isAfter(t.getT2()), "deliveredDate",
                            "must not be after today (" + t.getT2() + ")", ErrorCode.OUT_OF_RANGE);
                    String body = comment == null || comment.isBlank() ? null : comment.strip();
                    v.check(body == null || body.length() <= RelationshipComment.BODY_MAX_LENGTH, "comment",
                            "at most " + RelationshipComment.BODY_MAX_LENGTH + " characters", ErrorCode.TOO_LONG);
                    v.throwIfInvalid();
                    RelationshipComment note = body == null ? null : new RelationshipComment(ids.newId(),
                            caller.agencyId(), c.clientId(), null, c.id(), sideOf(caller), caller.userId(), body,
                            true, clock.instant());
                    return relationships.updateCommitment(new Commitment(c.id(), c.agencyId(), c.clientId(),
                                    c.projectId(), c.kind(), c.title(), c.dueDate(), deliveredOn, expectedVersion),
                                    note)
                            .switchIfEmpty(Mono.error(() -> new Conflict("Commitment", expectedVersion)));
                });
    }

    private Mono<Commitment> checkedCommitment(Caller caller, LocalDate today, CommitmentId id, ClientId clientId,
                                               Long version, CommitmentDraft draft) {
        return Mono.defer(() -> {
            Validator v = new Validator()
                    .required("version", version)
                    .required("projectId", draft.projectId())
                    .required("kind", draft.kind())
                    .requiredText("title", draft.title(), Validator.NAME_MAX_LENGTH)
                    .required("dueDate", draft.dueDate());
            date(v, "dueDate", draft.dueDate());
            date(v, "deliveredDate", draft.deliveredDate());
            v.check(draft.deliveredDate() == null || !draft.deliveredDate().isAfter(today), "deliveredDate",
                    "must not be after today (" + today + ")", ErrorCode.OUT_OF_RANGE);
            v.throwIfInvalid();
            Commitment next = new Commitment(id, caller.agencyId(), clientId, draft.projectId(), draft.kind(),
                    draft.title().strip(), draft.dueDate(), draft.deliveredDate(), version);
            return projectOf(caller, clientId, draft.projectId()).thenReturn(next);
        });
    }

    // ---- comments ------------------------------------------------------------------------------

    /**
     * Comments on an agreement: agency staff, or a CLIENT user on their own client's game plan (another
     * client's agreement is not found). At most {@link RelationshipComment#BODY_MAX_LENGTH} characters.
     */
    public Mono<RelationshipComment> commentOnAgreement(Caller caller, AgreementId id, String body) {
        return findAgreement(caller, id)
                .switchIfEmpty(Mono.error(() -> new NotFound("Agreement", id.value())))
                .flatMap(a -> {
                    Validator v = new Validator().requiredText("body", body, RelationshipComment.BODY_MAX_LENGTH);
                    v.throwIfInvalid();
                    return relationships.insertComment(new RelationshipComment(ids.newId(), caller.agencyId(),
                            a.clientId(), a.id(), null, sideOf(caller), caller.userId(), body.strip(), false,
                            clock.instant()));
                });
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
     * Sets the agency's health weights (OWNER only): each 0–100, together exactly 100.
     * {@code expectedVersion}: the version you read, null while the agency uses the defaults.
     */
    public Mono<HealthWeights> updateWeights(Caller caller, Long expectedVersion, HealthWeights weights) {
        return Mono.fromCallable(() -> {
            caller.require(EnumSet.of(Role.OWNER, Role.FINANCE), "change the health weights");
            Validator v = new Validator();
            for (HealthComponent c : HealthComponent.values()) {
                v.range(c.name().toLowerCase(Locale.ROOT), weights.of(c), 0, 100);
            }
            v.check(weights.total() == 100, "weights", "must add up to 100 (got " + weights.total() + ")",
                    ErrorCode.OUT_OF_RANGE);
            v.throwIfInvalid();
            return expectedVersion == null ? -1L : expectedVersion;
        }).flatMap(version -> relationships.saveHealthWeights(caller.agencyId(), weights, version)
                .switchIfEmpty(Mono.error(() -> new Conflict("Health weights", version))));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Mono<Agency> agency(Caller caller) {
        return agencies.findById(caller.agencyId())
                .switchIfEmpty(Mono.error(() -> new NotFound("Agency", caller.agencyId().value())));
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

    private static void date(Validator v, String field, LocalDate date) {
        v.check(date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)), field,
                "must be between " + EARLIEST + " and " + LATEST, ErrorCode.OUT_OF_RANGE);
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
