package io.cordee.core.people;

import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Role;

/** What an owner fills in to invite someone: a CLIENT comes with its client; language null = the agency's. */
public record InvitationDraft(String email, Role role, ClientId clientId, String language) {
}
