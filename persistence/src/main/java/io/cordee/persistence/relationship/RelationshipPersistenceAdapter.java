package io.cordee.persistence.relationship;

import static io.cordee.persistence.common.Sql.insertInto;
import static io.cordee.persistence.common.Sql.updateAtVersion;
import static io.cordee.persistence.common.Timestamps.instant;
import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.relationship.Agreement;
import io.cordee.core.relationship.AgreementId;
import io.cordee.core.relationship.Commitment;
import io.cordee.core.relationship.CommitmentId;
import io.cordee.core.relationship.HealthWeights;
import io.cordee.core.relationship.Interaction;
import io.cordee.core.relationship.InteractionId;
import io.cordee.core.relationship.RelationshipComment;
import io.cordee.core.relationship.RelationshipRepository;
import io.cordee.core.relationship.Side;
import io.cordee.core.identity.UserId;
import io.cordee.core.relationship.StrengthsMap;
import io.cordee.persistence.common.Keyset;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class RelationshipPersistenceAdapter implements RelationshipRepository {

    private static final String INTERACTION = "agency_id, id, client_id, date, kind, agency_participants,"
            + " client_participants, summary, agency_energy, client_energy, internal, version";
    private static final String AGREEMENT = "agency_id, id, client_id, project_id, what, owner_side, owner_name,"
            + " due_date, status, done_date, version";
    private static final String COMMITMENT = "agency_id, id, client_id, project_id, kind, title, due_date,"
            + " delivered_date, version";
    private static final String STRENGTHS = "agency_id, client_id, strengths, expectations, version";

    private final DatabaseClient db;
    private final RelationshipRowMapper mapper;

    public RelationshipPersistenceAdapter(DatabaseClient db, RelationshipRowMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    // ---- interactions --------------------------------------------------------------------------

    @Override
    public Mono<Interaction> findInteraction(AgencyId agencyId, InteractionId id) {
        return db.sql("SELECT " + INTERACTION + " FROM interaction WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .mapProperties(InteractionRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Map<ClientId, Page<Interaction>>> findInteractionPages(AgencyId agencyId,
                                                                      Collection<ClientId> clientIds,
                                                                      boolean includeInternal, PageRequest page) {
        UUID[] ids = uuids(clientIds);
        String visible = includeInternal ? "" : " AND NOT internal";
        Mono<Map<UUID, Long>> counts = !page.withTotal() ? Mono.just(Map.of())
                : db.sql("SELECT client_id, count(*) AS total FROM interaction"
                        + " WHERE agency_id = :agencyId AND client_id = ANY(:ids)" + visible + " GROUP BY client_id")
                .bind("agencyId", agencyId.value()).bind("ids", ids)
                .map((row, meta) -> Map.entry(row.get("client_id", UUID.class), row.get("total", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        Mono<List<InteractionRow>> rows;
        if (page.first() == 0) {
            rows = Mono.just(List.of());
        } else {
            String after = "";
            Keyset.Position position = null;
            if (page.after() != null) {
                position = Keyset.decode(page.after());
                after = " AND (date, id) < (:afterDate, :afterId)";
            }
            // first + 1 rows per client: the extra one tells whether more follow
            DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + INTERACTION + " FROM (SELECT " + INTERACTION
                            + ", row_number() OVER (PARTITION BY client_id ORDER BY date DESC, id DESC) AS rank"
                            + " FROM interaction WHERE agency_id = :agencyId AND client_id = ANY(:ids)" + visible
                            + after + ") ranked WHERE rank <= :limit ORDER BY client_id, date DESC, id DESC")
                    .bind("agencyId", agencyId.value()).bind("ids", ids).bind("limit", page.first() + 1);
            if (position != null) {
                spec = spec.bind("afterDate", parseDate(position.sortValue())).bind("afterId", position.id());
            }
            rows = spec.mapProperties(InteractionRow.class).all().collectList();
        }
        return Mono.zip(rows, counts).map(t -> {
            Map<UUID, List<InteractionRow>> byClient = new LinkedHashMap<>();
            t.getT1().forEach(r -> byClient.computeIfAbsent(r.clientId(), k -> new java.util.ArrayList<>()).add(r));
            Map<ClientId, Page<Interaction>> pages = new HashMap<>();
            for (ClientId clientId : clientIds) {
                List<InteractionRow> list = byClient.getOrDefault(clientId.value(), List.of());
                List<Page.Edge<Interaction>> edges = list.stream().limit(page.first())
                        .map(r -> new Page.Edge<>(mapper.toDomain(r), Keyset.encode(r.date().toString(), r.id())))
                        .toList();
                pages.put(clientId, new Page<>(edges, list.size() > page.first(),
                        page.withTotal() ? t.getT2().getOrDefault(clientId.value(), 0L) : Page.NOT_COUNTED));
            }
            return pages;
        });
    }

    @Override
    public Flux<Interaction> findInteractionsSince(AgencyId agencyId, Collection<ClientId> clientIds, LocalDate from) {
        return db.sql("SELECT " + INTERACTION + " FROM interaction WHERE agency_id = :agencyId"
                        + " AND client_id = ANY(:ids) AND date >= :from")
                .bind("agencyId", agencyId.value()).bind("ids", uuids(clientIds)).bind("from", from)
                .mapProperties(InteractionRow.class).all().map(mapper::toDomain);
    }

    @Override
    public Mono<Map<ClientId, LocalDate>> firstInteractionDates(AgencyId agencyId, Collection<ClientId> clientIds) {
        return db.sql("SELECT client_id, min(date) AS first FROM interaction WHERE agency_id = :agencyId"
                        + " AND client_id = ANY(:ids) GROUP BY client_id")
                .bind("agencyId", agencyId.value()).bind("ids", uuids(clientIds))
                .map((row, meta) -> Map.entry(new ClientId(row.get("client_id", UUID.class)),
                        row.get("first", LocalDate.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    @Override
    public Mono<Interaction> insertInteraction(Interaction interaction) {
        return db.sql(insertInto("interaction", INTERACTION) + " RETURNING " + INTERACTION)
                .bindProperties(mapper.toRow(interaction))
                .mapProperties(InteractionRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Interaction> updateInteraction(Interaction interaction) {
        return db.sql(updateAtVersion("interaction", "date = :date, kind = :kind,"
                                + " agency_participants = :agencyParticipants,"
                                + " client_participants = :clientParticipants, summary = :summary,"
                                + " agency_energy = :agencyEnergy, client_energy = :clientEnergy, internal = :internal",
                        "id = :id AND client_id = :clientId") + " RETURNING " + INTERACTION)
                .bindProperties(mapper.toRow(interaction))
                .mapProperties(InteractionRow.class).one().map(mapper::toDomain);
    }

    // ---- strengths map -------------------------------------------------------------------------

    @Override
    public Flux<StrengthsMap> findStrengthsMaps(AgencyId agencyId, Collection<ClientId> clientIds) {
        return db.sql("SELECT " + STRENGTHS + " FROM strengths_map WHERE agency_id = :agencyId"
                        + " AND client_id = ANY(:ids)")
                .bind("agencyId", agencyId.value()).bind("ids", uuids(clientIds))
                .mapProperties(StrengthsMapRow.class).all().map(mapper::toDomain);
    }

    @Override
    public Mono<StrengthsMap> saveStrengthsMap(StrengthsMap map, long expectedVersion) {
        String sql = expectedVersion < 0
                ? insertInto("strengths_map", STRENGTHS)
                        + " ON CONFLICT (agency_id, client_id) DO NOTHING RETURNING " + STRENGTHS
                : updateAtVersion("strengths_map", "strengths = :strengths, expectations = :expectations",
                        "client_id = :clientId") + " RETURNING " + STRENGTHS;
        // the row's version column: 0 for a new map, else the version the update must find
        StrengthsMap toWrite = new StrengthsMap(map.agencyId(), map.clientId(), map.strengths(), map.expectations(),
                Math.max(expectedVersion, 0));
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bindProperties(mapper.toRow(toWrite));
        return spec.mapProperties(StrengthsMapRow.class).one().map(mapper::toDomain);
    }

    // ---- agreements ----------------------------------------------------------------------------

    @Override
    public Mono<Agreement> findAgreement(AgencyId agencyId, AgreementId id) {
        return db.sql("SELECT " + AGREEMENT + " FROM agreement WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .mapProperties(AgreementRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Flux<Agreement> findAgreements(AgencyId agencyId, Collection<ClientId> clientIds) {
        return db.sql("SELECT " + AGREEMENT + " FROM agreement WHERE agency_id = :agencyId AND client_id = ANY(:ids)"
                        + " ORDER BY due_date NULLS LAST, id")
                .bind("agencyId", agencyId.value()).bind("ids", uuids(clientIds))
                .mapProperties(AgreementRow.class).all().map(mapper::toDomain);
    }

    @Override
    public Mono<Agreement> insertAgreement(Agreement agreement) {
        return db.sql(insertInto("agreement", AGREEMENT) + " RETURNING " + AGREEMENT)
                .bindProperties(mapper.toRow(agreement))
                .mapProperties(AgreementRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Agreement> updateAgreement(Agreement agreement) {
        return db.sql(updateAtVersion("agreement", "project_id = :projectId, what = :what,"
                                + " owner_side = :ownerSide, owner_name = :ownerName, due_date = :dueDate,"
                                + " status = :status, done_date = :doneDate",
                        "id = :id AND client_id = :clientId") + " RETURNING " + AGREEMENT)
                .bindProperties(mapper.toRow(agreement))
                .mapProperties(AgreementRow.class).one().map(mapper::toDomain);
    }

    // ---- commitments ---------------------------------------------------------------------------

    @Override
    public Mono<Commitment> findCommitment(AgencyId agencyId, CommitmentId id) {
        return db.sql("SELECT " + COMMITMENT + " FROM client_commitment WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .mapProperties(CommitmentRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Flux<Commitment> findCommitments(AgencyId agencyId, Collection<ClientId> clientIds) {
        return db.sql("SELECT " + COMMITMENT + " FROM client_commitment WHERE agency_id = :agencyId"
                        + " AND client_id = ANY(:ids) ORDER BY due_date, id")
                .bind("agencyId", agencyId.value()).bind("ids", uuids(clientIds))
                .mapProperties(CommitmentRow.class).all().map(mapper::toDomain);
    }

    @Override
    public Mono<Commitment> insertCommitment(Commitment commitment) {
        return db.sql(insertInto("client_commitment", COMMITMENT) + " RETURNING " + COMMITMENT)
                .bindProperties(mapper.toRow(commitment))
                .mapProperties(CommitmentRow.class).one().map(mapper::toDomain);
    }

    /** The versioned update of a commitment's row, alone or followed by its comment in one statement. */
    private static final String UPDATE_COMMITMENT = updateAtVersion("client_commitment",
            "project_id = :projectId, kind = :kind, title = :title, due_date = :dueDate,"
                    + " delivered_date = :deliveredDate",
            "id = :id AND client_id = :clientId") + " RETURNING " + COMMITMENT;

    @Override
    public Mono<Commitment> updateCommitment(Commitment commitment) {
        return db.sql(UPDATE_COMMITMENT)
                .bindProperties(mapper.toRow(commitment))
                .mapProperties(CommitmentRow.class).one().map(mapper::toDomain);
    }

    // ---- comments ------------------------------------------------------------------------------

    private static final String COMMENT = "agency_id, id, client_id, agreement_id, commitment_id, side, author_id,"
            + " body, kind, created_at";

    @Override
    public Mono<Commitment> updateCommitment(Commitment commitment, RelationshipComment comment) {
        if (comment == null) {
            return updateCommitment(commitment);
        }
        // one statement: the comment is written only if the versioned update matched a row
        DatabaseClient.GenericExecuteSpec spec = db.sql("WITH c AS (" + UPDATE_COMMITMENT + "),"
                        + " n AS (INSERT INTO relationship_comment (" + COMMENT + ") SELECT c.agency_id, :noteId,"
                        + " c.client_id, NULL, c.id, :noteSide, :noteAuthor, :noteBody, 'DELIVERED', :noteAt FROM c)"
                        + " SELECT " + COMMITMENT + " FROM c")
                .bindProperties(mapper.toRow(commitment))
                .bind("noteId", comment.id()).bind("noteSide", comment.side().name());
        // a comment without an author (the port allows it, as insertComment does) binds a typed null
        spec = comment.authorId() == null ? spec.bindNull("noteAuthor", UUID.class)
                : spec.bind("noteAuthor", comment.authorId().value());
        return spec.bind("noteBody", comment.body())
                .bind("noteAt", utc(comment.createdAt()))
                .mapProperties(CommitmentRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<RelationshipComment> insertComment(RelationshipComment c) {
        var spec = db.sql(insertInto("relationship_comment", COMMENT))
                .bind("agencyId", c.agencyId().value()).bind("id", c.id()).bind("clientId", c.clientId().value());
        spec = c.agreementId() == null ? spec.bindNull("agreementId", UUID.class)
                : spec.bind("agreementId", c.agreementId().value());
        spec = c.commitmentId() == null ? spec.bindNull("commitmentId", UUID.class)
                : spec.bind("commitmentId", c.commitmentId().value());
        spec = c.authorId() == null ? spec.bindNull("authorId", UUID.class) : spec.bind("authorId", c.authorId().value());
        return spec.bind("side", c.side().name()).bind("body", c.body()).bind("kind", c.delivery() ? "DELIVERED" : "COMMENT")
                .bind("createdAt", utc(c.createdAt()))
                .fetch().rowsUpdated().thenReturn(c);
    }

    @Override
    public Flux<RelationshipComment> findComments(AgencyId agencyId, Collection<ClientId> clientIds) {
        return db.sql("SELECT " + COMMENT + " FROM relationship_comment WHERE agency_id = :agencyId"
                        + " AND client_id = ANY(:ids) ORDER BY created_at DESC, id DESC")
                .bind("agencyId", agencyId.value()).bind("ids", uuids(clientIds))
                .map((row, meta) -> {
                    UUID agreement = row.get("agreement_id", UUID.class);
                    UUID commitment = row.get("commitment_id", UUID.class);
                    UUID author = row.get("author_id", UUID.class);
                    return new RelationshipComment(row.get("id", UUID.class), agencyId,
                            new ClientId(row.get("client_id", UUID.class)),
                            agreement == null ? null : new AgreementId(agreement),
                            commitment == null ? null : new CommitmentId(commitment),
                            Side.valueOf(row.get("side", String.class)),
                            author == null ? null : new UserId(author), row.get("body", String.class),
                            "DELIVERED".equals(row.get("kind", String.class)),
                            instant(row, "created_at"));
                }).all();
    }

    // ---- health weights ------------------------------------------------------------------------

    @Override
    public Mono<HealthWeights> findHealthWeights(AgencyId agencyId) {
        return db.sql("SELECT commitments, feedback, energy, frequency, payment, version FROM health_weights"
                        + " WHERE agency_id = :agencyId")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> new HealthWeights(row.get("commitments", Integer.class),
                        row.get("feedback", Integer.class), row.get("energy", Integer.class),
                        row.get("frequency", Integer.class), row.get("payment", Integer.class),
                        row.get("version", Long.class)))
                .one();
    }

    @Override
    public Mono<HealthWeights> saveHealthWeights(AgencyId agencyId, HealthWeights weights, long expectedVersion) {
        String sql = expectedVersion < 0
                ? "INSERT INTO health_weights (agency_id, commitments, feedback, energy, frequency, payment)"
                        + " VALUES (:agencyId, :commitments, :feedback, :energy, :frequency, :payment)"
                        + " ON CONFLICT (agency_id) DO NOTHING RETURNING version"
                : updateAtVersion("health_weights", "commitments = :commitments, feedback = :feedback,"
                        + " energy = :energy, frequency = :frequency, payment = :payment", "")
                        + " RETURNING version";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("agencyId", agencyId.value())
                .bind("commitments", weights.commitments()).bind("feedback", weights.feedback())
                .bind("energy", weights.energy()).bind("frequency", weights.frequency())
                .bind("payment", weights.payment());
        if (expectedVersion >= 0) {
            spec = spec.bind("version", expectedVersion);
        }
        return spec.mapValue(Long.class).one().map(version -> new HealthWeights(weights.commitments(),
                weights.feedback(), weights.energy(), weights.frequency(), weights.payment(), version));
    }

    private static UUID[] uuids(Collection<ClientId> ids) {
        return ids.stream().map(ClientId::value).toArray(UUID[]::new);
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("after", "is not a cursor of this list", ErrorCode.INVALID_FORMAT);
        }
    }
}
