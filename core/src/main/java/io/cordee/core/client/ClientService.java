package io.cordee.core.client;

import io.cordee.core.agency.Segment;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.NotFound;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Caller;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Use cases of clients: list, read, create, update, archive and restore. */
public final class ClientService {

    public static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;

    private final ClientRepository clients;
    private final IdGenerator ids;

    public ClientService(ClientRepository clients, IdGenerator ids) {
        this.clients = clients;
        this.ids = ids;
    }

    public Mono<Page<Client>> list(Caller caller, ClientFilter filter, PageRequest page) {
        ClientFilter visible = caller.isClientUser() ? filter.onlyClient(caller.clientId()) : filter;
        return clients.findPage(caller.agencyId(), visible, page);
    }

    /** Every client of the agency, archived ones too: the agency's staff only (exports, ADR 42). */
    public reactor.core.publisher.Flux<Client> all(Caller caller) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "list every client"))
                .thenMany(clients.findAll(caller.agencyId()));
    }

    /** The client, if the caller may see it; a {@link NotFound} otherwise. */
    public Mono<Client> get(Caller caller, ClientId id) {
        return find(caller, id).switchIfEmpty(Mono.error(() -> new NotFound("Client", id.value())));
    }

    /** The client if it exists and the caller may see it; empty otherwise. */
    public Mono<Client> find(Caller caller, ClientId id) {
        if (!maySee(caller, id)) {
            return Mono.empty();
        }
        return clients.findById(caller.agencyId(), id);
    }

    /** The visible ones among {@code ids}, by id, in one read. */
    public Mono<Map<ClientId, Client>> findAll(Caller caller, Collection<ClientId> ids) {
        List<ClientId> visible = ids.stream().filter(id -> maySee(caller, id)).distinct().toList();
        if (visible.isEmpty()) {
            return Mono.just(Map.of());
        }
        return clients.findAllById(caller.agencyId(), visible).collectMap(Client::id, Function.identity());
    }

    public Mono<Client> create(Caller caller, ClientDraft draft) {
        return caller.command(Caller.STAFF_ROLES, "create clients", () -> {
                    // payment terms from a role that sees no money are refused before the input's rules
                    caller.requireMoneyInput(draft.paymentTermsDays(), "paymentTermsDays");
                    return new CreateClientCommand(draft.name(), draft.segment(), draft.paymentTermsDays(),
                            draft.contacts(), draft.funding());
                })
                .flatMap(command -> create(caller, command));
    }

    /** Adds a client; payment terms given by a role that sees no money are refused (FORBIDDEN). */
    public Mono<Client> create(Caller caller, CreateClientCommand command) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "create clients")
                        .requireMoneyInput(command.paymentTermsDays(), "paymentTermsDays"))
                .then(Mono.fromCallable(() -> new Client(new ClientId(ids.newId()), caller.agencyId(), command.name(),
                        command.segment(), command.paymentTerms(), command.contacts(), command.funding(), false, 0)))
                .flatMap(clients::insert);
    }

    public Mono<Client> update(Caller caller, ClientId id, long expectedVersion, ClientDraft changes) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, "change clients")
                        .requireMoneyInput(changes.paymentTermsDays(), "paymentTermsDays"))
                .then(get(caller, id))
                .flatMap(current -> {
                    String name = changes.name() == null ? current.name() : trim(changes.name());
                    Segment segment = changes.segment() == null ? current.segment() : changes.segment();
                    int terms = changes.paymentTermsDays() == null ? current.paymentTermsDays()
                            : changes.paymentTermsDays();
                    List<Contact> contacts = changes.contacts() == null ? current.contacts() : changes.contacts();
                    // a changed client passes the rules of a new one
                    new CreateClientCommand(name, segment, terms, contacts, null);
                    return write(new Client(current.id(), current.agencyId(), name, segment, terms, contacts,
                            changes.funding() == null ? current.funding() : changes.funding(), current.archived(),
                            expectedVersion));
                });
    }

    public Mono<Client> archive(Caller caller, ClientId id, long expectedVersion) {
        return setArchived(caller, id, expectedVersion, true, "archive clients");
    }

    /** Undoes {@link #archive}: the client is listed again, with everything it had. */
    public Mono<Client> restore(Caller caller, ClientId id, long expectedVersion) {
        return setArchived(caller, id, expectedVersion, false, "restore clients");
    }

    private Mono<Client> setArchived(Caller caller, ClientId id, long expectedVersion, boolean archived, String what) {
        return Mono.fromCallable(() -> caller.require(Caller.STAFF_ROLES, what))
                .then(get(caller, id))
                .flatMap(current -> write(new Client(current.id(), current.agencyId(), current.name(),
                        current.segment(), current.paymentTermsDays(), current.contacts(), current.funding(), archived,
                        expectedVersion)));
    }

    private Mono<Client> write(Client changed) {
        return clients.update(changed)
                .switchIfEmpty(Mono.error(() -> new Conflict("Client", changed.version())));
    }

    private boolean maySee(Caller caller, ClientId id) {
        return !caller.isClientUser() || caller.clientId().equals(id);
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
