package io.cordee.api.graphql.project;

import io.cordee.core.project.CreateProjectCommand;
import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.graphql.client.ClientController;
import io.cordee.api.graphql.common.Batches;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.MoneyInput;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.agency.AgencyService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectService;
import io.cordee.core.project.ProjectStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
public class ProjectController {

    public static final String TYPE = "Project";

    /** The project an optional argument names: null when it is absent; an invalid id is an error on {@code field}. */
    public static ProjectId optionalId(String value, String field) {
        return value == null ? null : new ProjectId(GlobalId.decode(value, TYPE, field));
    }

    public record CreateProjectInput(String clientId, String name, ProjectStatus status, LocalDate startDate,
                                     LocalDate launchDate, LocalDate communicationPlanDate, MoneyInput feeBudget,
                                     Integer paymentTermsDays) {
    }

    public record UpdateProjectInput(String id, Long version, String name, ProjectStatus status, LocalDate startDate,
                                     LocalDate launchDate, LocalDate communicationPlanDate, MoneyInput feeBudget,
                                     Integer paymentTermsDays) {
    }

    public record ProjectPayload(Project project, List<UserError> userErrors) {
    }

    private final ProjectService projects;
    private final ClientService clients;
    private final AgencyService agencies;

    public ProjectController(ProjectService projects, ClientService clients, AgencyService agencies) {
        this.projects = projects;
        this.clients = clients;
        this.agencies = agencies;
    }

    @QueryMapping
    public Mono<Connection<Project>> projects(@Argument Integer first, @Argument String after,
                                              @Argument String clientId,
                                              DataFetchingFieldSelectionSet selection) {
        return Connection.read(first, after, selection, (caller, page) -> projects.list(caller,
                ClientController.optionalId(clientId, "clientId"), page));
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Project, Client>> client(List<Project> batch) {
        return Batches.load(batch, Project::clientId, clients::findAll);
    }

    @MutationMapping
    public Mono<ProjectPayload> createProject(@Argument CreateProjectInput input) {
        return Mutations.asCaller(
                caller -> agencies.current(caller).flatMap(agency -> projects.create(
                        caller, new CreateProjectCommand(
                                new ClientId(GlobalId.decode(input.clientId(), ClientController.TYPE, "clientId")),
                                input.name(), input.status(), input.startDate(), input.launchDate(),
                                input.communicationPlanDate(),
                                MoneyInput.toMoney(input.feeBudget(), agency.settings().currency(), "feeBudget"),
                                input.paymentTermsDays()))),
                ProjectPayload::new);
    }

    @MutationMapping
    public Mono<ProjectPayload> updateProject(@Argument UpdateProjectInput input) {
        return Mutations.asCaller(
                caller -> agencies.current(caller).flatMap(agency -> projects.update(
                        caller, new ProjectId(GlobalId.decode(input.id(), TYPE, "id")), input.version(),
                        new ProjectDraft(input.name(), input.status(), input.startDate(), input.launchDate(),
                                input.communicationPlanDate(),
                                MoneyInput.toMoney(input.feeBudget(), agency.settings().currency(), "feeBudget"),
                                input.paymentTermsDays()))),
                ProjectPayload::new);
    }
}
