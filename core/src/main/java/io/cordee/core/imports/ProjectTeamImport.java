package io.cordee.core.imports;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.identity.Caller;
import io.cordee.core.imports.ImportService.Columns;
import io.cordee.core.imports.ImportService.Findings;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.TeamMemberRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Projects and team members from a spreadsheet (ADR 56), planned like the other kinds of {@link ImportService}:
 * every cell checked with its row and column, then created, updated or skipped against what the agency has.
 * Natural keys: a project by its client and its name, a team member by their name (both case-insensitive; Cordée
 * keeps no e-mail for a team member). A project naming an unknown client creates it, as an invoice does.
 */
final class ProjectTeamImport {

    /** The most a person's FTE may be, as {@code CreateTeamMemberCommand} allows. */
    static final BigDecimal MAX_FTE = new BigDecimal("1.5");

    private final ClientRepository clients;
    private final ProjectRepository projects;
    private final TeamMemberRepository team;
    private final IdGenerator ids;

    ProjectTeamImport(ClientRepository clients, ProjectRepository projects, TeamMemberRepository team,
                      IdGenerator ids) {
        this.clients = clients;
        this.projects = projects;
        this.team = team;
        this.ids = ids;
    }

    static ProjectStatus status(String text) {
        return switch (ImportKind.normalise(text)) {
            case "prospect", "prospection" -> ProjectStatus.PROSPECT;
            case "planned", "planifie", "prevu", "avenir" -> ProjectStatus.PLANNED;
            case "active", "inprogress", "encours", "actif" -> ProjectStatus.ACTIVE;
            case "onhold", "paused", "ensuspens", "enpause", "suspendu" -> ProjectStatus.ON_HOLD;
            case "delivered", "done", "livre", "termine" -> ProjectStatus.DELIVERED;
            case "cancelled", "canceled", "annule" -> ProjectStatus.CANCELLED;
            default -> throw new IllegalArgumentException("'" + text + "' is not a status: PROSPECT, PLANNED, ACTIVE,"
                    + " ON_HOLD, DELIVERED or CANCELLED (prospect, planifié, en cours, en pause, livré, annulé)");
        };
    }

    /** A share of full time such as {@code 0,8} or {@code 0.8}: more than 0, at most 1.5, two decimals at most. */
    static BigDecimal fte(String text) {
        String s = text.strip().replace(',', '.');
        if (!s.matches("\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("'" + text + "' is not a share of full time such as 0,8 or 1");
        }
        BigDecimal fte = new BigDecimal(s).stripTrailingZeros();
        if (fte.signum() <= 0 || fte.compareTo(MAX_FTE) > 0 || fte.scale() > 2) {
            throw new IllegalArgumentException("must be more than 0 and at most 1.5, with two decimals at most");
        }
        return fte.scale() < 0 ? fte.setScale(0) : fte;
    }

    Findings planProjects(Caller caller, Agency agency, Sheet sheet, Columns c, List<Client> existingClients,
                          List<Project> existingProjects, Findings f) {
        Currency currency = agency.settings().currency();
        Map<String, Client> clientsByName = new HashMap<>();
        existingClients.forEach(cl -> clientsByName.putIfAbsent(ImportService.key(cl.name()), cl));
        Map<String, Project> byKey = new HashMap<>();
        existingProjects.forEach(p -> byKey.putIfAbsent(p.clientId().value() + "/" + ImportService.key(p.name()), p));
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Client> newClients = new LinkedHashMap<>();
        List<Project> creates = new ArrayList<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            int before = f.issueCount;
            int row = sheet.rowNumber(r);
            String clientName = ImportService.read(sheet, c, r, "client", true, f, ImportService::name);
            String name = ImportService.read(sheet, c, r, "name", true, f, ImportService::name);
            ProjectStatus status = ImportService.read(sheet, c, r, "status", false, f, ProjectTeamImport::status);
            LocalDate start = ImportService.read(sheet, c, r, "startDate", true, f, Cells::date);
            LocalDate launch = ImportService.read(sheet, c, r, "launchDate", false, f, Cells::date);
            Long fee = ImportService.read(sheet, c, r, "feeBudget", false, f, s -> Cells.amount(s, currency));
            Integer terms = ImportService.read(sheet, c, r, "paymentTermsDays", false, f,
                    s -> Cells.wholeNumber(s, 0, 365));
            if (f.issueCount > before) {
                continue;
            }
            if (fee != null && fee < 0) {
                f.issue(row, c.header("feeBudget"), "must be 0 or more", ErrorCode.OUT_OF_RANGE);
                continue;
            }
            if (launch != null && launch.isBefore(start)) {
                f.issue(row, c.header("launchDate"), "is before the start date " + start, ErrorCode.OUT_OF_RANGE);
                continue;
            }
            Client client = clientsByName.get(ImportService.key(clientName));
            if (client == null) {
                client = newClients.computeIfAbsent(ImportService.key(clientName), k -> new Client(
                        new ClientId(ids.newId()), caller.agencyId(), clientName, Segment.SME,
                        ClientService.DEFAULT_PAYMENT_TERMS_DAYS, List.of(), null, false, 0));
            }
            String key = client.id().value() + "/" + ImportService.key(name);
            Integer first = seen.putIfAbsent(key, row);
            if (first != null) {
                f.issue(row, c.header("name"), "the project '" + name + "' of " + client.name() + " is already on row "
                        + first, ErrorCode.INVALID_FORMAT);
                continue;
            }
            Project found = byKey.get(key);
            if (found == null) {
                creates.add(new Project(new ProjectId(ids.newId()), caller.agencyId(), client.id(), name,
                        status == null ? ProjectStatus.ACTIVE : status, start, launch, null,
                        new Money(fee == null ? 0 : fee, currency),
                        terms == null ? client.paymentTermsDays() : terms, 0));
                f.count("projects", ImportService.CREATED);
                continue;
            }
            Project changed = new Project(found.id(), found.agencyId(), found.clientId(), found.name(),
                    status == null ? found.status() : status, start, launch == null ? found.launchDate() : launch,
                    found.communicationPlanDate(), fee == null ? found.feeBudget() : new Money(fee, currency),
                    terms == null ? found.paymentTermsDays() : terms, found.version());
            if (changed.equals(found)) {
                f.count("projects", ImportService.SKIPPED);
            } else if (found.communicationPlanDate() != null && found.communicationPlanDate().isBefore(start)) {
                f.issue(row, c.header("startDate"), "is after the project's communication-plan date "
                        + found.communicationPlanDate() + " in Cordée: change it there", ErrorCode.OUT_OF_RANGE);
            } else {
                f.count("projects", ImportService.UPDATED);
                f.writes.add(() -> projects.update(changed)
                        .switchIfEmpty(Mono.error(() -> new Conflict("Project", changed.version()))));
            }
        }
        newClients.values().forEach(cl -> f.count("clients", ImportService.CREATED));
        f.writes.addBatches(List.copyOf(newClients.values()), clients::insertAll);
        f.writes.addBatches(creates, projects::insertAll);
        return f;
    }

