package io.cordee.api.graphql.client;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.cordee.api.graphql.common.Batches;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.Connection;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.common.Mutations;
import io.cordee.api.graphql.common.UserError;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientFilter;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.client.Contact;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectService;
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
public class ClientController {

    public static final String TYPE = "Client";

    /** The client an optional argument names: null when it is absent; an invalid id is an error on {@code field}. */
    public static ClientId optionalId(String value, String field) {
        return value == null ? null : new ClientId(GlobalId.decode(value, TYPE, field));
    }

    public record ClientFilterInput(Segment segment, String nameContains, Boolean includeArchived) {
    }

    public record CreateClientInput(String name, Segment segment, Integer paymentTermsDays, List<Contact> contacts,
                                    FundingProfile funding) {
    }

    public record UpdateClientInput(String id, Long version, String name, Segment segment, Integer paymentTermsDays,
                                    List<Contact> contacts, FundingProfile funding) {
    }

    public record ArchiveInput(String id, Long version) {
    }

    public record ClientPayload(Client client, List<UserError> userErrors) {
    }

    private final ClientService clients;
    private final ProjectService projects;

    public ClientController(ClientService clients, ProjectService projects) {
        this.clients = clients;
        this.projects = projects;
    }

    @QueryMapping
    public Mono<Connection<Client>> clients(@Argument Integer first, @Argument String after,
                                            @Argument ClientFilterInput filter,
                                            DataFetchingFieldSelectionSet selection) {
        ClientFilter f = filter == null ? ClientFilter.all()
                : new ClientFilter(filter.segment(), filter.nameContains(),
                        Boolean.TRUE.equals(filter.includeArchived()), null);
        return Connection.read(first, after, selection, (caller, page) -> clients.list(caller, f, page));
    }

    @QueryMapping
    public Mono<Client> client(@Argument String id) {
        return Callers.current().flatMap(caller -> clients.get(caller, new ClientId(GlobalId.decode(id, TYPE, "id"))));
    }

    /** A start-up's funding is the agency's risk assessment: not shown to client users. */
    @SchemaMapping(typeName = TYPE)
    public Mono<FundingProfile> funding(Client client) {
        return Callers.current().filter(caller -> !caller.isClientUser()).mapNotNull(caller -> client.funding());
    }

    @BatchMapping(typeName = TYPE)
    public Mono<Map<Client, List<Project>>> projects(List<Client> batch) {
        return Batches.loadLists(batch, Client::id, projects::byClients);
    }

    @MutationMapping
    public Mono<ClientPayload> createClient(@Argument CreateClientInput input) {
        return Mutations.asCaller(
                caller -> clients.create(caller, new ClientDraft(input.name(),
                        input.segment(), input.paymentTermsDays(), input.contacts(), input.funding())),
                ClientPayload::new);
    }

    @MutationMapping
    public Mono<ClientPayload> updateClient(@Argument UpdateClientInput input) {
        return Mutations.asCaller(
                caller -> clients.update(caller,
                        new ClientId(GlobalId.decode(input.id(), TYPE, "id")), input.version(),
                        new ClientDraft(input.name(), input.segment(), input.paymentTermsDays(), input.contacts(),
                                input.funding())),
                ClientPayload::new);
    }

    @MutationMapping
    public Mono<ClientPayload> archiveClient(@Argument ArchiveInput input) {
        return Mutations.asCaller(
                caller -> clients.archive(caller,
                        new ClientId(GlobalId.decode(input.id(), TYPE, "id")), input.version()),
                ClientPayload::new);
    }

    @MutationMapping
    public Mono<ClientPayload> restoreClient(@Argument ArchiveInput input) {
        return Mutations.asCaller(
                caller -> clients.restore(caller,
                        new ClientId(GlobalId.decode(input.id(), TYPE, "id")), input.version()),
                ClientPayload::new);
    }
}
