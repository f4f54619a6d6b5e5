package io.cordee.persistence.project;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("project")
public record ProjectRow(UUID agencyId, UUID id, UUID clientId, String name, String status, LocalDate startDate,
                         LocalDate launchDate, LocalDate communicationPlanDate, String currency, long feeBudgetMinor,
                         int paymentTermsDays, long version) {
}
