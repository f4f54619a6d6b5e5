package io.cordee.core.client;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.Segment;
import java.util.List;
import java.util.Objects;

/**
 * A client of the agency. {@code version} increases with every change; an update names the version
 * it was based on, and a stale one is refused.
 */
public record Client(ClientId id, AgencyId agencyId, String name, Segment segment, int paymentTermsDays,
                     List<Contact> contacts, FundingProfile funding, boolean archived, long version) {

    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(segment, "segment");
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
