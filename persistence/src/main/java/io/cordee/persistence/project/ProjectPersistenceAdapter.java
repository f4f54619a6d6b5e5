package io.cordee.persistence.project;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.core.project.ProjectRepository;
import io.cordee.persistence.common.KeysetQuery;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class ProjectPersistenceAdapter implements ProjectRepository {

    private static final String COLUMNS = "agency_id, id, client_id, name, status, start_date, launch_date,"
            + " communication_plan_date, currency, fee_budget_minor, payment_terms_days, version";

    private static final KeysetQuery<ProjectRow> PAGE = new KeysetQuery<>("project", COLUMNS, "start_date",
            ProjectRow.class, ProjectRow::startDate, ProjectRow::id, LocalDate::parse);

    private final DatabaseClient db;
    private final ProjectRowMapper mapper;

    public ProjectPersistenceAdapter(DatabaseClient db, ProjectRowMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<Project> findById(AgencyId agencyId, ProjectId id) {
        return PAGE.findById(db, agencyId.value(), id.value()).map(mapper::toDomain);
    }

    @Override
    public Mono<Page<Project>> findPage(AgencyId agencyId, ClientId clientId, PageRequest page) {
        return PAGE.fetchOfClient(db, agencyId.value(), clientId, page, mapper::toDomain);
    }

    @Override
    public Flux<Project> findByClients(AgencyId agencyId, Collection<ClientId> clientIds) {
        return PAGE.findAllByAny(db, agencyId.value(), "client_id", clientIds.stream().map(ClientId::value).toList())
                .map(mapper::toDomain);
    }

    @Override
    public Flux<Project> findAllById(AgencyId agencyId, Collection<ProjectId> ids) {
        return PAGE.findAllById(db, agencyId.value(), ids.stream().map(ProjectId::value).toList())
                .map(mapper::toDomain);
    }

    private static final io.cordee.persistence.common.BulkInsert<ProjectRow> PROJECTS =
            new io.cordee.persistence.common.BulkInsert<ProjectRow>("project")
                    .column("agency_id", "uuid", ProjectRow::agencyId).column("id", "uuid", ProjectRow::id)
                    .column("client_id", "uuid", ProjectRow::clientId).column("name", "text", ProjectRow::name)
                    .column("status", "text", ProjectRow::status).column("start_date", "date", ProjectRow::startDate)
                    .column("launch_date", "date", ProjectRow::launchDate)
                    .column("communication_plan_date", "date", ProjectRow::communicationPlanDate)
                    .column("currency", "text", ProjectRow::currency)
                    .column("fee_budget_minor", "bigint", ProjectRow::feeBudgetMinor)
                    .column("payment_terms_days", "integer", ProjectRow::paymentTermsDays)
                    .column("version", "bigint", ProjectRow::version);

    @Override
    public Mono<Void> insertAll(java.util.List<Project> projects) {
        return PROJECTS.insert(db, projects.stream().map(mapper::toRow).toList());
    }

    @Override
    public Mono<Project> insert(Project project) {
        return PAGE.insert(db, mapper.toRow(project)).map(mapper::toDomain);
    }

    @Override
    public Mono<Project> update(Project project) {
        return PAGE.updateAtVersion(db, "name = :name, status = :status, start_date = :startDate,"
                        + " launch_date = :launchDate, communication_plan_date = :communicationPlanDate,"
                        + " currency = :currency, fee_budget_minor = :feeBudgetMinor,"
                        + " payment_terms_days = :paymentTermsDays",
                "id = :id AND client_id = :clientId", mapper.toRow(project))
                .map(mapper::toDomain);
    }
}
