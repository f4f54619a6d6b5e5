package io.cordee.persistence.identity;

import static io.cordee.persistence.common.Timestamps.instant;
import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.TwoFactorRepository;
import io.cordee.core.identity.UserId;
import io.cordee.persistence.common.CredentialTokens;
import io.cordee.persistence.common.Sql;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** TOTP, recovery codes, sign-in challenges (V31). Every statement filters by agency, but a challenge's lookup by hash. */
@Repository
public class TwoFactorPersistenceAdapter implements TwoFactorRepository {

    private final DatabaseClient db;

    public TwoFactorPersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<TwoFactor> find(AgencyId agencyId, UserId userId) {
        return db.sql("SELECT secret, enabled_at, last_step FROM two_factor WHERE agency_id = :a AND user_id = :u")
                .bind("a", agencyId.value()).bind("u", userId.value())
                .map(row -> new TwoFactor(agencyId, userId, toBytes(row.get("secret")),
                        instant(row.get("enabled_at", OffsetDateTime.class)), row.get("last_step", Long.class)))
                .one();
    }

    @Override
    public Mono<Void> savePending(AgencyId agencyId, UserId userId, byte[] secret) {
        return db.sql("INSERT INTO two_factor (agency_id, user_id, secret) VALUES (:a, :u, :s)"
                        + " ON CONFLICT (agency_id, user_id) DO UPDATE SET secret = EXCLUDED.secret, last_step = 0,"
                        + " updated_at = now() WHERE two_factor.enabled_at IS NULL")
                .bind("a", agencyId.value()).bind("u", userId.value()).bind("s", secret).then();
    }

