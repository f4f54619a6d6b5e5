package io.cordee.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.TenantServiceTest;
import io.cordee.api.support.Tenants;
import io.cordee.api.twofactor.TwoFactorTest;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.common.Conflict;
import io.cordee.core.common.Forbidden;
import io.cordee.core.identity.TwoFactorService.Completed;
import io.cordee.core.identity.TwoFactorService.Enrolment;
import io.cordee.core.identity.TwoFactorService.SecondFactorDue;
import io.cordee.core.identity.TwoFactorService.SignInStep;
import io.cordee.core.identity.TwoFactorService.SignedInStep;
import io.cordee.core.identity.TwoFactorService.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link TwoFactorService} on the application's wiring and the real PostgreSQL (ADR 0080, update of 2026-12-04):
 * enrolment, a sign-in completed once by a code of a step not yet used or by a recovery code used once, the
 * agency's requirement and who sets it, and a caller of another agency with the same user id reading and changing
 * nothing. The clock stands still 5 s into a 30-second step (T0); the account's sign-in throttle lets 5 attempts
 * through at once, and no test makes more than 4 in a row.
 */
@ApiTest
class TwoFactorServiceTest extends TenantServiceTest {

    private static final Instant T0 = Instant.parse("2027-04-15T08:00:05Z");
    private static final long S0 = T0.getEpochSecond() / TotpCodes.STEP_SECONDS;

    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    TotpCodes totp;
    @Autowired
    AgencyRepository agencies;

    Caller finance;
    String email;

    @Override
    protected String tenantName() {
        return "Two Factor Studio";
    }

    @BeforeEach
    void aFinanceUserAtT0() {
        clock.startAt(T0);
        clock.stop();
        finance = as(Role.FINANCE);
        email = tenant.email(Role.FINANCE);
    }

    private String code(Enrolment enrolment, long step) {
        return totp.code(TwoFactorTest.base32Decode(enrolment.secret()), step);
    }

    /** A 6-digit code that is none of the steps around now (the window is ±1 step). */
    private String wrongCode(Enrolment enrolment) {
        List<String> window = List.of(code(enrolment, S0 - 1), code(enrolment, S0), code(enrolment, S0 + 1));
        for (int candidate = 0; ; candidate++) {
            String c = String.format("%06d", candidate);
            if (!window.contains(c)) {
                return c;
            }
        }
    }

    /** Turns TOTP on for the finance user with the code of S0; the recovery codes. */
    private List<String> enrolled(Enrolment enrolment) {
        return block(twoFactor.confirm(finance, code(enrolment, S0)));
    }

    private SecondFactorDue due() {
        SignInStep step = block(twoFactor.signIn(email, Tenants.PASSWORD));
        assertThat(step).isInstanceOf(SecondFactorDue.class);
        return (SecondFactorDue) step;
    }

