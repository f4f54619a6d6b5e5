package io.cordee.persistence.staffing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.staffing.TeamMemberRepository;
import io.cordee.persistence.common.KeysetQuery;
import io.cordee.persistence.common.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class TeamMemberPersistenceAdapter implements TeamMemberRepository {

    private static final String COLUMNS = "agency_id, id, name, job_title, skills, fte, currency,"
            + " monthly_loaded_cost_minor, daily_bill_rate_minor, archived, version";

    private static final KeysetQuery<TeamMemberRow> PAGE = new KeysetQuery<>("team_member", COLUMNS, "name",
            TeamMemberRow.class, TeamMemberRow::name, TeamMemberRow::id, value -> value);

    private final DatabaseClient db;
    private final TeamMemberRowMapper mapper;

    public TeamMemberPersistenceAdapter(DatabaseClient db, TeamMemberRowMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<TeamMember> findById(AgencyId agencyId, TeamMemberId id) {
        return db.sql("SELECT " + COLUMNS + " FROM team_member WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .mapProperties(TeamMemberRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Page<TeamMember>> findPage(AgencyId agencyId, boolean includeArchived, PageRequest page) {
        Sql where = Sql.forAgency(agencyId.value());
        if (!includeArchived) {
            where.and("NOT archived");
        }
        return PAGE.fetch(db, where, page, mapper::toDomain);
    }

    @Override
    public Flux<TeamMember> findAllById(AgencyId agencyId, java.util.Collection<TeamMemberId> ids) {
        return db.sql("SELECT " + COLUMNS + " FROM team_member WHERE agency_id = :agencyId AND id = ANY(:ids)")
                .bind("agencyId", agencyId.value())
                .bind("ids", ids.stream().map(TeamMemberId::value).toArray(java.util.UUID[]::new))
                .mapProperties(TeamMemberRow.class).all().map(mapper::toDomain);
    }

    @Override
    public Flux<TeamMember> findAll(AgencyId agencyId) {
        return db.sql("SELECT " + COLUMNS + " FROM team_member WHERE agency_id = :agencyId ORDER BY name, id")
                .bind("agencyId", agencyId.value())
                .mapProperties(TeamMemberRow.class).all().map(mapper::toDomain);
    }

    @Override
    public Mono<TeamMember> insert(TeamMember member) {
        return db.sql("INSERT INTO team_member (" + COLUMNS + ") VALUES (:agencyId, :id, :name, :jobTitle, :skills,"
                        + " :fte, :currency, :monthlyLoadedCostMinor, :dailyBillRateMinor, :archived, :version)"
                        + " RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(member))
                .mapProperties(TeamMemberRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<TeamMember> update(TeamMember member) {
        return db.sql("UPDATE team_member SET name = :name, job_title = :jobTitle, skills = :skills, fte = :fte,"
                        + " currency = :currency, monthly_loaded_cost_minor = :monthlyLoadedCostMinor,"
                        + " daily_bill_rate_minor = :dailyBillRateMinor, archived = :archived,"
                        + " version = version + 1, updated_at = now()"
                        + " WHERE agency_id = :agencyId AND id = :id AND version = :version RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(member))
                .mapProperties(TeamMemberRow.class).one().map(mapper::toDomain);
    }
}
