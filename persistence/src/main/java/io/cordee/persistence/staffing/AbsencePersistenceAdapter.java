package io.cordee.persistence.staffing;

import static io.cordee.persistence.common.Sql.anyRowChanged;
import static io.cordee.persistence.common.Sql.updateAtVersion;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.staffing.Absence;
import io.cordee.core.staffing.AbsenceId;
import io.cordee.core.staffing.AbsenceRepository;
import io.cordee.core.staffing.TeamMemberId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class AbsencePersistenceAdapter implements AbsenceRepository {

    private static final String COLUMNS = "agency_id, id, team_member_id, kind, start_date, end_date, note, version";

    private final DatabaseClient db;

    public AbsencePersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Absence> findById(AgencyId agencyId, AbsenceId id) {
        return db.sql("SELECT " + COLUMNS + " FROM team_absence WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .map((row, meta) -> toDomain(row)).one();
    }

    @Override
    public Flux<Absence> findByMembers(AgencyId agencyId, Collection<TeamMemberId> members) {
        if (members.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT " + COLUMNS + " FROM team_absence WHERE agency_id = :agencyId"
                        + " AND team_member_id = ANY(:members) ORDER BY start_date, id")
                .bind("agencyId", agencyId.value())
                .bind("members", members.stream().map(TeamMemberId::value).distinct().toArray(UUID[]::new))
                .map((row, meta) -> toDomain(row)).all();
    }

    @Override
    public Mono<Absence> insert(Absence a) {
        return bindAll(db.sql("INSERT INTO team_absence (" + COLUMNS + ") VALUES (:agencyId, :id, :memberId, :kind,"
                + " :from, :to, :note, 0) RETURNING " + COLUMNS), a)
                .map((row, meta) -> toDomain(row)).one();
    }

    @Override
    public Mono<Absence> update(Absence a) {
        return bindAll(db.sql(updateAtVersion("team_absence",
                "kind = :kind, start_date = :from, end_date = :to, note = :note",
                "id = :id AND team_member_id = :memberId") + " RETURNING " + COLUMNS), a)
                .bind("version", a.version())
                .map((row, meta) -> toDomain(row)).one();
    }

    @Override
    public Mono<Boolean> delete(AgencyId agencyId, AbsenceId id, long version) {
        return anyRowChanged(db.sql("DELETE FROM team_absence WHERE agency_id = :agencyId AND id = :id"
                        + " AND version = :version")
                .bind("agencyId", agencyId.value()).bind("id", id.value()).bind("version", version));
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, Absence a) {
        spec = spec.bind("agencyId", a.agencyId().value()).bind("id", a.id().value())
                .bind("memberId", a.memberId().value()).bind("kind", a.kind().name())
                .bind("from", a.from()).bind("to", a.to());
        return a.note() == null ? spec.bindNull("note", String.class) : spec.bind("note", a.note());
    }

    private static Absence toDomain(io.r2dbc.spi.Readable row) {
        return new Absence(new AbsenceId(row.get("id", UUID.class)), new AgencyId(row.get("agency_id", UUID.class)),
                new TeamMemberId(row.get("team_member_id", UUID.class)),
                Absence.Kind.valueOf(row.get("kind", String.class)), row.get("start_date", LocalDate.class),
                row.get("end_date", LocalDate.class), row.get("note", String.class),
                row.get("version", Long.class));
    }
}
