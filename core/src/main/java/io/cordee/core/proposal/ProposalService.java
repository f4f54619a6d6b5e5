package io.cordee.core.proposal;

import io.cordee.core.common.Computations;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.alert.AlertThresholds;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Milestone;
import io.cordee.core.billing.ProjectBilling;
import io.cordee.core.cash.CashMovement;
import io.cordee.core.cash.CashService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Caller;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Use cases of renegotiation proposals (DESIGN.md, Early warnings): compute one for a client (never
 * written), record that one was sent with its letter, and record the client's answer — an accepted
 * deposit or monthly billing becomes the billing plan of the client's running projects, in the same
 * transaction. OWNER and FINANCE compute and record; a CLIENT user reads the letters sent to their own
 * client; a LEAD sees none (the numbers behind a proposal are the agency's cash).
 */
public final class ProposalService {

    public static final int DEFAULT_HORIZON_WEEKS = 26;
    /** Projects whose billing an accepted option changes: those not finished, cancelled or on hold. */
    private static final Set<ProjectStatus> RUNNING = EnumSet.of(ProjectStatus.PLANNED, ProjectStatus.ACTIVE);

    private final ProposalRepository proposals;
    private final CashService cash;
    private final BillingService billingService;
    private final BillingRepository billing;
    private final ClientRepository clients;
    private final ProjectRepository projects;
    private final AgencyRepository agencies;
    private final TransactionRunner tx;
    private final IdGenerator ids;
    private final Computations computations;

    /** Today is the cash picture's ({@link CashService#today}); allocations come with the picture too. */
    public ProposalService(ProposalRepository proposals, CashService cash, BillingService billingService,
                           BillingRepository billing, ClientRepository clients, ProjectRepository projects,
                           AgencyRepository agencies, TransactionRunner tx, IdGenerator ids,
                           Computations computations) {
        this.proposals = proposals;
        this.cash = cash;
        this.billingService = billingService;
        this.billing = billing;
        this.clients = clients;
        this.projects = projects;
        this.agencies = agencies;
        this.tx = tx;
        this.ids = ids;
        this.computations = computations;
    }

    /**
     * The proposal for a client as of {@code asOf} (null: today), each option run through the forecast
     * over {@code horizonWeeks}; nothing is written. Null or no options: {@link ProposalOption#DEFAULTS}.
     * A fixed number of reads whatever the size of the agency or the number of options.
     */
    public Mono<RenegotiationProposal> compute(Caller caller, ClientId clientId, List<ProposalOption> options,
                                               LocalDate asOf, int horizonWeeks) {
        return caller.command(Caller.MONEY_ROLES, "prepare renegotiation proposals",
                        () -> new RenegotiationProposalCommand(clientId, options, asOf, horizonWeeks))
                .flatMap(command -> compute(caller, command));
    }

    /** The proposal the command asks for: the command holds the rules of the options and the horizon. */
    public Mono<RenegotiationProposal> compute(Caller caller, RenegotiationProposalCommand command) {
        return money(caller, "prepare renegotiation proposals")
                .then(agency(caller)).flatMap(agency -> compute(caller, agency, command.clientId(), command.options(),
                        command.asOf() == null ? cash.today(agency) : command.asOf(), command.horizonWeeks()));
    }

    private Mono<RenegotiationProposal> compute(Caller caller, Agency agency, ClientId clientId,
                                                List<ProposalOption> options, LocalDate asOf, int horizonWeeks) {
        return clients.findById(caller.agencyId(), clientId)
                .switchIfEmpty(Mono.error(() -> InvalidInput.of("clientId", "no such client", ErrorCode.NOT_FOUND)))
                .flatMap(client -> cash.picture(agency, asOf).flatMap(picture -> computations.run(() -> {
                    List<Project> clientProjects = picture.projectsOf(clientId);
                    List<Project> active = clientProjects.stream()
                            .filter(p -> p.status() == ProjectStatus.ACTIVE).toList();
                    return ProposalCalculator.compute(new ProposalCalculator.Inputs(client,
                            picture.input(horizonWeeks, io.cordee.core.cash.Scenario.BASE), clientProjects,
                            picture.allocationsOf(clientId), picture.team(), picture.paymentsOf(clientId),
                            picture.calendar(), picture.timeToFirstCash(active),
                            AlertThresholds.defaults().capacityWarningPercent()), options);
                })));
    }

    /** The letter of a computed proposal, dated {@code date}, signed by the agency. */
    public Mono<String> letter(Caller caller, RenegotiationProposal proposal, Language language,
                               ProposalLetter.Format format, LocalDate date) {
        return money(caller, "prepare renegotiation proposals").then(agency(caller))
                .map(agency -> ProposalLetter.render(proposal, agency.name(), date, language, format));
    }

    /**
     * Records that a proposal with these options was sent today (or on {@code sentOn}): its facts, its
     * options' numbers and its letter as of that day.
     */
    public Mono<SentProposal> recordSent(Caller caller, ClientId clientId, List<ProposalOption> options,
                                         Language language, LocalDate sentOn) {
        return recordSent(caller, clientId, options, language, sentOn, SendChannel.EMAIL);
    }

    /**
     * The same, saying how the proposal reached the client (ADR 65). The command checks the input when it is built
     * (after the caller's role here, so a LEAD is refused before anything else).
     */
    public Mono<SentProposal> recordSent(Caller caller, ClientId clientId, List<ProposalOption> options,
                                         Language language, LocalDate sentOn, SendChannel channel) {
        return money(caller, "record renegotiation proposals")
                .then(Mono.fromCallable(() -> new RecordProposalSentCommand(clientId, options, language, sentOn,
                        channel)))
                .flatMap(command -> recordSent(caller, command));
    }

    /**
     * Records a sent proposal: see {@link #recordSent(Caller, ClientId, List, Language, LocalDate, SendChannel)}.
     * The command holds the rules of its own fields; the day sent against the agency's today is checked here.
     */
    public Mono<SentProposal> recordSent(Caller caller, RecordProposalSentCommand command) {
        ClientId clientId = command.clientId();
        List<ProposalOption> options = command.options();
        Language language = command.language();
        SendChannel channel = command.channel();
        return money(caller, "record renegotiation proposals")
                .then(agency(caller)).flatMap(agency -> {
                    LocalDate today = cash.today(agency);
                    LocalDate on = command.sentOn() == null ? today : command.sentOn();
                    new Validator().check(!on.isAfter(today), "sentOn", "cannot be after today (" + today + ")",
                            ErrorCode.OUT_OF_RANGE).throwIfInvalid();
                    return compute(caller, agency, clientId, options, on, DEFAULT_HORIZON_WEEKS)
                            .flatMap(proposal -> proposals.insert(new SentProposal(new ProposalId(ids.newId()),
                                    caller.agencyId(), clientId, language, on, channel, proposal.facts(),
                                    proposal.options(),
                                    ProposalLetter.render(proposal, agency.name(), on, language,
                                            ProposalLetter.Format.MARKDOWN),
                                    ProposalLetter.render(proposal, agency.name(), on, language,
                                            ProposalLetter.Format.HTML),
                                    null, null, null, null, 0)));
                });
    }

    /**
     * Records the client's answer to a sent proposal, from the version read. An accepted option with a
     * deposit or monthly billing becomes the billing plan of the client's planned and active projects
     * (their planned invoices regenerated, issued ones untouched), together with the answer or not at all.
     * An accepted proposal is final; a declined or countered one may still be accepted later.
     */
    public Mono<SentProposal> recordAnswer(Caller caller, ProposalId id, Long expectedVersion, ProposalAnswer answer,
                                           Integer acceptedOption, String note) {
        return money(caller, "record answers to renegotiation proposals")
                .then(Mono.fromCallable(() -> new RecordProposalAnswerCommand(id, expectedVersion, answer,
                        acceptedOption, note)))
                .flatMap(command -> recordAnswer(caller, command));
    }

    /**
     * Records the client's answer: see {@link #recordAnswer(Caller, ProposalId, Long, ProposalAnswer, Integer,
     * String)}. The command holds the rules of its own fields; what needs the proposal is checked here.
     */
    public Mono<SentProposal> recordAnswer(Caller caller, RecordProposalAnswerCommand command) {
        long expectedVersion = command.expectedVersion();
        return money(caller, "record answers to renegotiation proposals")
                .then(agency(caller)).flatMap(agency -> proposals.find(caller.agencyId(), command.proposalId())
                        .switchIfEmpty(Mono.error(() -> InvalidInput.of("proposalId", "no such proposal",
                                ErrorCode.NOT_FOUND)))
                        .flatMap(current -> {
                            if (current.version() != expectedVersion) {
                                return Mono.error(new Conflict("RenegotiationProposal", expectedVersion));
                            }
                            validateAnswer(current, command.answer(), command.acceptedOption());
                            SentProposal answered = current.answered(command.answer(), command.acceptedOption(),
                                    command.note(), cash.today(agency), expectedVersion);
                            return tx.inTransaction(proposals.updateAnswer(answered)
                                    .switchIfEmpty(Mono.error(() -> new Conflict("RenegotiationProposal",
                                            expectedVersion)))
                                    .flatMap(saved -> saved.accepted() == null ? Mono.just(saved)
                                            : applyToBilling(caller, saved).thenReturn(saved)));
                        }));
    }

    /** What needs the proposal; the command said already that an option comes exactly with ACCEPTED. */
    private static void validateAnswer(SentProposal current, ProposalAnswer answer, Integer acceptedOption) {
        Validator v = new Validator()
                .check(current.answer() != ProposalAnswer.ACCEPTED, "answer",
                        "the proposal was accepted already; an accepted proposal is final", ErrorCode.INVALID_FORMAT);
        if (answer == ProposalAnswer.ACCEPTED) {
            v.range("acceptedOption", acceptedOption, 1, current.options().size());
        }
        v.throwIfInvalid();
    }

    /** A sent proposal, if the caller may see it: anyone with money, or the CLIENT user of its client. */
    public Mono<SentProposal> find(Caller caller, ProposalId id) {
        if (!caller.seesMoney() && !caller.isClientUser()) {
            return Mono.empty();
        }
        return proposals.find(caller.agencyId(), id)
                .filter(p -> caller.seesMoney() || p.clientId().equals(caller.clientId()));
    }

    /** The proposals sent, newest first; a CLIENT user's are their own client's, whatever they ask. */
    public Mono<Page<SentProposal>> list(Caller caller, ClientId clientId, PageRequest page) {
        if (caller.isClientUser()) {
            if (clientId != null && !clientId.equals(caller.clientId())) {
                return Mono.just(new Page<>(List.of(), false, 0));
            }
            return proposals.findPage(caller.agencyId(), caller.clientId(), page);
        }
        return money(caller, "see renegotiation proposals")
                .then(proposals.findPage(caller.agencyId(), clientId, page));
    }

    private Mono<Void> applyToBilling(Caller caller, SentProposal proposal) {
        ProposalOption option = proposal.accepted().option();
        if (!option.changesBilling()) {
            return Mono.empty();
        }
        return projects.findByClients(caller.agencyId(), List.of(proposal.clientId()))
                .filter(p -> RUNNING.contains(p.status()))
                .filter(p -> !option.monthlyInArrears() || p.launchDate() != null)
                .collectList()
                .flatMap(running -> billingService.plans(caller, running.stream().map(Project::id).toList())
                        .flatMap(plans -> Flux.fromIterable(running)
                                .concatMap(p -> {
                                    ProjectBilling current = plans.get(p.id());
                                    return billingService.setPlan(caller, p.id(),
                                            current == null ? null : current.version(),
                                            plan(option, current == null ? null : current.plan(), p));
                                })
                                .then()));
    }

    /**
     * The plan an accepted option asks for: monthly billing (after the deposit, if any) as it says; a
     * deposit alone keeps the plan's rhythm — its milestones scaled to what the deposit leaves (the last
     * one takes the rounding), or one milestone at the launch when the project had no plan.
     */
    static BillingPlan plan(ProposalOption option, BillingPlan current, Project project) {
        int deposit = option.hasDeposit() ? option.depositPercent() : current == null ? 0 : current.depositPercent();
        if (option.monthlyInArrears() || (current != null && current.monthlyInArrears())) {
            return new BillingPlan(deposit, List.of(), true);
        }
        int rest = 100 - deposit;
        List<Milestone> milestones = current == null ? List.of() : current.milestones();
        if (rest == 0) {
            return new BillingPlan(deposit, List.of(), false);
        }
        if (milestones.isEmpty()) {
            LocalDate date = project.launchDate() != null ? project.launchDate() : project.startDate();
            return new BillingPlan(deposit, List.of(new Milestone("Launch", date, rest)), false);
        }
        int before = milestones.stream().mapToInt(Milestone::sharePercent).sum();
        List<Milestone> scaled = new ArrayList<>();
        int allocated = 0;
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            int share = i == milestones.size() - 1 ? rest - allocated : m.sharePercent() * rest / before;
            allocated += share;
            scaled.add(new Milestone(m.label(), m.date(), share));
        }
        return new BillingPlan(deposit, scaled.stream().filter(m -> m.sharePercent() > 0).toList(), false);
    }

    private Mono<Caller> money(Caller caller, String action) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, action));
    }

    private Mono<Agency> agency(Caller caller) {
        return agencies.existing(caller.agencyId());
    }
}
