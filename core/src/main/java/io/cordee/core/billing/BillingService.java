package io.cordee.core.billing;

import io.cordee.core.common.Computations;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Use cases of billing: a project's billing plan and the planned invoices it generates, issuing,
 * cancelling and paying invoices, and each client's payment behaviour. Money is for OWNER and
 * FINANCE; a CLIENT user sees the issued invoices of their own client and nothing else.
 */
public final class BillingService {

    private static final Set<InvoiceStatus> VISIBLE_TO_CLIENTS = EnumSet.of(InvoiceStatus.ISSUED,
            InvoiceStatus.PAID);

    private final BillingRepository billing;
    private final ProjectRepository projects;
    private final ClientRepository clients;
    private final AgencyRepository agencies;
    private final TransactionRunner tx;
    private final IdGenerator ids;
    private final java.time.Clock clock;

    public BillingService(BillingRepository billing, ProjectRepository projects, ClientRepository clients,
                          AgencyRepository agencies, TransactionRunner tx, IdGenerator ids, java.time.Clock clock) {
        this.clock = clock;
        this.billing = billing;
        this.projects = projects;
        this.clients = clients;
        this.agencies = agencies;
        this.tx = tx;
        this.ids = ids;
    }

    public Mono<ProjectBilling> plan(Caller caller, ProjectId projectId) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "see billing"))
                .then(billing.findPlan(caller.agencyId(), projectId));
    }

    /** The plans of the given projects, by project, for callers who may see money; empty otherwise. */
    public Mono<Map<ProjectId, ProjectBilling>> plans(Caller caller, Collection<ProjectId> projectIds) {
        if (!caller.seesMoney() || projectIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return billing.findPlans(caller.agencyId(), projectIds.stream().distinct().toList())
                .collectMap(ProjectBilling::projectId, p -> p);
    }

    /**
     * Sets the project's plan and regenerates its planned invoices. Invoices already issued, paid or
     * cancelled are never touched, and their place in the plan is not generated again.
     *
     * @param expectedVersion the plan's version you read; null when the project has no plan yet
     */
    public Mono<ProjectBilling> setPlan(Caller caller, ProjectId projectId, Long expectedVersion, BillingPlan plan) {
        return caller.command(Caller.MONEY_ROLES, "change billing",
                        () -> new SetBillingPlanCommand(projectId, expectedVersion, plan))
                .flatMap(command -> setPlan(caller, command));
    }

    /**
     * Sets the project's plan: see {@link #setPlan(Caller, ProjectId, Long, BillingPlan)}. The command holds the
     * rules of the plan itself; its dates against the project's are checked here.
     */
    public Mono<ProjectBilling> setPlan(Caller caller, SetBillingPlanCommand command) {
        ProjectId projectId = command.projectId();
        Long expectedVersion = command.expectedVersion();
        BillingPlan plan = command.plan();
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "change billing"))
                .then(projectOfPlan(caller, projectId, plan))
                .flatMap(project -> tx.inTransaction(billing.savePlan(caller.agencyId(), projectId, plan,
                                expectedVersion == null ? -1 : expectedVersion)
                        .switchIfEmpty(Mono.error(() -> new Conflict("BillingPlan",
                                expectedVersion == null ? -1 : expectedVersion)))
                        .flatMap(saved -> regenerate(caller, project, plan).thenReturn(saved))));
    }

    private Mono<Void> regenerate(Caller caller, Project project, BillingPlan plan) {
        return keptPlanKeys(caller, project.id())
                .flatMap(kept -> {
                    List<Invoice> planned = plannedInvoices(project, plan, kept).stream()
                            .map(p -> new Invoice(new InvoiceId(ids.newId()), caller.agencyId(), project.clientId(),
                                    project.id(), p.key(), null, p.label(), InvoiceStatus.PLANNED, p.issueDate(),
                                    p.issueDate().plusDays(project.paymentTermsDays()), p.amount(),
                                    Money.zero(p.amount().currency()), null, 0))
                            .toList();
                    return billing.replacePlannedInvoices(caller.agencyId(), project.id(), planned).then();
                });
    }

    /**
     * The planned invoices a plan generates for a project: its parts whose place in the plan ({@code kept})
     * is not already taken by an issued, paid or cancelled invoice, and never a part of 0. What
     * {@link #setPlan} writes and what a preview of the plan shows.
     */
    public static List<BillingPlan.PlannedInvoice> plannedInvoices(Project project, BillingPlan plan, Set<String> kept) {
        return plan.invoices(project.feeBudget(), project.startDate(), project.launchDate()).stream()
                .filter(p -> !kept.contains(p.key()) && p.amount().minorUnits() > 0)
                .toList();
    }

    /**
     * The project a billing plan is for, once the plan's dates are checked against it ({@link
     * BillingPlan#checkAgainstProject}); an {@link InvalidInput} on {@code projectId} when there is no such project.
     * Setting a plan and previewing one both check it here, so the preview tells the same fields with the same
     * messages. No role check: callers check.
     */
    public Mono<Project> projectOfPlan(Caller caller, ProjectId projectId, BillingPlan plan) {
        return project(caller, projectId)
                .doOnNext(project -> plan.checkAgainstProject(project.startDate(), project.launchDate()));
    }

    private Mono<Project> project(Caller caller, ProjectId projectId) {
        return projects.findById(caller.agencyId(), projectId)
                .switchIfEmpty(Mono.error(() -> InvalidInput.of("projectId", "no such project", ErrorCode.NOT_FOUND)));
    }

    /** The places in the project's plan already taken by invoices that a new plan leaves alone. */
    public Mono<Set<String>> keptPlanKeys(Caller caller, ProjectId projectId) {
        return billing.findInvoicesOfProject(caller.agencyId(), projectId)
                .filter(i -> i.status() != InvoiceStatus.PLANNED && i.planKey() != null)
                .map(Invoice::planKey).collect(Collectors.toSet());
    }

    public Mono<Page<Invoice>> invoices(Caller caller, InvoiceFilter filter, PageRequest page) {
        if (caller.isClientUser()) {
            if (filter.clientId() != null && !filter.clientId().equals(caller.clientId())) {
                return Mono.just(new Page<>(List.of(), false, 0));
            }
            Set<InvoiceStatus> statuses = filter.statuses() == null ? VISIBLE_TO_CLIENTS
                    : filter.statuses().stream().filter(VISIBLE_TO_CLIENTS::contains)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(InvoiceStatus.class)));
            if (statuses.isEmpty()) {
                return Mono.just(new Page<>(List.of(), false, 0));
            }
            return billing.findInvoicePage(caller.agencyId(),
                    new InvoiceFilter(caller.clientId(), filter.projectId(), statuses), page);
        }
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "see invoices"))
                .then(billing.findInvoicePage(caller.agencyId(), filter, page));
    }

    /**
     * The invoices of the given projects that the caller may see, by due date, each with its payments, read in
     * one statement for all of them: every one for OWNER and FINANCE, the issued and paid ones of its own client
     * for a CLIENT user, none for a LEAD (a lead sees no money).
     */
    public Mono<InvoicesWithPayments> invoicesOfProjects(Caller caller, Collection<ProjectId> projectIds) {
        if (projectIds.isEmpty() || !(caller.seesMoney() || caller.isClientUser())) {
            return Mono.just(new InvoicesWithPayments(List.of(), Map.of()));
        }
        return billing.findInvoicesOfProjects(caller.agencyId(), Set.copyOf(projectIds)).map(read -> {
            List<Invoice> visible = read.invoices().stream().filter(i -> sees(caller, i)).toList();
            Map<InvoiceId, List<Payment>> payments = new HashMap<>();
            visible.forEach(i -> payments.put(i.id(), read.payments().getOrDefault(i.id(), List.of())));
            return new InvoicesWithPayments(visible, payments);
        });
    }

    /**
     * The payments of each of the given invoices, by date received, in one statement: for an invoice the caller
     * may see (see {@link #invoicesOfProjects}), so a CLIENT user reads the payments of its own issued and paid
     * invoices and a LEAD none. Invoices without a payment are absent.
     */
    public Mono<Map<InvoiceId, List<Payment>>> paymentsOfInvoices(Caller caller, Collection<Invoice> invoices) {
        List<InvoiceId> visible = invoices.stream().filter(i -> sees(caller, i)).map(Invoice::id).distinct().toList();
        if (visible.isEmpty()) {
            return Mono.just(Map.of());
        }
        return billing.findPaymentsOfInvoices(caller.agencyId(), visible)
                .collect(Collectors.groupingBy(Payment::invoiceId, java.util.LinkedHashMap::new, Collectors.toList()));
    }

    private static boolean sees(Caller caller, Invoice invoice) {
        return invoice.agencyId().equals(caller.agencyId()) && (caller.seesMoney()
                || (caller.isClientUser() && invoice.clientId().equals(caller.clientId())
                        && VISIBLE_TO_CLIENTS.contains(invoice.status())));
    }

    public Mono<Invoice> find(Caller caller, InvoiceId id) {
        return billing.findInvoice(caller.agencyId(), id).filter(i -> caller.seesMoney()
                || (caller.isClientUser() && i.clientId().equals(caller.clientId())
                        && VISIBLE_TO_CLIENTS.contains(i.status())));
    }

    /**
     * Issues a planned invoice under {@code number} (null: none; unique in the agency) on {@code on}. The command
     * checks the input when it is built (after the caller's role here, so a LEAD is refused before anything else).
     */
    public Mono<Invoice> issue(Caller caller, InvoiceId id, long expectedVersion, String number, LocalDate on) {
        return caller.command(Caller.MONEY_ROLES, "change invoices",
                        () -> new IssueInvoiceCommand(id, expectedVersion, number, on))
                .flatMap(command -> issue(caller, command));
    }

    /** Issues a planned invoice: see {@link #issue(Caller, InvoiceId, long, String, LocalDate)}. */
    public Mono<Invoice> issue(Caller caller, IssueInvoiceCommand command) {
        return change(caller, command.invoiceId(), command.expectedVersion(), invoice -> projects.findById(
                caller.agencyId(), invoice.projectId()).map(project -> invoice.issue(command.number(),
                command.issueDate(), project.paymentTermsDays())));
    }

    /**
     * Adds an invoice that no billing plan generated (extra work, a change request), issued on
     * {@code issueDate} under {@code number} (null: none): due after the project's payment terms. It is
     * never planned, so a new billing plan for the project leaves it alone. The command checks the input
     * when it is built (after the caller's role here, so a LEAD is refused before anything else).
     */
    public Mono<Invoice> create(Caller caller, ProjectId projectId, String label, Money amount, String number,
                                LocalDate issueDate) {
        return caller.command(Caller.MONEY_ROLES, "add invoices",
                        () -> new CreateInvoiceCommand(projectId, label, amount, number, issueDate))
                .flatMap(command -> create(caller, command));
    }

    /** Adds an invoice that no billing plan generated: see {@link #create(Caller, ProjectId, String, Money, String, LocalDate)}. */
    public Mono<Invoice> create(Caller caller, CreateInvoiceCommand command) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "add invoices"))
                .then(project(caller, command.projectId()))
                .flatMap(project -> {
                    Invoice draft = new Invoice(new InvoiceId(ids.newId()), caller.agencyId(), project.clientId(),
                            project.id(), null, null, command.label(), InvoiceStatus.PLANNED, command.issueDate(),
                            command.issueDate(), command.amount(), Money.zero(command.amount().currency()), null, 0);
                    return billing.insertInvoice(draft.issue(command.number(), command.issueDate(),
                            project.paymentTermsDays()));
                });
    }

    /**
     * The aged receivables of the agency on {@code asOf} (null: the agency's today), per client: what its
     * issued invoices still owe, by days overdue.
     */
    public Mono<AgedReceivables> agedReceivables(Caller caller, LocalDate asOf) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "see receivables"))
                .then(agencies.findById(caller.agencyId()))
                .flatMap(agency -> billing.findReceivables(caller.agencyId()).collectList()
                        .map(rs -> AgedReceivables.of(rs, asOf == null ? today(agency) : asOf,
                                agency.settings().currency())));
    }

    /** Every invoice of the agency, by issue date then id: OWNER and FINANCE only (exports, ADR 42). */
    public reactor.core.publisher.Flux<Invoice> allInvoices(Caller caller) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "export invoices"))
                .thenMany(billing.findAllInvoices(caller.agencyId()));
    }

    /** Every payment received by the agency, by date then id: OWNER and FINANCE only (exports, ADR 42). */
    public reactor.core.publisher.Flux<Payment> allPayments(Caller caller) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "export payments"))
                .thenMany(billing.findPayments(caller.agencyId(), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31))
                        .sort(java.util.Comparator.comparing(Payment::receivedOn)
                                .thenComparing(p -> p.id().value())));
    }

    /** Today in the agency's time zone, from the injected clock. */
    public LocalDate today(io.cordee.core.agency.Agency agency) {
        return LocalDate.now(clock.withZone(agency.settings().timeZone()));
    }

    public Mono<Invoice> cancel(Caller caller, InvoiceId id, long expectedVersion) {
        return change(caller, id, expectedVersion, invoice -> Mono.fromCallable(invoice::cancel));
    }

    /**
     * Records a payment received on {@code on}, which may not be after the agency's today; the invoice and
     * the payment are written together or not at all.
     *
     * @param expectedVersion the invoice's version you read, or null not to check it
     */
    public Mono<Invoice> recordPayment(Caller caller, InvoiceId id, Long expectedVersion, Money amount, LocalDate on) {
        return caller.command(Caller.MONEY_ROLES, "record payments",
                        () -> new RecordPaymentCommand(id, expectedVersion, amount, on))
                .flatMap(command -> recordPayment(caller, command));
    }

    /**
     * Records a payment: see {@link #recordPayment(Caller, InvoiceId, Long, Money, LocalDate)}. The command
     * holds the rules of its own fields; the date against the agency's today and the amount against the
     * balance due are checked here.
     */
    public Mono<Invoice> recordPayment(Caller caller, RecordPaymentCommand command) {
        InvoiceId id = command.invoiceId();
        Long expectedVersion = command.expectedVersion();
        Money amount = command.amount();
        LocalDate on = command.receivedOn();
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "record payments"))
                .then(agencies.findById(caller.agencyId()))
                .doOnNext(agency -> {
                    LocalDate today = today(agency);
                    if (on.isAfter(today)) {
                        throw InvalidInput.of("receivedOn", "is in the future: a payment is recorded once received"
                                + " (today is " + today + ")", ErrorCode.OUT_OF_RANGE);
                    }
                })
                .then(tx.inTransaction(billing.findInvoice(caller.agencyId(), id)
                        .switchIfEmpty(Mono.error(() -> InvalidInput.of("invoiceId", "no such invoice",
                                ErrorCode.NOT_FOUND)))
                        .flatMap(invoice -> {
                            if (expectedVersion != null && expectedVersion != invoice.version()) {
                                return Mono.error(new Conflict("Invoice", expectedVersion));
                            }
                            Invoice paid = invoice.pay(amount, on);
                            return billing.updateInvoice(paid)
                                    .switchIfEmpty(Mono.error(() -> new Conflict("Invoice", invoice.version())))
                                    .flatMap(saved -> billing.insertPayment(new Payment(new PaymentId(ids.newId()),
                                            caller.agencyId(), id, invoice.clientId(), on, amount)).thenReturn(saved));
                        })));
    }

    /** Each client's expected and 90th-percentile payment delays, in one read of their paid invoices. */
    public Mono<Map<ClientId, PaymentDelayModel.Delays>> paymentBehaviour(Caller caller,
                                                                          Collection<ClientId> clientIds) {
        if (!caller.seesMoney() || clientIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<ClientId> distinct = clientIds.stream().distinct().toList();
        return Mono.zip(agencies.findById(caller.agencyId()).map(a -> a.settings()),
                        clients.findAllById(caller.agencyId(), distinct).collectList(),
                        billing.findLastPaidDates(caller.agencyId(), distinct, PaymentDelayModel.HISTORY)
                                .collectList())
                .map(t -> delays(t.getT1(), t.getT2(), t.getT3()));
    }

    /** Each client's delays from its paid history (the segment default when it has fewer than 3). */
    public static Map<ClientId, PaymentDelayModel.Delays> delays(AgencySettings settings, List<Client> clients,
                                                                 List<PaidDates> paid) {
        Map<ClientId, List<PaymentDelayModel.PaidInvoice>> byClient = paid.stream().collect(Collectors.groupingBy(
                PaidDates::clientId, Collectors.mapping(PaidDates::asPaidInvoice, Collectors.toList())));
        Map<ClientId, PaymentDelayModel.Delays> result = new HashMap<>();
        for (Client client : clients) {
            Computations.checkpoint();
            result.put(client.id(), PaymentDelayModel.of(byClient.getOrDefault(client.id(), List.of()),
                    client.segment(), settings));
        }
        return result;
    }

    private Mono<Invoice> change(Caller caller, InvoiceId id, long expectedVersion,
                                 java.util.function.Function<Invoice, Mono<Invoice>> change) {
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "change invoices"))
                .then(billing.findInvoice(caller.agencyId(), id))
                .switchIfEmpty(Mono.error(() -> new NotFound("Invoice", id.value())))
                .flatMap(current -> {
                    // a stale edit is a conflict first, whatever the change would say of today's state
                    // (issuing an invoice someone else issued meanwhile: "reload", not "only a planned…")
                    if (current.version() != expectedVersion) {
                        return Mono.error(new Conflict("Invoice", expectedVersion));
                    }
                    Invoice stale = new Invoice(current.id(), current.agencyId(), current.clientId(),
                            current.projectId(), current.planKey(), current.number(), current.label(), current.status(),
                            current.issueDate(), current.dueDate(), current.amount(), current.paid(),
                            current.paidDate(), expectedVersion);
                    return change.apply(stale);
                })
                .flatMap(changed -> billing.updateInvoice(changed)
                        .switchIfEmpty(Mono.error(() -> new Conflict("Invoice", expectedVersion))));
    }
}
