package io.cordee.core.identity;

import static io.cordee.core.common.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import org.junit.jupiter.api.Test;

/** A password reset request (ADR 79): an address of 1 to 320 characters, whether or not it signs in anywhere. */
class RequestPasswordResetCommandTest {

    @Test
    void anyAddressUpToThreeHundredTwentyCharactersIsAdmittedAsTyped() {
        // kept as typed: the service folds it (trim, lower case) for the limit and the look-up
        assertThat(new RequestPasswordResetCommand("  ANA@atelier.example ").email())
                .isEqualTo("  ANA@atelier.example ");
        // 308 + "@example.com" (12) = 320 characters, the longest address
        new RequestPasswordResetCommand("a".repeat(308) + "@example.com");
        // one character: not a shape the request checks (an unknown address is answered the same)
        new RequestPasswordResetCommand("x");
    }

    @Test
    void aMissingBlankOrOverlongAddressIsRefusedOnEmail() {
        assertThat(refused(() -> new RequestPasswordResetCommand("   "), "email", ErrorCode.REQUIRED))
                .isEqualTo("must not be empty");
        refused(() -> new RequestPasswordResetCommand(null), "email", ErrorCode.REQUIRED);
        // 309 + 12 = 321 characters
        assertThat(refused(() -> new RequestPasswordResetCommand("a".repeat(309) + "@example.com"), "email",
                ErrorCode.TOO_LONG)).isEqualTo("must be at most 320 characters (got 321)");
    }
}
