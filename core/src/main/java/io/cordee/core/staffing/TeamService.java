package io.cordee.core.staffing;

import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
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
    private static final BigDecimal MAX_FTE = new BigDecimal("1.5");
    private static final long MAX_AMOUNT_MINOR = 10_000_000_00L;

    private static final int MAX_ABSENCE_DAYS = 366;

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

    public Mono<TeamMember> create(Caller caller, TeamMemberDraft draft) {
        return Mono.fromCallable(() -> {
            caller.require(MANAGERS, "add team members");
            String name = trim(draft.name());
            BigDecimal fte = draft.fte() == null ? BigDecimal.ONE : draft.fte();
            validate(name, draft.jobTitle(), draft.skills(), fte, draft.monthlyLoadedCost(), draft.dailyBillRate(),
                    draft.startDate(), draft.endDate());
            return new TeamMember(new TeamMemberId(ids.newId()), caller.agencyId(), name, trim(draft.jobTitle()),
                    draft.skills(), fte, draft.monthlyLoadedCost(), draft.dailyBillRate(), draft.startDate(),
                    draft.endDate(), false, 0, List.of());
        }).flatMap(members::insert);
    }

    public Mono<TeamMember> update(Caller caller, TeamMemberId id, long expectedVersion, TeamMemberDraft changes) {
        return Mono.fromCallable(() -> caller.require(MANAGERS, "change team members"))
                .then(get(caller, id))
                .flatMap(current -> {
                    String name = changes.name() == null ? current.name() : trim(changes.name());
                    String job = changes.jobTitle() == null ? current.jobTitle() : trim(changes.jobTitle());
                    List<String> skills = changes.skills() == null ? current.skills() : changes.skills();
                    BigDecimal fte = changes.fte() == null ? current.fte() : changes.fte();
                    Money cost = changes.monthlyLoadedCost() == null ? current.monthlyLoadedCost()
                            : changes.monthlyLoadedCost();
                    Money rate = changes.dailyBillRate() == null ? current.dailyBillRate() : changes.dailyBillRate();
                    LocalDate start = changes.clearStartDate() ? null
                            : changes.startDate() == null ? current.startDate() : changes.startDate();
                    LocalDate end = changes.clearEndDate() ? null
                            : changes.endDate() == null ? current.endDate() : changes.endDate();
                    validate(name, job, skills, fte, cost, rate, start, end);
                    return write(new TeamMember(current.id(), current.agencyId(), name, job, skills, fte, cost, rate,
                            start, end, current.archived(), expectedVersion, current.absences()));
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

    /** Records an absence (OWNER, FINANCE: DESIGN lists absences with the team's data they keep). */
    public Mono<Absence> addAbsence(Caller caller, TeamMemberId memberId, AbsenceDraft draft) {
        return Mono.fromCallable(() -> caller.require(MANAGERS, "record absences"))
                .then(Mono.fromRunnable(() -> validateAbsence(draft.kind(), draft.from(), draft.to(), draft.note())))
                .then(get(caller, memberId))
                .flatMap(member -> absences.insert(new Absence(new AbsenceId(ids.newId()), caller.agencyId(),
                        member.id(), draft.kind(), draft.from(), draft.to(), trim(draft.note()), 0)));
    }

    public Mono<Absence> updateAbsence(Caller caller, AbsenceId id, long expectedVersion, AbsenceDraft changes) {
        return Mono.fromCallable(() -> caller.require(MANAGERS, "change absences"))
                .then(getAbsence(caller, id))
                .flatMap(current -> {
                    Absence.Kind kind = changes.kind() == null ? current.kind() : changes.kind();
                    LocalDate from = changes.from() == null ? current.from() : changes.from();
                    LocalDate to = changes.to() == null ? current.to() : changes.to();
                    String note = changes.note() == null ? current.note() : trim(changes.note());
                    validateAbsence(kind, from, to, note);
                    return absences.update(new Absence(current.id(), current.agencyId(), current.memberId(), kind,
                                    from, to, note, expectedVersion))
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

    private static void validateAbsence(Absence.Kind kind, LocalDate from, LocalDate to, String note) {
        Validator v = new Validator().required("kind", kind).required("from", from).required("to", to)
                .notBefore("to", to, "from", from).maxLength("note", note, 500);
        if (from != null && to != null && !to.isBefore(from)) {
            v.check(java.time.temporal.ChronoUnit.DAYS.between(from, to) < MAX_ABSENCE_DAYS, "to",
                    "an absence lasts at most " + MAX_ABSENCE_DAYS + " days; record a departure instead",
                    ErrorCode.OUT_OF_RANGE);
        }
        v.throwIfInvalid();
    }

    private Mono<TeamMember> get(Caller caller, TeamMemberId id) {
        return find(caller, id).switchIfEmpty(Mono.error(() -> new NotFound("TeamMember", id.value())));
    }

    private Mono<TeamMember> write(TeamMember changed) {
        return members.update(changed).switchIfEmpty(Mono.error(() -> new Conflict("TeamMember", changed.version())));
    }

    private static void validate(String name, String jobTitle, List<String> skills, BigDecimal fte, Money cost,
                                 Money rate, LocalDate start, LocalDate end) {
        Validator v = new Validator()
                .notBefore("endDate", end, "startDate", start)
                .requiredText("name", name, Validator.NAME_MAX_LENGTH)
                .maxLength("jobTitle", jobTitle, Validator.NAME_MAX_LENGTH)
                .check(fte.compareTo(BigDecimal.ZERO) > 0 && fte.compareTo(MAX_FTE) <= 0 && fte.scale() <= 2, "fte",
                        "must be more than 0 and at most " + MAX_FTE + ", with at most two decimals (got "
                                + fte.toPlainString() + ")", ErrorCode.OUT_OF_RANGE)
                .required("monthlyLoadedCost", cost)
                .required("dailyBillRate", rate);
        checkAmount(v, "monthlyLoadedCost", cost);
        checkAmount(v, "dailyBillRate", rate);
        List<String> s = skills == null ? List.of() : skills;
        v.check(s.size() <= 30, "skills", "at most 30 skills", ErrorCode.OUT_OF_RANGE);
        for (int i = 0; i < s.size() && i < 30; i++) {
            v.requiredText("skills[" + i + "]", s.get(i), 60);
        }
        v.throwIfInvalid();
    }

    private static void checkAmount(Validator v, String field, Money amount) {
        v.check(amount == null || (!amount.isNegative() && amount.minorUnits() <= MAX_AMOUNT_MINOR), field,
                "must be between 0 and " + MAX_AMOUNT_MINOR + " minor units", ErrorCode.OUT_OF_RANGE);
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
