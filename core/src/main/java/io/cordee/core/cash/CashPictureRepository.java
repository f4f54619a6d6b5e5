package io.cordee.core.cash;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import java.time.LocalDate;
import reactor.core.publisher.Mono;

/**
 * Port: loads an agency's {@link AgencyCashPicture} as of a date in a fixed number of statements, whatever the
 * number of clients, projects, invoices, payments or people; and the agency's data version, which every
 * transaction writing what a picture holds increments (ADR 47).
 */
public interface CashPictureRepository {

    /**
     * How many statements {@link #load} issues for an agency with people (one fewer before its first team
     * member: the team's absences are read only for members); it never depends on the agency's size.
     */
    int STATEMENTS = 8;

    /**
     * How many statements {@link #loadForecast} issues at most (one fewer before the first team member, one
     * fewer when no bank balance is recorded by as-of: no receipts to read after it).
     */
    int FORECAST_STATEMENTS = 6;

    /**
     * A forecast picture of {@code agency} on {@code asOf} ({@link AgencyCashPicture#forForecast}): what the
     * forecast reads and no more — no projects, allocations, first payments, and only the payments received
     * after the opening balance. On a large agency it is the difference between reading some 60,000 rows and
     * 200,000 (ADR 47).
     */
    Mono<AgencyCashPicture> loadForecast(Agency agency, LocalDate asOf);

    /** The picture of {@code agency} on {@code asOf}; its balance is null when none is recorded by then. */
    Mono<AgencyCashPicture> load(Agency agency, LocalDate asOf);

    /** The agency's data version, in one small statement; 0 before its first write. */
    Mono<Long> dataVersion(AgencyId agencyId);

    /** The agency and its data version, in one statement; empty when there is no such agency. */
    Mono<VersionedAgency> agency(AgencyId agencyId);

    /** An agency as read together with its data version. */
    record VersionedAgency(Agency agency, long dataVersion) {
    }
}
