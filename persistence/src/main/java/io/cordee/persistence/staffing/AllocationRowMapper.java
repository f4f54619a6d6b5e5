package io.cordee.persistence.staffing;

import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.Allocation;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.persistence.common.PersistenceMapperConfig;
import java.util.UUID;
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

    default AllocationId allocationId(UUID id) {
        return id == null ? null : new AllocationId(id);
    }

    default UUID uuid(AllocationId id) {
        return id == null ? null : id.value();
    }

    default TeamMemberId teamMemberId(UUID id) {
        return id == null ? null : new TeamMemberId(id);
    }

    default UUID uuid(TeamMemberId id) {
        return id == null ? null : id.value();
    }

    default ProjectId projectId(UUID id) {
        return id == null ? null : new ProjectId(id);
    }

    default UUID uuid(ProjectId id) {
        return id == null ? null : id.value();
    }
}
