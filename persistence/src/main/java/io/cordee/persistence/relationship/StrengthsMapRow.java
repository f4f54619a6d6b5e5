package io.cordee.persistence.relationship;

import io.r2dbc.postgresql.codec.Json;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("strengths_map")
public record StrengthsMapRow(UUID agencyId, UUID clientId, Json strengths, String[] expectations, long version) {
}
