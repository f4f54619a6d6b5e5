package io.cordee.core.identity;

import static io.cordee.core.common.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The two-factor commands (ADR 79): completing a sign-in, confirming an enrolment, turning two factors off, requiring
 * them of roles; each valid case at its bounds, each broken field with its code, no secret in a log.
 */
class TwoFactorCommandsTest {

    private static final String CHALLENGE = "c".repeat(43);

    @Test
    void aSignInIsCompletedByExactlyOneKindOfCode() {
        CompleteSignInCommand byCode = new CompleteSignInCommand(" " + CHALLENGE + " ", "123 456", "  ");
        assertThat(byCode.challenge()).isEqualTo(CHALLENGE);
        assertThat(byCode.code()).isEqualTo("123 456");
        assertThat(byCode.recoveryCode()).isNull();
        CompleteSignInCommand byRecovery = new CompleteSignInCommand("x".repeat(200), null, "aaaa-bbbb");
        assertThat(byRecovery.code()).isNull();
        assertThat(byCode.toString()).doesNotContain(CHALLENGE).doesNotContain("123");
        assertThat(byRecovery.toString()).doesNotContain("aaaa");
        // a challenge of one character is well formed: whether it is alive is the service's question
        new CompleteSignInCommand("x", "000000", null);
    }

    @Test
    void aSignInsBrokenFieldsAreNamed() {
        // neither, or both
        assertThat(refused(() -> new CompleteSignInCommand(CHALLENGE, null, " "), "code", ErrorCode.REQUIRED))
                .isEqualTo("type the code of your authenticator app, or one recovery code");
        refused(() -> new CompleteSignInCommand(CHALLENGE, "123456", "aaaa-bbbb"), "code", ErrorCode.REQUIRED);
        // a challenge that cannot have been issued (blank, 201 characters) is an expired sign-in, told alone
        assertThat(refused(() -> new CompleteSignInCommand(" ", null, null), "challenge",
                ErrorCode.SIGN_IN_CHALLENGE_EXPIRED))
                .isEqualTo("This sign-in has expired (5 minutes, one use): sign in again");
        refused(() -> new CompleteSignInCommand("x".repeat(201), "123456", null), "challenge",
                ErrorCode.SIGN_IN_CHALLENGE_EXPIRED);
        refused(() -> new CompleteSignInCommand(null, "123456", null), "challenge",
                ErrorCode.SIGN_IN_CHALLENGE_EXPIRED);
    }

    @Test
    void turningTwoFactorsOffTakesACodeOrThePassword() {
        assertThat(new DisableTwoFactorCommand(null, "123456").code()).isEqualTo("123456");
        assertThat(new DisableTwoFactorCommand("x", " ").code()).isNull();
        new DisableTwoFactorCommand("p".repeat(1_000), null);
        assertThat(new DisableTwoFactorCommand("secret password", null).toString()).doesNotContain("secret");
        assertThat(refused(() -> new DisableTwoFactorCommand("", null), "password", ErrorCode.REQUIRED))
                .isEqualTo("type your password or a current code");
        refused(() -> new DisableTwoFactorCommand(null, "  "), "password", ErrorCode.REQUIRED);
        // 1,001 characters: longer than any password Cordée accepts
        refused(() -> new DisableTwoFactorCommand("p".repeat(1_001), null), "password", ErrorCode.REQUIRED);
    }

    @Test
    void anEnrolmentIsConfirmedWithSixDigitsSpacesAside() {
        // an app shows "123 456": the six digits are kept, the spaces dropped
        assertThat(new ConfirmTwoFactorEnrolmentCommand("123 456").code()).isEqualTo("123456");
        assertThat(new ConfirmTwoFactorEnrolmentCommand(" 000000\t").code()).isEqualTo("000000");
        assertThat(new ConfirmTwoFactorEnrolmentCommand("987654").toString()).doesNotContain("987654");
        // five digits, seven, a letter, a blank, none: not the shape of any code, so not the one the app shows
        for (String malformed : new String[] {"12345", "1234567", "12345a", "  ", null}) {
            assertThat(refused(() -> new ConfirmTwoFactorEnrolmentCommand(malformed), "code",
                    ErrorCode.TWO_FACTOR_CODE_INVALID)).as(String.valueOf(malformed))
                    .isEqualTo("is not the code your authenticator app shows now");
        }
    }

    @Test
    void twoFactorsAreRequiredOnlyOfOwnersAndFinance() {
        assertThat(new SetTwoFactorRequirementCommand(Set.of(Role.OWNER, Role.FINANCE), 3).roles())
                .containsExactlyInAnyOrder(Role.OWNER, Role.FINANCE);
        assertThat(new SetTwoFactorRequirementCommand(Set.of(), 0).roles()).isEmpty();
        assertThat(refused(() -> new SetTwoFactorRequirementCommand(Set.of(Role.LEAD), 0), "roles",
                ErrorCode.OUT_OF_RANGE)).isEqualTo("Only OWNER and FINANCE can be required to use two factors");
        refused(() -> new SetTwoFactorRequirementCommand(Set.of(Role.FINANCE, Role.CLIENT), 0), "roles",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> new SetTwoFactorRequirementCommand(null, 0), "roles", ErrorCode.OUT_OF_RANGE);
    }
}
