package io.cordee.api.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.DigestServices;
import io.cordee.api.support.MailServer;
import io.cordee.api.support.OtherAgencies;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.digest.DigestRepository;
import io.cordee.core.digest.DigestService;
import io.cordee.core.digest.DigestService.Report;
import io.cordee.core.identity.Role;
import io.cordee.core.mail.Mailer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Two application instances on one database send each agency's weekly digest once (issue 20 point 1, ADR 82):
 * a second {@link DigestService} and {@link WeeklyDigest}, built from the same database, mail and clock beans
 * as the application's, runs at the same moment as the application's own. Each instance only reads the
 * agencies whose week is unclaimed, and the week's claim row decides which one sends. The passes are for the
 * test's six studios: the other agencies of the shared database have their week claimed ({@link OtherAgencies}).
 */
@MailServer.WithSmtp
class DigestTwoInstancesTest {

    @Autowired
    WeeklyDigest instanceOne;
    @Autowired
    DigestRepository digests;
    @Autowired
    Mailer mailer;
    @Autowired
    Tenants tenants;
    @Autowired
    TestClock clock;
    @Autowired
    DatabaseClient db;
    @Autowired
    DigestServices digestServices;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void twoInstancesAtTheSameMomentSendOneDigestPerUserPerWeek() {
        // a Monday three weeks ahead, so no other digest test has claimed that week for the demo or anyone
        LocalDate monday = clock.todayInParis().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(3);
        WeeklyDigest instanceTwo = new WeeklyDigest(digestServices.sendingThrough(mailer));
        List<Tenants.Tenant> studios = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            studios.add(tenants.create("Twin Digest Studio " + i));
        }
        Set<AgencyId> mine = studios.stream().map(Tenants.Tenant::agencyId).collect(Collectors.toSet());

        // Monday 08:30 in Paris: every one of the six is unclaimed and due
        clock.startAt(monday.atTime(8, 30).atZone(TestClock.PARIS).toInstant());
        OtherAgencies.claimWeekOfAllBut(db, clock.instant(), mine);
        assertThat(digests.unclaimedThisWeek(clock.instant()).collectList().block(Duration.ofSeconds(30)))
                .containsAll(mine);
        List<Report> reports = atOnce(instanceOne, instanceTwo).stream().filter(r -> mine.contains(r.agencyId()))
                .toList();

        // each agency reported by exactly one instance, with its OWNER and FINANCE user sent to (2), none failed
        assertThat(reports).hasSize(6).allSatisfy(r -> {
            assertThat(r.sent()).isEqualTo(2);
            assertThat(r.failed()).isZero();
            assertThat(r.week()).isEqualTo(monday);
        });
        assertThat(reports.stream().map(Report::agencyId).collect(Collectors.toSet())).isEqualTo(mine);
        for (Tenants.Tenant studio : studios) {
            assertThat(MailServer.to(studio.email(Role.OWNER))).as("one digest for the owner").hasSize(1);
            assertThat(MailServer.to(studio.email(Role.FINANCE))).as("one digest for finance").hasSize(1);
            assertThat(MailServer.to(studio.email(Role.LEAD))).isEmpty();
        }
        assertThat(db.sql("SELECT count(*) FROM digest_run WHERE week = :w AND agency_id = ANY(:a) AND sent = 2")
                .bind("w", monday).bind("a", mine.stream().map(AgencyId::value).toArray(java.util.UUID[]::new))
                .mapValue(Long.class).one().block()).isEqualTo(6L);
        // once claimed, an agency is no longer read by either instance's check this week
        assertThat(digests.unclaimedThisWeek(clock.instant()).collectList().block(Duration.ofSeconds(30)))
                .doesNotContainAnyElementsOf(mine);

        // both instances check again later that week (every 15 minutes in production): nothing more is sent
        clock.startAt(monday.plusDays(2).atTime(10, 0).atZone(TestClock.PARIS).toInstant());
        OtherAgencies.claimWeekOfAllBut(db, clock.instant(), mine);
        assertThat(atOnce(instanceOne, instanceTwo)).noneMatch(r -> mine.contains(r.agencyId()));
        for (Tenants.Tenant studio : studios) {
            assertThat(MailServer.to(studio.email(Role.OWNER))).hasSize(1);
            assertThat(MailServer.to(studio.email(Role.FINANCE))).hasSize(1);
        }

        // the next week: unclaimed again, one more digest each
        clock.startAt(monday.plusWeeks(1).atTime(8, 0).atZone(TestClock.PARIS).toInstant());
        OtherAgencies.claimWeekOfAllBut(db, clock.instant(), mine);
        assertThat(digests.unclaimedThisWeek(clock.instant()).collectList().block(Duration.ofSeconds(30)))
                .containsAll(mine);
        atOnce(instanceOne, instanceTwo);
        for (Tenants.Tenant studio : studios) {
            assertThat(MailServer.to(studio.email(Role.OWNER))).hasSize(2);
            assertThat(MailServer.to(studio.email(Role.FINANCE))).hasSize(2);
        }
    }

    /** Both instances' runs at the same moment, each on a thread of its own: the reports of both. */
    private static List<Report> atOnce(WeeklyDigest one, WeeklyDigest two) {
        var both = Mono.zip(one.run().subscribeOn(Schedulers.boundedElastic()),
                two.run().subscribeOn(Schedulers.boundedElastic())).block(Duration.ofSeconds(120));
        return Stream.concat(both.getT1().stream(), both.getT2().stream()).toList();
    }
}
