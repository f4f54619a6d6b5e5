package io.cordee.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.schedule.BackgroundWorkRepository.AgencyDay;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BackgroundWorkRepository} promises the schedulers (ADR 0080, ADR 66): a periodic job runs for one
 * caller per interval; an agency's local day is claimed by one instance at a time and done once. Each test uses
 * jobs of its own; a daily claim takes every agency of the world's store, so the contract looks for its own.
 */
public abstract class BackgroundWorkRepositoryContract extends PortContract {

    private static final Instant NINE = Instant.parse("2027-03-01T09:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    /** More than any store a test runs on holds: a claim of every agency due. */
    private static final int ALL = Integer.MAX_VALUE;

    protected abstract BackgroundWorkRepository work();

    private BackgroundWorkRepository work;
    private String job;

    protected BackgroundWorkRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void aJobOfItsOwn() {
        work = work();
        job = "contract-" + UUID.randomUUID();
    }

    @Test
    void aPeriodicJobRunsForOneCallerPerInterval() {
        assertThat(work.claimPeriodicJob(job, NINE, HOUR, "instance-a").block()).isTrue();
        assertThat(work.claimPeriodicJob(job, NINE, HOUR, "instance-b").block()).isFalse();
        // one minute short of the hour: still not due
        assertThat(work.claimPeriodicJob(job, NINE.plus(HOUR).minusSeconds(60), HOUR, "instance-b").block())
                .isFalse();
        // 10:00, exactly one interval after 9:00: due again, for one of the two
        assertThat(work.claimPeriodicJob(job, NINE.plus(HOUR), HOUR, "instance-b").block()).isTrue();
        assertThat(work.claimPeriodicJob(job, NINE.plus(HOUR), HOUR, "instance-a").block()).isFalse();
    }

    @Test
    void eachPeriodicJobIsDueOnItsOwn() {
        assertThat(work.claimPeriodicJob(job, NINE, HOUR, "instance-a").block()).isTrue();
        assertThat(work.claimPeriodicJob(job + "-purge", NINE, HOUR, "instance-a").block()).isTrue();
    }

    @Test
    void anAgencysLocalDayIsClaimedByOneInstanceAndDoneOnce() {
        AgencyId agency = world().newAgency();
        // 23:30 UTC on 1 March is 0:30 on 2 March in Paris (UTC+1): the agency's day is the 2nd
        Instant lateEvening = Instant.parse("2027-03-01T23:30:00Z");
        AgencyDay due = new AgencyDay(agency, LocalDate.of(2027, 3, 2));
        assertThat(claim(lateEvening, "instance-a")).contains(due);
        // leased to instance-a for 10 minutes: not claimed by instance-b meanwhile
        assertThat(claim(lateEvening.plusSeconds(60), "instance-b")).doesNotContain(due);

        work.finishAgency(job, due, "instance-a").block();
        // after the lease, the day is done: not claimed again that day, by anyone
        assertThat(claim(lateEvening.plus(HOUR), "instance-b")).extracting(AgencyDay::agencyId).doesNotContain(agency);
        // the next local day (3 March in Paris from 23:00 UTC on the 2nd) is due again
        assertThat(claim(Instant.parse("2027-03-02T23:00:00Z"), "instance-b"))
                .contains(new AgencyDay(agency, LocalDate.of(2027, 3, 3)));
    }

    @Test
    void aDayIsFinishedOnlyByTheInstanceHoldingItsLease() {
        AgencyId agency = world().newAgency();
        AgencyDay due = new AgencyDay(agency, LocalDate.of(2027, 3, 1));
        assertThat(claim(NINE, "instance-a")).contains(due);
        // instance-b never held it: its finish changes nothing, so the day is due again once the lease ends
        work.finishAgency(job, due, "instance-b").block();
        assertThat(claim(NINE.plus(HOUR), "instance-b")).contains(due);
    }

    @Test
    void anAgencyCreatedDuringAPassIsClaimedFromTheNextOne() {
        work.enrolAgencies(job).block();
        AgencyId agency = world().newAgency();
        // not enrolled: the claims of the pass under way do not see it
        assertThat(work.claimDueAgencies(job, NINE, ALL, NINE.plus(HOUR), "instance-a").collectList().block())
                .extracting(AgencyDay::agencyId).doesNotContain(agency);
        // the next pass enrols it (at least it: other tests may create agencies in the same store meanwhile)
        assertThat(work.enrolAgencies(job).block()).isGreaterThanOrEqualTo(1L);
        assertThat(work.claimDueAgencies(job, NINE, ALL, NINE.plus(HOUR), "instance-a").collectList().block())
                .contains(new AgencyDay(agency, LocalDate.of(2027, 3, 1)));
        // enrolled once: a second enrolment adds no row for it, and its leased day is not claimed twice
        work.enrolAgencies(job).block();
        assertThat(work.claimDueAgencies(job, NINE.plusSeconds(60), ALL, NINE.plus(HOUR), "instance-b").collectList()
                .block()).extracting(AgencyDay::agencyId).doesNotContain(agency);
    }

    /** Claims every agency due at {@code now} for this test's job, leased for 10 minutes. */
    private List<AgencyDay> claim(Instant now, String owner) {
        // as a pass does: the agencies created since the last pass enrolled, then claimed
        work.enrolAgencies(job).block();
        return work.claimDueAgencies(job, now, ALL, now.plus(Duration.ofMinutes(10)), owner).collectList().block();
    }
}
