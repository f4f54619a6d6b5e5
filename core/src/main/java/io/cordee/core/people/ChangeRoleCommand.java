package io.cordee.core.people;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;

/**
 * Change someone's role in the agency (use case {@link PeopleService#changeRole(io.cordee.core.identity.Caller,
 * ChangeRoleCommand)}). Valid on its own (ADR 79): the person, a role, a client for a CLIENT contact and none for
 * any other role; the version read, if given, guards the change. Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field. That the client is one of the agency's and
 * that the agency keeps an owner need the database: the service checks them.
 */
public record ChangeRoleCommand(UserId id, Role role, ClientId clientId, Long version) {

    public ChangeRoleCommand {
        clientOfRole(new Validator().required("id", id).required("role", role), role, clientId).throwIfInvalid();
    }

    /** A CLIENT contact belongs to a client, and only a CLIENT contact does (also {@link InvitePersonCommand}'s). */
    static Validator clientOfRole(Validator v, Role role, ClientId clientId) {
        if (role == Role.CLIENT) {
            v.check(clientId != null, "clientId", "choose the client this contact belongs to", ErrorCode.REQUIRED);
        } else if (role != null) {
            v.check(clientId == null, "clientId", "only a CLIENT contact is tied to a client", ErrorCode.OUT_OF_RANGE);
        }
        return v;
    }
}
