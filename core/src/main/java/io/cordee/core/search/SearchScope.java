package io.cordee.core.search;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import java.util.Objects;
import java.util.Set;

/**
 * What one search may look at: the caller's agency (always), the kinds its role may find and, for a
 * client contact, the one client whose projects and briefs it may find ({@code null}: every client).
 */
public record SearchScope(AgencyId agencyId, Set<SearchKind> kinds, ClientId onlyClient) {

    public SearchScope {
        Objects.requireNonNull(agencyId, "agencyId");
        kinds = Set.copyOf(kinds);
    }
}
