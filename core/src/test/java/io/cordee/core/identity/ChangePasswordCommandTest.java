package io.cordee.core.identity;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import org.junit.jupiter.api.Test;

/** Changing one's password (ADR 79): both passwords' rules when the command is built; never a password in a log. */
class ChangePasswordCommandTest {

    private static final String CURRENT = "old enough password";
    private static final String NEW = "a long new phrase";

    @Test
    void aValidCommandKeepsBothPasswordsAndShowsNeither() {
        ChangePasswordCommand c = new ChangePasswordCommand(CURRENT, NEW);
        assertThat(c.currentPassword()).isEqualTo(CURRENT);
        assertThat(c.newPassword()).isEqualTo(NEW);
        assertThat(c.toString()).doesNotContain(CURRENT).doesNotContain(NEW);
        // the bounds are inclusive: a current password of 1 and 1,000 characters; a new one of 12 and 1,000
        new ChangePasswordCommand("x", "twelve chars");
        // (two letters: a password of one repeated character is refused as common)
        new ChangePasswordCommand("x".repeat(1_000), "yz".repeat(500));
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        assertThat(refused(() -> new ChangePasswordCommand("", NEW), "currentPassword", ErrorCode.REQUIRED))
                .isEqualTo("type your current password");
        refused(() -> new ChangePasswordCommand(null, NEW), "currentPassword", ErrorCode.REQUIRED);
        refused(() -> new ChangePasswordCommand("x".repeat(1_001), NEW), "currentPassword", ErrorCode.REQUIRED);
        refused(() -> new ChangePasswordCommand(CURRENT, null), "newPassword", ErrorCode.REQUIRED);
        // 11 characters: one short
        assertThat(refused(() -> new ChangePasswordCommand(CURRENT, "eleven char"), "newPassword",
                ErrorCode.WEAK_PASSWORD)).isEqualTo("must be at least 12 characters (got 11)");
        refused(() -> new ChangePasswordCommand(CURRENT, "password1234"), "newPassword", ErrorCode.WEAK_PASSWORD);
        refused(() -> new ChangePasswordCommand(CURRENT, "yz".repeat(500) + "y"), "newPassword", ErrorCode.TOO_LONG);
        refused(() -> new ChangePasswordCommand(CURRENT, "a".repeat(12)), "newPassword", ErrorCode.WEAK_PASSWORD);
    }

    @Test
    void bothAreReportedAtOnce() {
        refusedAll(() -> new ChangePasswordCommand(null, "short"), "currentPassword REQUIRED",
                "newPassword WEAK_PASSWORD");
    }
}
