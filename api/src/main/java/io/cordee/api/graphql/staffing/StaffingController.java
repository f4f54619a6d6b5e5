package io.cordee.api.graphql.staffing;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.graphql.client.ClientController;
import io.cordee.api.graphql.common.Batches;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.api.graphql.project.ProjectController;
import io.cordee.api.graphql.team.TeamController;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectService;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationDraft;
import io.cordee.core.staffing.AddPublicHolidaysCommand;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.CapacityCommand;
import io.cordee.core.staffing.CreateAllocationCommand;
import io.cordee.core.staffing.MonthCapacity;
import io.cordee.core.staffing.OverAllocationsCommand;
import io.cordee.core.staffing.PublicHolidaysCommand;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.TeamService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
public class StaffingController {

    public static final String TYPE = "Allocation";

    public record CreateAllocationInput(String teamMemberId, String projectId, Integer sharePercent,
                                        LocalDate startDate, LocalDate endDate) {
    }

    public record UpdateAllocationInput(String id, Long version, String teamMemberId, String projectId,
                                        Integer sharePercent, LocalDate startDate, LocalDate endDate) {
    }

    public record DeleteAllocationInput(String id, Long version) {
    }

    public record AllocationPayload(Allocation allocation, List<UserError> userErrors) {
    }

    public record DeleteAllocationPayload(String deletedAllocationId, List<UserError> userErrors) {
    }

    /** GraphQL {@code ClientCapacity}: the client is resolved in one batch per request. */
    public record ClientCapacity(ClientId clientId, double allocatedDays, double share) {
    }

    public record MonthCapacityView(String month, int workingDays, double capacityDays, List<ClientCapacity> clients) {
    }

    public record AddPublicHolidaysInput(List<LocalDate> days, String label) {
    }

    public record RemovePublicHolidayInput(LocalDate day) {
    }

    public record PublicHolidaysPayload(List<LocalDate> days, List<UserError> userErrors) {
    }

    public record OverAllocatedWeek(TeamMemberId memberId, LocalDate weekStart, int peakPercent) {
    }

    private final StaffingService staffing;
    private final TeamService team;
    private final ProjectService projects;
    private final ClientService clients;

    public StaffingController(StaffingService staffing, TeamService team, ProjectService projects,
                              ClientService clients) {
        this.staffing = staffing;
        this.team = team;
        this.projects = projects;
        this.clients = clients;
    }

    @QueryMapping
    public Mono<Connection<Allocation>> allocations(@Argument Integer first, @Argument String after,
                                                    @Argument String projectId, @Argument String teamMemberId,
                                                    @Argument String clientId,
                                                    DataFetchingFieldSelectionSet selection) {
        return Connection.read(first, after, selection, (caller, page) -> staffing.list(caller,
                projectId(projectId), memberId(teamMemberId), ClientController.optionalId(clientId, "clientId"), page));
    }

    @QueryMapping
    public Mono<List<MonthCapacityView>> capacity(@Argument String from, @Argument Integer months) {
        return Callers.current().flatMap(caller -> staffing.capacity(caller,
                        CapacityCommand.of(from, months == null ? 6 : months)))
                .map(list -> list.stream().map(StaffingController::view).toList());
    }

    @QueryMapping
    public Mono<List<OverAllocatedWeek>> overAllocations(@Argument LocalDate from, @Argument LocalDate to) {
        return Callers.current().flatMap(caller -> staffing.overAllocated(caller,
                        new OverAllocationsCommand(from, to)))
                .map(weeks -> weeks.stream()
                        .map(w -> new OverAllocatedWeek(w.memberId(), w.monday(), w.peakPercent())).toList());
    }

    @QueryMapping
    public Mono<List<LocalDate>> publicHolidays(@Argument LocalDate from, @Argument LocalDate to) {
        return Callers.current().flatMap(caller -> staffing.holidays(caller,
                new PublicHolidaysCommand(from, to)));
    }

    @MutationMapping
    public Mono<PublicHolidaysPayload> addPublicHolidays(@Argument AddPublicHolidaysInput input) {
        return Mutations.asCaller(caller -> staffing.addHolidays(caller,
                        new AddPublicHolidaysCommand(input.days(), input.label())),
                days -> new PublicHolidaysPayload(input.days(), List.of()),
                errors -> new PublicHolidaysPayload(null, errors));
    }

    @MutationMapping
    public Mono<PublicHolidaysPayload> removePublicHoliday(@Argument RemovePublicHolidayInput input) {
        return Mutations.asCaller(caller -> staffing.removeHoliday(caller, input.day()),
                day -> new PublicHolidaysPayload(List.of(day), List.of()),
                errors -> new PublicHolidaysPayload(null, errors));
    }

    @SchemaMapping(typeName = TYPE)
    public LocalDate startDate(Allocation allocation) {
        return allocation.from();
    }

    @SchemaMapping(typeName = TYPE)
    public LocalDate endDate(Allocation allocation) {
        return allocation.to();
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Allocation, TeamMember>> teamMember(List<Allocation> batch) {
        return Batches.load(batch, Allocation::memberId, team::findAll);
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Allocation, Project>> project(List<Allocation> batch) {
        return Batches.load(batch, Allocation::projectId, projects::findAll);
    }

    @BatchMapping(typeName = "ClientCapacity")
    public Mono<Map<ClientCapacity, Client>> client(List<ClientCapacity> batch) {
        return Batches.load(batch, ClientCapacity::clientId, clients::findAll);
    }

    @BatchMapping(typeName = "OverAllocatedWeek", field = "teamMember")
    public Mono<Map<OverAllocatedWeek, TeamMember>> overAllocatedMember(List<OverAllocatedWeek> batch) {
        return Batches.load(batch, OverAllocatedWeek::memberId, team::findAll);
    }

    @MutationMapping
    public Mono<AllocationPayload> createAllocation(@Argument CreateAllocationInput input) {
        return Mutations.asCaller(
                caller -> staffing.create(caller, new CreateAllocationCommand(
                        memberId(input.teamMemberId()), projectId(input.projectId()), input.sharePercent(),
                        input.startDate(), input.endDate())),
                AllocationPayload::new);
    }

    @MutationMapping
    public Mono<AllocationPayload> updateAllocation(@Argument UpdateAllocationInput input) {
        return Mutations.asCaller(
                caller -> staffing.update(caller,
                        new AllocationId(GlobalId.decode(input.id(), TYPE, "id")), input.version(),
                        new AllocationDraft(memberId(input.teamMemberId()), projectId(input.projectId()),
                                input.sharePercent(), input.startDate(), input.endDate())),
                AllocationPayload::new);
    }

    @MutationMapping
    public Mono<DeleteAllocationPayload> deleteAllocation(@Argument DeleteAllocationInput input) {
        return Mutations.asCaller(
                caller -> staffing.delete(caller,
                        new AllocationId(GlobalId.decode(input.id(), TYPE, "id")), input.version()),
                deleted -> new DeleteAllocationPayload(GlobalId.of(TYPE, deleted.id().value()), List.of()),
                errors -> new DeleteAllocationPayload(null, errors));
    }

    private static TeamMemberId memberId(String id) {
        return TeamController.optionalId(id, "teamMemberId");
    }

    private static ProjectId projectId(String id) {
        return ProjectController.optionalId(id, "projectId");
    }

    private static MonthCapacityView view(MonthCapacity m) {
        return new MonthCapacityView(m.month().toString(), m.workingDays(), m.capacityDays().doubleValue(),
                m.clients().stream().map(c -> new ClientCapacity(c.clientId(), c.allocatedDays().doubleValue(),
                        c.share().doubleValue())).toList());
    }
}
