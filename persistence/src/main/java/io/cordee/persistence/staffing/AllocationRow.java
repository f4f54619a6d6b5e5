package io.cordee.persistence.staffing;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("allocation")
public record AllocationRow(UUID agencyId, UUID id, UUID teamMemberId, UUID projectId, int sharePercent,
                            LocalDate startDate, LocalDate endDate, long version) {
}
