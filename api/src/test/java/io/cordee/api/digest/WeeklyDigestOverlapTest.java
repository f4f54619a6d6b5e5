package io.cordee.api.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.DigestServices;
import io.cordee.api.support.MailServer;
import io.cordee.api.support.OtherAgencies;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.digest.DigestRepository;
import io.cordee.core.digest.DigestService.Report;
import io.cordee.core.identity.Role;
import io.cordee.core.mail.Mailer;
import io.cordee.core.mail.OutgoingMail;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The weekly digest's pass never overlaps itself on one instance (issue 20 point 1, ADR 82): a check that comes
 * while the previous pass is still sending does nothing. The pass is held in the middle by the mailer it sends
 * through (the application's own SMTP mailer, whose first send waits until the test lets it go), so "in
 * progress" is a state the test waits for, not a matter of timing. Two instances on one database sending each
 * digest once is {@link DigestTwoInstancesTest}. The passes are for the test's two studios: the other agencies of
 * the shared database have their week claimed ({@link OtherAgencies}).
 */
@MailServer.WithSmtp
class WeeklyDigestOverlapTest {

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

    /** The mailer of the test's instance: released after each test, so no pass is left waiting. */
    HeldMailer held;

    @AfterEach
    void releaseAndBackToNow() {
        if (held != null) {
            held.release.complete(null);
        }
        clock.reset();
    }

    /** The application's mailer, every send counted, the first one held until {@link #release} completes. */
    static final class HeldMailer implements Mailer {
        final Mailer smtp;
        final AtomicInteger sends = new AtomicInteger();
        final CountDownLatch firstHeld = new CountDownLatch(1);
        final CompletableFuture<Void> release = new CompletableFuture<>();

        HeldMailer(Mailer smtp) {
            this.smtp = smtp;
        }

        @Override
        public boolean configured() {
            return smtp.configured();
        }

        @Override
        public Mono<Void> send(OutgoingMail mail) {
            return Mono.defer(() -> {
                if (sends.incrementAndGet() == 1) {
                    firstHeld.countDown();
                    return Mono.fromFuture(release).then(Mono.defer(() -> smtp.send(mail)));
                }
                return smtp.send(mail);
            });
        }
    }

    @Test
    void aCheckWhileThePassIsSendingSendsNothingAndThePassSendsEachDigestOnce() throws Exception {
        // a Monday six weeks ahead: no other digest test claims that week (they use the next one, +3 and +4)
        LocalDate monday = clock.todayInParis().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(6);
        held = new HeldMailer(mailer);
        WeeklyDigest instance = new WeeklyDigest(digestServices.sendingThrough(held));
        List<Tenants.Tenant> studios = List.of(tenants.create("Overlap Studio A"), tenants.create("Overlap Studio B"));
        Set<AgencyId> mine = studios.stream().map(Tenants.Tenant::agencyId).collect(Collectors.toSet());

        // Monday 08:30 in Paris: the digests are due; the first pass starts and stops at its first mail
        clock.startAt(monday.atTime(8, 30).atZone(TestClock.PARIS).toInstant());
        OtherAgencies.claimWeekOfAllBut(db, clock.instant(), mine);
        CompletableFuture<List<Report>> first = instance.run().subscribeOn(Schedulers.boundedElastic()).toFuture();
        assertThat(held.firstHeld.await(60, TimeUnit.SECONDS)).as("the first pass reached its first mail").isTrue();

        // a second check on the same instance meanwhile: no report, and no send beyond the one held (1)
        assertThat(instance.run().block(Duration.ofSeconds(30))).isEmpty();
        assertThat(held.sends).hasValue(1);
        assertThat(first).isNotDone();

        held.release.complete(null);
        List<Report> reports = first.get(120, TimeUnit.SECONDS);
        // every send came from the first pass: its reports count them all (sent + failed), the held one included
        assertThat(reports.stream().mapToInt(r -> r.sent() + r.failed()).sum()).isEqualTo(held.sends.get());
        // each of the two studios once, to its OWNER and FINANCE (2), nothing failed
        assertThat(reports.stream().filter(r -> mine.contains(r.agencyId())).toList()).hasSize(2).allSatisfy(r -> {
            assertThat(r.week()).isEqualTo(monday);
            assertThat(r.sent()).isEqualTo(2);
            assertThat(r.failed()).isZero();
        });
        for (Tenants.Tenant studio : studios) {
            assertThat(MailServer.to(studio.email(Role.OWNER))).as("one digest for the owner").hasSize(1);
            assertThat(MailServer.to(studio.email(Role.FINANCE))).as("one digest for finance").hasSize(1);
            assertThat(MailServer.to(studio.email(Role.LEAD))).isEmpty();
        }

        // the pass over, the guard is free again: the next week's check runs and sends the next digest
        clock.startAt(monday.plusWeeks(1).atTime(8, 30).atZone(TestClock.PARIS).toInstant());
        OtherAgencies.claimWeekOfAllBut(db, clock.instant(), mine);
        assertThat(instance.run().block(Duration.ofSeconds(120)).stream().map(Report::agencyId))
                .containsAll(mine);
        for (Tenants.Tenant studio : studios) {
            assertThat(MailServer.to(studio.email(Role.OWNER))).hasSize(2);
            assertThat(MailServer.to(studio.email(Role.FINANCE))).hasSize(2);
        }
    }
}
