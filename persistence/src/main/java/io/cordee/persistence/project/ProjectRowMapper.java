package io.cordee.persistence.project;

import io.cordee.core.project.Project;
import io.cordee.persistence.common.PersistenceMapperConfig;
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
}
