package io.cordee.core.relationship;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import java.util.List;
import java.util.Objects;

/**
 * The "doubles" of one relationship: per domain, the agency's and the client's strengths and who
 * leads; and what the agency expects from the client beyond money. Set and replaced whole.
 */
public record StrengthsMap(AgencyId agencyId, ClientId clientId, List<Strength> strengths, List<String> expectations,
                           long version) {

    public StrengthsMap {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(clientId, "clientId");
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        expectations = expectations == null ? List.of() : List.copyOf(expectations);
    }
}
