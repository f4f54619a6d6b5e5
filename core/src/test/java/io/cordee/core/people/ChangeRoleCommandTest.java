package io.cordee.core.people;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A change of role (ADR 79): each valid case, each broken field with its exact path, code and message. */
class ChangeRoleCommandTest {

    private static final UserId PERSON = new UserId(new UUID(0, 1));
    private static final ClientId CLIENT = new ClientId(new UUID(0, 2));

    @Test
    void aClientContactHasItsClientAndAnyOtherRoleNone() {
        assertThat(new ChangeRoleCommand(PERSON, Role.CLIENT, CLIENT, 3L).clientId()).isEqualTo(CLIENT);
        for (Role role : new Role[] {Role.OWNER, Role.FINANCE, Role.LEAD}) {
            assertThat(new ChangeRoleCommand(PERSON, role, null, null).role()).isEqualTo(role);
        }
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new ChangeRoleCommand(PERSON, null, null, null), "role", ErrorCode.REQUIRED);
        refused(() -> new ChangeRoleCommand(null, Role.LEAD, null, null), "id", ErrorCode.REQUIRED);
        assertThat(refused(() -> new ChangeRoleCommand(PERSON, Role.CLIENT, null, null), "clientId",
                ErrorCode.REQUIRED)).isEqualTo("choose the client this contact belongs to");
        assertThat(refused(() -> new ChangeRoleCommand(PERSON, Role.FINANCE, CLIENT, null), "clientId",
                ErrorCode.OUT_OF_RANGE)).isEqualTo("only a CLIENT contact is tied to a client");
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        // no role: whether a client is due cannot be told, so only the role is named with the person
        refusedAll(() -> new ChangeRoleCommand(null, null, CLIENT, null), "id REQUIRED", "role REQUIRED");
    }
}
