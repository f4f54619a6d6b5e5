package io.cordee.core.project;

import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/** Use cases of projects: list (overall or per client), read, create, update. */
public final class ProjectService {

    public static final long MAX_FEE_MINOR = 100_000_000_000L; // 1 billion in major units: a typo, not a project

    private final ProjectRepository projects;
    private final ClientService clients;
    private final IdGenerator ids;

    public ProjectService(ProjectRepository projects, ClientService clients, IdGenerator ids) {
        this.projects = projects;
        this.clients = clients;
        this.ids = ids;
    }

    public Mono<Page<Project>> list(Caller caller, ClientId clientId, PageRequest page) {
        if (caller.isClientUser()) {
            if (clientId != null && !clientId.equals(caller.clientId())) {
                return Mono.just(new Page<>(List.of(), false, 0));
            }
            return projects.findPage(caller.agencyId(), caller.clientId(), page);
        }
        return projects.findPage(caller.agencyId(), clientId, page);
    }

    public Mono<Project> get(Caller caller, ProjectId id) {
        return find(caller, id).switchIfEmpty(Mono.error(() -> new NotFound("Project", id.value())));
    }

    public Mono<Project> find(Caller caller, ProjectId id) {
        return projects.findById(caller.agencyId(), id)
                .filter(p -> !caller.isClientUser() || p.clientId().equals(caller.clientId()));
    }

    /** The given projects the caller may see, by id, in one read. */
    public Mono<Map<ProjectId, Project>> findAll(Caller caller, Collection<ProjectId> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return projects.findAllById(caller.agencyId(), ids.stream().distinct().toList())
                .filter(p -> !caller.isClientUser() || p.clientId().equals(caller.clientId()))
                .collectMap(Project::id, p -> p);
    }

    /** The visible projects of each of {@code clientIds}, in one read; clients without projects are absent. */
    public Mono<Map<ClientId, List<Project>>> byClients(Caller caller, Collection<ClientId> clientIds) {
        List<ClientId> visible = clientIds.stream()
                .filter(id -> !caller.isClientUser() || id.equals(caller.clientId())).distinct().toList();
        if (visible.isEmpty()) {
            return Mono.just(Map.of());
        }
        return projects.findByClients(caller.agencyId(), visible).collectList()
                .map(list -> list.stream().collect(Collectors.groupingBy(Project::clientId)));
    }

    public Mono<Project> create(Caller caller, ClientId clientId, ProjectDraft draft) {
        return caller.command(Caller.STAFF_ROLES, "create projects", () -> {
                    // a fee or terms from a role that sees no money are refused before the input's rules
                    moneyInputs(caller, draft);
                    return CreateProjectCommand.of(clientId, draft);
                })
                .flatMap(command -> create(caller, command));
    }

    /** Starts a project; its payment terms, when the command has none, are the client's. */
    public Mono<Project> create(Caller caller, CreateProjectCommand command) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "create projects")
                        .requireMoneyInput(command.feeBudget(), "feeBudget")
                        .requireMoneyInput(command.paymentTermsDays(), "paymentTermsDays"))
                .then(clients.find(caller, command.clientId()))
                .switchIfEmpty(Mono.error(() -> InvalidInput.of("clientId", "no such client", ErrorCode.NOT_FOUND)))
                .map(client -> new Project(new ProjectId(ids.newId()), caller.agencyId(), client.id(), command.name(),
                        command.status(), command.startDate(), command.launchDate(), command.communicationPlanDate(),
                        command.feeBudget(), command.paymentTermsDays() == null ? client.paymentTermsDays()
                                : command.paymentTermsDays(), 0))
                .flatMap(projects::insert);
    }

    public Mono<Project> update(Caller caller, ProjectId id, long expectedVersion, ProjectDraft changes) {
        return Mono.fromCallable(() -> moneyInputs(caller.require(Caller.STAFF_ROLES, "change projects"), changes))
                .then(get(caller, id))
                .flatMap(current -> {
                    String name = changes.name() == null ? current.name() : trim(changes.name());
                    LocalDate start = or(changes.startDate(), current.startDate());
                    LocalDate launch = or(changes.launchDate(), current.launchDate());
                    LocalDate commPlan = or(changes.communicationPlanDate(), current.communicationPlanDate());
                    Money fee = or(changes.feeBudget(), current.feeBudget());
                    int terms = or(changes.paymentTermsDays(), current.paymentTermsDays());
                    // a changed project passes the rules of a new one
                    new CreateProjectCommand(current.clientId(), name, current.status(), start, launch, commPlan,
                            fee, terms);
                    Project changed = new Project(current.id(), current.agencyId(), current.clientId(), name,
                            or(changes.status(), current.status()), start, launch, commPlan, fee, terms,
                            expectedVersion);
                    return projects.update(changed)
                            .switchIfEmpty(Mono.error(() -> new Conflict("Project", expectedVersion)));
                });
    }

    /** A LEAD runs projects but changes no money: a fee budget or payment terms from them is refused whole. */
    private static Caller moneyInputs(Caller caller, ProjectDraft draft) {
        return caller.requireMoneyInput(draft.feeBudget(), "feeBudget")
                .requireMoneyInput(draft.paymentTermsDays(), "paymentTermsDays");
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
