package io.cordee.core.timesheet;

import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.TeamMemberRepository;
import io.cordee.core.staffing.WorkingCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Timesheets (issue 18 point 2, ADR 57): actual time imported from a time tracker's export, matched to team members
 * and projects, all or nothing; actual days beside allocated days per member and week; a project's budget burn.
 *
 * <p>A day is 8 hours (480 minutes). A day of a member costs their monthly loaded cost ÷ (the working days of that
 * month × their FTE): what the agency pays for one of the days they work that month.
 */
public final class TimesheetService {

    public static final int MINUTES_PER_DAY = 480;
    public static final int MAX_WEEKS = 26;
    private static final LocalDate EVER_FROM = LocalDate.of(1900, 1, 1);
    private static final LocalDate EVER_TO = LocalDate.of(9999, 12, 31);

    /** What an import did (or, on a dry run, would do); with issues, nothing was written. */
    public record Imported(int entries, long created, long unchanged, long minutes, List<TimesheetIssue> issues) {
    }

    /** One member's week on a project: actual and allocated days (two decimals). */
    public record WeekLine(TeamMemberId memberId, String memberName, LocalDate weekStart, BigDecimal actualDays,
                           BigDecimal allocatedDays) {
    }

    /** A project's budget burn; the money is null for a caller who does not see money (a LEAD). */
    public record BudgetBurn(Money feeBudget, BigDecimal actualDays, Money actualCost, Money invoiced) {
    }

    public record ProjectTimesheet(Project project, List<WeekLine> weeks, BudgetBurn burn) {
    }

    private final TimesheetRepository timesheets;
    private final TeamMemberRepository members;
    private final ClientRepository clients;
    private final ProjectRepository projects;
    private final AllocationRepository allocations;
    private final AgencyRepository agencies;
    private final TransactionRunner tx;
    private final IdGenerator ids;

    public TimesheetService(TimesheetRepository timesheets, TeamMemberRepository members, ClientRepository clients,
                            ProjectRepository projects, AllocationRepository allocations, AgencyRepository agencies,
                            TransactionRunner tx, IdGenerator ids) {
        this.timesheets = timesheets;
        this.members = members;
        this.clients = clients;
        this.projects = projects;
        this.allocations = allocations;
        this.agencies = agencies;
        this.tx = tx;
        this.ids = ids;
    }

    /**
     * Matches every row and, when all match and this is not a dry run, stores the new ones in ONE transaction.
     * {@code readIssues} are the reader's (bad dates, hours…): with any issue, nothing is written. The command checks
     * the rows when it is built (after the caller's role here, so a LEAD is refused before anything else).
     */
    public Mono<Imported> importRows(Caller caller, String source, List<TimesheetRow> rows,
                                     List<TimesheetIssue> readIssues, boolean dryRun) {
        return caller.command(Caller.MONEY_ROLES, "import timesheets",
                        () -> new ImportTimesheetCommand(source, rows, readIssues, dryRun))
                .flatMap(command -> importRows(caller, command));
    }

    /** Imports the command's rows as {@link #importRows(Caller, String, List, List, boolean)} tells. */
    public Mono<Imported> importRows(Caller caller, ImportTimesheetCommand command) {
        List<TimesheetRow> rows = command.rows();
        return Mono.fromCallable(() -> caller.require(Caller.MONEY_ROLES, "import timesheets"))
                .then(Mono.zip(members.findAll(caller.agencyId()).collectList(),
                        timesheets.staffUsers(caller.agencyId()).collectList(),
                        clients.findAll(caller.agencyId()).collectList()))
                .flatMap(t -> projects.findByClients(caller.agencyId(),
                                t.getT3().stream().map(Client::id).toList()).collectList()
                        .map(ps -> match(command.source(), rows, command.readIssues(), t.getT1(), t.getT2(),
                                t.getT3(), ps)))
                .flatMap(matched -> {
                    long minutes = matched.entries().stream().mapToLong(TimeEntry::minutes).sum();
                    if (!matched.issues().isEmpty()) {
                        return Mono.just(new Imported(rows.size(), 0, 0, minutes, matched.issues()));
                    }
                    if (command.dryRun()) {
                        return timesheets.existingKeys(caller.agencyId(),
                                        matched.entries().stream().map(TimeEntry::key).toList()).count()
                                .map(known -> new Imported(rows.size(), rows.size() - known, known, minutes,
                                        List.of()));
                    }
                    return tx.inTransaction(timesheets.insertNew(caller.agencyId(), matched.entries()))
                            .map(created -> new Imported(rows.size(), created, rows.size() - created, minutes,
                                    List.of()));
                });
    }

