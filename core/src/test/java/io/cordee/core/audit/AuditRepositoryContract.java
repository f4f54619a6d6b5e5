package io.cordee.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.audit.AuditEntry.Action;
import io.cordee.core.audit.AuditEntry.FieldChange;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.Actor;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.support.Pages;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every {@link AuditRepository} promises its callers (ADR 0080, ADR 17): the writes made for an actor, newest
 * first, each with who, which request and mutation, which entity and the fields that changed; narrowed by entity,
 * mutation, person and days; never another agency's. The trail is written by the store itself, so the contract
 * writes clients through the {@link ClientRepository} of the same store, in the world's transactions for an actor.
 */
public abstract class AuditRepositoryContract extends PortContract {

    private static final AuditFilter EVERYTHING = AuditFilter.of(null, null, null);

    protected abstract AuditRepository audit();

    /** A port whose writes the store audits: clients. */
    protected abstract ClientRepository clients();

    private AuditRepository audit;
    private ClientRepository clients;
    private AgencyId agency;
    private AgencyId otherAgency;
    private User ana;

    protected AuditRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyAndItsOwner() {
        audit = audit();
        clients = clients();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        ana = world().newUser(agency, "Ana", Role.OWNER);
    }

    @Test
    void aWriteIsReadNewestFirstWithItsActorRequestAndChangedFields() {
        Client nuvola = as(ana, "req-1", "createClient", clients.insert(client("Nuvola")));
        as(ana, "req-2", "updateClient", clients.update(renamed(nuvola, "Nuvola Studio")));

        List<AuditEntry> trail = audit.findPage(agency, EVERYTHING, new PageRequest(10, null)).block().items();
        // the rename (req-2) first, then the creation (req-1): newest first
        assertThat(trail).extracting(AuditEntry::action).containsExactly(Action.UPDATE, Action.INSERT);
        AuditEntry rename = trail.get(0);
        assertThat(rename.actorUserId()).isEqualTo(ana.id());
        assertThat(rename.actorName()).isEqualTo("Ana");
        assertThat(rename.actorTokenId()).isNull();
        assertThat(rename.requestId()).isEqualTo("req-2");
        assertThat(rename.operation()).isEqualTo("updateClient");
        assertThat(rename.entityType()).isEqualTo("Client");
        assertThat(rename.entityId()).isEqualTo(nuvola.id().value());
        // only the column that changed: the version the store bumps is not a change of the client's
        assertThat(rename.changes()).containsExactly(new FieldChange("name", "Nuvola", "Nuvola Studio"));
        assertThat(trail.get(1).changes()).contains(new FieldChange("name", null, "Nuvola"));
        assertThat(trail.get(1).id()).isLessThan(rename.id());
    }

    @Test
    void aWriteForNoActorIsNotInTheTrail() {
        // the world writes as the demo data and the alert evaluation do: for no one
        ClientId unaudited = world().newClient(agency, "Written by no one");
        assertThat(audit.findPage(agency, AuditFilter.of("Client", unaudited.value(), null),
                new PageRequest(10, null)).block().items()).isEmpty();
    }

    @Test
    void anotherAgencyReadsNoneOfTheTrailEvenNamingTheEntity() {
        Client nuvola = as(ana, "req-1", "createClient", clients.insert(client("Nuvola")));
        assertThat(audit.findPage(otherAgency, EVERYTHING, new PageRequest(10, null)).block().totalCount())
                .isZero();
        assertThat(audit.findPage(otherAgency, AuditFilter.of("Client", nuvola.id().value(), null),
                new PageRequest(10, null)).block().items()).isEmpty();
        assertThat(audit.findPage(agency, EVERYTHING, new PageRequest(10, null)).block().totalCount()).isEqualTo(1);
    }

    @Test
    void theTrailIsNarrowedToAnEntityAMutationAPersonAndDays() {
        User ben = world().newUser(agency, "Ben", Role.FINANCE);
        Client alpha = as(ana, "req-1", "createClient", clients.insert(client("Alpha")));
        as(ben, "req-2", "createClient", clients.insert(client("Bravo")));
        as(ben, "req-3", "updateClient", clients.update(renamed(alpha, "Alpha Studio")));

        // Alpha: created by Ana, renamed by Ben, newest first
        assertThat(requests(AuditFilter.of("Client", alpha.id().value(), null))).containsExactly("req-3", "req-1");
        assertThat(requests(AuditFilter.of(null, null, "createClient"))).containsExactly("req-2", "req-1");
        assertThat(requests(EVERYTHING.by(ben.id().value(), null, null))).containsExactly("req-3", "req-2");
        // days in the agency's time zone, both ends included: all three were written after 1 January 2000
        LocalDate longAgo = LocalDate.of(2000, 1, 1);
        assertThat(requests(EVERYTHING.by(null, longAgo, null))).containsExactly("req-3", "req-2", "req-1");
        assertThat(requests(EVERYTHING.by(null, null, longAgo))).isEmpty();
        assertThat(requests(AuditFilter.of("Client", UUID.randomUUID(), null))).isEmpty();
    }

    @Test
    void pagesNewestFirstEachEntryOnceWithTheWholeCount() {
        // five clients created in one mutation: five entries, read in pages of 2: 2, 2, 1
        List<String> names = List.of("A", "B", "C", "D", "E");
        as(ana, "req-1", "importClients", Flux.fromIterable(names).concatMap(n -> clients.insert(client(n)))
                .then(Mono.just(names.size())));

        Pages.Walk<AuditEntry> walk = Pages.walk(after -> audit.findPage(agency, EVERYTHING,
                new PageRequest(2, after, true)).block());
        assertThat(walk.sizes()).containsExactly(2, 2, 1);
        assertThat(walk.totals()).containsOnly(5L);
        // the last created first
        assertThat(walk.items()).extracting(e -> e.changes().stream().filter(c -> c.field().equals("name"))
                .findFirst().orElseThrow().newValue()).containsExactly("E", "D", "C", "B", "A");
    }

    private <T> T as(User user, String requestId, String operation, Mono<T> write) {
        return world().transactions().inTransactionAs(new Actor(agency, user.id(), null, requestId, operation), write)
                .block();
    }

    private List<String> requests(AuditFilter filter) {
        return audit.findPage(agency, filter, new PageRequest(10, null)).block().items().stream()
                .map(AuditEntry::requestId).toList();
    }

    private Client client(String name) {
        return new Client(new ClientId(UUID.randomUUID()), agency, name, Segment.SME, 30, List.of(), null, false, 0);
    }

    private static Client renamed(Client c, String name) {
        return new Client(c.id(), c.agencyId(), name, c.segment(), c.paymentTermsDays(), c.contacts(), c.funding(),
                c.archived(), c.version());
    }
}
