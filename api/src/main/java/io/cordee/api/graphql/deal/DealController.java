package io.cordee.api.graphql.deal;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.graphql.client.ClientController;
import io.cordee.api.graphql.common.Batches;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.MoneyInput;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.graphql.team.TeamController;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.Milestone;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.deal.CreateDealCommand;
import io.cordee.core.deal.Deal;
import io.cordee.core.deal.DealDraft;
import io.cordee.core.deal.DealId;
import io.cordee.core.deal.DealService;
import io.cordee.core.deal.DealStage;
import io.cordee.core.deal.DurationUnit;
import io.cordee.core.deal.StaffingNeed;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectService;
import io.cordee.core.staffing.CapacityCommand;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.TeamService;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The sales pipeline (ADR 53): deals, their stages, and winning one into a project. */
@Controller
public class DealController {

    public static final String TYPE = "Deal";

    public record DealBillingPlanInput(Integer depositPercent, Boolean monthlyInArrears, List<Milestone> milestones) {
        BillingPlan toPlan() {
            return new BillingPlan(depositPercent == null ? 0 : depositPercent, milestones,
                    Boolean.TRUE.equals(monthlyInArrears));
        }
    }

    public record StaffingNeedInput(String teamMemberId, Integer sharePercent) {
    }

    /** The fields a deal is created or updated with: the two inputs share them, and so how they are read. */
    interface DealFields {
        String name();

        String clientId();

        String prospectName();

        Segment prospectSegment();

        MoneyInput expectedFee();

        Integer probabilityPercent();

        LocalDate expectedStart();

        Integer duration();

        DurationUnit durationUnit();

        DealBillingPlanInput billingPlan();

        List<StaffingNeedInput> staffingNeed();

        /** The deal these fields describe, its fee in the agency's {@code currency}. */
        default DealDraft draft(Currency currency) {
            return new DealDraft(name(), DealController.clientId(clientId()), prospectName(), prospectSegment(),
                    MoneyInput.toMoney(expectedFee(), currency, "expectedFee"), probabilityPercent(), expectedStart(),
                    duration(), durationUnit(), plan(billingPlan()), needs(staffingNeed()));
        }
    }

    public record CreateDealInput(String name, String clientId, String prospectName, Segment prospectSegment,
                                  MoneyInput expectedFee, Integer probabilityPercent, LocalDate expectedStart,
                                  Integer duration, DurationUnit durationUnit, DealBillingPlanInput billingPlan,
                                  List<StaffingNeedInput> staffingNeed) implements DealFields {
    }

    public record UpdateDealInput(String id, Long version, String name, String clientId, String prospectName,
                                  Segment prospectSegment, MoneyInput expectedFee, Integer probabilityPercent,
                                  LocalDate expectedStart, Integer duration, DurationUnit durationUnit,
                                  DealBillingPlanInput billingPlan, List<StaffingNeedInput> staffingNeed)
            implements DealFields {
    }

    public record MoveDealInput(String id, Long version, DealStage stage) {
    }

    public record WinDealInput(String id, Long version) {
    }

    public record DealPayload(Deal deal, List<UserError> userErrors) {
    }

    public record WinDealPayload(Project project, List<UserError> userErrors) {
    }

    public record PipelineMonthView(String month, double capacityDays, double bookedDays,
                                    double weightedPipelineDays, double availableDays) {
    }

    private final io.cordee.core.deal.PipelineService pipeline;
    private final DealService deals;
    private final ClientService clients;
    private final ProjectService projects;
    private final TeamService team;
    private final AgencyService agencies;

    public DealController(DealService deals, ClientService clients, ProjectService projects, TeamService team,
                          AgencyService agencies, io.cordee.core.deal.PipelineService pipeline) {
        this.pipeline = pipeline;
        this.deals = deals;
        this.clients = clients;
        this.projects = projects;
        this.team = team;
        this.agencies = agencies;
    }

