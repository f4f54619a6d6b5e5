package io.cordee.persistence.billing;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("invoice")
public record InvoiceRow(UUID agencyId, UUID id, UUID clientId, UUID projectId, String planKey, String number,
                         String label,
                         String status, LocalDate issueDate, LocalDate dueDate, String currency, long amountMinor,
                         long paidMinor, LocalDate paidDate, long version) {
}
