package io.cordee.persistence.client;

import static io.cordee.persistence.common.Sql.insertInto;
import static io.cordee.persistence.common.Sql.updateAtVersion;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientFilter;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.persistence.common.KeysetQuery;
import io.cordee.persistence.common.Sql;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class ClientPersistenceAdapter implements ClientRepository {

    private static final String COLUMNS = "agency_id, id, name, segment, payment_terms_days, contacts, funding_stage,"
            + " runway_end, next_round_expected, next_round_status, archived, version";

    private static final KeysetQuery<ClientRow> PAGE = new KeysetQuery<>("client", COLUMNS, "name",
            ClientRow.class, ClientRow::name, ClientRow::id, value -> value);

    private final DatabaseClient db;
    private final ClientRowMapper mapper;

    public ClientPersistenceAdapter(DatabaseClient db, ClientRowMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<Client> findById(AgencyId agencyId, ClientId id) {
        return db.sql("SELECT " + COLUMNS + " FROM client WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .map((row, meta) -> ClientRow.read(row)).one().map(mapper::toDomain);
    }

    @Override
    public Flux<Client> findAllById(AgencyId agencyId, Collection<ClientId> ids) {
        return db.sql("SELECT " + COLUMNS + " FROM client WHERE agency_id = :agencyId AND id = ANY(:ids)")
                .bind("agencyId", agencyId.value())
                .bind("ids", ids.stream().map(ClientId::value).toArray(UUID[]::new))
                .map((row, meta) -> ClientRow.read(row)).all().map(mapper::toDomain);
    }

    @Override
    public Flux<Client> findAll(AgencyId agencyId) {
        return db.sql("SELECT " + COLUMNS + " FROM client WHERE agency_id = :agencyId")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> ClientRow.read(row)).all().map(mapper::toDomain);
    }

    @Override
    public Mono<Page<Client>> findPage(AgencyId agencyId, ClientFilter filter, PageRequest page) {
        Sql where = Sql.forAgency(agencyId.value())
                .and("segment = :segment", "segment", filter.segment() == null ? null : filter.segment().name())
                .and("name ILIKE :pattern", "pattern",
                        filter.nameContains() == null || filter.nameContains().isBlank() ? null
                                : Sql.containsPattern(filter.nameContains().strip()))
                .and("id = :onlyClient", "onlyClient", filter.onlyClient() == null ? null
                        : filter.onlyClient().value());
        if (!filter.includeArchived()) {
            where.and("NOT archived");
        }
        return PAGE.fetch(db, where, page, mapper::toDomain);
    }

    @Override
    public Mono<Client> insert(Client client) {
        return db.sql(insertInto("client", COLUMNS) + " RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(client))
                .map((row, meta) -> ClientRow.read(row)).one().map(mapper::toDomain);
    }

    private static final io.cordee.persistence.common.BulkInsert<ClientRow> CLIENTS =
            new io.cordee.persistence.common.BulkInsert<ClientRow>("client")
                    .column("agency_id", "uuid", ClientRow::agencyId).column("id", "uuid", ClientRow::id)
                    .column("name", "text", ClientRow::name).column("segment", "text", ClientRow::segment)
                    .column("payment_terms_days", "integer", ClientRow::paymentTermsDays)
                    .column("contacts", "jsonb", r -> r.contacts() == null ? "[]" : r.contacts().asString())
                    .column("funding_stage", "text", ClientRow::fundingStage)
                    .column("runway_end", "date", ClientRow::runwayEnd)
                    .column("next_round_expected", "date", ClientRow::nextRoundExpected)
                    .column("next_round_status", "text", ClientRow::nextRoundStatus)
                    .column("archived", "boolean", ClientRow::archived).column("version", "bigint", ClientRow::version);

    @Override
    public Mono<Void> insertAll(java.util.List<Client> clients) {
        return CLIENTS.insert(db, clients.stream().map(mapper::toRow).toList());
    }

    @Override
    public Mono<Client> update(Client client) {
        return db.sql(updateAtVersion("client", "name = :name, segment = :segment,"
                                + " payment_terms_days = :paymentTermsDays, contacts = :contacts,"
                                + " funding_stage = :fundingStage, runway_end = :runwayEnd,"
                                + " next_round_expected = :nextRoundExpected, next_round_status = :nextRoundStatus,"
                                + " archived = :archived",
                        "id = :id") + " RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(client))
                .map((row, meta) -> ClientRow.read(row)).one().map(mapper::toDomain);
    }
}
