package io.cordee.persistence.timesheet;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.timesheet.TimeEntry;
import io.cordee.core.timesheet.TimesheetRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Actual time (V40): one multi-row insert per import, reads by project; every statement filters by agency. */
@Component
public class TimesheetPersistenceAdapter implements TimesheetRepository {

    private final DatabaseClient db;

    public TimesheetPersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Long> insertNew(AgencyId agencyId, List<TimeEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("INSERT INTO time_entry (agency_id, id, team_member_id, project_id, work_date, minutes, source,"
                        + " source_key) SELECT :agencyId, t.id, t.member, t.project, t.day, t.minutes, t.source, t.key"
                        + " FROM unnest(CAST(:ids AS uuid[]), CAST(:members AS uuid[]), CAST(:projects AS uuid[]),"
                        + " CAST(:days AS date[]), CAST(:minutes AS int[]), CAST(:sources AS text[]),"
                        + " CAST(:keys AS text[])) AS t(id, member, project, day, minutes, source, key)"
                        + " ON CONFLICT (agency_id, source_key) DO NOTHING")
                .bind("agencyId", agencyId.value())
                .bind("ids", entries.stream().map(e -> e.id().toString()).toArray(String[]::new))
                .bind("members", entries.stream().map(e -> e.memberId().value().toString()).toArray(String[]::new))
                .bind("projects", entries.stream().map(e -> e.projectId().value().toString()).toArray(String[]::new))
                .bind("days", entries.stream().map(e -> e.date().toString()).toArray(String[]::new))
                .bind("minutes", entries.stream().map(TimeEntry::minutes).toArray(Integer[]::new))
                .bind("sources", entries.stream().map(TimeEntry::source).toArray(String[]::new))
                .bind("keys", entries.stream().map(TimeEntry::key).toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    @Override
    public Flux<String> existingKeys(AgencyId agencyId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT source_key FROM time_entry WHERE agency_id = :agencyId AND source_key = ANY(:keys)")
                .bind("agencyId", agencyId.value()).bind("keys", keys.toArray(String[]::new))
                .map((row, meta) -> row.get("source_key", String.class)).all();
    }

    @Override
    public Flux<StaffUser> staffUsers(AgencyId agencyId) {
        return db.sql("SELECT email, display_name FROM app_user WHERE agency_id = :agencyId AND role <> 'CLIENT'")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> new StaffUser(row.get("email", String.class), row.get("display_name", String.class)))
                .all();
    }

    @Override
    public Flux<TimeEntry> actuals(AgencyId agencyId, Collection<ProjectId> projectIds, LocalDate from, LocalDate to) {
        if (projectIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT project_id, team_member_id, work_date, sum(minutes) AS minutes FROM time_entry"
                        + " WHERE agency_id = :agencyId AND project_id = ANY(:projects)"
                        + " AND work_date BETWEEN :from AND :to GROUP BY project_id, team_member_id, work_date")
                .bind("agencyId", agencyId.value())
                .bind("projects", projectIds.stream().map(ProjectId::value).toArray(UUID[]::new))
                .bind("from", from).bind("to", to)
                .map((row, meta) -> new TimeEntry(null, new TeamMemberId(row.get("team_member_id", UUID.class)),
                        new ProjectId(row.get("project_id", UUID.class)), row.get("work_date", LocalDate.class),
                        row.get("minutes", Long.class).intValue(), null, null))
                .all();
    }

    @Override
    public Flux<TimeEntry> findAll(AgencyId agencyId) {
        return db.sql("SELECT id, team_member_id, project_id, work_date, minutes, source, source_key FROM time_entry"
                        + " WHERE agency_id = :agencyId ORDER BY id")
                .bind("agencyId", agencyId.value())
                .map((row, meta) -> new TimeEntry(row.get("id", UUID.class),
                        new TeamMemberId(row.get("team_member_id", UUID.class)),
                        new ProjectId(row.get("project_id", UUID.class)), row.get("work_date", LocalDate.class),
                        row.get("minutes", Integer.class), row.get("source", String.class),
                        row.get("source_key", String.class)))
                .all();
    }

    @Override
    public Flux<Invoiced> invoiced(AgencyId agencyId, Collection<ProjectId> projectIds) {
        if (projectIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT project_id, sum(amount_minor) AS minor FROM invoice WHERE agency_id = :agencyId"
                        + " AND project_id = ANY(:projects) AND status IN ('ISSUED', 'PAID') GROUP BY project_id")
                .bind("agencyId", agencyId.value())
                .bind("projects", projectIds.stream().map(ProjectId::value).toArray(UUID[]::new))
                .map((row, meta) -> new Invoiced(new ProjectId(row.get("project_id", UUID.class)),
                        ((Number) row.get("minor")).longValue()))
                .all();
    }
}