    @Override
    public Mono<Boolean> useStep(AgencyId agencyId, UserId userId, long step) {
        return db.sql("UPDATE two_factor SET last_step = :s WHERE agency_id = :a AND user_id = :u AND last_step < :s")
                .bind("s", step).bind("a", agencyId.value()).bind("u", userId.value())
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    @Override
    public Mono<Void> enable(AgencyId agencyId, UserId userId, Instant now) {
        return db.sql("UPDATE two_factor SET enabled_at = :now, version = version + 1, updated_at = :now"
                        + " WHERE agency_id = :a AND user_id = :u AND enabled_at IS NULL")
                .bind("now", utc(now)).bind("a", agencyId.value()).bind("u", userId.value()).then();
    }

    @Override
    public Mono<Void> disable(AgencyId agencyId, UserId userId) {
        return db.sql("DELETE FROM two_factor WHERE agency_id = :a AND user_id = :u")
                .bind("a", agencyId.value()).bind("u", userId.value()).then();
    }

    @Override
    public Mono<Void> replaceRecoveryCodes(AgencyId agencyId, UserId userId, List<byte[]> codeHashes) {
        Mono<Void> delete = db.sql("DELETE FROM two_factor_recovery_code WHERE agency_id = :a AND user_id = :u")
                .bind("a", agencyId.value()).bind("u", userId.value()).then();
        return delete.thenMany(Flux.fromIterable(codeHashes).concatMap(hash -> db.sql(
                        "INSERT INTO two_factor_recovery_code (agency_id, user_id, code_hash) VALUES (:a, :u, :h)")
                .bind("a", agencyId.value()).bind("u", userId.value()).bind("h", hash).then())).then();
    }

    @Override
    public Mono<Boolean> useRecoveryCode(AgencyId agencyId, UserId userId, byte[] codeHash, Instant now) {
        return db.sql("UPDATE two_factor_recovery_code SET used_at = :now WHERE agency_id = :a AND user_id = :u"
                        + " AND code_hash = :h AND used_at IS NULL")
                .bind("now", utc(now)).bind("a", agencyId.value()).bind("u", userId.value()).bind("h", codeHash)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    @Override
    public Mono<Long> recoveryCodesLeft(AgencyId agencyId, UserId userId) {
        return db.sql("SELECT count(*) AS n FROM two_factor_recovery_code WHERE agency_id = :a AND user_id = :u"
                        + " AND used_at IS NULL")
                .bind("a", agencyId.value()).bind("u", userId.value()).map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Mono<Void> insertChallenge(AgencyId agencyId, byte[] tokenHash, UserId userId, boolean enrol, Instant now,
                                      Instant expiresAt) {
        return db.sql("INSERT INTO sign_in_challenge (agency_id, token_hash, user_id, enrol, created_at, expires_at)"
                        + " VALUES (:a, :h, :u, :e, :now, :exp)")
                .bind("a", agencyId.value()).bind("h", tokenHash).bind("u", userId.value()).bind("e", enrol)
                .bind("now", utc(now)).bind("exp", utc(expiresAt)).then();
    }

    @Override
    public Mono<Challenge> findChallenge(byte[] tokenHash) {
        return db.sql("SELECT agency_id, user_id, enrol, expires_at, used_at, failures FROM sign_in_challenge"
                        + " WHERE " + CredentialTokens.rowOf("", "SIGN_IN_CHALLENGE", "h"))
                .bind("h", tokenHash)
                .map(row -> new Challenge(new AgencyId(row.get("agency_id", UUID.class)),
                        new UserId(row.get("user_id", UUID.class)), Boolean.TRUE.equals(row.get("enrol", Boolean.class)),
                        instant(row, "expires_at"),
                        instant(row.get("used_at", OffsetDateTime.class)), row.get("failures", Integer.class)))
                .one();
    }

    @Override
    public Mono<Boolean> useChallenge(byte[] tokenHash, Instant now) {
        return db.sql("UPDATE sign_in_challenge SET used_at = :now WHERE "
                        + CredentialTokens.rowOf("", "SIGN_IN_CHALLENGE", "h") + " AND used_at IS NULL"
                        + " AND expires_at > :now")
                .bind("now", utc(now)).bind("h", tokenHash).fetch().rowsUpdated().map(n -> n == 1);
    }

    @Override
    public Mono<Void> challengeFailed(byte[] tokenHash) {
        return db.sql("UPDATE sign_in_challenge SET failures = failures + 1 WHERE "
                        + CredentialTokens.rowOf("", "SIGN_IN_CHALLENGE", "h"))
                .bind("h", tokenHash).then();
    }

    @Override
    public Mono<Set<Role>> requiredRoles(AgencyId agencyId) {
        return db.sql("SELECT require_two_factor_for FROM agency WHERE agency_id = :a").bind("a", agencyId.value())
                .map(row -> row.get("require_two_factor_for", String[].class)).one()
                .map(TwoFactorPersistenceAdapter::roles)
                .defaultIfEmpty(EnumSet.noneOf(Role.class));
    }

    @Override
    public Mono<Boolean> setRequiredRoles(AgencyId agencyId, Set<Role> roles, long version) {
        return db.sql(Sql.updateAtVersion("agency", "require_two_factor_for = :r", ""))
                .bind("r", roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                .bind("agencyId", agencyId.value()).bind("version", version)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    @Override
    public Mono<Void> revokeSessionsWithoutTwoFactor(AgencyId agencyId, Set<Role> roles, UserId except, Instant now) {
        if (roles.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("UPDATE user_session s SET revoked_at = :now FROM app_user u"
                        + " WHERE s.agency_id = :a AND u.agency_id = s.agency_id AND u.id = s.user_id"
                        + " AND s.revoked_at IS NULL AND u.role = ANY(:r) AND u.id <> :except"
                        + " AND NOT EXISTS (SELECT 1 FROM two_factor t WHERE t.agency_id = u.agency_id"
                        + " AND t.user_id = u.id AND t.enabled_at IS NOT NULL)")
                .bind("now", utc(now)).bind("a", agencyId.value())
                .bind("r", roles.stream().map(Enum::name).toArray(String[]::new)).bind("except", except.value())
                .then();
    }

    private static Set<Role> roles(String[] names) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(names).map(Role::valueOf).forEach(set::add);
        return set;
    }

    private static byte[] toBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        throw new IllegalStateException("bytea read as " + (value == null ? "null" : value.getClass()));
    }
}
