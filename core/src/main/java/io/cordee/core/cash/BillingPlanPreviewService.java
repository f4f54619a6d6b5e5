package io.cordee.core.cash;

import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.BillingRepository;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.SetBillingPlanCommand;
import io.cordee.core.common.Computations;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.Caller;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The what-if of a billing plan before it is saved (issue 15, {@link BillingPlanPreview}). A use case
 * of its own rather than a method of {@link CashService} or {@link BillingService}: it reads both areas
 * and writes nothing. OWNER and FINANCE only: it reveals the forecast and the client's exposure.
 */
public final class BillingPlanPreviewService {

    public static final int DEFAULT_HORIZON_WEEKS = 52;

    private final CashService cash;
    private final BillingService billingService;
    private final BillingRepository billing;
    private final ProjectRepository projects;
    private final AllocationRepository allocations;
    private final AgencyRepository agencies;
    private final Computations computations;

    public BillingPlanPreviewService(CashService cash, BillingService billingService, BillingRepository billing,
                                     ProjectRepository projects, AllocationRepository allocations,
                                     AgencyRepository agencies, Computations computations) {
        this.cash = cash;
        this.billingService = billingService;
        this.billing = billing;
        this.projects = projects;
        this.allocations = allocations;
        this.agencies = agencies;
        this.computations = computations;
    }

    /**
     * The plan's invoices and its effect on the base forecast from today over {@code horizonWeeks}; the
     * plan is checked as {@code setBillingPlan} checks it (same fields, same messages). Nothing is written.
     */
    public Mono<BillingPlanPreview> preview(Caller caller, ProjectId projectId, BillingPlan plan, int horizonWeeks) {
        return caller.command(Caller.MONEY_ROLES, "preview billing plans",
                        () -> new SetBillingPlanCommand(projectId, null, plan))
                .flatMap(command -> preview(caller, command, horizonWeeks));
    }

    /**
     * The preview of a plan as {@code setBillingPlan} would set it: see {@link #preview(Caller, ProjectId,
     * BillingPlan, int)}. The command holds the rules of the plan itself (ADR 79); its version is not used. The
     * horizon's command is built once the caller may preview.
     */
    public Mono<BillingPlanPreview> preview(Caller caller, SetBillingPlanCommand command, int horizonWeeks) {
        return caller.command(Caller.MONEY_ROLES, "preview billing plans",
                        () -> new PreviewBillingPlanCommand(command, horizonWeeks))
                .flatMap(previewCommand -> preview(caller, previewCommand));
    }

    /** The preview of the command's plan over its horizon: the project and the forecast are read here. */
    public Mono<BillingPlanPreview> preview(Caller caller, PreviewBillingPlanCommand command) {
        ProjectId projectId = command.plan().projectId();
        BillingPlan plan = command.plan().plan();
        int horizonWeeks = command.horizonWeeks();
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "preview billing plans"))
                .then(billingService.projectOfPlan(caller, projectId, plan))
                .flatMap(project -> agencies.existing(caller.agencyId())
                        .flatMap(agency -> compute(caller, agency, project, plan, cash.today(agency), horizonWeeks)));
    }

    private Mono<BillingPlanPreview> compute(Caller caller, io.cordee.core.agency.Agency agency, Project project,
                                             BillingPlan plan, LocalDate asOf, int horizonWeeks) {
        LocalDate end = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(horizonWeeks);
        Mono<Optional<ForecastInput>> forecast = cash.input(caller, agency, asOf, horizonWeeks).map(Optional::of)
                // no bank balance yet: the invoices can still be shown, without their effect
                .onErrorResume(InvalidInput.class, e -> Mono.just(Optional.empty()));
        Mono<List<Allocation>> allocated = projects.findByClients(caller.agencyId(), List.of(project.clientId()))
                .map(Project::id).collectList()
                .flatMap(ids -> allocations.findByProjects(caller.agencyId(), ids).collectList());
        Mono<List<CashMovement>> paid = billing.findPaymentsOfClient(caller.agencyId(), project.clientId())
                .map(p -> new CashMovement(p.receivedOn(), p.amount(), project.clientId(), "Payment")).collectList();
        Mono<List<LocalDate>> holidays = agencies.holidays(caller.agencyId(), LocalDate.of(1900, 1, 1), end)
                .collectList();
        return Mono.zip(billingService.keptPlanKeys(caller, project.id()), forecast, allocated, paid, holidays)
                .flatMap(t -> computations.run(() -> BillingPlanPreview.compute(project,
                        BillingService.plannedInvoices(project, plan, t.getT1()), t.getT2().orElse(null), t.getT3(),
                        t.getT2().map(ForecastInput::team).orElse(List.of()), t.getT4(),
                        new WorkingCalendar(new HashSet<>(t.getT5())))));
    }
}
