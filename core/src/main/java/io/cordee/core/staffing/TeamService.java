package io.cordee.core.staffing;

import io.cordee.core.common.Conflict;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Use cases of the team. Agency staff see the team; a {@code CLIENT} user does not. Costs are
 * internal: they are read only by roles that see money (the API hides them from the others), and
 * only those roles manage the team.
 */
public final class TeamService {

    private static final Set<Role> MANAGERS = EnumSet.of(Role.OWNER, Role.FINANCE);

    private final TeamMemberRepository members;
    private final AbsenceRepository absences;
    private final io.cordee.core.agency.AgencyRepository agencies;
    private final IdGenerator ids;

    public TeamService(TeamMemberRepository members, AbsenceRepository absences,
                       io.cordee.core.agency.AgencyRepository agencies, IdGenerator ids) {
        this.members = members;
        this.absences = absences;
        this.agencies = agencies;
        this.ids = ids;
    }

    /**
     * Each current member's capacity in {@code month} (archived members left out), by name: two reads
     * (the team with its absences, the month's holidays) whatever the team's size. Agency staff only.
     */
    public Mono<List<MemberCapacity>> capacity(Caller caller, java.time.YearMonth month) {
        return caller.command(Caller.STAFF_ROLES, "see the team", () -> new TeamCapacityCommand(month))
                .flatMap(command -> capacity(caller, command));
    }

    /** Each current member's capacity in the command's month: see {@link #capacity(Caller, java.time.YearMonth)}. */
    public Mono<List<MemberCapacity>> capacity(Caller caller, TeamCapacityCommand command) {
        java.time.YearMonth month = command.month();
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see the team"))
                .then(Mono.zip(members.findAll(caller.agencyId()).filter(m -> !m.archived()).collectList(),
                        agencies.holidays(caller.agencyId(), month.atDay(1), month.atEndOfMonth()).collectList()))
                .map(t -> {
                    WorkingCalendar calendar = new WorkingCalendar(new java.util.HashSet<>(t.getT2()));
                    return t.getT1().stream().map(m -> MemberCapacity.of(m, month, calendar)).toList();
                });
    }

