package io.cordee.persistence.staffing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("team_member")
public record TeamMemberRow(UUID agencyId, UUID id, String name, String jobTitle, String[] skills, BigDecimal fte,
                            String currency, long monthlyLoadedCostMinor, long dailyBillRateMinor, LocalDate startDate,
                            LocalDate endDate, boolean archived, long version) {
}
