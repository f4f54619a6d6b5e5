package io.cordee.persistence.agency;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("agency")
public record AgencyRow(UUID agencyId, String name, String currency, String timeZone, long safetyCashThresholdMinor,
                        int payday, int delayStartupDays, int delaySmeDays, int delayEnterpriseDays,
                        int delayPublicDays, long version) {
}
