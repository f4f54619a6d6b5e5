package io.cordee.persistence.brief;

import static io.cordee.persistence.common.Sql.insertInto;
import static io.cordee.persistence.common.Sql.updateAtVersion;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.brief.Brief;
import io.cordee.core.brief.BriefId;
import io.cordee.core.brief.BriefRepository;
import io.cordee.core.brief.BriefStatus;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.brief.BriefVersionId;
import io.cordee.core.brief.Requirement;
import io.cordee.core.brief.Signature;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.ProjectId;
import io.cordee.persistence.common.KeysetQuery;
import io.cordee.persistence.common.Sql;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class BriefPersistenceAdapter implements BriefRepository {

    private static final String COLUMNS = "agency_id, id, project_id, title, version";
    private static final String VERSION_COLUMNS = "agency_id, id, brief_id, number, status, objectives, target_users,"
            + " constraints, assumptions, out_of_scope, launch_date, communication_plan_date, version";
    private static final String REQUIREMENT_COLUMNS = "brief_version_id, position, key, title, user_story, priority,"
            + " estimate_days";
    private static final String SIGNATURE_COLUMNS = "agency_id, brief_version_id, party, signed_by, signer_name,"
            + " signed_at, version_number";
    private static final KeysetQuery<BriefRow> PAGE = new KeysetQuery<>("brief", COLUMNS, "title", BriefRow.class,
            BriefRow::title, BriefRow::id, s -> s);

    private final DatabaseClient db;
    private final BriefRowMapper mapper;

    public BriefPersistenceAdapter(DatabaseClient db, BriefRowMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<Brief> findById(AgencyId agencyId, BriefId id) {
        return PAGE.findById(db, agencyId.value(), id.value()).map(mapper::toDomain);
    }

    @Override
    public Flux<Brief> findAllById(AgencyId agencyId, Collection<BriefId> ids) {
        return PAGE.findAllById(db, agencyId.value(), ids.stream().map(BriefId::value).toList())
                .map(mapper::toDomain);
    }

    @Override
    public Mono<Page<Brief>> findPage(AgencyId agencyId, ProjectId projectId, ClientId clientId, PageRequest page) {
        Sql where = Sql.forAgency(agencyId.value())
                .and("project_id = :projectId", "projectId", projectId == null ? null : projectId.value())
                .andProjectOfClient(clientId);
        return PAGE.fetch(db, where, page, mapper::toDomain);
    }

    @Override
    public Flux<Brief> findByProjects(AgencyId agencyId, Collection<ProjectId> projectIds) {
        return PAGE.findAllByAny(db, agencyId.value(), "project_id", projectIds.stream().map(ProjectId::value).toList())
                .map(mapper::toDomain);
    }

    @Override
    public Mono<BriefVersion> findVersion(AgencyId agencyId, BriefVersionId id) {
        return db.sql("SELECT " + VERSION_COLUMNS + " FROM brief_version WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .mapProperties(BriefVersionRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Flux<BriefVersion> findVersions(AgencyId agencyId, Collection<BriefId> briefIds) {
        return db.sql("SELECT " + VERSION_COLUMNS + " FROM brief_version WHERE agency_id = :agencyId"
                        + " AND brief_id = ANY(:ids) ORDER BY brief_id, number")
                .bind("agencyId", agencyId.value())
                .bind("ids", briefIds.stream().map(BriefId::value).toArray(UUID[]::new))
                .mapProperties(BriefVersionRow.class).all().map(mapper::toDomain);
    }

    @Override
    public Mono<BriefVersion> findLatestVersion(AgencyId agencyId, BriefId briefId) {
        return db.sql("SELECT " + VERSION_COLUMNS + " FROM brief_version WHERE agency_id = :agencyId"
                        + " AND brief_id = :briefId ORDER BY number DESC LIMIT 1")
                .bind("agencyId", agencyId.value()).bind("briefId", briefId.value())
                .mapProperties(BriefVersionRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Map<BriefVersionId, List<Requirement>>> findRequirements(AgencyId agencyId,
                                                                         Collection<BriefVersionId> versionIds) {
        return db.sql("SELECT " + REQUIREMENT_COLUMNS + " FROM brief_requirement WHERE agency_id = :agencyId"
                        + " AND brief_version_id = ANY(:ids) ORDER BY brief_version_id, position")
                .bind("agencyId", agencyId.value())
                .bind("ids", versionIds.stream().map(BriefVersionId::value).toArray(UUID[]::new))
                .mapProperties(RequirementRow.class).all().collectList()
                .map(rows -> rows.stream().collect(Collectors.groupingBy(r -> new BriefVersionId(r.briefVersionId()),
                        LinkedHashMap::new, Collectors.mapping(mapper::toDomain, Collectors.toList()))));
    }

    @Override
    public Flux<Signature> findSignatures(AgencyId agencyId, Collection<BriefVersionId> versionIds) {
        return db.sql("SELECT " + SIGNATURE_COLUMNS + " FROM brief_signature WHERE agency_id = :agencyId"
                        + " AND brief_version_id = ANY(:ids) ORDER BY signed_at, party")
                .bind("agencyId", agencyId.value())
                .bind("ids", versionIds.stream().map(BriefVersionId::value).toArray(UUID[]::new))
                .mapProperties(SignatureRow.class).all().map(mapper::toDomain);
    }

    @Override
    public Mono<Brief> insert(Brief brief) {
        return PAGE.insert(db, mapper.toRow(brief)).map(mapper::toDomain);
    }

    @Override
    public Mono<BriefVersion> insertVersion(BriefVersion version, List<Requirement> requirements) {
        return db.sql(insertInto("brief_version", VERSION_COLUMNS)
                        + " ON CONFLICT (agency_id, brief_id, number) DO NOTHING RETURNING " + VERSION_COLUMNS)
                .bindProperties(mapper.toRow(version))
                .mapProperties(BriefVersionRow.class).one().map(mapper::toDomain)
                .flatMap(saved -> insertRequirements(saved.agencyId(), saved.id(), requirements).thenReturn(saved));
    }

    @Override
    public Mono<BriefVersion> updateVersion(BriefVersion version) {
        return db.sql(updateAtVersion("brief_version", "objectives = :objectives, target_users = :targetUsers,"
                                + " constraints = :constraints, assumptions = :assumptions, out_of_scope = :outOfScope,"
                                + " launch_date = :launchDate, communication_plan_date = :communicationPlanDate",
                        // only a draft changes in place: status is DRAFT in the version given
                        "id = :id AND brief_id = :briefId AND number = :number"
                                + " AND status = :status")
                        + " RETURNING " + VERSION_COLUMNS)
                .bindProperties(mapper.toRow(version))
                .mapProperties(BriefVersionRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Void> replaceRequirements(AgencyId agencyId, BriefVersionId versionId, List<Requirement> requirements) {
        return db.sql("DELETE FROM brief_requirement WHERE agency_id = :agencyId AND brief_version_id = :versionId")
                .bind("agencyId", agencyId.value()).bind("versionId", versionId.value())
                .fetch().rowsUpdated()
                .then(insertRequirements(agencyId, versionId, requirements));
    }

    /** All the requirements of a version in one statement, whatever their number. */
    private Mono<Void> insertRequirements(AgencyId agencyId, BriefVersionId versionId, List<Requirement> requirements) {
        if (requirements.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("INSERT INTO brief_requirement (agency_id, brief_version_id, " + "position, key, title,"
                        + " user_story, priority, estimate_days)"
                        + " SELECT :agencyId, :versionId, r.position, r.key, r.title, r.user_story, r.priority,"
                        + " r.estimate_days FROM unnest(:positions, :keys, :titles, :stories, :priorities, :estimates)"
                        + " AS r(position, key, title, user_story, priority, estimate_days)")
                .bind("agencyId", agencyId.value()).bind("versionId", versionId.value())
                .bind("positions", IntStream.range(0, requirements.size()).boxed().toArray(Integer[]::new))
                .bind("keys", requirements.stream().map(Requirement::key).toArray(String[]::new))
                .bind("titles", requirements.stream().map(Requirement::title).toArray(String[]::new))
                .bind("stories", requirements.stream().map(Requirement::userStory).toArray(String[]::new))
                .bind("priorities", requirements.stream().map(r -> r.priority().name()).toArray(String[]::new))
                .bind("estimates", requirements.stream().map(Requirement::estimateDays).toArray(BigDecimal[]::new))
                .fetch().rowsUpdated().then();
    }

    @Override
    public Mono<BriefVersion> lockDraft(AgencyId agencyId, BriefVersionId id, long expectedVersion) {
        return db.sql("SELECT " + VERSION_COLUMNS + " FROM brief_version WHERE agency_id = :agencyId AND id = :id"
                        + " AND version = :version AND status = 'DRAFT' FOR UPDATE")
                .bind("agencyId", agencyId.value()).bind("id", id.value()).bind("version", expectedVersion)
                .mapProperties(BriefVersionRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<BriefVersion> setStatus(AgencyId agencyId, BriefVersionId id, long expectedVersion,
                                        BriefStatus status) {
        return db.sql(updateAtVersion("brief_version", "status = :status", "id = :id")
                        + " RETURNING " + VERSION_COLUMNS)
                .bind("agencyId", agencyId.value()).bind("id", id.value()).bind("version", expectedVersion)
                .bind("status", status.name())
                .mapProperties(BriefVersionRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Signature> sign(AgencyId agencyId, Signature signature) {
        return db.sql(insertInto("brief_signature", SIGNATURE_COLUMNS)
                        + " ON CONFLICT (agency_id, brief_version_id, party) DO UPDATE SET signed_by = EXCLUDED.signed_by,"
                        + " signer_name = EXCLUDED.signer_name, signed_at = EXCLUDED.signed_at,"
                        + " version_number = EXCLUDED.version_number RETURNING " + SIGNATURE_COLUMNS)
                .bindProperties(mapper.toRow(agencyId.value(), signature))
                .mapProperties(SignatureRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Void> clearSignatures(AgencyId agencyId, BriefVersionId versionId) {
        return db.sql("DELETE FROM brief_signature WHERE agency_id = :agencyId AND brief_version_id = :versionId")
                .bind("agencyId", agencyId.value()).bind("versionId", versionId.value())
                .fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Void> supersedeOthers(AgencyId agencyId, BriefId briefId, BriefVersionId agreed) {
        return db.sql("UPDATE brief_version SET status = 'SUPERSEDED', version = version + 1, updated_at = now()"
                        + " WHERE agency_id = :agencyId AND brief_id = :briefId AND status = 'AGREED' AND id <> :id")
                .bind("agencyId", agencyId.value()).bind("briefId", briefId.value()).bind("id", agreed.value())
                .fetch().rowsUpdated().then();
    }
}
