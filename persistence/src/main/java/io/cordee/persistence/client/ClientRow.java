package io.cordee.persistence.client;

import io.r2dbc.postgresql.codec.Json;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("client")
public record ClientRow(UUID agencyId, UUID id, String name, String segment, int paymentTermsDays, Json contacts,
                        String fundingStage, LocalDate runwayEnd, LocalDate nextRoundExpected,
                        String nextRoundStatus, boolean archived, long version) {
}
