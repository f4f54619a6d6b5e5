package io.cordee.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClientRepository} promises its callers (ADR 0080): run against the R2DBC adapter on the
 * real PostgreSQL and against the in-memory twin core's service tests use, so neither drifts from the port.
 */
public abstract class ClientRepositoryContract extends PortContract {

    /** The implementation under test, fresh or shared: each test works in agencies of its own. */
    protected abstract ClientRepository clients();

    private ClientRepository clients;
    private AgencyId agency;
    private AgencyId otherAgency;

    protected ClientRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgencies() {
        clients = clients();
        agency = world().newAgency();
        otherAgency = world().newAgency();
    }

    @Test
    void aSavedClientIsFoundAsItWasSaved() {
        Client client = clients.insert(client(agency, "Nuvola")).block();
        assertThat(clients.findById(agency, client.id()).block()).isEqualTo(client);
        assertThat(clients.findAllById(agency, List.of(client.id(), new ClientId(UUID.randomUUID())))
                .collectList().block()).containsExactly(client);
    }

    @Test
    void anUnknownClientIsEmptyNotAnError() {
        assertThat(clients.findById(agency, new ClientId(UUID.randomUUID())).block()).isNull();
        assertThat(clients.findAll(world().newAgency()).collectList().block()).isEmpty();
    }

    @Test
    void anotherAgencyNeverSeesNorChangesTheClient() {
        Client client = clients.insert(client(agency, "Lumen")).block();
        assertThat(clients.findById(otherAgency, client.id()).block()).isNull();
        assertThat(clients.findAllById(otherAgency, List.of(client.id())).collectList().block()).isEmpty();
        assertThat(clients.findAll(otherAgency).collectList().block()).isEmpty();
        assertThat(clients.findPage(otherAgency, ClientFilter.all(), new PageRequest(10, null)).block().totalCount())
                .isZero();
        // the same id and version, claimed by the other agency: not its row, nothing written
        Client hijack = new Client(client.id(), otherAgency, "Hijack", Segment.SME, 30, List.of(), null, false, 0);
        assertThat(clients.update(hijack).block()).isNull();
        assertThat(clients.findById(agency, client.id()).block().name()).isEqualTo("Lumen");
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Client client = clients.insert(client(agency, "Lumen")).block();
        Client renamed = clients.update(renamed(client, "Maison Lumen", 0)).block();
        // version 0 -> 1 on the first write
        assertThat(renamed.version()).isEqualTo(1);
        assertThat(renamed.name()).isEqualTo("Maison Lumen");
        // a second writer still holding version 0 is refused
        assertThat(clients.update(renamed(client, "Stale write", 0)).block()).isNull();
        assertThat(clients.findById(agency, client.id()).block()).isEqualTo(renamed);
    }

    @Test
    void pagesByNameThenIdEachClientOnceWithTheWholeCount() {
        // 7 clients, two called Bravo: pages of 3, 3 and 1 give each exactly once, by name
        for (String name : List.of("Delta", "Alpha", "Echo", "Bravo", "Bravo", "Golf", "Foxtrot")) {
            clients.insert(client(agency, name)).block();
        }
        clients.insert(client(otherAgency, "Alpha Other")).block();

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String after = null;
        Page<Client> page;
        do {
            page = clients.findPage(agency, ClientFilter.all(), new PageRequest(3, after)).block();
            assertThat(page.totalCount()).isEqualTo(7);
            sizes.add(page.edges().size());
            page.items().forEach(c -> seen.add(c.name()));
            after = page.edges().isEmpty() ? null : page.edges().get(page.edges().size() - 1).cursor();
        } while (page.hasNextPage());
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).containsExactly("Alpha", "Bravo", "Bravo", "Delta", "Echo", "Foxtrot", "Golf");
    }

    @Test
    void archivedClientsAreListedOnlyWhenAskedButAlwaysCounted() {
        clients.insert(client(agency, "Active")).block();
        Client gone = client(agency, "Gone");
        clients.insert(new Client(gone.id(), agency, "Gone", Segment.SME, 30, List.of(), null, true, 0)).block();
        assertThat(clients.findPage(agency, ClientFilter.all(), new PageRequest(10, null)).block().items())
                .extracting(Client::name).containsExactly("Active");
        assertThat(clients.findPage(agency, new ClientFilter(null, null, true, null), new PageRequest(10, null))
                .block().items()).extracting(Client::name).containsExactly("Active", "Gone");
        // findAll is for computations over the whole agency: archived ones included
        assertThat(clients.findAll(agency).collectList().block()).hasSize(2);
    }

    private static Client client(AgencyId agency, String name) {
        return new Client(new ClientId(UUID.randomUUID()), agency, name, Segment.SME, 30, List.of(), null, false, 0);
    }

    private static Client renamed(Client c, String name, long version) {
        return new Client(c.id(), c.agencyId(), name, c.segment(), c.paymentTermsDays(), c.contacts(), c.funding(),
                c.archived(), version);
    }
}
