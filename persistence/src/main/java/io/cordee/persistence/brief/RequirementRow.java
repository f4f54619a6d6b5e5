package io.cordee.persistence.brief;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("brief_requirement")
public record RequirementRow(UUID briefVersionId, int position, String key, String title, String userStory,
                             String priority, BigDecimal estimateDays) {
}
