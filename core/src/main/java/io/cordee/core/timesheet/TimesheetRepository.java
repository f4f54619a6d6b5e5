package io.cordee.core.timesheet;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Actual time (V40) and the little it needs to read around it. Every statement filters by agency. */
public interface TimesheetRepository {

    /** Inserts the entries whose key is new; answers how many were inserted. */
    Mono<Long> insertNew(AgencyId agencyId, List<TimeEntry> entries);

    /** The keys among {@code keys} already stored. */
    Flux<String> existingKeys(AgencyId agencyId, Collection<String> keys);

    /** The agency's staff users (not CLIENT): e-mail (lower case) and display name, to match a tracker's e-mail. */
    Flux<StaffUser> staffUsers(AgencyId agencyId);

    /** Minutes per project, member and day, for the given projects, between two days (both included). */
    Flux<TimeEntry> actuals(AgencyId agencyId, Collection<ProjectId> projectIds, LocalDate from, LocalDate to);

    /** Every entry of the agency as stored (id, source and key included), ordered by id: the complete export (ADR 61). */
    Flux<TimeEntry> findAll(AgencyId agencyId);

    /** What has been invoiced per project: ISSUED and PAID invoices (not planned, not cancelled), minor units. */
    Flux<Invoiced> invoiced(AgencyId agencyId, Collection<ProjectId> projectIds);

    record StaffUser(String email, String displayName) {
    }

    record Invoiced(ProjectId projectId, long minor) {
    }
}
