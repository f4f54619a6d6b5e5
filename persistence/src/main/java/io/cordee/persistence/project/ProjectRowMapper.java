package io.cordee.persistence.project;

import io.cordee.core.client.ClientId;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectId;
import io.cordee.persistence.common.PersistenceMapperConfig;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(config = PersistenceMapperConfig.class)
public interface ProjectRowMapper {

    @Mapping(target = "feeBudget",
            expression = "java(PersistenceMapperConfig.Common.money(row.feeBudgetMinor(), row.currency()))")
    Project toDomain(ProjectRow row);

    @Mapping(target = "currency", source = "feeBudget.currency.currencyCode")
    @Mapping(target = "feeBudgetMinor", source = "feeBudget.minorUnits")
    ProjectRow toRow(Project project);

    default ProjectId projectId(UUID id) {
        return id == null ? null : new ProjectId(id);
    }

    default UUID uuid(ProjectId id) {
        return id == null ? null : id.value();
    }

    default ClientId clientId(UUID id) {
        return id == null ? null : new ClientId(id);
    }

    default UUID uuid(ClientId id) {
        return id == null ? null : id.value();
    }
}
