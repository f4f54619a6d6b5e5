package io.cordee.core.relationship;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A meeting, call, workshop or e-mail worth logging: who took part on each side, what was said, and
 * how much energy each side brought (1–5, null when that side did not rate it). An {@code internal}
 * interaction is an agency-only note: a CLIENT user never sees it.
 */
public record Interaction(InteractionId id, AgencyId agencyId, ClientId clientId, LocalDate date,
                          InteractionKind kind, List<String> agencyParticipants, List<String> clientParticipants,
                          String summary, Integer agencyEnergy, Integer clientEnergy, boolean internal,
                          long version) {

    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        agencyParticipants = agencyParticipants == null ? List.of() : List.copyOf(agencyParticipants);
        clientParticipants = clientParticipants == null ? List.of() : List.copyOf(clientParticipants);
        checkEnergy(agencyEnergy);
        checkEnergy(clientEnergy);
    }

    private static void checkEnergy(Integer energy) {
        if (energy != null && (energy < 1 || energy > 5)) {
            throw new IllegalArgumentException("energy must be 1–5, got " + energy);
        }
    }
}
