package io.cordee.core.client;

import io.cordee.core.agency.Segment;

/**
 * Which clients to list: by segment, by a part of the name (case-insensitive), with or without the
 * archived ones; {@code onlyClient} narrows to one client (a {@code CLIENT} user's own).
 */
public record ClientFilter(Segment segment, String nameContains, boolean includeArchived, ClientId onlyClient) {

    public static ClientFilter all() {
        return new ClientFilter(null, null, false, null);
    }

    public ClientFilter onlyClient(ClientId clientId) {
        return new ClientFilter(segment, nameContains, includeArchived, clientId);
    }
}