    Findings planTeam(Caller caller, Agency agency, Sheet sheet, Columns c, List<TeamMember> existing, Findings f) {
        Currency currency = agency.settings().currency();
        Map<String, TeamMember> byName = new HashMap<>();
        existing.forEach(m -> byName.putIfAbsent(ImportService.key(m.name()), m));
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            int before = f.issueCount;
            int row = sheet.rowNumber(r);
            String name = ImportService.read(sheet, c, r, "name", true, f, ImportService::name);
            String job = ImportService.read(sheet, c, r, "jobTitle", false, f, ImportService::name);
            BigDecimal fte = ImportService.read(sheet, c, r, "fte", false, f, ProjectTeamImport::fte);
            Long cost = ImportService.read(sheet, c, r, "monthlyLoadedCost", true, f, s -> Cells.amount(s, currency));
            Long rate = ImportService.read(sheet, c, r, "dailyBillRate", false, f, s -> Cells.amount(s, currency));
            LocalDate start = ImportService.read(sheet, c, r, "startDate", false, f, Cells::date);
            LocalDate end = ImportService.read(sheet, c, r, "endDate", false, f, Cells::date);
            if (f.issueCount > before) {
                continue;
            }
            if (cost < 0) {
                f.issue(row, c.header("monthlyLoadedCost"), "must be 0 or more", ErrorCode.OUT_OF_RANGE);
                continue;
            }
            if (rate != null && rate < 0) {
                f.issue(row, c.header("dailyBillRate"), "must be 0 or more", ErrorCode.OUT_OF_RANGE);
                continue;
            }
            if (start != null && end != null && end.isBefore(start)) {
                f.issue(row, c.header("endDate"), "is before the start date " + start, ErrorCode.OUT_OF_RANGE);
                continue;
            }
            Integer first = seen.putIfAbsent(ImportService.key(name), row);
            if (first != null) {
                f.issue(row, c.header("name"), "'" + name + "' is already on row " + first
                        + ": a team member is known by their name", ErrorCode.INVALID_FORMAT);
                continue;
            }
            TeamMember found = byName.get(ImportService.key(name));
            Money costMoney = new Money(cost, currency);
            if (found == null) {
                TeamMember member = new TeamMember(new TeamMemberId(ids.newId()), caller.agencyId(), name, job,
                        List.of(), fte == null ? BigDecimal.ONE : fte, costMoney,
                        new Money(rate == null ? 0 : rate, currency), start, end, false, 0, List.of());
                f.count("teamMembers", ImportService.CREATED);
                f.writes.add(() -> team.insert(member));
                continue;
            }
            TeamMember changed = new TeamMember(found.id(), found.agencyId(), found.name(),
                    job == null ? found.jobTitle() : job, found.skills(), fte == null ? found.fte() : fte, costMoney,
                    rate == null ? found.dailyBillRate() : new Money(rate, currency),
                    start == null ? found.startDate() : start, end == null ? found.endDate() : end, found.archived(),
                    found.version(), found.absences());
            boolean same = Objects.equals(changed.jobTitle(), found.jobTitle())
                    && changed.fte().compareTo(found.fte()) == 0
                    && changed.monthlyLoadedCost().equals(found.monthlyLoadedCost())
                    && changed.dailyBillRate().equals(found.dailyBillRate())
                    && Objects.equals(changed.startDate(), found.startDate())
                    && Objects.equals(changed.endDate(), found.endDate());
            if (same) {
                f.count("teamMembers", ImportService.SKIPPED);
            } else {
                f.count("teamMembers", ImportService.UPDATED);
                f.writes.add(() -> team.update(changed)
                        .switchIfEmpty(Mono.error(() -> new Conflict("TeamMember", changed.version()))));
            }
        }
        return f;
    }
}
