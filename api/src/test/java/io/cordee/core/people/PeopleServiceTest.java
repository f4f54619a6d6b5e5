package io.cordee.core.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.NotFound;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.SignedIn;
import io.cordee.core.identity.User;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link PeopleService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04):
 * one-time invitation links (used once, 7 days, dead once re-sent), every broken field with nothing written, the
 * last active owner kept, OWNER only, within one agency. The application here has no SMTP server: the links are
 * given back rather than mailed. The clock stands still at 10:00 on Thursday 15 April 2027 in Paris.
 */
@ApiTest
class PeopleServiceTest extends TenantServiceTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Autowired
    PeopleService people;

    /** Where the clock stands still (a hair after 10:00: it stops where it got to). */
    Instant now;

    @Override
    protected String tenantName() {
        return "People Studio";
    }

    @BeforeEach
    void theClockStandsStill() {
        clock.stop();
        now = clock.instant();
    }

    private static String email() {
        return "invited-" + UUID.randomUUID() + "@people.example";
    }

    private static String token(NewInvitation invitation) {
        return invitation.link().substring(invitation.link().indexOf("/#/accept/") + "/#/accept/".length());
    }

    @Test
    void anInvitationLinkSignsThePersonInOnceWithTheRoleItWasFor() {
        String email = email();
        NewInvitation invited = block(people.invite(owner, new InvitationDraft(" " + email + " ", Role.LEAD, null,
                null)));
        // no SMTP here: the link is given back; valid 7 days from now
        assertThat(invited.mailed()).isFalse();
        assertThat(invited.invitation()).extracting(Invitation::email, Invitation::role)
                .containsExactly(email, Role.LEAD);
        // as stored: to the microsecond
        assertThat(invited.invitation().expiresAt()).isCloseTo(now.plus(Duration.ofDays(7)),
                within(1, ChronoUnit.MILLIS));

        SignedIn in = block(people.accept(token(invited), " Lea Lead ", PASSWORD));
        assertThat(in.user()).extracting(User::email, User::displayName, User::role, User::agencyId)
                .containsExactly(email, "Lea Lead", Role.LEAD, tenant.agencyId());
        assertThat(block(people.people(owner))).extracting(Person::email).contains(email);
        assertThat(block(people.invitations(owner))).isEmpty();

        assertThat(refusal(catchThrowable(() -> block(people.accept(token(invited), "Lea", PASSWORD)))))
                .containsExactly("token INVITATION_USED");
    }

    @Test
    void aLinkExpiresAfterSevenDaysAndARefreshedOneReplacesIt() {
        NewInvitation invited = block(people.invite(owner, new InvitationDraft(email(), Role.FINANCE, null, "fr")));
        // a minute past the 7 days
        clock.startAt(now.plus(Duration.ofDays(7)).plusSeconds(60));
        clock.stop();
        Instant later = clock.instant();
        assertThat(refusal(catchThrowable(() -> block(people.accept(token(invited), "Fin", PASSWORD)))))
                .containsExactly("token INVITATION_EXPIRED");

        NewInvitation again = block(people.resend(owner, invited.invitation().id()));
        assertThat(again.invitation().expiresAt()).isCloseTo(later.plus(Duration.ofDays(7)),
                within(1, ChronoUnit.MILLIS));
        assertThat(refusal(catchThrowable(() -> block(people.accept(token(invited), "Fin", PASSWORD)))))
                .containsExactly("token INVITATION_INVALID");
        assertThat(block(people.accept(token(again), "Fin", PASSWORD)).user().role()).isEqualTo(Role.FINANCE);

        // a revoked invitation is dead too, and cannot be re-sent
        NewInvitation revoked = block(people.invite(owner, new InvitationDraft(email(), Role.LEAD, null, null)));
        block(people.revoke(owner, revoked.invitation().id()));
        assertThat(refusal(catchThrowable(() -> block(people.accept(token(revoked), "Rev", PASSWORD)))))
                .containsExactly("token INVITATION_REVOKED");
        assertThat(refusal(catchThrowable(() -> block(people.resend(owner, revoked.invitation().id())))))
                .containsExactly("id INVITATION_REVOKED");
    }

    @Test
    void everyBrokenFieldIsRefusedAndNothingIsWritten() {
        // not an address, no role
        assertThat(refusal(catchThrowable(() -> block(people.invite(owner, new InvitationDraft("nobody", null, null,
                "de")))))).containsExactly("role REQUIRED", "email INVALID_FORMAT", "language INVALID_FORMAT");
        // an address that already signs in (whatever its case), and a client of another agency
        assertThat(refusal(catchThrowable(() -> block(people.invite(owner, new InvitationDraft(
                tenant.email(Role.LEAD).toUpperCase(), Role.LEAD, null, null)))))).containsExactly("email DUPLICATE");
        Tenants.Tenant stranger = tenants.create("People Stranger");
        assertThat(refusal(catchThrowable(() -> block(people.invite(owner, new InvitationDraft(email(), Role.CLIENT,
                stranger.ownClient().id(), null)))))).containsExactly("clientId NOT_FOUND");
        assertThat(block(people.invitations(owner))).isEmpty();

        // an acceptance with no name and a password too short: refused, the link still works
        NewInvitation invited = block(people.invite(owner, new InvitationDraft(email(), Role.LEAD, null, null)));
        assertThat(refusal(catchThrowable(() -> block(people.accept(token(invited), " ", "short")))))
                .containsExactly("name REQUIRED", "password WEAK_PASSWORD");
        assertThat(block(people.invitations(owner))).hasSize(1);
        assertThat(block(people.accept(token(invited), "Lee", PASSWORD)).user().displayName()).isEqualTo("Lee");
    }

    @Test
    void theLastActiveOwnerStaysAnOwner() {
        Person self = block(people.people(owner)).stream().filter(p -> p.role() == Role.OWNER).findFirst()
                .orElseThrow();
        assertThat(refusal(catchThrowable(() -> block(people.deactivate(owner, self.id(), self.version())))))
                .containsExactly("id LAST_OWNER");
        assertThat(refusal(catchThrowable(() -> block(people.changeRole(owner, self.id(), Role.LEAD, null,
                self.version()))))).containsExactly("id LAST_OWNER");

        // with a second owner, the first may step down; then the second is the last one
        String second = tenants.addUser(tenant, Role.OWNER, "second-owner");
        Person demoted = block(people.changeRole(owner, self.id(), Role.FINANCE, null, self.version()));
        assertThat(demoted.role()).isEqualTo(Role.FINANCE);
        List<Person> now = block(people.people(owner));
        assertThat(now).filteredOn(Person::activeOwner).extracting(Person::email).containsExactly(second);
        Person last = now.stream().filter(p -> p.email().equals(second)).findFirst().orElseThrow();
        assertThat(refusal(catchThrowable(() -> block(people.deactivate(owner, last.id(), last.version())))))
                .containsExactly("id LAST_OWNER");
    }

    @Test
    void onlyAnOwnerManagesPeopleAndOnlyThoseOfItsAgency() {
        NewInvitation invited = block(people.invite(owner, new InvitationDraft(email(), Role.LEAD, null, null)));
        for (Role role : new Role[] {Role.FINANCE, Role.LEAD, Role.CLIENT}) {
            Caller caller = as(role);
            assertThat(catchThrowable(() -> block(people.people(caller)))).isInstanceOf(Forbidden.class);
            assertThat(catchThrowable(() -> block(people.invite(caller, new InvitationDraft(email(), Role.LEAD, null,
                    null))))).isInstanceOf(Forbidden.class);
        }

        Caller stranger = tenants.create("People Stranger Two").owner();
        Person lead = block(people.people(owner)).stream().filter(p -> p.role() == Role.LEAD).findFirst()
                .orElseThrow();
        assertThat(block(people.people(stranger))).extracting(Person::email).doesNotContain(lead.email());
        assertThat(catchThrowable(() -> block(people.revoke(stranger, invited.invitation().id()))))
                .isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> block(people.resend(stranger, invited.invitation().id()))))
                .isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> block(people.deactivate(stranger, lead.id(), lead.version()))))
                .isInstanceOf(NotFound.class);
        assertThat(block(people.invitations(owner))).extracting(Invitation::id)
                .containsExactly(invited.invitation().id());
        assertThat(block(people.people(owner))).filteredOn(p -> p.id().equals(lead.id()))
                .singleElement().extracting(Person::deactivatedAt).isNull();
    }
}
