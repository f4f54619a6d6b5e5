package io.cordee.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static io.cordee.api.support.TenantServiceTest.refusal;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.DigestServices;
import io.cordee.api.support.OtherAgencies;
import io.cordee.api.support.Tenants;
import io.cordee.api.support.TestClock;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.cash.CashService;
import io.cordee.core.common.Forbidden;
import io.cordee.core.digest.DigestService.Report;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.mail.Mailer;
import io.cordee.core.mail.OutgoingMail;
import io.cordee.core.money.Money;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link DigestService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04), sending
 * through a mailer that keeps what it is given (the application here has no SMTP server): each agency's digest at
 * its hour, once a week, to its OWNER and FINANCE users who have not opted out; what the mail tells, worked out by
 * hand; the unsubscribe link; roles. The week is a Monday nine weeks ahead, which no other digest test claims. The
 * passes are for the test's two studios: the other agencies of the shared database have their week claimed
 * ({@link OtherAgencies}).
 */
@ApiTest
class DigestServiceTest {

    @Autowired
    DigestRepository digests;
    @Autowired
    AgencyRepository agencies;
    @Autowired
    CashService cash;
    @Autowired
    Tenants tenants;
    @Autowired
    TestClock clock;
    @Autowired
    DatabaseClient db;
    @Value("${cordee.public-url}")
    String publicUrl;
    @Autowired
    DigestServices digestServices;

    /** A mailer that keeps every mail it is given, as configured as an SMTP server would be. */
    static final class KeptMails implements Mailer {
        final List<OutgoingMail> sent = new CopyOnWriteArrayList<>();
        final boolean configured;

        KeptMails(boolean configured) {
            this.configured = configured;
        }

        @Override
        public boolean configured() {
            return configured;
        }

        @Override
        public Mono<Void> send(OutgoingMail mail) {
            return Mono.fromRunnable(() -> sent.add(mail));
        }

        List<OutgoingMail> to(String address) {
            return sent.stream().filter(m -> m.to().equals(address)).toList();
        }
    }

    final KeptMails mails = new KeptMails(true);
    DigestService service;
    LocalDate monday;
    Tenants.Tenant studio;
    Tenants.Tenant quiet;
    Set<AgencyId> mine;

