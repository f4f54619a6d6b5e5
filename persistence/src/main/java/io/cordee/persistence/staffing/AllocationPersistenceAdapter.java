package io.cordee.persistence.staffing;

import static io.cordee.persistence.common.Sql.anyRowChanged;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.AllocationRepository;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.persistence.common.KeysetQuery;
import io.cordee.persistence.common.RowReader;
import io.cordee.persistence.common.Sql;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class AllocationPersistenceAdapter implements AllocationRepository {

    private static final String COLUMNS = "agency_id, id, team_member_id, project_id, share_percent, start_date,"
            + " end_date, version";
    private static final KeysetQuery<AllocationRow> PAGE = new KeysetQuery<>("allocation", COLUMNS, "start_date",
            AllocationRow.class, AllocationRow::startDate, AllocationRow::id, LocalDate::parse);
    /** Every read of {@code AllocationRow} by position (ADR 62). */
    private static final RowReader<AllocationRow> ROW = PAGE.reader();

    private final DatabaseClient db;
    private final AllocationRowMapper mapper;

    public AllocationPersistenceAdapter(DatabaseClient db, AllocationRowMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<Allocation> findById(AgencyId agencyId, AllocationId id) {
        return PAGE.findById(db, agencyId.value(), id.value()).map(mapper::toDomain);
    }

    @Override
    public Mono<Page<Allocation>> findPage(AgencyId agencyId, ProjectId projectId, TeamMemberId memberId,
                                           ClientId clientId, PageRequest page) {
        Sql where = Sql.forAgency(agencyId.value())
                .and("project_id = :projectId", "projectId", projectId == null ? null : projectId.value())
                .and("team_member_id = :memberId", "memberId", memberId == null ? null : memberId.value())
                .andProjectOfClient(clientId);
        return PAGE.fetch(db, where, page, mapper::toDomain);
    }

    @Override
    public Flux<Allocation> findOverlapping(AgencyId agencyId, LocalDate from, LocalDate to) {
        return db.sql("SELECT " + COLUMNS + " FROM allocation WHERE agency_id = :agencyId"
                        + " AND start_date <= :to AND end_date >= :from")
                .bind("agencyId", agencyId.value()).bind("from", from).bind("to", to)
                .map(ROW).all().map(mapper::toDomain);
    }

    @Override
    public Flux<Allocation> findByProjects(AgencyId agencyId, java.util.Collection<ProjectId> projectIds) {
        return PAGE.findAllByAny(db, agencyId.value(), "project_id", projectIds.stream().map(ProjectId::value).toList())
                .map(mapper::toDomain);
    }

    @Override
    public Mono<Allocation> insert(Allocation allocation) {
        return PAGE.insert(db, mapper.toRow(allocation)).map(mapper::toDomain);
    }

    @Override
    public Mono<Allocation> update(Allocation allocation) {
        return PAGE.updateAtVersion(db, "team_member_id = :teamMemberId, project_id = :projectId,"
                        + " share_percent = :sharePercent, start_date = :startDate, end_date = :endDate",
                "id = :id", mapper.toRow(allocation))
                .map(mapper::toDomain);
    }

    @Override
    public Mono<Boolean> delete(AgencyId agencyId, AllocationId id, long version) {
        return anyRowChanged(db.sql("DELETE FROM allocation WHERE agency_id = :agencyId AND id = :id"
                        + " AND version = :version")
                .bind("agencyId", agencyId.value()).bind("id", id.value()).bind("version", version));
    }
}
