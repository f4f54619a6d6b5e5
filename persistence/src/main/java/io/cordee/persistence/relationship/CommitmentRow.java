package io.cordee.persistence.relationship;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("client_commitment")
public record CommitmentRow(UUID agencyId, UUID id, UUID clientId, UUID projectId, String kind, String title,
                            LocalDate dueDate, LocalDate deliveredDate, long version) {
}
