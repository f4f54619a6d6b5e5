package io.cordee.core.agency;

import java.util.Objects;

/** The tenant: one agency, its name and its settings. */
public record Agency(AgencyId id, String name, AgencySettings settings, long version) {
    public Agency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
    }
}
