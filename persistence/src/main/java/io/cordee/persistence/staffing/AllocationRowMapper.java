package io.cordee.persistence.staffing;

import io.cordee.core.staffing.Allocation;
import io.cordee.persistence.common.PersistenceMapperConfig;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(config = PersistenceMapperConfig.class)
public interface AllocationRowMapper {

    @Mapping(target = "memberId", source = "teamMemberId")
    @Mapping(target = "from", source = "startDate")
    @Mapping(target = "to", source = "endDate")
    Allocation toDomain(AllocationRow row);

    @Mapping(target = "teamMemberId", source = "memberId")
    @Mapping(target = "startDate", source = "from")
    @Mapping(target = "endDate", source = "to")
    AllocationRow toRow(Allocation allocation);
}