    public Mono<Page<TeamMember>> list(Caller caller, boolean includeArchived, PageRequest page) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see the team"))
                .then(members.findPage(caller.agencyId(), includeArchived, page));
    }

    public Mono<TeamMember> find(Caller caller, TeamMemberId id) {
        if (!caller.hasAnyRole(Caller.STAFF_ROLES)) {
            return Mono.empty();
        }
        return members.findById(caller.agencyId(), id);
    }

    /** The given members, by id, in one read; empty for callers who may not see the team. */
    public Mono<java.util.Map<TeamMemberId, TeamMember>> findAll(Caller caller, java.util.Collection<TeamMemberId> ids) {
        if (!caller.hasAnyRole(Caller.STAFF_ROLES) || ids.isEmpty()) {
            return Mono.just(java.util.Map.of());
        }
        return members.findAllById(caller.agencyId(), ids.stream().distinct().toList())
                .collectMap(TeamMember::id, m -> m);
    }

    /**
     * Adds a member from a draft. The command checks the input when it is built (after the caller's role here, so a
     * LEAD is refused before anything else).
     */
    public Mono<TeamMember> create(Caller caller, TeamMemberDraft draft) {
        return caller.command(MANAGERS, "add team members", () -> new CreateTeamMemberCommand(draft))
                .flatMap(command -> create(caller, command));
    }

    /** Adds a member to the team; the command holds the rules of its fields. */
    public Mono<TeamMember> create(Caller caller, CreateTeamMemberCommand command) {
        return Mono.fromCallable(() -> {
            caller.require(MANAGERS, "add team members");
            return new TeamMember(new TeamMemberId(ids.newId()), caller.agencyId(), command.name(), command.jobTitle(),
                    command.skills(), command.fte(), command.monthlyLoadedCost(), command.dailyBillRate(),
                    command.startDate(), command.endDate(), false, 0, List.of());
        }).flatMap(members::insert);
    }

    /** Changes a member: the given fields merged into it must pass the rules of a new one. */
    public Mono<TeamMember> update(Caller caller, TeamMemberId id, long expectedVersion, TeamMemberDraft changes) {
        return Mono.fromCallable(() -> caller.require(MANAGERS, "change team members"))
                .then(get(caller, id))
                .flatMap(current -> {
                    CreateTeamMemberCommand next = new CreateTeamMemberCommand(
                            changes.name() == null ? current.name() : changes.name(),
                            changes.jobTitle() == null ? current.jobTitle() : changes.jobTitle(),
                            changes.skills() == null ? current.skills() : changes.skills(),
                            changes.fte() == null ? current.fte() : changes.fte(),
                            changes.monthlyLoadedCost() == null ? current.monthlyLoadedCost()
                                    : changes.monthlyLoadedCost(),
                            changes.dailyBillRate() == null ? current.dailyBillRate() : changes.dailyBillRate(),
                            changes.clearStartDate() ? null
                                    : changes.startDate() == null ? current.startDate() : changes.startDate(),
                            changes.clearEndDate() ? null
                                    : changes.endDate() == null ? current.endDate() : changes.endDate());
                    return write(new TeamMember(current.id(), current.agencyId(), next.name(), next.jobTitle(),
                            next.skills(), next.fte(), next.monthlyLoadedCost(), next.dailyBillRate(),
                            next.startDate(), next.endDate(), current.archived(), expectedVersion,
                            current.absences()));
                });
    }

    public Mono<TeamMember> archive(Caller caller, TeamMemberId id, long expectedVersion) {
        return Mono.fromCallable(() -> caller.require(MANAGERS, "archive team members"))
                .then(get(caller, id))
                .flatMap(m -> write(new TeamMember(m.id(), m.agencyId(), m.name(), m.jobTitle(), m.skills(), m.fte(),
                        m.monthlyLoadedCost(), m.dailyBillRate(), m.startDate(), m.endDate(), true, expectedVersion,
                        m.absences())));
    }

    /** The absences of the given members, in one read; empty for callers who may not see the team. */
    public Mono<java.util.Map<TeamMemberId, java.util.Collection<Absence>>> absencesOf(
            Caller caller, java.util.Collection<TeamMemberId> memberIds) {
        if (!caller.hasAnyRole(Caller.STAFF_ROLES) || memberIds.isEmpty()) {
            return Mono.just(java.util.Map.of());
        }
        return absences.findByMembers(caller.agencyId(), memberIds.stream().distinct().toList())
                .collectMultimap(Absence::memberId);
    }

    /**
     * Records an absence (OWNER, FINANCE: DESIGN lists absences with the team's data they keep). The command checks
     * the input when it is built (after the caller's role here).
     */
    public Mono<Absence> addAbsence(Caller caller, TeamMemberId memberId, AbsenceDraft draft) {
        return caller.command(MANAGERS, "record absences", () -> new AddAbsenceCommand(memberId, draft))
                .flatMap(command -> addAbsence(caller, command));
    }

    /** Records an absence: the command holds the rules of its fields; the member is checked to be the agency's. */
    public Mono<Absence> addAbsence(Caller caller, AddAbsenceCommand command) {
        return Mono.fromCallable(() -> caller.require(MANAGERS, "record absences"))
                .then(get(caller, command.memberId()))
                .flatMap(member -> absences.insert(new Absence(new AbsenceId(ids.newId()), caller.agencyId(),
                        member.id(), command.kind(), command.from(), command.to(), command.note(), 0)));
    }

    /** Changes an absence: the given fields merged into it must pass the rules of a new one. */
    public Mono<Absence> updateAbsence(Caller caller, AbsenceId id, long expectedVersion, AbsenceDraft changes) {
        return Mono.fromCallable(() -> caller.require(MANAGERS, "change absences"))
                .then(getAbsence(caller, id))
                .flatMap(current -> {
                    AddAbsenceCommand next = new AddAbsenceCommand(current.memberId(),
                            changes.kind() == null ? current.kind() : changes.kind(),
                            changes.from() == null ? current.from() : changes.from(),
                            changes.to() == null ? current.to() : changes.to(),
                            changes.note() == null ? current.note() : changes.note().strip());
                    return absences.update(new Absence(current.id(), current.agencyId(), current.memberId(),
                                    next.kind(), next.from(), next.to(), next.note(), expectedVersion))
                            .switchIfEmpty(Mono.error(() -> new Conflict("Absence", expectedVersion)));
                });
    }

    /** Removes an absence; returns the removed one. */
    public Mono<Absence> removeAbsence(Caller caller, AbsenceId id, long expectedVersion) {
        return Mono.fromCallable(() -> caller.require(MANAGERS, "remove absences"))
                .then(getAbsence(caller, id))
                .flatMap(current -> absences.delete(caller.agencyId(), id, expectedVersion)
                        .flatMap(deleted -> deleted ? Mono.just(current)
                                : Mono.error(new Conflict("Absence", expectedVersion))));
    }

    private Mono<Absence> getAbsence(Caller caller, AbsenceId id) {
        Mono<Absence> found = caller.hasAnyRole(Caller.STAFF_ROLES) ? absences.findById(caller.agencyId(), id)
                : Mono.empty();
        return found.switchIfEmpty(Mono.error(() -> new NotFound("Absence", id.value())));
    }

    private Mono<TeamMember> get(Caller caller, TeamMemberId id) {
        return find(caller, id).switchIfEmpty(Mono.error(() -> new NotFound("TeamMember", id.value())));
    }

    private Mono<TeamMember> write(TeamMember changed) {
        return members.update(changed).switchIfEmpty(Mono.error(() -> new Conflict("TeamMember", changed.version())));
    }
}
