package io.cordee.persistence.staffing;

import static io.cordee.persistence.common.Sql.insertInto;
import static io.cordee.persistence.common.Sql.updateAtVersion;

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
import java.util.List;

@Repository
public class TeamMemberPersistenceAdapter implements TeamMemberRepository {

    private static final String COLUMNS = "agency_id, id, name, job_title, skills, fte, currency,"
            + " monthly_loaded_cost_minor, daily_bill_rate_minor, start_date, end_date, archived, version";

    private static final KeysetQuery<TeamMemberRow> PAGE = new KeysetQuery<>("team_member", COLUMNS, "name",
            TeamMemberRow.class, TeamMemberRow::name, TeamMemberRow::id, value -> value);

    private final DatabaseClient db;
    private final TeamMemberRowMapper mapper;
    private final AbsencePersistenceAdapter absences;

    public TeamMemberPersistenceAdapter(DatabaseClient db, TeamMemberRowMapper mapper,
                                        AbsencePersistenceAdapter absences) {
        this.db = db;
        this.mapper = mapper;
        this.absences = absences;
    }

    /** The members with their absences: one more statement for any number of members. */
    private Flux<TeamMember> withAbsences(Flux<TeamMember> members) {
        return members.collectList().flatMapMany(list -> list.isEmpty() ? Flux.empty()
                : absences.findByMembers(list.get(0).agencyId(), list.stream().map(TeamMember::id).toList())
                        .collectMultimap(io.cordee.core.staffing.Absence::memberId)
                        .flatMapIterable(byMember -> list.stream().map(m -> TeamMember.withAbsences(m,
                                byMember.containsKey(m.id()) ? List.copyOf(byMember.get(m.id())) : List.of()))
                                .toList()));
    }

    private Mono<TeamMember> withAbsences(Mono<TeamMember> member) {
        return withAbsences(member.flux()).next();
    }

    @Override
    public Mono<TeamMember> findById(AgencyId agencyId, TeamMemberId id) {
        return db.sql("SELECT " + COLUMNS + " FROM team_member WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .map((row, meta) -> TeamMemberRow.read(row)).one().map(mapper::toDomain).as(this::withAbsences);
    }

    @Override
    public Mono<Page<TeamMember>> findPage(AgencyId agencyId, boolean includeArchived, PageRequest page) {
        Sql where = Sql.forAgency(agencyId.value());
        if (!includeArchived) {
            where.and("NOT archived");
        }
        return PAGE.fetch(db, where, page, mapper::toDomain)
                .flatMap(p -> withAbsences(Flux.fromIterable(p.edges()).map(Page.Edge::node)).collectList()
                        .map(members -> {
                            List<Page.Edge<TeamMember>> edges = new java.util.ArrayList<>();
                            for (int i = 0; i < members.size(); i++) {
                                edges.add(new Page.Edge<>(members.get(i), p.edges().get(i).cursor()));
                            }
                            return new Page<>(edges, p.hasNextPage(), p.totalCount());
                        }));
    }

    @Override
    public Flux<TeamMember> findAllById(AgencyId agencyId, java.util.Collection<TeamMemberId> ids) {
        return db.sql("SELECT " + COLUMNS + " FROM team_member WHERE agency_id = :agencyId AND id = ANY(:ids)")
                .bind("agencyId", agencyId.value())
                .bind("ids", ids.stream().map(TeamMemberId::value).toArray(java.util.UUID[]::new))
                .map((row, meta) -> TeamMemberRow.read(row)).all().map(mapper::toDomain).as(this::withAbsences);
    }

    @Override
    public Flux<TeamMember> findAll(AgencyId agencyId) {
        return db.sql("SELECT " + COLUMNS + " FROM team_member WHERE agency_id = :agencyId ORDER BY name, id")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> TeamMemberRow.read(row)).all().map(mapper::toDomain).as(this::withAbsences);
    }

    @Override
    public Mono<TeamMember> insert(TeamMember member) {
        return db.sql(insertInto("team_member", COLUMNS) + " RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(member))
                .map((row, meta) -> TeamMemberRow.read(row)).one().map(mapper::toDomain);
    }

    @Override
    public Mono<TeamMember> update(TeamMember member) {
        return db.sql(updateAtVersion("team_member", "name = :name, job_title = :jobTitle, skills = :skills,"
                                + " fte = :fte, currency = :currency,"
                                + " monthly_loaded_cost_minor = :monthlyLoadedCostMinor,"
                                + " daily_bill_rate_minor = :dailyBillRateMinor, start_date = :startDate,"
                                + " end_date = :endDate, archived = :archived",
                        "id = :id") + " RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(member))
                .map((row, meta) -> TeamMemberRow.read(row)).one().map(mapper::toDomain).as(this::withAbsences);
    }
}