    @BeforeEach
    void twoStudios() {
        monday = clock.todayInParis().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(9);
        service = digestServices.sendingThrough(mails);
        at(monday, 7, 0);
        studio = tenants.create("Digest Service Studio");
        quiet = tenants.create("Digest Service Quiet");
        mine = Set.of(studio.agencyId(), quiet.agencyId());
        // the studio: 10,000.00 in the bank on the Monday, a one-off of 25,000.00 sixteen days later (a Wednesday)
        block(cash.recordBalance(studio.owner(), monday, Money.of(1_000_000, "EUR")));
        block(cash.addOneOff(studio.owner(), "Servers", monday.plusDays(16), Money.of(2_500_000, "EUR")));
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private void at(LocalDate day, int hour, int minute) {
        clock.startAt(day.atTime(hour, minute).atZone(TestClock.PARIS).toInstant());
        clock.stop();
    }

    private static <T> T block(Mono<T> mono) {
        return mono.block(Duration.ofSeconds(120));
    }

    private List<Report> runMine() {
        OtherAgencies.claimWeekOfAllBut(db, clock.instant(), mine);
        return block(service.runDue().collectList()).stream().filter(r -> mine.contains(r.agencyId())).toList();
    }

    @Test
    void eachAgencysDigestGoesAtItsHourOnceAWeekToOwnerAndFinanceWhoHaveNotOptedOut() {
        block(service.setOptOut(tenants.caller(quiet, Role.FINANCE), true));

        // a minute before 08:00 in Paris: not due yet, nothing claimed
        at(monday, 7, 59);
        assertThat(runMine()).isEmpty();
        // 08:00: the studio's owner and finance (2), the quiet one's owner only (its finance opted out)
        at(monday, 8, 0);
        assertThat(runMine()).extracting(Report::agencyId, Report::week, Report::sent, Report::failed)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(studio.agencyId(), monday, 2, 0),
                        org.assertj.core.groups.Tuple.tuple(quiet.agencyId(), monday, 1, 0));
        assertThat(mails.to(studio.email(Role.OWNER))).singleElement().satisfies(m -> assertThat(m.subject())
                .startsWith("Digest Service Studio — your digest for the week of "));
        assertThat(mails.to(studio.email(Role.FINANCE))).hasSize(1);
        assertThat(mails.to(quiet.email(Role.OWNER))).hasSize(1);
        for (Tenants.Tenant t : List.of(studio, quiet)) {
            assertThat(mails.to(t.email(Role.LEAD))).isEmpty();
            assertThat(mails.to(t.email(Role.CLIENT))).isEmpty();
        }
        assertThat(mails.to(quiet.email(Role.FINANCE))).isEmpty();

        // later that week: claimed, nothing more
        at(monday.plusDays(3), 9, 0);
        assertThat(runMine()).isEmpty();
        assertThat(mails.to(studio.email(Role.OWNER))).hasSize(1);

        // the owner follows the link in the mail: opted out, from the next week on
        String text = mails.to(studio.email(Role.OWNER)).get(0).text();
        String marker = publicUrl + "/#/digest-off/";
        String token = text.substring(text.indexOf(marker) + marker.length()).split("\\s")[0];
        assertThat(block(service.unsubscribe(token))).isTrue();
        assertThat(block(service.optedOut(studio.owner()))).isTrue();
        at(monday.plusWeeks(1), 8, 0);
        assertThat(runMine()).extracting(Report::agencyId, Report::sent)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(studio.agencyId(), 1),
                        org.assertj.core.groups.Tuple.tuple(quiet.agencyId(), 1));
        assertThat(mails.to(studio.email(Role.OWNER))).hasSize(1);
        assertThat(mails.to(studio.email(Role.FINANCE))).hasSize(2);
    }

    @Test
    void theMailTellsTheForecastsLowestPointAndTheFirstWeekUnderTheThreshold() {
        at(monday, 8, 0);
        // 26 weeks from the Monday: 10,000.00 until the week of the one-off (two weeks on), then
        // 10,000 − 25,000 = −15,000.00, under the threshold (0) from that week
        DigestMail.Content content = block(service.content(block(agencies.findById(studio.agencyId())), monday,
                monday));
        assertThat(content.agencyName()).isEqualTo("Digest Service Studio");
        assertThat(content.weeks()).isEqualTo(26);
        assertThat(content.lowest()).isEqualTo(Money.of(-1_500_000, "EUR"));
        assertThat(content.lowestWeek()).isEqualTo(monday.plusWeeks(2));
        assertThat(content.firstBelow()).isEqualTo(monday.plusWeeks(2));
        assertThat(content.threshold()).isEqualTo(Money.of(0, "EUR"));
        // no bank balance: no forecast to tell, the mail says what to enter first
        DigestMail.Content none = block(service.content(block(agencies.findById(quiet.agencyId())), monday, monday));
        assertThat(none.lowest()).isNull();
        assertThat(none.firstBelow()).isNull();
    }

    @Test
    void linksOptOutsAndTheScheduleAreChecked() {
        // a link whose token is missing (nothing after /digest-off/) or blank: REQUIRED, as any required text, before
        // a read; the token is a String here, so the String overload is the one called
        for (String noToken : java.util.Arrays.asList(null, "", "   ")) {
            assertThat(refusal(catchThrowable(() -> block(service.unsubscribe(noToken)))))
                    .as("the token \"%s\"", noToken).containsExactly("token REQUIRED");
        }
        assertThat(refusal(catchThrowable(() -> block(service.unsubscribe("never-issued")))))
                .containsExactly("token NOT_FOUND");
        // only OWNER and FINANCE get the digest, so only they opt in or out
        Caller lead = tenants.caller(studio, Role.LEAD);
        assertThat(catchThrowable(() -> block(service.optedOut(lead)))).isInstanceOf(Forbidden.class);
        assertThat(catchThrowable(() -> block(service.setOptOut(tenants.caller(studio, Role.CLIENT), true))))
                .isInstanceOf(Forbidden.class);
        assertThat(block(service.optedOut(tenants.caller(studio, Role.FINANCE)))).isFalse();

        assertThatThrownBy(() -> digestServices.sendingThrough(mails, 24)).isInstanceOf(IllegalArgumentException.class);
        // without SMTP nothing is sent, nor claimed
        DigestService unmailed = digestServices.sendingThrough(new KeptMails(false));
        at(monday, 8, 0);
        assertThat(block(unmailed.runDue().collectList())).isEmpty();
        assertThat(block(digests.unclaimedThisWeek(clock.instant()).collectList())).containsAll(mine);
    }
}
