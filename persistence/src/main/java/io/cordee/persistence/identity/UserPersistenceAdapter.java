package io.cordee.persistence.identity;

import static io.cordee.persistence.common.Sql.insertInto;
import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.Session;
import io.cordee.core.identity.SessionRepository;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import io.cordee.persistence.common.CredentialTokens;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Users and their sessions: a session is looked up with its user in one statement on every request. */
@Repository
public class UserPersistenceAdapter implements UserRepository, SessionRepository {

    private static final String COLUMNS = "agency_id, id, email, display_name, role, client_id, password_hash";

    private final DatabaseClient db;
    private final UserRowMapper mapper;

    public UserPersistenceAdapter(DatabaseClient db, UserRowMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<User> findByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM app_user WHERE agency_id = (SELECT agency_id FROM sign_in_email"
                        + " WHERE email = :email) AND email = :email AND deactivated_at IS NULL")
                .bind("email", email)
                .mapProperties(UserRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<User> findById(AgencyId agencyId, UserId id) {
        return db.sql("SELECT " + COLUMNS + " FROM app_user WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .mapProperties(UserRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<User> insert(User user) {
        return db.sql(insertInto("app_user", COLUMNS) + " RETURNING " + COLUMNS)
                .bindProperties(mapper.toRow(user))
                .mapProperties(UserRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Session> insert(Session session) {
        return db.sql("INSERT INTO user_session (agency_id, id, user_id, token_hash, created_at, expires_at)"
                        + " VALUES (:agencyId, :id, :userId, :tokenHash, :createdAt, :expiresAt)")
                .bind("agencyId", session.agencyId().value()).bind("id", session.id())
                .bind("userId", session.userId().value()).bind("tokenHash", session.tokenHash())
                .bind("createdAt", utc(session.createdAt()))
                .bind("expiresAt", utc(session.expiresAt()))
                .then().thenReturn(session);
    }

    @Override
    public Mono<User> findUserOfActiveSession(byte[] tokenHash, Instant now) {
        return db.sql("SELECT u.agency_id, u.id, u.email, u.display_name, u.role, u.client_id, u.password_hash"
                        + " FROM user_session s JOIN app_user u ON u.agency_id = s.agency_id AND u.id = s.user_id"
                        + " WHERE " + CredentialTokens.rowOf("s.", "SESSION", "tokenHash")
                        + " AND s.revoked_at IS NULL AND s.expires_at > :now"
                        + " AND u.deactivated_at IS NULL")
                .bind("tokenHash", tokenHash).bind("now", utc(now))
                .mapProperties(UserRow.class).one().map(mapper::toDomain);
    }

    @Override
    public Mono<Void> revoke(byte[] tokenHash, Instant now) {
        return db.sql("UPDATE user_session SET revoked_at = :now WHERE "
                        + CredentialTokens.rowOf("", "SESSION", "tokenHash") + " AND revoked_at IS NULL")
                .bind("tokenHash", tokenHash).bind("now", utc(now))
                .then();
    }

    @Override
    public Mono<Long> deleteDead(Instant now, int limit) {
        // a batch at a time keeps each transaction short; the newest session of each user stays
        return db.sql("DELETE FROM user_session WHERE (agency_id, id) IN (SELECT s.agency_id, s.id FROM user_session s"
                        + " WHERE (s.expires_at <= :now OR s.revoked_at IS NOT NULL)"
                        + " AND EXISTS (SELECT 1 FROM user_session n WHERE n.agency_id = s.agency_id"
                        + " AND n.user_id = s.user_id AND n.created_at > s.created_at)"
                        + " LIMIT :limit)")
                .bind("now", utc(now)).bind("limit", limit)
                .fetch().rowsUpdated();
    }
}
