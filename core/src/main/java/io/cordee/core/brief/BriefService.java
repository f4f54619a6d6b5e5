package io.cordee.core.brief;

import io.cordee.core.common.Computations;
import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserRepository;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectService;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.TeamMemberRepository;
import io.cordee.core.staffing.WorkingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Use cases of briefs: read them (agency staff: all; a CLIENT user: only their own client's projects'
 * briefs), create and edit them, sign them off, compare two versions, and assess a version's
 * feasibility.
 *
 * <p>The rules of versions and signatures (docs/adr/0006-brief-versions-and-sign-off.md):
 * <ul>
 *   <li>only the latest version of a brief can be edited or signed; anything else is
 *       {@link ErrorCode#STALE_VERSION};</li>
 *   <li>editing a {@code DRAFT} changes it in place and clears its signatures: what was signed is no
 *       longer what is written;</li>
 *   <li>editing an {@code AGREED} version creates the next version, a {@code DRAFT} copied from it with
 *       the change; the agreed version stays agreed until its successor is agreed, then it is
 *       {@code SUPERSEDED};</li>
 *   <li>the agency signs through an OWNER or a LEAD, the client through a CLIENT user of the
 *       project's client; the version is {@code AGREED} when both parties have signed it;</li>
 *   <li>every edit and signature takes the {@code version} the caller read: a stale one is a
 *       {@link Conflict} and writes nothing; a party signs exactly the text they read. A signature does
 *       not change the version (the text is the same), the agreement does;</li>
 *   <li>clients read and sign; they never edit (a brief is the agency's proposal, the client's word is
 *       the signature or the conversation that leads to the next edit). FINANCE reads.</li>
 * </ul>
 */
public final class BriefService {

    /** Who writes briefs and signs them for the agency. */
    public static final Set<Role> EDITORS = EnumSet.of(Role.OWNER, Role.LEAD);

    private final BriefRepository briefs;
    private final ProjectService projects;
    private final AllocationRepository allocations;
    private final TeamMemberRepository members;
    private final AgencyRepository agencies;
    private final UserRepository users;
    private final TransactionRunner tx;
    private final IdGenerator ids;
    private final Clock clock;

    private final Computations computations;

    public BriefService(BriefRepository briefs, ProjectService projects, AllocationRepository allocations,
                        TeamMemberRepository members, AgencyRepository agencies, UserRepository users,
                        TransactionRunner tx, IdGenerator ids, Clock clock, Computations computations) {
        this.computations = computations;
        this.briefs = briefs;
        this.projects = projects;
        this.allocations = allocations;
        this.members = members;
        this.agencies = agencies;
        this.users = users;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
    }

    // ---- reading

    public Mono<Page<Brief>> list(Caller caller, ProjectId projectId, PageRequest page) {
        return briefs.findPage(caller.agencyId(), projectId, caller.isClientUser() ? caller.clientId() : null, page);
    }

    public Mono<Brief> find(Caller caller, BriefId id) {
        return briefs.findById(caller.agencyId(), id)
                .filterWhen(b -> projects.find(caller, b.projectId()).hasElement());
    }

    /** The given briefs the caller may see, by id, in two reads. */
    public Mono<Map<BriefId, Brief>> findAll(Caller caller, Collection<BriefId> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return briefs.findAllById(caller.agencyId(), ids.stream().distinct().toList()).collectList()
                .flatMap(list -> visible(caller, list, Brief::projectId))
                .map(list -> list.stream().collect(Collectors.toMap(Brief::id, Function.identity())));
    }

    /** The briefs of each of the given projects the caller may see, in one read (two for a client). */
    public Mono<Map<ProjectId, List<Brief>>> byProjects(Caller caller, Collection<ProjectId> projectIds) {
        if (projectIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return briefs.findByProjects(caller.agencyId(), projectIds.stream().distinct().toList()).collectList()
                .flatMap(list -> caller.isClientUser() ? visible(caller, list, Brief::projectId) : Mono.just(list))
                .map(list -> list.stream().collect(Collectors.groupingBy(Brief::projectId)));
    }

    /** The versions of visible briefs (the caller got the briefs through this service), by brief, oldest first. */
    public Mono<Map<BriefId, List<BriefVersion>>> versions(Caller caller, Collection<BriefId> briefIds) {
        if (briefIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return briefs.findVersions(caller.agencyId(), briefIds.stream().distinct().toList()).collectList()
                .map(list -> list.stream().collect(Collectors.groupingBy(BriefVersion::briefId)));
    }

    public Mono<BriefVersion> findVersion(Caller caller, BriefVersionId id) {
        return briefs.findVersion(caller.agencyId(), id)
                .filterWhen(v -> find(caller, v.briefId()).hasElement());
    }

    /** The requirements of versions the caller got through this service, by version, in their order. */
    public Mono<Map<BriefVersionId, List<Requirement>>> requirements(Caller caller,
                                                                     Collection<BriefVersionId> versionIds) {
        return versionIds.isEmpty() ? Mono.just(Map.of())
                : briefs.findRequirements(caller.agencyId(), versionIds.stream().distinct().toList());
    }

    /** The signatures of versions the caller got through this service, by version. */
    public Mono<Map<BriefVersionId, List<Signature>>> signatures(Caller caller,
                                                                 Collection<BriefVersionId> versionIds) {
        if (versionIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return briefs.findSignatures(caller.agencyId(), versionIds.stream().distinct().toList()).collectList()
                .map(list -> list.stream().collect(Collectors.groupingBy(Signature::versionId)));
    }

    /** Two versions of one brief and what changed in their requirements from the first to the second. */
    public record VersionComparison(BriefVersion from, BriefVersion to, BriefComparison.Diff diff) {
    }

    /** What changed from version {@code from} to version {@code to} of the same brief. */
    public Mono<VersionComparison> compare(Caller caller, BriefVersionId from, BriefVersionId to) {
        return Mono.zip(getVersion(caller, from), getVersion(caller, to))
                .flatMap(t -> {
                    if (!t.getT1().briefId().equals(t.getT2().briefId())) {
                        return Mono.error(InvalidInput.of("to", "is a version of another brief",
                                ErrorCode.INVALID_ID));
                    }
                    return requirements(caller, List.of(from, to)).flatMap(reqs -> computations.run(() ->
                            new VersionComparison(t.getT1(), t.getT2(), BriefComparison.compare(
                                    reqs.getOrDefault(from, List.of()), reqs.getOrDefault(to, List.of())))));
                });
    }

    // ---- writing

    /**
     * A new brief with its version 1, a draft. The command is built here, once the project is read: its dates may
     * not precede the project's start, reported with the other fields' rules in one answer.
     */
    public Mono<Brief> create(Caller caller, ProjectId projectId, String title, BriefVersionDraft draft) {
        return Mono.fromCallable(() -> caller.require(EDITORS, "write briefs"))
                .then(project(caller, projectId))
                .flatMap(project -> insert(caller, new CreateBriefCommand(projectId, title, draft,
                        project.startDate())));
    }

    /**
     * A new brief with its version 1, a draft: the command holds the rules of its fields. Its dates are checked
     * again against the start the project has now, should the command have been built against another.
     */
    public Mono<Brief> create(Caller caller, CreateBriefCommand command) {
        return Mono.fromCallable(() -> caller.require(EDITORS, "write briefs"))
                .then(project(caller, command.projectId()))
                .flatMap(project -> insert(caller, java.util.Objects.equals(project.startDate(),
                        command.content().projectStart()) ? command : new CreateBriefCommand(command.projectId(),
                        command.title(), startingOn(command.content(), project.startDate()))));
    }

    private Mono<Project> project(Caller caller, ProjectId projectId) {
        return projects.find(caller, projectId)
                .switchIfEmpty(Mono.error(() -> InvalidInput.of("projectId", "no such project", ErrorCode.NOT_FOUND)));
    }

    private Mono<Brief> insert(Caller caller, CreateBriefCommand command) {
        BriefVersionCommand content = command.content();
        List<Requirement> requirements = content.requirements(() -> ids.newId().toString());
        Brief brief = new Brief(new BriefId(ids.newId()), caller.agencyId(), command.projectId(), command.title(), 0);
        BriefVersion first = new BriefVersion(new BriefVersionId(ids.newId()), caller.agencyId(),
                brief.id(), 1, BriefStatus.DRAFT, content.objectives(), content.targetUsers(),
                content.constraints(), content.assumptions(), content.outOfScope(), content.launchDate(),
                content.communicationPlanDate(), 0);
        return tx.inTransaction(briefs.insert(brief)
                .flatMap(saved -> briefs.insertVersion(first, requirements == null ? List.of()
                        : requirements).thenReturn(saved)));
    }

    private static BriefVersionCommand startingOn(BriefVersionCommand c, LocalDate projectStart) {
        return new BriefVersionCommand(c.objectives(), c.targetUsers(), c.requirements(), c.constraints(),
                c.assumptions(), c.outOfScope(), c.launchDate(), c.communicationPlanDate(), projectStart);
    }

    /**
     * Edits the latest version: a draft in place (its signatures cleared), an agreed version by creating
     * the next version. Returns the version that now holds the change.
     */
    public Mono<BriefVersion> update(Caller caller, BriefVersionId id, long expectedVersion,
                                     BriefVersionDraft changes) {
        return Mono.fromCallable(() -> caller.require(EDITORS, "edit briefs"))
                .then(getVersion(caller, id))
                .flatMap(current -> Mono.zip(latest(caller, current), briefs.findById(caller.agencyId(),
                                current.briefId()).flatMap(b -> projects.get(caller, b.projectId())))
                        .flatMap(t -> {
                            requireLatest(current, t.getT1());
                            if (current.version() != expectedVersion) {
                                return Mono.error(new Conflict("Brief version", expectedVersion));
                            }
                            BriefVersionCommand merged = new BriefVersionCommand(merge(changes, current),
                                    t.getT2().startDate());
                            List<Requirement> requirements = merged.requirements(() -> ids.newId().toString());
                            return current.status() == BriefStatus.DRAFT
                                    ? editDraft(current, merged, requirements, expectedVersion)
                                    : nextVersion(caller, current, merged, requirements);
                        }));
    }

    /** Signs the latest version for the caller's party; both parties signed makes it {@code AGREED}. */
    public Mono<BriefVersion> sign(Caller caller, BriefVersionId id, long expectedVersion) {
        return Mono.fromCallable(() -> party(caller))
                .flatMap(party -> getVersion(caller, id).flatMap(current -> latest(caller, current)
                        .flatMap(latest -> {
                            requireLatest(current, latest);
                            if (current.status() == BriefStatus.AGREED) {
                                return Mono.error(InvalidInput.of("id", "version " + current.number()
                                        + " is already agreed by both parties", ErrorCode.DUPLICATE));
                            }
                            if (current.version() != expectedVersion) {
                                return Mono.error(new Conflict("Brief version", expectedVersion));
                            }
                            return users.findById(caller.agencyId(), caller.userId())
                                    .switchIfEmpty(Mono.error(() -> new Forbidden("Unknown user")))
                                    .flatMap(user -> tx.inTransaction(
                                            briefs.lockDraft(caller.agencyId(), id, expectedVersion)
                                                    .switchIfEmpty(Mono.error(() -> new Conflict("Brief version",
                                                            expectedVersion)))
                                                    .flatMap(signed -> briefs.sign(caller.agencyId(), new Signature(
                                                                    id, party, caller.userId(), user.displayName(),
                                                                    clock.instant(), current.number()))
                                                            .then(agreeIfBothSigned(caller, signed)))));
                        })));
    }

    // ---- feasibility

    /**
     * The feasibility of each version, in a fixed number of reads whatever their number: person-days
     * allocated to the project from today (agency time zone) to the launch date against the Must +
     * Should estimates. Versions with no launch date (neither theirs nor their project's) are absent.
     */
    public Mono<Map<BriefVersionId, BriefFeasibility>> feasibility(Caller caller, Collection<BriefVersion> versions) {
        return feasibility(caller, versions, null);
    }

    /** As {@link #feasibility(Caller, Collection)}, with the requirements given rather than read when not null. */
    private Mono<Map<BriefVersionId, BriefFeasibility>> feasibility(Caller caller, Collection<BriefVersion> versions,
                                                                    Map<BriefVersionId, List<Requirement>> given) {
        if (versions.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<BriefVersion> list = versions.stream().distinct().toList();
        Mono<Map<BriefId, Brief>> briefsById = findAll(caller, list.stream().map(BriefVersion::briefId).toList());
        Mono<Map<BriefVersionId, List<Requirement>>> reqs = given != null ? Mono.just(given)
                : requirements(caller, list.stream().map(BriefVersion::id).toList());
        Mono<Agency> agency = agencies.findById(caller.agencyId());
        return Mono.zip(briefsById, reqs, agency).flatMap(t -> {
            Map<BriefId, Brief> byId = t.getT1();
            List<ProjectId> projectIds = byId.values().stream().map(Brief::projectId).distinct().toList();
            return Mono.zip(projects.findAll(caller, projectIds),
                            projectIds.isEmpty() ? Mono.just(List.<Allocation>of())
                                    : allocations.findByProjects(caller.agencyId(), projectIds).collectList(),
                            members.findAll(caller.agencyId()).collectMap(TeamMember::id, Function.identity()))
                    .flatMap(u -> {
                        LocalDate today = LocalDate.now(clock.withZone(t.getT3().settings().timeZone()));
                        LocalDate last = today;
                        for (Allocation a : u.getT2()) {
                            last = a.to().isAfter(last) ? a.to() : last;
                        }
                        for (BriefVersion v : list) {
                            LocalDate launch = v.launchDate();
                            last = launch != null && launch.isAfter(last) ? launch : last;
                        }
                        return agencies.holidays(caller.agencyId(), today, last).collectList()
                                .flatMap(holidays -> computations.run(() -> feasibility(list, new FeasibilityFacts(
                                        byId, t.getT2(), u.getT1(), u.getT2(), u.getT3(),
                                        new WorkingCalendar(new HashSet<>(holidays))), today, caller.seesMoney())));
                    });
        });
    }

    // ---- next versions, previews and suggestions (docs/adr/0060-brief-versions-previews-and-suggestions.md)

    /** The two remedies a feasibility names: the Should requirements to drop, or the earliest realistic launch. */
    public enum Suggestion {
        /** The requirements the feasibility suggests dropping become {@code WONT}: out of scope, kept in the brief. */
        DROP_REQUIREMENTS,
        /** The launch date becomes the earliest realistic one. */
        MOVE_LAUNCH
    }

    /**
     * Starts the next version of a brief from its current one, a draft or an agreed version: a draft with the
     * same content and requirements (same keys), no signatures. The version it comes from is kept as it was
     * and can no longer be edited or signed; its optimistic version moves so that an edit of it read before
     * is refused rather than written to a version that is no longer the current one.
     */
    public Mono<BriefVersion> startVersion(Caller caller, BriefVersionId id, long expectedVersion) {
        return Mono.fromCallable(() -> caller.require(EDITORS, "start brief versions"))
                .then(getVersion(caller, id))
                .flatMap(current -> latest(caller, current).flatMap(latest -> {
                    requireLatest(current, latest);
                    if (current.version() != expectedVersion) {
                        return Mono.error(new Conflict("Brief version", expectedVersion));
                    }
                    BriefVersion next = new BriefVersion(new BriefVersionId(ids.newId()), current.agencyId(),
                            current.briefId(), current.number() + 1, BriefStatus.DRAFT, current.objectives(),
                            current.targetUsers(), current.constraints(), current.assumptions(), current.outOfScope(),
                            current.launchDate(), current.communicationPlanDate(), 0);
                    return requirements(caller, List.of(current.id()))
                            .map(m -> m.getOrDefault(current.id(), List.of()))
                            .flatMap(reqs -> tx.inTransaction(
                                    briefs.setStatus(caller.agencyId(), current.id(), expectedVersion, current.status())
                                            .switchIfEmpty(Mono.error(() -> new Conflict("Brief version",
                                                    expectedVersion)))
                                            .flatMap(touched -> briefs.insertVersion(next, reqs))
                                            .switchIfEmpty(Mono.error(() -> new Conflict("Brief version",
                                                    expectedVersion)))));
                }));
    }

    /**
     * The feasibility the version would have with these requirements and this launch date (null: the
     * version's own) of the brief's current version, computed as for a saved version and written nowhere:
     * what an editor sees while typing.
     */
    public Mono<BriefFeasibility> previewFeasibility(Caller caller, BriefId briefId,
                                                     List<BriefVersionDraft.RequirementDraft> requirements,
                                                     LocalDate launchDate) {
        return Mono.fromCallable(() -> caller.require(EDITORS, "preview brief feasibility"))
                .then(find(caller, briefId))
                .switchIfEmpty(Mono.error(() -> new NotFound("Brief", briefId.value())))
                .flatMap(brief -> Mono.zip(briefs.findLatestVersion(caller.agencyId(), brief.id()),
                        projects.get(caller, brief.projectId())))
                .flatMap(t -> {
                    BriefVersion current = t.getT1();
                    Project project = t.getT2();
                    BriefVersionId id = current.id();
                    List<Requirement> given = new BriefVersionCommand(null, null, requirements, null, null,
                            null, launchDate, null, project.startDate()).requirements(() -> ids.newId().toString());
                    BriefVersion previewed = new BriefVersion(current.id(), current.agencyId(),
                            current.briefId(), current.number(), current.status(), current.objectives(),
                            current.targetUsers(), current.constraints(), current.assumptions(),
                            current.outOfScope(), or(launchDate, current.launchDate()),
                            current.communicationPlanDate(), current.version());
                    Mono<List<Requirement>> reqs = given != null ? Mono.just(given)
                            : requirements(caller, List.of(current.id()))
                                    .map(m -> m.getOrDefault(current.id(), List.of()));
                    return reqs.flatMap(list -> feasibility(caller, List.of(previewed),
                            Map.of(id, list))).flatMap(byId -> Mono.justOrEmpty(byId.get(id)));
                });
    }

    /**
     * Applies a remedy of the current version's feasibility through {@link #update}: the requirements it
     * suggests dropping become {@code WONT}, or the launch moves to the earliest realistic date. An agreed
     * version gets the change in its next version, as any edit does.
     */
    public Mono<BriefVersion> applySuggestion(Caller caller, BriefVersionId id, long expectedVersion,
                                              Suggestion suggestion) {
        return Mono.fromCallable(() -> caller.require(EDITORS, "edit briefs"))
                .then(Mono.defer(() -> suggestion == null ? Mono.error(InvalidInput.of("suggestion", "is required",
                        ErrorCode.REQUIRED)) : getVersion(caller, id)))
                .flatMap(current -> latest(caller, current).flatMap(latest -> {
                    requireLatest(current, latest);
                    if (current.version() != expectedVersion) {
                        return Mono.error(new Conflict("Brief version", expectedVersion));
                    }
                    return feasibility(caller, List.of(current)).map(byId -> java.util.Optional.ofNullable(
                                    byId.get(id)))
                            .flatMap(found -> {
                                BriefFeasibility f = found.orElseThrow(() -> noSuggestion(
                                        "the version has no launch date to assess it against"));
                                if (f.feasibility().verdict() == Feasibility.Verdict.REALISTIC) {
                                    throw noSuggestion("the version is already realistic");
                                }
                                return suggestion == Suggestion.MOVE_LAUNCH ? moveLaunch(caller, current, f)
                                        : dropRequirements(caller, current, f);
                            });
                }));
    }

    private Mono<BriefVersion> moveLaunch(Caller caller, BriefVersion current, BriefFeasibility f) {
        LocalDate earliest = f.feasibility().earliestRealisticLaunch();
        if (earliest == null) {
            return Mono.error(noSuggestion("the people allocated never give enough person-days: allocate more"));
        }
        return update(caller, current.id(), current.version(),
                new BriefVersionDraft(null, null, null, null, null, null, earliest, null));
    }

    private Mono<BriefVersion> dropRequirements(Caller caller, BriefVersion current, BriefFeasibility f) {
        if (f.toDrop().isEmpty()) {
            return Mono.error(noSuggestion("dropping Should requirements is not enough: the Musts alone do not fit"));
        }
        Set<String> drop = f.toDrop().stream().map(Requirement::key).collect(Collectors.toSet());
        return requirements(caller, List.of(current.id())).map(m -> m.getOrDefault(current.id(), List.of()))
                .flatMap(reqs -> update(caller, current.id(), current.version(), new BriefVersionDraft(null, null,
                        reqs.stream().map(r -> new BriefVersionDraft.RequirementDraft(r.key(), r.title(),
                                r.userStory(), drop.contains(r.key()) ? Priority.WONT : r.priority(),
                                r.estimateDays().toPlainString())).toList(), null, null, null, null, null)));
    }

    private static InvalidInput noSuggestion(String why) {
        return InvalidInput.of("suggestion", why, ErrorCode.NO_FEASIBILITY_SUGGESTION);
    }

    /**
     * What the feasibility of some brief versions reads besides the versions: their briefs by id, each version's
     * requirements, the briefs' projects by id, the allocations to those projects (allocations to other projects may
     * be there too: they count for none), the team by id, and the working calendar (its holidays from today to the
     * last launch or allocation end, at least). The maps are held as given, not copied: a caller may pass the agency
     * cash picture's.
     */
    public record FeasibilityFacts(Map<BriefId, Brief> briefs, Map<BriefVersionId, List<Requirement>> requirements,
                                   Map<ProjectId, Project> projects, Collection<Allocation> allocations,
                                   Map<TeamMemberId, TeamMember> team, WorkingCalendar calendar) {
    }

    /**
     * The feasibility of each version as of {@code today} over facts already read: the one computation behind
     * {@link #feasibility(Caller, Collection)} and the daily alert evaluation (which reads the facts in the agency
     * cash picture). Versions whose brief or project is missing, or with no launch date, are absent;
     * {@code withBudget}: whether the result prices the scope (for callers who see money). Pure.
     */
    public static Map<BriefVersionId, BriefFeasibility> feasibility(Collection<BriefVersion> versions,
                                                                    FeasibilityFacts facts, LocalDate today,
                                                                    boolean withBudget) {
        Set<ProjectId> assessed = new HashSet<>();
        for (BriefVersion v : versions) {
            Brief brief = facts.briefs().get(v.briefId());
            if (brief != null) {
                assessed.add(brief.projectId());
            }
        }
        Map<ProjectId, List<Allocation>> byProject = facts.allocations().stream()
                .filter(a -> assessed.contains(a.projectId()))
                .collect(Collectors.groupingBy(Allocation::projectId));
        Map<BriefVersionId, BriefFeasibility> result = new HashMap<>();
        for (BriefVersion v : versions) {
            Computations.checkpoint();
            Brief brief = facts.briefs().get(v.briefId());
            Project project = brief == null ? null : facts.projects().get(brief.projectId());
            if (project == null) {
                continue;
            }
            LocalDate launch = v.launchDate() != null ? v.launchDate() : project.launchDate();
            LocalDate commPlan = v.communicationPlanDate() != null ? v.communicationPlanDate()
                    : project.communicationPlanDate();
            if (launch == null) {
                continue;
            }
            List<Requirement> reqs = facts.requirements().getOrDefault(v.id(), List.of());
            Feasibility f = Feasibility.assess(reqs,
                    byProject.getOrDefault(project.id(), List.of()), facts.team(), facts.calendar(), today, launch,
                    commPlan, project.feeBudget());
            BriefFeasibility.Budget budget = withBudget
                    ? new BriefFeasibility.Budget(f.scopeValue(), project.feeBudget(), f.overBudget()) : null;
            List<Requirement> toDrop = reqs.stream().filter(r -> f.requirementsToDrop().contains(r.key())).toList();
            result.put(v.id(), new BriefFeasibility(v.id(), today, launch, commPlan, f, toDrop, budget));
        }
        return result;
    }

    // ---- helpers

    private Mono<BriefVersion> editDraft(BriefVersion current, BriefVersionCommand merged,
                                         List<Requirement> requirements, long expectedVersion) {
        BriefVersion next = new BriefVersion(current.id(), current.agencyId(), current.briefId(), current.number(),
                BriefStatus.DRAFT, merged.objectives(), merged.targetUsers(), merged.constraints(),
                merged.assumptions(), merged.outOfScope(), merged.launchDate(), merged.communicationPlanDate(),
                expectedVersion);
        return tx.inTransaction(briefs.updateVersion(next)
                .switchIfEmpty(Mono.error(() -> new Conflict("Brief version", expectedVersion)))
                .flatMap(saved -> (requirements == null ? Mono.<Void>empty()
                        : briefs.replaceRequirements(saved.agencyId(), saved.id(), requirements))
                        .then(briefs.clearSignatures(saved.agencyId(), saved.id()))
                        .thenReturn(saved)));
    }

    private Mono<BriefVersion> nextVersion(Caller caller, BriefVersion agreed, BriefVersionCommand merged,
                                           List<Requirement> requirements) {
        Mono<List<Requirement>> content = requirements != null ? Mono.just(requirements)
                : requirements(caller, List.of(agreed.id())).map(m -> m.getOrDefault(agreed.id(), List.of()));
        BriefVersion next = new BriefVersion(new BriefVersionId(ids.newId()), agreed.agencyId(), agreed.briefId(),
                agreed.number() + 1, BriefStatus.DRAFT, merged.objectives(), merged.targetUsers(),
                merged.constraints(), merged.assumptions(), merged.outOfScope(), merged.launchDate(),
                merged.communicationPlanDate(), 0);
        return content.flatMap(reqs -> tx.inTransaction(briefs.insertVersion(next, reqs))
                .switchIfEmpty(Mono.error(() -> new Conflict("Brief version", agreed.version()))));
    }

    private Mono<BriefVersion> agreeIfBothSigned(Caller caller, BriefVersion version) {
        return briefs.findSignatures(caller.agencyId(), List.of(version.id()))
                .map(Signature::party).collect(Collectors.toSet())
                .flatMap(parties -> parties.containsAll(EnumSet.allOf(Party.class))
                        ? briefs.setStatus(caller.agencyId(), version.id(), version.version(), BriefStatus.AGREED)
                                .switchIfEmpty(Mono.error(() -> new Conflict("Brief version", version.version())))
                                .flatMap(agreed -> briefs.supersedeOthers(caller.agencyId(), agreed.briefId(),
                                        agreed.id()).thenReturn(agreed))
                        : Mono.just(version));
    }

    private static Party party(Caller caller) {
        if (caller.isClientUser()) {
            return Party.CLIENT;
        }
        caller.require(EDITORS, "sign briefs for the agency");
        return Party.AGENCY;
    }

    private Mono<BriefVersion> getVersion(Caller caller, BriefVersionId id) {
        return findVersion(caller, id).switchIfEmpty(Mono.error(() -> new NotFound("Brief version", id.value())));
    }

    private Mono<BriefVersion> latest(Caller caller, BriefVersion version) {
        return briefs.findLatestVersion(caller.agencyId(), version.briefId());
    }

    private static void requireLatest(BriefVersion current, BriefVersion latest) {
        if (!latest.id().equals(current.id()) || current.status() == BriefStatus.SUPERSEDED) {
            throw InvalidInput.of("id", "version " + current.number() + " is not the current version of the brief"
                    + " (the current one is version " + latest.number() + "); reload it", ErrorCode.STALE_VERSION);
        }
    }

    private <T> Mono<List<T>> visible(Caller caller, List<T> items, Function<T, ProjectId> projectOf) {
        return projects.findAll(caller, items.stream().map(projectOf).toList())
                .map(seen -> items.stream().filter(i -> seen.containsKey(projectOf.apply(i))).toList());
    }

    private static BriefVersionDraft merge(BriefVersionDraft changes, BriefVersion current) {
        return new BriefVersionDraft(or(changes.objectives(), current.objectives()),
                or(changes.targetUsers(), current.targetUsers()), changes.requirements(),
                or(changes.constraints(), current.constraints()), or(changes.assumptions(), current.assumptions()),
                or(changes.outOfScope(), current.outOfScope()), or(changes.launchDate(), current.launchDate()),
                or(changes.communicationPlanDate(), current.communicationPlanDate()));
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