    record Matched(List<TimeEntry> entries, List<TimesheetIssue> issues) {
    }

    /** Pure: each row to a member and a project, or an issue at its row and column. */
    Matched match(String source, List<TimesheetRow> rows, List<TimesheetIssue> readIssues, List<TeamMember> team,
                  List<TimesheetRepository.StaffUser> users, List<Client> clientList, List<Project> projectList) {
        Map<String, List<TeamMember>> byName = team.stream().collect(Collectors.groupingBy(m -> norm(m.name())));
        Map<String, String> nameByEmail = users.stream().collect(Collectors.toMap(
                u -> u.email().toLowerCase(Locale.ROOT), TimesheetRepository.StaffUser::displayName, (a, b) -> a));
        Map<String, List<Client>> clientsByName = clientList.stream()
                .collect(Collectors.groupingBy(c -> norm(c.name())));
        Map<ClientId, List<Project>> projectsByClient = projectList.stream()
                .collect(Collectors.groupingBy(Project::clientId));
        List<TimesheetIssue> issues = new ArrayList<>(readIssues);
        List<TimeEntry> entries = new ArrayList<>();
        for (TimesheetRow row : rows) {
            TeamMember member = null;
            String viaEmail = row.email() == null ? null : nameByEmail.get(row.email().strip().toLowerCase(Locale.ROOT));
            List<TeamMember> candidates = viaEmail == null ? List.of() : byName.getOrDefault(norm(viaEmail), List.of());
            if (candidates.isEmpty() && row.person() != null) {
                candidates = byName.getOrDefault(norm(row.person()), List.of());
            }
            if (candidates.size() == 1) {
                member = candidates.get(0);
            } else if (candidates.size() > 1) {
                issues.add(new TimesheetIssue(row.row(), row.personColumn(), "\"" + row.person()
                        + "\" names " + candidates.size() + " team members: rename one"));
            } else {
                issues.add(new TimesheetIssue(row.row(), row.personColumn(), "no team member named \""
                        + row.person() + "\"" + (row.email() == null || row.email().isBlank() ? ""
                        : " nor a user with the e-mail " + row.email().strip())));
            }
            Project project = null;
            List<Project> inClient;
            if (row.client() == null || row.client().isBlank()) {
                inClient = projectList;
            } else {
                List<Client> cs = clientsByName.getOrDefault(norm(row.client()), List.of());
                if (cs.isEmpty()) {
                    issues.add(new TimesheetIssue(row.row(), row.clientColumn(), "no client named \""
                            + row.client() + "\""));
                }
                inClient = cs.stream().flatMap(c -> projectsByClient.getOrDefault(c.id(), List.of()).stream())
                        .toList();
                if (cs.isEmpty()) {
                    inClient = null;
                }
            }
            if (inClient != null) {
                List<Project> ps = inClient.stream().filter(p -> norm(p.name()).equals(norm(row.project())))
                        .toList();
                if (ps.size() == 1) {
                    project = ps.get(0);
                } else {
                    issues.add(new TimesheetIssue(row.row(), row.projectColumn(), ps.isEmpty()
                            ? "no project named \"" + row.project() + "\"" + (row.client() == null
                            || row.client().isBlank() ? "" : " for the client \"" + row.client() + "\"")
                            : "\"" + row.project() + "\" names " + ps.size() + " projects: give the client"));
                }
            }
            if (member != null && project != null) {
                entries.add(new TimeEntry(ids.newId(), member.id(), project.id(), row.date(), row.minutes(), source,
                        row.key()));
            }
        }
        issues.sort(java.util.Comparator.comparingInt(TimesheetIssue::row));
        return new Matched(entries, issues);
    }

