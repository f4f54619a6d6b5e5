package io.cordee.persistence.agency;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.persistence.common.PersistenceMapperConfig;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(config = PersistenceMapperConfig.class, imports = Segment.class)
public interface AgencyRowMapper {

    @Mapping(target = "id", source = "agencyId")
    @Mapping(target = "settings", expression = "java(settings(row))")
    Agency toDomain(AgencyRow row);

    @Mapping(target = "agencyId", source = "id")
    @Mapping(target = "currency", source = "settings.currency.currencyCode")
    @Mapping(target = "timeZone", expression = "java(agency.settings().timeZone().getId())")
    @Mapping(target = "safetyCashThresholdMinor", source = "settings.safetyCashThreshold.minorUnits")
    @Mapping(target = "payday", source = "settings.payday")
    @Mapping(target = "delayStartupDays", expression = "java(delay(agency, Segment.STARTUP))")
    @Mapping(target = "delaySmeDays", expression = "java(delay(agency, Segment.SME))")
    @Mapping(target = "delayEnterpriseDays", expression = "java(delay(agency, Segment.ENTERPRISE))")
    @Mapping(target = "delayPublicDays", expression = "java(delay(agency, Segment.PUBLIC))")
    AgencyRow toRow(Agency agency);

    default AgencySettings settings(AgencyRow row) {
        Currency currency = Currency.getInstance(row.currency().trim());
        return new AgencySettings(currency, ZoneId.of(row.timeZone()),
                PersistenceMapperConfig.Common.money(row.safetyCashThresholdMinor(), row.currency()), row.payday(),
                Map.of(Segment.STARTUP, row.delayStartupDays(), Segment.SME, row.delaySmeDays(),
                        Segment.ENTERPRISE, row.delayEnterpriseDays(), Segment.PUBLIC, row.delayPublicDays()));
    }

    default int delay(Agency agency, Segment segment) {
        return agency.settings().defaultPaymentDelayDays().get(segment);
    }
}
