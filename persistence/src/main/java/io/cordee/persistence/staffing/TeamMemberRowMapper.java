package io.cordee.persistence.staffing;

import io.cordee.core.staffing.TeamMember;
import io.cordee.persistence.common.PersistenceMapperConfig;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(config = PersistenceMapperConfig.class)
public interface TeamMemberRowMapper {

    @Mapping(target = "monthlyLoadedCost",
            expression = "java(PersistenceMapperConfig.Common.money(row.monthlyLoadedCostMinor(), row.currency()))")
    @Mapping(target = "dailyBillRate",
            expression = "java(PersistenceMapperConfig.Common.money(row.dailyBillRateMinor(), row.currency()))")
    @Mapping(target = "absences", ignore = true)
    TeamMember toDomain(TeamMemberRow row);

    @Mapping(target = "currency", source = "monthlyLoadedCost.currency.currencyCode")
    @Mapping(target = "monthlyLoadedCostMinor", source = "monthlyLoadedCost.minorUnits")
    @Mapping(target = "dailyBillRateMinor", source = "dailyBillRate.minorUnits")
    TeamMemberRow toRow(TeamMember member);
}