    /** Lower case, no accents, single spaces: "  Élodie  Durand" and "elodie durand" are one name. */
    static String norm(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .strip().replaceAll("\\s+", " ");
    }

    /**
     * A project's timesheet: per member and week from the Monday of {@code from}'s week for {@code weeks} weeks,
     * actual beside allocated days; and its budget burn over all time. Agency staff; the money only for OWNER and
     * FINANCE. Empty when the project is not the caller's agency's. A caller outside the staff is refused before
     * the number of weeks is checked.
     */
    public Mono<ProjectTimesheet> projectTimesheet(Caller caller, ProjectId projectId, LocalDate from, int weeks) {
        return caller.command(Caller.STAFF_ROLES, "see timesheets",
                        () -> new ProjectTimesheetCommand(projectId, from, weeks))
                .flatMap(command -> projectTimesheet(caller, command));
    }

    /** The timesheet of {@link #projectTimesheet(Caller, ProjectId, LocalDate, int)}: the command holds the weeks. */
    public Mono<ProjectTimesheet> projectTimesheet(Caller caller, ProjectTimesheetCommand command) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "see timesheets"))
                .flatMap(ok -> weeksFrom(caller, command.projectId(), command.monday(), command.weeks()));
    }

    /** The timesheet of {@link #projectTimesheet(Caller, ProjectTimesheetCommand)} from its Monday. */
    private Mono<ProjectTimesheet> weeksFrom(Caller caller, ProjectId projectId, LocalDate monday, int weeks) {
        LocalDate sunday = monday.plusWeeks(weeks).minusDays(1);
        return projects.findById(caller.agencyId(), projectId).flatMap(project -> Mono.zip(
                        timesheets.actuals(caller.agencyId(), List.of(projectId), EVER_FROM, EVER_TO).collectList(),
                        allocations.findByProjects(caller.agencyId(), List.of(projectId)).collectList(),
                        members.findAll(caller.agencyId()).collectMap(TeamMember::id, Function.identity()),
                        timesheets.invoiced(caller.agencyId(), List.of(projectId))
                                .map(TimesheetRepository.Invoiced::minor).reduce(0L, Long::sum))
                .flatMap(t -> {
                    LocalDate first = t.getT1().stream().map(TimeEntry::date).min(LocalDate::compareTo)
                            .orElse(monday);
                    LocalDate last = t.getT1().stream().map(TimeEntry::date).max(LocalDate::compareTo)
                            .orElse(sunday);
                    LocalDate hFrom = first.isBefore(monday) ? first : monday;
                    LocalDate hTo = last.isAfter(sunday) ? last : sunday;
                    return agencies.holidays(caller.agencyId(), hFrom.withDayOfMonth(1),
                                    YearMonth.from(hTo).atEndOfMonth()).collect(Collectors.toSet())
                            .map(holidays -> {
                                WorkingCalendar calendar = new WorkingCalendar(holidays);
                                List<WeekLine> lines = weeks(t.getT1(), t.getT2(), t.getT3(), calendar, monday,
                                        weeks);
                                BigDecimal days = days(t.getT1().stream().mapToLong(TimeEntry::minutes).sum());
                                BudgetBurn burn = caller.seesMoney()
                                        ? new BudgetBurn(project.feeBudget(), days,
                                        cost(t.getT1(), t.getT3(), calendar, project.feeBudget().currency()),
                                        new Money(t.getT4(), project.feeBudget().currency()))
                                        : new BudgetBurn(project.feeBudget(), days, null, null);
                                return new ProjectTimesheet(project, lines, burn);
                            });
                }));
    }

    static BigDecimal days(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(MINUTES_PER_DAY), 2, RoundingMode.HALF_UP);
    }

    /**
     * Pure: per member and week, actual days (minutes ÷ 480) and allocated days (Σ share × FTE × the working days
     * of the week inside the allocation), both to two decimals; only the weeks where one of them is not zero.
     */
    static List<WeekLine> weeks(List<TimeEntry> actuals, List<Allocation> allocs, Map<TeamMemberId, TeamMember> team,
                                WorkingCalendar calendar, LocalDate monday, int weeks) {
        record Key(TeamMemberId member, LocalDate week) {
        }
        Map<Key, long[]> minutes = new java.util.HashMap<>();
        LocalDate end = monday.plusWeeks(weeks).minusDays(1);
        for (TimeEntry e : actuals) {
            if (!e.date().isBefore(monday) && !e.date().isAfter(end)) {
                LocalDate w = e.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                minutes.computeIfAbsent(new Key(e.memberId(), w), k -> new long[1])[0] += e.minutes();
            }
        }
        Map<Key, BigDecimal> allocated = new java.util.HashMap<>();
        for (Allocation a : allocs) {
            TeamMember m = team.get(a.memberId());
            BigDecimal fte = m == null ? BigDecimal.ONE : m.fte();
            for (int i = 0; i < weeks; i++) {
                LocalDate w = monday.plusWeeks(i);
                LocalDate wEnd = w.plusDays(6);
                LocalDate f = a.from().isAfter(w) ? a.from() : w;
                LocalDate to = a.to().isBefore(wEnd) ? a.to() : wEnd;
                int wd = calendar.workingDays(f, to);
                if (wd > 0) {
                    allocated.merge(new Key(a.memberId(), w), BigDecimal.valueOf(a.sharePercent())
                            .multiply(fte).multiply(BigDecimal.valueOf(wd)), BigDecimal::add);
                }
            }
        }
        Set<Key> keys = new HashSet<>(minutes.keySet());
        keys.addAll(allocated.keySet());
        Map<String, WeekLine> sorted = new TreeMap<>();
        for (Key k : keys) {
            String name = team.containsKey(k.member()) ? team.get(k.member()).name() : "";
            sorted.put(k.week() + "|" + name + "|" + k.member().value(), new WeekLine(k.member(), name, k.week(),
                    days(minutes.containsKey(k) ? minutes.get(k)[0] : 0),
                    allocated.getOrDefault(k, BigDecimal.ZERO).divide(BigDecimal.valueOf(100), 2,
                            RoundingMode.HALF_UP)));
        }
        return List.copyOf(sorted.values());
    }

    /**
     * Pure: the loaded cost of the actual time, to the cent. Per member and month: minutes × monthly loaded cost ÷
     * (480 × the month's working days × FTE), summed exactly and rounded once at the end (half up).
     */
    static Money cost(List<TimeEntry> actuals, Map<TeamMemberId, TeamMember> team, WorkingCalendar calendar,
                      java.util.Currency currency) {
        record Key(TeamMemberId member, YearMonth month) {
        }
        Map<Key, Long> minutes = new java.util.HashMap<>();
        for (TimeEntry e : actuals) {
            minutes.merge(new Key(e.memberId(), YearMonth.from(e.date())), (long) e.minutes(), Long::sum);
        }
        BigDecimal cents = BigDecimal.ZERO;
        for (Map.Entry<Key, Long> e : minutes.entrySet()) {
            TeamMember m = team.get(e.getKey().member());
            int wd = calendar.workingDays(e.getKey().month());
            if (m == null || wd == 0) {
                continue;
            }
            cents = cents.add(BigDecimal.valueOf(e.getValue())
                    .multiply(BigDecimal.valueOf(m.monthlyLoadedCost().minorUnits()))
                    .divide(BigDecimal.valueOf((long) MINUTES_PER_DAY * wd).multiply(m.fte()), 10,
                            RoundingMode.HALF_UP));
        }
        return new Money(cents.setScale(0, RoundingMode.HALF_UP).longValueExact(), currency);
    }
}
