package io.cordee.persistence.deal;

import io.r2dbc.postgresql.codec.Json;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("deal")
public record DealRow(UUID agencyId, UUID id, String name, UUID clientId, String prospectName, String prospectSegment,
                      String currency, long expectedFeeMinor, int probabilityPercent, LocalDate expectedStart,
                      int duration, String durationUnit, int depositPercent, boolean monthlyInArrears, Json milestones,
                      Json staffingNeed, String stage, UUID projectId, long version) {
}
