package io.cordee.persistence.staffing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("team_member")
public record TeamMemberRow(UUID agencyId, UUID id, String name, String jobTitle, String[] skills, BigDecimal fte,
                            String currency, long monthlyLoadedCostMinor, long dailyBillRateMinor, LocalDate startDate,
                            LocalDate endDate, boolean archived, long version) {

    /**
     * The row of a statement selecting the adapter's {@code COLUMNS}, read by position rather than by
     * reflection over this record (ADR 54): the forecast's picture reads every member of the team.
     */
    static TeamMemberRow read(io.r2dbc.spi.Readable row) {
        return new TeamMemberRow(row.get(0, UUID.class), row.get(1, UUID.class), row.get(2, String.class),
                row.get(3, String.class), row.get(4, String[].class), row.get(5, BigDecimal.class),
                row.get(6, String.class), ((Number) row.get(7)).longValue(), ((Number) row.get(8)).longValue(),
                row.get(9, LocalDate.class), row.get(10, LocalDate.class), row.get(11, Boolean.class),
                ((Number) row.get(12)).longValue());
    }
}
