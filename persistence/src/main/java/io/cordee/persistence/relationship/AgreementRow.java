package io.cordee.persistence.relationship;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("agreement")
public record AgreementRow(UUID agencyId, UUID id, UUID clientId, UUID projectId, String what, String ownerSide,
                           String ownerName, LocalDate dueDate, String status, LocalDate doneDate, long version) {
}
