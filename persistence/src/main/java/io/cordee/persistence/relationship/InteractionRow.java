package io.cordee.persistence.relationship;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("interaction")
public record InteractionRow(UUID agencyId, UUID id, UUID clientId, LocalDate date, String kind,
                             String[] agencyParticipants, String[] clientParticipants, String summary,
                             Integer agencyEnergy, Integer clientEnergy, boolean internal, long version) {
}
