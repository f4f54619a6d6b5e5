package io.cordee.persistence.brief;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("brief")
public record BriefRow(UUID agencyId, UUID id, UUID projectId, String title, long version) {
}
