package io.cordee.persistence.project;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.persistence.common.Keyset;
import io.cordee.persistence.common.Sql;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class ProjectPersistenceAdapter implements ProjectRepository {

    private static final String COLUMNS = "agency_id, id, client_id, name, status, start_date, launch_date,"
            + " communication_plan_date, currency, fee_budget_minor, payment_terms_days, version";

    private final DatabaseClient db;
    private final ProjectRowMapper mapper;

    public ProjectPersistenceAdapter(DatabaseClient db, ProjectRowMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<Project> findById(AgencyId agencyId, ProjectId id) {
        return db.sql("SELECT " + COLUMNS + " FROM project WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .mapProperties(ProjectRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Page<Project>> findPage(AgencyId agencyId, ClientId clientId, PageRequest page) {
        Sql where = Sql.forAgency(agencyId.value())
                .and("client_id = :clientId", "clientId", clientId == null ? null : clientId.value());
        Mono<Long> count = db.sql("SELECT count(*) FROM project" + where.where()).bindValues(where.params())
                .mapValue(Long.class).one();
        if (page.after() != null) {
            Keyset.Position after = Keyset.decode(page.after());
            LocalDate afterStart = parseDate(after.sortValue());
            where.and("(start_date, id) > (:afterStart, :afterId)").param("afterStart", afterStart)
                    .param("afterId", after.id());
        }
        Mono<List<ProjectRow>> rows = page.first() == 0 ? Mono.just(List.of())
                : db.sql("SELECT " + COLUMNS + " FROM project" + where.where()
                                + " ORDER BY start_date, id LIMIT :limit")
                        .bindValues(where.params()).bind("limit", page.first() + 1)
                        .mapProperties(ProjectRow.class).all().collectList();
        return Mono.zip(rows, count).map(t -> {
            var list = t.getT1();
            var edges = list.stream().limit(page.first())
                    .map(r -> new Page.Edge<>(mapper.toDomain(r), Keyset.encode(r.startDate().toString(), r.id())))
                    .toList();
            return new Page<>(edges, list.size() > page.first(), t.getT2());
        });
    }

    @Override
    public Flux<Project> findByClients(AgencyId agencyId, Collection<ClientId> clientIds) {
        return db.sql("SELECT " + COLUMNS + " FROM project WHERE agency_id = :agencyId AND client_id = ANY(:clientIds)"
                        + " ORDER BY start_date, id")
                .bind("agencyId", agencyId.value())
                .bind("clientIds", clientIds.stream().map(ClientId::value).toArray(UUID[]::new))
                .mapProperties(ProjectRow.class).all().map(mapper::toDomain);
    }

    @Override
    public Mono<Project> insert(Project project) {
        return db.sql("INSERT INTO project (" + COLUMNS + ") VALUES (:agencyId, :id, :clientId, :name, :status,"
                        + " :startDate, :launchDate, :communicationPlanDate, :currency, :feeBudgetMinor,"
                        + " :paymentTermsDays, :version) RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(project))
                .mapProperties(ProjectRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Project> update(Project project) {
        return db.sql("UPDATE project SET name = :name, status = :status, start_date = :startDate,"
                        + " launch_date = :launchDate, communication_plan_date = :communicationPlanDate,"
                        + " currency = :currency, fee_budget_minor = :feeBudgetMinor,"
                        + " payment_terms_days = :paymentTermsDays, version = version + 1, updated_at = now()"
                        + " WHERE agency_id = :agencyId AND id = :id AND client_id = :clientId AND version = :version"
                        + " RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(project))
                .mapProperties(ProjectRow.class).one().map(mapper::toDomain);
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw io.cordee.core.common.InvalidInput.of("after", "is not a cursor of this list",
                    io.cordee.core.common.ErrorCode.INVALID_FORMAT);
        }
    }
}
