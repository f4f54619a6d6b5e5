package io.cordee.persistence.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientFilter;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.Contact;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.client.FundingStage;
import io.cordee.core.client.RoundStatus;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

class ClientPersistenceAdapterTest {

    private final DatabaseClient db = TestDatabase.client();
    private final ClientPersistenceAdapter adapter = new ClientPersistenceAdapter(db,
            new ClientRowMapperImpl(new ContactsJson()));
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();
    /** Two agencies of their own for each test (a new instance per test): one to use, one that must see none of it. */
    private final AgencyId agency = TestDatabase.newAgency();
    private final AgencyId otherAgency = TestDatabase.newAgency();

    @Test
    void roundTripsEveryField() {
        Client client = new Client(new ClientId(ids.newId()), agency, "Nuvola", Segment.STARTUP, 30,
                List.of(new Contact("Théo", "theo@nuvola.example", "CEO")),
                new FundingProfile(FundingStage.SEED, LocalDate.of(2027, 3, 31), LocalDate.of(2027, 2, 1),
                        RoundStatus.IN_DOUBT), false, 0);
        adapter.insert(client).block();
        assertThat(adapter.findById(agency, client.id()).block()).isEqualTo(client);
        assertThat(adapter.findById(otherAgency, client.id()).block()).isNull();
    }

    @Test
    void updatesOnlyFromTheCurrentVersion() {
        Client client = adapter.insert(client("Lumen")).block();
        Client renamed = adapter.update(with(client, "Maison Lumen", 0)).block();
        assertThat(renamed.version()).isEqualTo(1);
        assertThat(adapter.update(with(client, "Stale write", 0)).block()).isNull();
        // the same id under another agency is not this row
        assertThat(adapter.update(new Client(client.id(), otherAgency, "Hijack", Segment.SME, 30, List.of(), null,
                false, 1)).block()).isNull();
        assertThat(adapter.findById(agency, client.id()).block().name()).isEqualTo("Maison Lumen");
    }

    @Test
    void pagesByNameWithKeysetCursorsAndCountsTheWholeList() {
        // 7 clients, two with the same name: pages of 3 must return each exactly once, by (name, id)
        for (String name : List.of("Delta", "Alpha", "Echo", "Bravo", "Bravo", "Golf", "Foxtrot")) {
            adapter.insert(client(name)).block();
        }
        adapter.insert(new Client(new ClientId(ids.newId()), otherAgency, "Alpha Other", Segment.SME, 30, List.of(),
                null, false, 0)).block();

        List<String> seen = new ArrayList<>();
        String after = null;
        Page<Client> page;
        do {
            page = adapter.findPage(agency, ClientFilter.all(), new PageRequest(3, after)).block();
            assertThat(page.totalCount()).isEqualTo(7);
            page.items().forEach(c -> seen.add(c.name()));
            after = page.edges().isEmpty() ? null : page.edges().get(page.edges().size() - 1).cursor();
        } while (page.hasNextPage());
        assertThat(seen).containsExactly("Alpha", "Bravo", "Bravo", "Delta", "Echo", "Foxtrot", "Golf");

        Page<Client> filtered = adapter.findPage(agency,
                new ClientFilter(null, "L", false, null), new PageRequest(10, null)).block();
        // case-insensitive "l": AL-pha, DEL-ta, GOL-f; not Bravo, Echo, Foxtrot, nor the other agency's Alpha Other
        assertThat(filtered.items()).extracting(Client::name).containsExactly("Alpha", "Delta", "Golf");
        // LIKE wildcards in the search are literal
        assertThat(adapter.findPage(agency, new ClientFilter(null, "%", false, null), new PageRequest(10, null))
                .block().totalCount()).isZero();

        assertThatThrownBy(() -> adapter.findPage(agency, ClientFilter.all(), new PageRequest(3, "garbage")).block())
                .isInstanceOf(InvalidInput.class);
    }

    private Client client(String name) {
        return new Client(new ClientId(ids.newId()), agency, name, Segment.SME, 30, List.of(), null, false, 0);
    }

    private static Client with(Client c, String name, long version) {
        return new Client(c.id(), c.agencyId(), name, c.segment(), c.paymentTermsDays(), c.contacts(), c.funding(),
                c.archived(), version);
    }
}
