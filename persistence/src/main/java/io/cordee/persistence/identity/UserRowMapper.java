package io.cordee.persistence.identity;

import io.cordee.core.client.ClientId;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.persistence.common.PersistenceMapperConfig;
import java.util.UUID;
import org.mapstruct.Mapper;

@Mapper(config = PersistenceMapperConfig.class)
public interface UserRowMapper {

    User toDomain(UserRow row);

    UserRow toRow(User user);

    default UserId userId(UUID id) {
        return id == null ? null : new UserId(id);
    }

    default UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }

    default ClientId clientId(UUID id) {
        return id == null ? null : new ClientId(id);
    }

    default UUID uuid(ClientId id) {
        return id == null ? null : id.value();
    }
}
