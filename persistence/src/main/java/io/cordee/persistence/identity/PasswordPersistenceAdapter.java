package io.cordee.persistence.identity;

import static io.cordee.persistence.common.Timestamps.instant;
import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.PasswordRepository;
import io.cordee.core.identity.PasswordReset;
import io.cordee.core.identity.UserId;
import io.cordee.core.mail.Letterhead;
import io.cordee.persistence.agency.Letterheads;
import io.cordee.persistence.common.CredentialTokens;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Passwords and reset links (V27). Every statement filters by agency, except the link's lookup by hash. */
@Repository
public class PasswordPersistenceAdapter implements PasswordRepository {

    private final DatabaseClient db;

    public PasswordPersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Letterhead> letterhead(AgencyId agencyId) {
        return Letterheads.read(db, agencyId);
    }

    @Override
    public Mono<Void> setPassword(AgencyId agencyId, UserId userId, String passwordHash, Instant now) {
        return db.sql("UPDATE app_user SET password_hash = :h, password_changed_at = :now, version = version + 1,"
                        + " updated_at = :now WHERE agency_id = :a AND id = :u")
                .bind("h", passwordHash).bind("now", utc(now)).bind("a", agencyId.value()).bind("u", userId.value())
                .then();
    }

    @Override
    public Mono<Void> revokeSessions(AgencyId agencyId, UserId userId, byte[] keep, Instant now) {
        return (keep == null
                ? db.sql("UPDATE user_session SET revoked_at = :now WHERE agency_id = :a AND user_id = :u"
                        + " AND revoked_at IS NULL")
                : db.sql("UPDATE user_session SET revoked_at = :now WHERE agency_id = :a AND user_id = :u"
                        + " AND revoked_at IS NULL AND token_hash <> :keep").bind("keep", keep))
                .bind("now", utc(now)).bind("a", agencyId.value()).bind("u", userId.value())
                .then();
    }

    @Override
    public Mono<Void> insertReset(PasswordReset reset, byte[] tokenHash) {
        return db.sql("INSERT INTO password_reset (agency_id, id, user_id, token_hash, created_at, expires_at)"
                        + " VALUES (:a, :id, :u, :h, :created, :expires)")
                .bind("a", reset.agencyId().value()).bind("id", reset.id()).bind("u", reset.userId().value())
                .bind("h", tokenHash).bind("created", utc(reset.createdAt())).bind("expires", utc(reset.expiresAt()))
                .then();
    }

    @Override
    public Mono<PasswordReset> findResetForUpdate(byte[] tokenHash) {
        return db.sql("SELECT agency_id, id, user_id, created_at, expires_at, used_at FROM password_reset"
                        + " WHERE " + CredentialTokens.rowOf("", "PASSWORD_RESET", "h") + " FOR UPDATE")
                .bind("h", tokenHash)
                .map(row -> new PasswordReset(row.get("id", UUID.class),
                        new AgencyId(row.get("agency_id", UUID.class)), new UserId(row.get("user_id", UUID.class)),
                        instant(row, "created_at"),
                        instant(row, "expires_at"),
                        instant(row.get("used_at", OffsetDateTime.class))))
                .one();
    }

    @Override
    public Mono<Void> markResetUsed(AgencyId agencyId, UUID id, Instant now) {
        return db.sql("UPDATE password_reset SET used_at = :now WHERE agency_id = :a AND id = :id")
                .bind("now", utc(now)).bind("a", agencyId.value()).bind("id", id).then();
    }
}
