package io.cordee.core.identity;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import org.junit.jupiter.api.Test;

/** Setting a password with a reset link (ADR 79): the link's shape and the new password's rules; never shown. */
class ResetPasswordCommandTest {

    private static final String TOKEN = "t".repeat(43);
    private static final String NEW = "a long new phrase";

    @Test
    void aValidCommandKeepsTheStrippedTokenAndShowsNeither() {
        ResetPasswordCommand c = new ResetPasswordCommand("  " + TOKEN + "\n", NEW);
        assertThat(c.token()).isEqualTo(TOKEN);
        assertThat(c.newPassword()).isEqualTo(NEW);
        assertThat(c.toString()).doesNotContain(TOKEN).doesNotContain(NEW);
        // the bounds are inclusive: a token of 1 and 200 characters; a password of 12 and 1,000
        new ResetPasswordCommand("x", "twelve chars");
        new ResetPasswordCommand("x".repeat(200), "yz".repeat(500));
        assertThat(ResetPasswordCommand.checkToken(" x ")).isEqualTo("x");
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        assertThat(refused(() -> new ResetPasswordCommand(" ", NEW), "token", ErrorCode.RESET_LINK_INVALID))
                .isEqualTo("This reset link is not valid: ask for a new one");
        refused(() -> new ResetPasswordCommand(null, NEW), "token", ErrorCode.RESET_LINK_INVALID);
        // 201 characters: no link Cordée issues is that long
        refused(() -> new ResetPasswordCommand("x".repeat(201), NEW), "token", ErrorCode.RESET_LINK_INVALID);
        refused(() -> ResetPasswordCommand.checkToken("x".repeat(201)), "token", ErrorCode.RESET_LINK_INVALID);
        refused(() -> new ResetPasswordCommand(TOKEN, null), "newPassword", ErrorCode.REQUIRED);
        // 11 characters: one short
        assertThat(refused(() -> new ResetPasswordCommand(TOKEN, "eleven char"), "newPassword",
                ErrorCode.WEAK_PASSWORD)).isEqualTo("must be at least 12 characters (got 11)");
        refused(() -> new ResetPasswordCommand(TOKEN, "password1234"), "newPassword", ErrorCode.WEAK_PASSWORD);
        refused(() -> new ResetPasswordCommand(TOKEN, "yz".repeat(500) + "y"), "newPassword", ErrorCode.TOO_LONG);
    }

    @Test
    void bothAreReportedAtOnce() {
        refusedAll(() -> new ResetPasswordCommand("", "short"), "token RESET_LINK_INVALID",
                "newPassword WEAK_PASSWORD");
    }
}