    @Test
    void aConfirmedEnrolmentMakesTheSignInAskForACodeUsableOncePerStep() {
        Enrolment enrolment = block(twoFactor.start(finance));
        // 20 random bytes: 32 base32 characters
        assertThat(enrolment.secret()).hasSize(32);
        // before enrolment the password alone signs in; a code of no step around now is refused
        assertThat(block(twoFactor.signIn(email, Tenants.PASSWORD))).isInstanceOf(SignedInStep.class);
        String wrong = wrongCode(enrolment);
        assertThat(refusal(catchThrowable(() -> block(twoFactor.confirm(finance, wrong)))))
                .containsExactly("code TWO_FACTOR_CODE_INVALID");
        assertThat(block(twoFactor.status(finance)).enabled()).isFalse();

        List<String> recovery = enrolled(enrolment);
        assertThat(recovery).hasSize(TwoFactorService.RECOVERY_CODES).doesNotHaveDuplicates();
        assertThat(block(twoFactor.status(finance))).isEqualTo(new Status(true, false, 10));
        assertThat(refusal(catchThrowable(() -> block(twoFactor.start(finance)))))
                .containsExactly("code TWO_FACTOR_ALREADY_ENABLED");

        // the right password now gives a challenge of 5 minutes, no session
        SecondFactorDue due = due();
        assertThat(due.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(due.enrolment()).isNull();
        // the step S0 was used by the confirmation: a replay; the next step's code completes the sign-in, once
        assertThat(refusal(catchThrowable(() -> block(twoFactor.completeSignIn(due.challenge(), code(enrolment, S0),
                null))))).containsExactly("code TWO_FACTOR_CODE_REUSED");
        Completed done = block(twoFactor.completeSignIn(due.challenge(), code(enrolment, S0 + 1), null));
        assertThat(done.signedIn().user().email()).isEqualTo(email);
        assertThat(done.recoveryCodes()).isEmpty();
        assertThat(refusal(catchThrowable(() -> block(twoFactor.completeSignIn(due.challenge(),
                code(enrolment, S0 - 1), null))))).containsExactly("challenge SIGN_IN_CHALLENGE_EXPIRED");
    }

    @Test
    void aRecoveryCodeWorksOnceAndAChallengeDiesAfterFiveMinutes() {
        Enrolment enrolment = block(twoFactor.start(finance));
        List<String> recovery = enrolled(enrolment);

        // typed as people type them: upper case, spaces for dashes
        String first = recovery.get(0).toUpperCase().replace('-', ' ');
        assertThat(block(twoFactor.completeSignIn(due().challenge(), null, first)).signedIn()).isNotNull();
        assertThat(block(twoFactor.status(finance)).recoveryCodesLeft()).isEqualTo(9);
        assertThat(refusal(catchThrowable(() -> block(twoFactor.completeSignIn(due().challenge(), null,
                recovery.get(0)))))).containsExactly("recoveryCode TWO_FACTOR_CODE_INVALID");
        // a code and a recovery code at once, or neither: one of them
        assertThat(refusal(catchThrowable(() -> block(twoFactor.completeSignIn("x", code(enrolment, S0 + 1),
                recovery.get(1)))))).containsExactly("code REQUIRED");

        SecondFactorDue late = due();
        // the clock stood a hair after T0 (it stops where it got to): one second past the five minutes
        clock.startAt(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        clock.stop();
        assertThat(refusal(catchThrowable(() -> block(twoFactor.completeSignIn(late.challenge(), null,
                recovery.get(1)))))).containsExactly("challenge SIGN_IN_CHALLENGE_EXPIRED");
        assertThat(block(twoFactor.status(finance)).recoveryCodesLeft()).isEqualTo(9);
    }

    @Test
    void anOwnerRequiresTwoFactorsOfARoleWhoseUsersThenEnrolAtSignInAndCannotTurnItOff() {
        Caller owner = tenant.owner();
        long version = block(agencies.findById(tenant.agencyId())).version();
        // only OWNER and FINANCE may be required; an owner requiring it of owners has it on first; only an owner
        assertThat(refusal(catchThrowable(() -> block(twoFactor.setRequirement(owner, Set.of(Role.LEAD),
                version))))).containsExactly("roles OUT_OF_RANGE");
        assertThat(refusal(catchThrowable(() -> block(twoFactor.setRequirement(owner, Set.of(Role.OWNER),
                version))))).containsExactly("roles TWO_FACTOR_REQUIRED");
        assertThat(catchThrowable(() -> block(twoFactor.setRequirement(finance, Set.of(Role.FINANCE), version))))
                .isInstanceOf(Forbidden.class);
        assertThat(block(twoFactor.requiredRoles(owner))).isEmpty();

        block(twoFactor.setRequirement(owner, EnumSet.of(Role.FINANCE), version));
        assertThat(block(twoFactor.requiredRoles(owner))).containsExactly(Role.FINANCE);
        assertThat(catchThrowable(() -> block(twoFactor.setRequirement(owner, Set.of(), version))))
                .isInstanceOf(Conflict.class);

        // the finance user's sign-in is an enrolment: its first right code turns TOTP on and gives the codes
        SecondFactorDue due = due();
        assertThat(due.enrolment()).isNotNull();
        assertThat(refusal(catchThrowable(() -> block(twoFactor.completeSignIn(due.challenge(), null,
                "abcd-efgh-ijkl-mnop"))))).containsExactly("recoveryCode TWO_FACTOR_CODE_INVALID");
        Completed done = block(twoFactor.completeSignIn(due.challenge(), code(due.enrolment(), S0), null));
        assertThat(done.recoveryCodes()).hasSize(10);
        assertThat(block(twoFactor.status(finance))).isEqualTo(new Status(true, true, 10));
        assertThat(refusal(catchThrowable(() -> block(twoFactor.disable(finance, Tenants.PASSWORD, null)))))
                .containsExactly("password TWO_FACTOR_REQUIRED");
    }

    @Test
    void turningItOffTakesThePasswordOrACodeAndAnotherAgencysCallerChangesNothing() {
        Enrolment enrolment = block(twoFactor.start(finance));
        enrolled(enrolment);
        // the same user id under another agency: nothing of this user is there
        Caller elsewhere = new Caller(finance.userId(), tenants.create("Two Factor Stranger").agencyId(),
                Role.FINANCE, null);
        assertThat(block(twoFactor.status(elsewhere))).isEqualTo(new Status(false, false, 0));
        assertThat(refusal(catchThrowable(() -> block(twoFactor.confirm(elsewhere, code(enrolment, S0 + 1))))))
                .containsExactly("code TWO_FACTOR_NOT_ENABLED");
        assertThat(refusal(catchThrowable(() -> block(twoFactor.regenerateRecoveryCodes(elsewhere)))))
                .containsExactly("code TWO_FACTOR_NOT_ENABLED");
        assertThat(block(twoFactor.status(finance))).isEqualTo(new Status(true, false, 10));

        assertThat(refusal(catchThrowable(() -> block(twoFactor.disable(finance, "not the password", null)))))
                .containsExactly("password INVALID_CREDENTIALS");
        assertThat(block(twoFactor.status(finance)).enabled()).isTrue();
        block(twoFactor.disable(finance, null, code(enrolment, S0 + 1)));
        assertThat(block(twoFactor.status(finance))).isEqualTo(new Status(false, false, 0));
        assertThat(block(twoFactor.signIn(email, Tenants.PASSWORD))).isInstanceOf(SignedInStep.class);
    }
}
