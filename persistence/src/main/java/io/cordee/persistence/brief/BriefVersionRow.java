package io.cordee.persistence.brief;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("brief_version")
public record BriefVersionRow(UUID agencyId, UUID id, UUID briefId, int number, String status, String[] objectives,
                              String[] targetUsers, String[] constraints, String[] assumptions, String[] outOfScope,
                              LocalDate launchDate, LocalDate communicationPlanDate, long version) {
}
