package io.cordee.core.schedule;

import io.cordee.core.agency.AgencyId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Port: background work shared out between the instances on one database (ADR 66). A daily job is done
 * once per agency and local day, whichever instance claims it; a global periodic job runs on one instance
 * per interval.
 */
public interface BackgroundWorkRepository {

    /** An agency's due local day, claimed for one instance until its lease ends. */
    record AgencyDay(AgencyId agencyId, LocalDate day) {
    }

    /**
     * Makes every agency created since the last call known to {@code job}, not yet done, so that the next claims
     * see it; how many were added. Once per pass, before its claims: it reads every agency (ADR 93).
     */
    Mono<Long> enrolAgencies(String job);

    /**
     * Claims up to {@code limit} enrolled agencies ({@link #enrolAgencies}) whose local day at {@code now} (each
     * agency's time zone) has not been done for {@code job} and that no live lease holds; each is leased to
     * {@code owner} until {@code leaseUntil}. Rows another instance is claiming at the same moment are skipped,
     * not waited for. Reads only the rows it claims (by index), whatever the number of agencies.
     */
    Flux<AgencyDay> claimDueAgencies(String job, Instant now, int limit, Instant leaseUntil, String owner);

    /** Records {@code day} as done for the agency and frees its lease, if {@code owner} still holds it. */
    Mono<Void> finishAgency(String job, AgencyDay claimed, String owner);

    /**
     * True for the one caller that finds {@code job} due (never run, or last run at least {@code interval}
     * before {@code now}), which records it as run at {@code now}; false for everyone else.
     */
    Mono<Boolean> claimPeriodicJob(String job, Instant now, Duration interval, String owner);
}
