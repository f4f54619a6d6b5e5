package io.cordee.persistence.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.Contact;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.client.FundingStage;
import io.cordee.core.client.RoundStatus;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The positional reader of a client row (ADR 54) reads what Spring Data's reflective mapping reads, field by
 * field, for a client with every optional column set and one with none: a column added to {@code COLUMNS}
 * without its reader, or read at the wrong position, fails here.
 */
class ClientRowReadTest {

    private final DatabaseClient db = TestDatabase.client();
    private final ClientPersistenceAdapter adapter = new ClientPersistenceAdapter(db,
            new ClientRowMapperImpl(new ContactsJson()));
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();

    @Test
    void readsByPositionWhatReflectionReads() {
        AgencyId agency = TestDatabase.newAgency();
        Client startup = new Client(new ClientId(ids.newId()), agency, "Nuvola", Segment.STARTUP, 45,
                List.of(new Contact("Théo", "theo@nuvola.example", "CEO")),
                new FundingProfile(FundingStage.SEED, LocalDate.of(2027, 3, 31), LocalDate.of(2027, 2, 1),
                        RoundStatus.IN_DOUBT), true, 0);
        Client plain = new Client(new ClientId(ids.newId()), agency, "Lumen", Segment.SME, 30, List.of(), null,
                false, 0);
        adapter.insert(startup).block();
        adapter.insert(plain).block();
        String select = "SELECT agency_id, id, name, segment, payment_terms_days, contacts, funding_stage,"
                + " runway_end, next_round_expected, next_round_status, archived, version FROM client"
                + " WHERE agency_id = :agencyId ORDER BY name";
        List<ClientRow> reflected = db.sql(select).bind("agencyId", agency.value()).mapProperties(ClientRow.class)
                .all().collectList().block();
        List<ClientRow> positional = db.sql(select).bind("agencyId", agency.value())
                .map((row, meta) -> ClientRow.read(row)).all().collectList().block();
        assertThat(reflected).hasSize(2);
        // Json has no value equality: compare its text, then the rest
        assertThat(positional).extracting(r -> r.contacts().asString())
                .containsExactlyElementsOf(reflected.stream().map(r -> r.contacts().asString()).toList());
        assertThat(positional).usingRecursiveFieldByFieldElementComparatorIgnoringFields("contacts")
                .containsExactlyElementsOf(reflected);
        assertThat(adapter.findAll(agency).collectList().block()).containsExactlyInAnyOrder(startup, plain);
    }
}
