package io.cordee.core.deal;

import io.cordee.core.billing.BillingService;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Caller;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.AllocationDraft;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.TeamMemberRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Use cases of the sales pipeline (ADR 53): list, create, change, move and win deals. Deals carry a fee and a
 * probability, so only OWNER and FINANCE write them; staff read them (a LEAD without the money, which the API
 * hides). Winning makes the project, its billing plan and its allocations through the project, billing and
 * staffing services, in one transaction: a refusal of any of them writes nothing.
 */
public final class DealService {

    private final DealRepository deals;
    private final ClientService clients;
    private final ProjectService projects;
    private final BillingService billing;
    private final StaffingService staffing;
    private final TeamMemberRepository members;
    private final TransactionRunner tx;
    private final IdGenerator ids;

    public DealService(DealRepository deals, ClientService clients, ProjectService projects, BillingService billing,
                       StaffingService staffing, TeamMemberRepository members, TransactionRunner tx, IdGenerator ids) {
        this.deals = deals;
        this.clients = clients;
        this.projects = projects;
        this.billing = billing;
        this.staffing = staffing;
        this.members = members;
        this.tx = tx;
        this.ids = ids;
    }

    public Mono<Page<Deal>> list(Caller caller, Set<DealStage> stages, PageRequest page) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see deals"))
                .then(deals.findPage(caller.agencyId(), stages, page));
    }

    /** The open deals (LEAD, PROPOSAL) of the caller's agency: what the forecast and capacity weigh. */
    public Flux<Deal> open(Caller caller) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see deals"))
                .thenMany(deals.findOpen(caller.agencyId()));
    }

    public Mono<Deal> get(Caller caller, DealId id) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see deals"))
                .then(deals.findById(caller.agencyId(), id))
                .switchIfEmpty(Mono.error(() -> new NotFound("Deal", id.value())));
    }

    /**
     * Adds a deal from a draft whose every field is given. The command checks the input when it is built (after
     * the caller's role here, so a LEAD is refused before anything else).
     */
    public Mono<Deal> create(Caller caller, DealDraft draft) {
        return caller.command(Caller.MONEY_ROLES, "change deals", () -> new CreateDealCommand(draft))
                .flatMap(command -> create(caller, command));
    }

    /** Adds a deal in LEAD: the command holds the rules of its fields; its client and people are checked here. */
    public Mono<Deal> create(Caller caller, CreateDealCommand command) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "change deals"))
                .then(Mono.defer(() -> known(caller, command.deal(new DealId(ids.newId()), caller.agencyId(),
                        DealStage.LEAD, null, 0))))
                .flatMap(deals::insert);
    }

    /** Changes an open deal: the given fields merged into it must pass the rules of a new one. */
    public Mono<Deal> update(Caller caller, DealId id, long expectedVersion, DealDraft changes) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "change deals"))
                .then(open(caller, id))
                .flatMap(current -> {
                    boolean toClient = changes.clientId() != null;
                    boolean toProspect = changes.prospectName() != null;
                    ClientId client = toClient ? changes.clientId() : toProspect ? null : current.clientId();
                    String prospect = toProspect ? changes.prospectName() : toClient ? null : current.prospectName();
                    Deal next = new CreateDealCommand(or(changes.name(), current.name()), client, prospect,
                            or(changes.prospectSegment(), current.prospectSegment()),
                            or(changes.expectedFee(), current.expectedFee()),
                            or(changes.probabilityPercent(), current.probabilityPercent()),
                            or(changes.expectedStart(), current.expectedStart()),
                            or(changes.duration(), current.duration()),
                            or(changes.durationUnit(), current.durationUnit()),
                            or(changes.billingPlan(), current.billingPlan()),
                            or(changes.staffingNeed(), current.staffingNeed()))
                            .deal(current.id(), current.agencyId(), current.stage(), null, expectedVersion);
                    return known(caller, next).flatMap(deals::update)
                            .switchIfEmpty(Mono.error(() -> new Conflict("Deal", expectedVersion)));
                });
    }

    /** Moves an open deal to PROPOSAL, back to LEAD, or to LOST (WON is {@link #win}). */
    public Mono<Deal> move(Caller caller, DealId id, long expectedVersion, DealStage to) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "change deals"))
                .then(open(caller, id))
                .flatMap(current -> {
                    if (to == null || !current.stage().movesTo().contains(to)) {
                        throw InvalidInput.of("stage", "a " + current.stage() + " deal cannot move to " + to
                                + (to == DealStage.WON ? " (win the deal instead: it makes its project)" : ""),
                                ErrorCode.INVALID_STAGE_TRANSITION);
                    }
                    return deals.update(withStage(current, to, null, current.clientId(), expectedVersion))
                            .switchIfEmpty(Mono.error(() -> new Conflict("Deal", expectedVersion)));
                });
    }

    /**
     * Wins a deal in PROPOSAL: a prospect becomes a client, then the project (planned, from the expected start
     * to the expected end, the deal's fee), its billing plan (the deal's template) and one allocation per
     * staffing need are made by their own services, and the deal becomes WON, pointing to the project — all in
     * one transaction, so a refused step or a stale version writes nothing.
     */
    public Mono<Project> win(Caller caller, DealId id, long expectedVersion) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "win deals"))
                .then(open(caller, id))
                .flatMap(deal -> {
                    if (deal.stage() != DealStage.PROPOSAL) {
                        throw InvalidInput.of("stage", "only a deal in PROPOSAL can be won (this one is "
                                + deal.stage() + ")", ErrorCode.INVALID_STAGE_TRANSITION);
                    }
                    Mono<ClientId> client = deal.clientId() != null ? Mono.just(deal.clientId())
                            : clients.create(caller, new ClientDraft(deal.prospectName(), deal.prospectSegment(),
                                    null, null, null)).map(c -> c.id());
                    return tx.inTransaction(client.flatMap(clientId -> projects.create(caller, clientId,
                                    new ProjectDraft(deal.name(), ProjectStatus.PLANNED, deal.expectedStart(),
                                            deal.expectedEnd(), null, deal.expectedFee(), null))
                            .flatMap(project -> billing.setPlan(caller, project.id(), null, deal.billingPlan())
                                    .thenMany(Flux.fromIterable(deal.staffingNeed()).concatMap(need ->
                                            staffing.create(caller, new AllocationDraft(need.memberId(),
                                                    project.id(), need.sharePercent(), deal.expectedStart(),
                                                    deal.expectedEnd()))))
                                    .then(deals.update(withStage(deal, DealStage.WON, project, clientId,
                                            expectedVersion)))
                                    .switchIfEmpty(Mono.error(() -> new Conflict("Deal", expectedVersion)))
                                    .thenReturn(project))));
                });
    }

    private static Deal withStage(Deal d, DealStage stage, Project project, ClientId clientId, long version) {
        return new Deal(d.id(), d.agencyId(), d.name(), clientId, d.prospectName(), d.prospectSegment(),
                d.expectedFee(), d.probabilityPercent(), d.expectedStart(), d.duration(), d.durationUnit(),
                d.billingPlan(), d.staffingNeed(), stage, project == null ? d.projectId() : project.id(), version);
    }

    /** The deal if it is still open; {@code DEAL_CLOSED} on {@code id} once won or lost. */
    private Mono<Deal> open(Caller caller, DealId id) {
        return deals.findById(caller.agencyId(), id)
                .switchIfEmpty(Mono.error(() -> InvalidInput.of("id", "no such deal", ErrorCode.NOT_FOUND)))
                .map(deal -> {
                    if (deal.stage().isFinal()) {
                        throw InvalidInput.of("id", "this deal is " + deal.stage() + ": it can no longer change",
                                ErrorCode.DEAL_CLOSED);
                    }
                    return deal;
                });
    }

    /** That the deal's client (if any) and the people it needs are the agency's. */
    private Mono<Deal> known(Caller caller, Deal deal) {
        Mono<Boolean> clientKnown = deal.clientId() == null ? Mono.just(true)
                : clients.find(caller, deal.clientId()).map(c -> !c.archived()).defaultIfEmpty(false);
        List<TeamMemberId> needed = deal.staffingNeed().stream().map(StaffingNeed::memberId).toList();
        Mono<Set<TeamMemberId>> known = needed.isEmpty() ? Mono.just(Set.of())
                : members.findAllById(caller.agencyId(), needed).map(TeamMember::id).collect(HashSet::new, Set::add);
        return Mono.zip(clientKnown, known).map(t -> {
            Validator refs = new Validator().check(t.getT1(), "clientId", "no such client", ErrorCode.NOT_FOUND);
            for (int i = 0; i < needed.size(); i++) {
                refs.check(t.getT2().contains(needed.get(i)), "staffingNeed[" + i + "].memberId", "no such person",
                        ErrorCode.NOT_FOUND);
            }
            refs.throwIfInvalid();
            return deal;
        });
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