    @QueryMapping
    public Mono<Connection<Deal>> deals(@Argument Integer first, @Argument String after,
                                        @Argument List<DealStage> stages, DataFetchingFieldSelectionSet selection) {
        Set<DealStage> filter = stages == null || stages.isEmpty() ? null : EnumSet.copyOf(stages);
        return Connection.read(first, after, selection, (caller, page) -> deals.list(caller, filter, page));
    }

    @QueryMapping
    public Mono<List<PipelineMonthView>> pipelineCapacity(@Argument String from, @Argument Integer months) {
        return Callers.current().flatMap(caller -> Mono.fromCallable(() -> CapacityCommand.firstMonth(from,
                                "2027-01"))
                        .flatMap(first -> pipeline.capacity(caller, first, months == null ? 6 : months)))
                .map(list -> list.stream().map(m -> new PipelineMonthView(m.month().toString(),
                        m.capacityDays().doubleValue(), m.bookedDays().doubleValue(),
                        m.weightedPipelineDays().doubleValue(), m.availableDays().doubleValue())).toList());
    }

    /** A LEAD sees no money: the fee and the billing plan are null for it (docs/roles.md). */
    @SchemaMapping(typeName = TYPE)
    public Mono<Money> expectedFee(Deal deal) {
        return Callers.current().filter(c -> c.seesMoney()).map(c -> deal.expectedFee());
    }

    @SchemaMapping(typeName = TYPE)
    public Mono<BillingPlan> billingPlan(Deal deal) {
        return Callers.current().filter(c -> c.seesMoney()).map(c -> deal.billingPlan());
    }

    @SchemaMapping(typeName = TYPE)
    public LocalDate expectedEnd(Deal deal) {
        return deal.expectedEnd();
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Deal, Client>> client(List<Deal> batch) {
        return Batches.load(batch, Deal::clientId, clients::findAll);
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Deal, Project>> project(List<Deal> batch) {
        return Batches.load(batch, Deal::projectId, projects::findAll);
    }

    @BatchMapping(typeName = "StaffingNeed")
    public Mono<Map<StaffingNeed, TeamMember>> member(List<StaffingNeed> batch) {
        return Batches.load(batch, StaffingNeed::memberId, team::findAll);
    }

    @MutationMapping
    public Mono<DealPayload> createDeal(@Argument CreateDealInput input) {
        return Mutations.asCaller(caller -> agencies.current(caller).flatMap(agency ->
                        deals.create(caller, new CreateDealCommand(input.draft(agency.settings().currency())))),
                DealPayload::new);
    }

    @MutationMapping
    public Mono<DealPayload> updateDeal(@Argument UpdateDealInput input) {
        return Mutations.asCaller(caller -> agencies.current(caller).flatMap(agency ->
                        deals.update(caller, dealId(input.id()), input.version(),
                                input.draft(agency.settings().currency()))),
                DealPayload::new);
    }

    @MutationMapping
    public Mono<DealPayload> moveDeal(@Argument MoveDealInput input) {
        return Mutations.asCaller(caller ->
                        deals.move(caller, dealId(input.id()), input.version(), input.stage()),
                DealPayload::new);
    }

    @MutationMapping
    public Mono<WinDealPayload> winDeal(@Argument WinDealInput input) {
        return Mutations.asCaller(caller ->
                        deals.win(caller, dealId(input.id()), input.version()),
                WinDealPayload::new);
    }

    private static DealId dealId(String id) {
        return new DealId(GlobalId.decode(id, TYPE, "id"));
    }

    private static ClientId clientId(String id) {
        return ClientController.optionalId(id, "clientId");
    }

    private static BillingPlan plan(DealBillingPlanInput input) {
        return input == null ? null : input.toPlan();
    }

    private static List<StaffingNeed> needs(List<StaffingNeedInput> input) {
        if (input == null) {
            return null;
        }
        return java.util.stream.IntStream.range(0, input.size()).mapToObj(i -> new StaffingNeed(
                new TeamMemberId(GlobalId.decode(input.get(i).teamMemberId(), TeamController.TYPE,
                        "staffingNeed[" + i + "].teamMemberId")),
                input.get(i).sharePercent() == null ? 0 : input.get(i).sharePercent())).toList();
    }
}
