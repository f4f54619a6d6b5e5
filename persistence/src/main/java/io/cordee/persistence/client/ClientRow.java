package io.cordee.persistence.client;

import io.r2dbc.postgresql.codec.Json;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("client")
public record ClientRow(UUID agencyId, UUID id, String name, String segment, int paymentTermsDays, Json contacts,
                        String fundingStage, LocalDate runwayEnd, LocalDate nextRoundExpected,
                        String nextRoundStatus, boolean archived, long version) {

    /**
     * The row of a statement selecting the adapter's {@code COLUMNS}, read by position rather than by
     * reflection over this record (ADR 54): the forecast's picture reads every client of the agency.
     */
    static ClientRow read(io.r2dbc.spi.Readable row) {
        return new ClientRow(row.get(0, UUID.class), row.get(1, UUID.class), row.get(2, String.class),
                row.get(3, String.class), ((Number) row.get(4)).intValue(), row.get(5, Json.class),
                row.get(6, String.class), row.get(7, LocalDate.class), row.get(8, LocalDate.class),
                row.get(9, String.class), row.get(10, Boolean.class), ((Number) row.get(11)).longValue());
    }
}
