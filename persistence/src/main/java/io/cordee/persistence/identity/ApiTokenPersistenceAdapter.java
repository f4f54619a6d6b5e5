package io.cordee.persistence.identity;

import static io.cordee.persistence.common.Timestamps.instant;
import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.identity.ApiToken;
import io.cordee.core.identity.ApiTokenAccess;
import io.cordee.core.identity.ApiTokenArea;
import io.cordee.core.identity.ApiTokenId;
import io.cordee.core.identity.ApiTokenRepository;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.persistence.common.CredentialTokens;
import io.cordee.persistence.common.KeysetQuery;
import io.cordee.persistence.common.Sql;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Partner API tokens: a token is looked up with its creator in one statement on every request. */
@Repository
public class ApiTokenPersistenceAdapter implements ApiTokenRepository {

    private static final String COLUMNS = "agency_id, id, created_by, name, access, areas, hint, created_at,"
            + " expires_at, last_used_at, revoked_at";

    private static final KeysetQuery<ApiTokenRow> PAGE = new KeysetQuery<>("api_token", COLUMNS, "created_at",
            ApiTokenRow.class, row -> row.createdAt().toInstant().toString(), ApiTokenRow::id,
            value -> utc(Instant.parse(value)), true);

    private final DatabaseClient db;
    private final UserRowMapper users;

    public ApiTokenPersistenceAdapter(DatabaseClient db, UserRowMapper users) {
        this.db = db;
        this.users = users;
    }

    /** A row of {@code api_token}. */
    public record ApiTokenRow(UUID agencyId, UUID id, UUID createdBy, String name, String access, String[] areas,
                              String hint, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                              OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

        ApiToken toDomain() {
            return new ApiToken(new ApiTokenId(id), new AgencyId(agencyId), new UserId(createdBy), name,
                    ApiTokenAccess.valueOf(access),
                    Arrays.stream(areas).map(ApiTokenArea::valueOf).collect(Collectors.toSet()), hint,
                    createdAt.toInstant(), instant(expiresAt), instant(lastUsedAt), instant(revokedAt));
        }
    }

    /** A token row joined with its creator's row. */
    public record WithCreatorRow(UUID agencyId, UUID id, UUID createdBy, String name, String access, String[] areas,
                                 String hint, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                                 OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, String email,
                                 String displayName, String role, UUID clientId, String passwordHash,
                                 Boolean creatorDeactivated) {
    }

    @Override
    public Mono<ApiToken> insert(ApiToken token, byte[] valueHash) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO api_token (agency_id, id, created_by, name,"
                        + " access, areas, token_hash, hint, created_at, expires_at) VALUES (:agencyId, :id, :createdBy,"
                        + " :name, :access, :areas, :tokenHash, :hint, :createdAt, :expiresAt) RETURNING " + COLUMNS)
                .bind("agencyId", token.agencyId().value()).bind("id", token.id().value())
                .bind("createdBy", token.createdBy().value()).bind("name", token.name())
                .bind("access", token.access().name())
                .bind("areas", token.areas().stream().map(Enum::name).sorted().toArray(String[]::new))
                .bind("tokenHash", valueHash).bind("hint", token.hint())
                .bind("createdAt", utc(token.createdAt()));
        spec = token.expiresAt() == null ? spec.bindNull("expiresAt", OffsetDateTime.class)
                : spec.bind("expiresAt", utc(token.expiresAt()));
        return spec.mapProperties(ApiTokenRow.class).one().map(ApiTokenRow::toDomain);
    }

    @Override
    public Mono<WithCreator> findByHash(byte[] valueHash) {
        return db.sql("SELECT t.agency_id, t.id, t.created_by, t.name, t.access, t.areas, t.hint, t.created_at,"
                        + " t.expires_at, t.last_used_at, t.revoked_at, u.email, u.display_name, u.role, u.client_id,"
                        + " u.password_hash, u.deactivated_at IS NOT NULL AS creator_deactivated FROM api_token t"
                        + " JOIN app_user u ON u.agency_id = t.agency_id AND u.id = t.created_by"
                        + " WHERE " + CredentialTokens.rowOf("t.", "API_TOKEN", "tokenHash"))
                .bind("tokenHash", valueHash)
                .mapProperties(WithCreatorRow.class).one()
                .map(r -> new WithCreator(
                        new ApiTokenRow(r.agencyId(), r.id(), r.createdBy(), r.name(), r.access(), r.areas(), r.hint(),
                                r.createdAt(), r.expiresAt(), r.lastUsedAt(), r.revokedAt()).toDomain(),
                        users.toDomain(new UserRow(r.agencyId(), r.createdBy(), r.email(), r.displayName(), r.role(),
                                r.clientId(), r.passwordHash())), Boolean.TRUE.equals(r.creatorDeactivated())));
    }

    @Override
    public Mono<ApiToken> find(AgencyId agencyId, ApiTokenId id) {
        return db.sql("SELECT " + COLUMNS + " FROM api_token WHERE agency_id = :agencyId AND id = :id")
                .bind("agencyId", agencyId.value()).bind("id", id.value())
                .mapProperties(ApiTokenRow.class).one().map(ApiTokenRow::toDomain);
    }

    @Override
    public Mono<Page<ApiToken>> findPage(AgencyId agencyId, boolean includeInactive, Instant now, PageRequest page) {
        Sql where = Sql.forAgency(agencyId.value());
        if (!includeInactive) {
            where.and("revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)")
                    .param("now", utc(now));
        }
        return PAGE.fetch(db, where, page, ApiTokenRow::toDomain);
    }

    @Override
    public Mono<ApiToken> revoke(AgencyId agencyId, ApiTokenId id, Instant now) {
        return db.sql("UPDATE api_token SET revoked_at = coalesce(revoked_at, :now)"
                        + " WHERE agency_id = :agencyId AND id = :id RETURNING " + COLUMNS)
                .bind("agencyId", agencyId.value()).bind("id", id.value()).bind("now", utc(now))
                .mapProperties(ApiTokenRow.class).one().map(ApiTokenRow::toDomain);
    }

    @Override
    public Flux<User> findUsers(AgencyId agencyId, Collection<UserId> ids) {
        return db.sql("SELECT agency_id, id, email, display_name, role, client_id, password_hash FROM app_user"
                        + " WHERE agency_id = :agencyId AND id = ANY(:ids)")
                .bind("agencyId", agencyId.value())
                .bind("ids", ids.stream().map(UserId::value).toArray(UUID[]::new))
                .mapProperties(UserRow.class).all().map(users::toDomain);
    }

    @Override
    public Mono<Void> touch(AgencyId agencyId, ApiTokenId id, Instant now) {
        return db.sql("UPDATE api_token SET last_used_at = :now WHERE agency_id = :agencyId AND id = :id"
                        + " AND (last_used_at IS NULL OR last_used_at < :now)")
                .bind("agencyId", agencyId.value()).bind("id", id.value()).bind("now", utc(now))
                .then();
    }
}
