package io.cordee.persistence.identity;

import io.cordee.core.identity.User;
import io.cordee.persistence.common.PersistenceMapperConfig;
import org.mapstruct.Mapper;

@Mapper(config = PersistenceMapperConfig.class)
public interface UserRowMapper {

    User toDomain(UserRow row);

    UserRow toRow(User user);
}
