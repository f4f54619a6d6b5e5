package io.cordee.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.RandomHashes;
import io.cordee.core.support.TenantWorld;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DigestRepository} promises the weekly digest (ADR 0080, ADR 82): its recipients are the
 * agency's owners and finance people who have not opted out; a week is claimed once per agency; the agencies still
 * due are read by the week of each one's own time zone; an unsubscribe link opts out its user until it expires.
 */
public abstract class DigestRepositoryContract extends PortContract {

    /** A Monday: 1 January 2027 is a Friday, so the Mondays are 4 January, ..., 1 February and 1 March. */
    private static final LocalDate WEEK = LocalDate.of(2027, 3, 1);
    private static final Instant WEDNESDAY_NOON = Instant.parse("2027-03-03T12:00:00Z");

    protected abstract DigestRepository digest();

    private DigestRepository digest;
    private AgencyId agency;
    private AgencyId otherAgency;
    private User olga;
    private User fanny;

    protected DigestRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyWithItsPeople() {
        digest = digest();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        olga = world().newUser(agency, "Olga", Role.OWNER);
        fanny = world().newUser(agency, "Fanny", Role.FINANCE);
        world().newUser(agency, "Léo", Role.LEAD);
        world().newUser(agency, "Anna", Role.CLIENT);
        world().newUser(otherAgency, "Owner elsewhere", Role.OWNER);
    }

    @Test
    void theRecipientsAreTheOwnersAndFinancePeopleInEnglishWithoutAnyLanguageSet() {
        // not the lead, not the client user, not the other agency's owner
        assertThat(digest.recipients(agency).collectList().block()).containsExactlyInAnyOrder(
                new DigestRecipient(olga.id(), olga.email(), "Olga", Role.OWNER, "en"),
                new DigestRecipient(fanny.id(), fanny.email(), "Fanny", Role.FINANCE, "en"));
    }

    @Test
    void anOptOutIsKeptPerUserOfTheAgencyAndLeavesTheRecipients() {
        assertThat(digest.optOut(agency, fanny.id()).block()).isFalse();
        assertThat(digest.setOptOut(agency, fanny.id(), true).block()).isTrue();
        assertThat(digest.optOut(agency, fanny.id()).block()).isTrue();
        assertThat(digest.optOut(agency, olga.id()).block()).isFalse();
        assertThat(digest.recipients(agency).map(DigestRecipient::id).collectList().block())
                .containsExactly(olga.id());

        // Olga named by another agency, or someone who is no one: nothing stored, nothing changed
        assertThat(digest.setOptOut(otherAgency, olga.id(), true).block()).isNull();
        assertThat(digest.setOptOut(agency, new UserId(UUID.randomUUID()), true).block()).isNull();
        assertThat(digest.optOut(agency, olga.id()).block()).isFalse();

        assertThat(digest.setOptOut(agency, fanny.id(), false).block()).isFalse();
        assertThat(digest.recipients(agency).collectList().block()).hasSize(2);
    }

    @Test
    void aWeekIsClaimedOncePerAgency() {
        assertThat(digest.claim(agency, WEEK, WEDNESDAY_NOON).block()).isTrue();
        assertThat(digest.claim(agency, WEEK, WEDNESDAY_NOON.plusSeconds(1)).block()).isFalse();
        digest.finish(agency, WEEK, WEDNESDAY_NOON.plusSeconds(30), 2, 0).block();
        assertThat(digest.claim(agency, WEEK, WEDNESDAY_NOON.plusSeconds(60)).block()).isFalse();
        // the same week of another agency, the next week of this one: claims of their own
        assertThat(digest.claim(otherAgency, WEEK, WEDNESDAY_NOON).block()).isTrue();
        assertThat(digest.claim(agency, WEEK.plusWeeks(1), WEDNESDAY_NOON.plusSeconds(60)).block()).isTrue();
    }

    @Test
    void theAgenciesDueAreThoseWhoseWeekInTheirTimeZoneIsUnclaimed() {
        assertThat(digest.unclaimedThisWeek(WEDNESDAY_NOON).collectList().block()).contains(agency, otherAgency);
        digest.claim(agency, WEEK, WEDNESDAY_NOON).block();
        // last week's claim does not count for this week
        digest.claim(otherAgency, WEEK.minusWeeks(1), WEDNESDAY_NOON).block();
        assertThat(digest.unclaimedThisWeek(WEDNESDAY_NOON).collectList().block())
                .contains(otherAgency).doesNotContain(agency);

        // Paris is UTC+1 until 28 March: Sunday 7 March 22:30 UTC is still Sunday there (23:30), the claimed week;
        // an hour later it is Monday 8 March 0:30 there, a new week, though Sunday in UTC
        assertThat(digest.unclaimedThisWeek(Instant.parse("2027-03-07T22:30:00Z")).collectList().block())
                .doesNotContain(agency);
        assertThat(digest.unclaimedThisWeek(Instant.parse("2027-03-07T23:30:00Z")).collectList().block())
                .contains(agency);
    }

    @Test
    void anUnsubscribeLinkOptsOutItsUserUntilItExpires() {
        byte[] olgas = RandomHashes.sha256Sized();
        byte[] fannys = RandomHashes.sha256Sized();
        digest.saveUnsubscribeLink(olgas, agency, olga.id(), WEDNESDAY_NOON,
                WEDNESDAY_NOON.plus(Duration.ofDays(30))).block();
        digest.saveUnsubscribeLink(fannys, agency, fanny.id(), WEDNESDAY_NOON,
                WEDNESDAY_NOON.plus(Duration.ofHours(1))).block();

        // a day later: Olga's link (30 days) works, twice; Fanny's (1 hour) has expired and changes nothing
        Instant nextDay = WEDNESDAY_NOON.plus(Duration.ofDays(1));
        assertThat(digest.unsubscribe(olgas.clone(), nextDay).block()).isTrue();
        assertThat(digest.unsubscribe(olgas, nextDay.plusSeconds(60)).block()).isTrue();
        assertThat(digest.unsubscribe(fannys, nextDay).block()).isFalse();
        assertThat(digest.unsubscribe(RandomHashes.sha256Sized(), nextDay).block()).isFalse();
        assertThat(digest.optOut(agency, olga.id()).block()).isTrue();
        assertThat(digest.optOut(agency, fanny.id()).block()).isFalse();
        assertThat(digest.recipients(agency).map(DigestRecipient::id).collectList().block())
                .containsExactly(fanny.id());
    }
}
