package io.cordee.core.people;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.identity.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvitePersonCommandTest {

    private static final ClientId ACME = new ClientId(new UUID(0, 11));

    @Test
    void aValidInvitationIsStripped() {
        InvitePersonCommand c = new InvitePersonCommand("  lea@agence.fr ", Role.FINANCE, null, "fr");
        assertThat(c.email()).isEqualTo("lea@agence.fr");
        assertThat(c.language()).isEqualTo("fr");
        // a CLIENT contact comes with its client; no language means the agency's
        assertThat(new InvitePersonCommand("anne@acme.fr", Role.CLIENT, ACME, null).clientId()).isEqualTo(ACME);
        // the longest address accepted: 312 + "@acme.fr" (8) = 320 characters; 313 + 8 = 321 is refused below
        new InvitePersonCommand("a".repeat(312) + "@acme.fr", Role.LEAD, null, "en");
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new InvitePersonCommand(" ", Role.LEAD, null, null), "email", ErrorCode.REQUIRED);
        assertThat(refused(() -> new InvitePersonCommand("lea.agence.fr", Role.LEAD, null, null), "email",
                ErrorCode.INVALID_FORMAT)).isEqualTo("is not an e-mail address (name@example.com)");
        refused(() -> new InvitePersonCommand("lea@agence", Role.LEAD, null, null), "email", ErrorCode.INVALID_FORMAT);
        refused(() -> new InvitePersonCommand("a".repeat(313) + "@acme.fr", Role.LEAD, null, null), "email",
                ErrorCode.TOO_LONG);
        refused(() -> new InvitePersonCommand("lea@agence.fr", null, null, null), "role", ErrorCode.REQUIRED);
        assertThat(refused(() -> new InvitePersonCommand("anne@acme.fr", Role.CLIENT, null, null), "clientId",
                ErrorCode.REQUIRED)).isEqualTo("choose the client this contact belongs to");
        refused(() -> new InvitePersonCommand("lea@agence.fr", Role.OWNER, ACME, null), "clientId",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> new InvitePersonCommand("lea@agence.fr", Role.LEAD, null, "de"), "language",
                ErrorCode.INVALID_FORMAT);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new InvitePersonCommand("nobody", null, ACME, "es"),
                "role REQUIRED", "email INVALID_FORMAT", "language INVALID_FORMAT");
    }
}
