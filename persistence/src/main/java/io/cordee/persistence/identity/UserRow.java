package io.cordee.persistence.identity;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("app_user")
public record UserRow(UUID agencyId, UUID id, String email, String displayName, String role, UUID clientId,
                      String passwordHash) {
}
