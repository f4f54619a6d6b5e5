package io.cordee.core.staffing;

import io.cordee.core.common.Computations;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.FieldError;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Use cases of staffing: allocations (create, change, delete, list), the monthly capacity with each
 * client's share, and over-allocated weeks. For agency staff only: a client never sees staffing.
 */
public final class StaffingService {

    /** Who keeps the agency's calendar of public holidays. */
    private static final java.util.Set<io.cordee.core.identity.Role> CALENDAR_KEEPERS =
            java.util.EnumSet.of(io.cordee.core.identity.Role.OWNER);

    public static final int MAX_MONTHS = 24;

    private final AllocationRepository allocations;
    private final TeamMemberRepository members;
    private final ProjectRepository projects;
    private final AgencyRepository agencies;
    private final IdGenerator ids;

    private final Computations computations;

    public StaffingService(AllocationRepository allocations, TeamMemberRepository members, ProjectRepository projects,
                           AgencyRepository agencies, IdGenerator ids, Computations computations) {
        this.computations = computations;
        this.allocations = allocations;
        this.members = members;
        this.projects = projects;
        this.agencies = agencies;
        this.ids = ids;
    }

    public Mono<Page<Allocation>> list(Caller caller, ProjectId projectId, TeamMemberId memberId, ClientId clientId,
                                       PageRequest page) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see staffing"))
                .then(allocations.findPage(caller.agencyId(), projectId, memberId, clientId, page));
    }

    public Mono<Allocation> find(Caller caller, AllocationId id) {
        if (!caller.hasAnyRole(Caller.STAFF_ROLES)) {
            return Mono.empty();
        }
        return allocations.findById(caller.agencyId(), id);
    }

    /**
     * Allocates from a draft whose every field is given. The command checks the input when it is built (after the
     * caller's role here, so a CLIENT user is refused before anything else).
     */
    public Mono<Allocation> create(Caller caller, AllocationDraft draft) {
        return caller.command(Caller.STAFF_ROLES, "change staffing", () -> new CreateAllocationCommand(draft))
                .flatMap(command -> create(caller, command));
    }

    /** Allocates a member to a project: the command holds the rules of its fields; both are checked to exist. */
    public Mono<Allocation> create(Caller caller, CreateAllocationCommand command) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "change staffing"))
                .then(known(caller, command.memberId(), command.projectId()))
                .flatMap(ok -> allocations.insert(new Allocation(new AllocationId(ids.newId()), caller.agencyId(),
                        command.memberId(), command.projectId(), command.sharePercent(), command.from(), command.to(),
                        0)));
    }

    /** Changes an allocation: the given fields merged into it must pass the rules of a new one. */
    public Mono<Allocation> update(Caller caller, AllocationId id, long expectedVersion, AllocationDraft changes) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "change staffing"))
                .then(get(caller, id))
                .flatMap(current -> {
                    CreateAllocationCommand next = new CreateAllocationCommand(
                            or(changes.memberId(), current.memberId()), or(changes.projectId(), current.projectId()),
                            or(changes.sharePercent(), current.sharePercent()), or(changes.from(), current.from()),
                            or(changes.to(), current.to()));
                    return known(caller, next.memberId(), next.projectId())
                            .then(allocations.update(new Allocation(current.id(), current.agencyId(), next.memberId(),
                                    next.projectId(), next.sharePercent(), next.from(), next.to(), expectedVersion)))
                            .switchIfEmpty(Mono.error(() -> new Conflict("Allocation", expectedVersion)));
                });
    }

    public Mono<Allocation> delete(Caller caller, AllocationId id, long expectedVersion) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "change staffing"))
                .then(get(caller, id))
                .flatMap(current -> allocations.delete(caller.agencyId(), id, expectedVersion)
                        .flatMap(deleted -> deleted ? Mono.just(current)
                                : Mono.error(new Conflict("Allocation", expectedVersion))));
    }

    /** The agency's capacity for {@code months} months from {@code first}, with each client's share. */
    public Mono<List<MonthCapacity>> capacity(Caller caller, YearMonth first, int months) {
        return caller.command(Caller.STAFF_ROLES, "see capacity", () -> new CapacityCommand(first, months))
                .flatMap(command -> capacity(caller, command));
    }

    /** The agency's capacity over the command's months: the command holds the rules of the months. */
    public Mono<List<MonthCapacity>> capacity(Caller caller, CapacityCommand command) {
        YearMonth first = command.first();
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see capacity")).flatMap(ok -> {
            LocalDate from = first.atDay(1);
            LocalDate to = command.last().atEndOfMonth();
            Mono<List<TeamMember>> team = members.findAll(caller.agencyId()).collectList();
            Mono<List<Allocation>> overlapping = allocations.findOverlapping(caller.agencyId(), from, to).collectList();
            Mono<List<LocalDate>> holidays = agencies.holidays(caller.agencyId(), from, to).collectList();
            return Mono.zip(team, overlapping, holidays).flatMap(t -> {
                List<ProjectId> projectIds = t.getT2().stream().map(Allocation::projectId).distinct().toList();
                Mono<Map<ProjectId, ClientId>> clientOfProject = projectIds.isEmpty() ? Mono.just(Map.of())
                        : projects.findAllById(caller.agencyId(), projectIds)
                                .collectMap(Project::id, Project::clientId);
                return clientOfProject.flatMap(clients -> computations.run(() -> monthlyCapacity(t.getT1(),
                        t.getT2(), clients, new WorkingCalendar(new HashSet<>(t.getT3())), first, command.months())));
            });
        });
    }

    /** Weeks in which someone is allocated more than 100 % between two dates. */
    public Mono<List<OverAllocation.MemberWeek>> overAllocated(Caller caller, LocalDate from, LocalDate to) {
        return caller.command(Caller.STAFF_ROLES, "see staffing", () -> new OverAllocationsCommand(from, to))
                .flatMap(command -> overAllocated(caller, command));
    }

    /** Weeks in which someone is allocated more than 100 %: the command holds the rules of the dates. */
    public Mono<List<OverAllocation.MemberWeek>> overAllocated(Caller caller, OverAllocationsCommand command) {
        LocalDate from = command.from();
        LocalDate to = command.to();
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see staffing"))
                .flatMap(ok -> Mono.zip(allocations.findOverlapping(caller.agencyId(), from, to).collectList(),
                        agencies.holidays(caller.agencyId(), from, to).collectList()))
                .flatMap(t -> computations.run(() -> OverAllocation.weeks(t.getT1(), from, to,
                        new WorkingCalendar(new HashSet<>(t.getT2())))));
    }

    /** The agency's public holidays between two dates: days that count in nobody's capacity. */
    public Mono<List<LocalDate>> holidays(Caller caller, LocalDate from, LocalDate to) {
        return caller.command(Caller.STAFF_ROLES, "see the calendar", () -> new PublicHolidaysCommand(from, to))
                .flatMap(command -> holidays(caller, command));
    }

    /** The agency's public holidays between the command's dates. */
    public Mono<List<LocalDate>> holidays(Caller caller, PublicHolidaysCommand command) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see the calendar"))
                .then(agencies.holidays(caller.agencyId(), command.from(), command.to()).collectList());
    }

    /**
     * Adds public holidays (OWNER only); days already there stay as they are. The command is built after the
     * caller's role, so anyone else is refused before anything else.
     */
    public Mono<List<LocalDate>> addHolidays(Caller caller, List<LocalDate> days, String label) {
        return caller.command(CALENDAR_KEEPERS, "change the calendar", () -> new AddPublicHolidaysCommand(days, label))
                .flatMap(command -> addHolidays(caller, command));
    }

    /** Adds public holidays: the command holds the rules of the days and their label. */
    public Mono<List<LocalDate>> addHolidays(Caller caller, AddPublicHolidaysCommand command) {
        List<LocalDate> days = command.days();
        return Mono.fromCallable(() -> caller.require(CALENDAR_KEEPERS, "change the calendar"))
                .then(agencies.addHolidays(caller.agencyId(), new java.util.TreeSet<>(days), command.label()))
                .then(agencies.holidays(caller.agencyId(), days.get(0), days.get(days.size() - 1)).collectList());
    }

    /** Removes a public holiday (OWNER only). */
    public Mono<LocalDate> removeHoliday(Caller caller, LocalDate day) {
        return Mono.fromCallable(() -> caller.require(CALENDAR_KEEPERS, "change the calendar"))
                .then(agencies.removeHoliday(caller.agencyId(), day))
                .flatMap(removed -> removed ? Mono.just(day)
                        : Mono.error(InvalidInput.of("day", day + " is not a public holiday of the agency",
                                ErrorCode.NOT_FOUND)));
    }

    /**
     * The capacity of {@code months} months from {@code first}, with each client's share: what {@link #capacity}
     * computes over the facts it reads, for a caller that holds them already (the daily alert evaluation reads them
     * in the agency cash picture). Pure. {@code allocations} may hold allocations outside the months (they count in
     * none: they are left out before the months are walked), and {@code calendar} holidays outside them;
     * {@code clientOfProject} must map the allocations' projects.
     */
    public static List<MonthCapacity> monthlyCapacity(List<TeamMember> team, Collection<Allocation> allocations,
                                                      Map<ProjectId, ClientId> clientOfProject,
                                                      WorkingCalendar calendar, YearMonth first, int months) {
        Map<TeamMemberId, TeamMember> byId = team.stream()
                .collect(Collectors.toMap(TeamMember::id, Function.identity()));
        LocalDate from = first.atDay(1);
        LocalDate to = first.plusMonths(months - 1L).atEndOfMonth();
        List<Allocation> overlapping = allocations.stream().filter(a -> a.overlaps(from, to)).toList();
        List<MonthCapacity> result = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            YearMonth month = first.plusMonths(i);
            BigDecimal capacity = CapacityShare.totalCapacity(team, month, calendar);
            Map<ClientId, BigDecimal> days = CapacityShare.allocatedDays(overlapping, byId, clientOfProject, month,
                    calendar);
            List<MonthCapacity.ClientLoad> loads = days.entrySet().stream()
                    .map(e -> new MonthCapacity.ClientLoad(e.getKey(), e.getValue(),
                            CapacityShare.share(e.getValue(), capacity)))
                    .sorted(Comparator.comparing(MonthCapacity.ClientLoad::allocatedDays).reversed()
                            .thenComparing(l -> l.clientId().value()))
                    .toList();
            result.add(new MonthCapacity(month, calendar.workingDays(month), capacity, loads));
        }
        return result;
    }

    private Mono<Allocation> get(Caller caller, AllocationId id) {
        return find(caller, id).switchIfEmpty(Mono.error(() -> new NotFound("Allocation", id.value())));
    }

    /** That the member and the project exist in the caller's agency (their fields hold: a command's). */
    private Mono<Boolean> known(Caller caller, TeamMemberId memberId, ProjectId projectId) {
        return Mono.defer(() -> {
            Mono<Boolean> member = members.findById(caller.agencyId(), memberId).hasElement();
            Mono<Boolean> project = projects.findById(caller.agencyId(), projectId).hasElement();
            return Mono.zip(member, project).flatMap(t -> {
                List<FieldError> missing = new ArrayList<>();
                if (!t.getT1()) {
                    missing.add(new FieldError("teamMemberId", "no such team member",
                            ErrorCode.NOT_FOUND));
                }
                if (!t.getT2()) {
                    missing.add(new FieldError("projectId", "no such project",
                            ErrorCode.NOT_FOUND));
                }
                return missing.isEmpty() ? Mono.just(true) : Mono.error(new InvalidInput(missing));
            });
        });
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
