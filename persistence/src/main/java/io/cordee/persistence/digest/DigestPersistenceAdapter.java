package io.cordee.persistence.digest;

import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.digest.DigestRecipient;
import io.cordee.core.digest.DigestRepository;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.persistence.common.CredentialTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The weekly digest's rows (V28). Every statement filters by agency. */
@Repository
public class DigestPersistenceAdapter implements DigestRepository {

    private final DatabaseClient db;

    public DigestPersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<DigestRecipient> recipients(AgencyId agencyId) {
        return db.sql("""
                        SELECT u.id, u.email, u.display_name, u.role,
                               coalesce((SELECT i.language FROM invitation i
                                          WHERE i.agency_id = u.agency_id AND i.accepted_by = u.id
                                          ORDER BY i.accepted_at DESC LIMIT 1), a.language, 'en') AS language
                          FROM app_user u JOIN agency a ON a.agency_id = u.agency_id
                         WHERE u.agency_id = :a AND u.role IN ('OWNER', 'FINANCE') AND u.deactivated_at IS NULL
                           AND NOT u.digest_opt_out
                         ORDER BY u.email""")
                .bind("a", agencyId.value())
                .map(row -> new DigestRecipient(new UserId(row.get("id", UUID.class)), row.get("email", String.class),
                        row.get("display_name", String.class), Role.valueOf(row.get("role", String.class)),
                        row.get("language", String.class)))
                .all();
    }

    @Override
    public Flux<AgencyId> unclaimedThisWeek(Instant now) {
        // date_trunc('week', …) is the ISO week's Monday, the same Monday DigestService computes
        return db.sql("SELECT a.agency_id FROM agency a WHERE NOT EXISTS (SELECT 1 FROM digest_run r"
                        + " WHERE r.agency_id = a.agency_id"
                        + " AND r.week = date_trunc('week', CAST(:now AS timestamptz) AT TIME ZONE a.time_zone)::date)"
                        + " ORDER BY a.agency_id")
                .bind("now", utc(now))
                .map(row -> new AgencyId(row.get("agency_id", UUID.class))).all();
    }

    @Override
    public Mono<Boolean> claim(AgencyId agencyId, LocalDate week, Instant at) {
        return db.sql("INSERT INTO digest_run (agency_id, week, claimed_at) VALUES (:a, :w, :t) ON CONFLICT DO NOTHING")
                .bind("a", agencyId.value()).bind("w", week).bind("t", utc(at))
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    @Override
    public Mono<Void> finish(AgencyId agencyId, LocalDate week, Instant at, int sent, int failed) {
        return db.sql("UPDATE digest_run SET finished_at = :t, sent = :s, failed = :f WHERE agency_id = :a AND week = :w")
                .bind("a", agencyId.value()).bind("w", week).bind("t", utc(at))
                .bind("s", sent).bind("f", failed)
                .fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Boolean> setOptOut(AgencyId agencyId, UserId userId, boolean optOut) {
        return db.sql("UPDATE app_user SET digest_opt_out = :o, updated_at = now() WHERE agency_id = :a AND id = :u"
                        + " RETURNING digest_opt_out")
                .bind("a", agencyId.value()).bind("u", userId.value()).bind("o", optOut)
                .map(row -> row.get(0, Boolean.class)).one();
    }

    @Override
    public Mono<Boolean> optOut(AgencyId agencyId, UserId userId) {
        return db.sql("SELECT digest_opt_out FROM app_user WHERE agency_id = :a AND id = :u")
                .bind("a", agencyId.value()).bind("u", userId.value())
                .map(row -> row.get(0, Boolean.class)).one().defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> saveUnsubscribeLink(byte[] tokenHash, AgencyId agencyId, UserId userId, Instant at,
                                          Instant expiresAt) {
        return db.sql("DELETE FROM digest_unsubscribe WHERE expires_at <= :t").bind("t", utc(at))
                .fetch().rowsUpdated()
                .then(db.sql("INSERT INTO digest_unsubscribe (token_hash, agency_id, user_id, created_at, expires_at)"
                                + " VALUES (:h, :a, :u, :t, :e)")
                        .bind("h", tokenHash).bind("a", agencyId.value())
                        .bind("u", userId.value()).bind("t", utc(at))
                        .bind("e", utc(expiresAt)).fetch().rowsUpdated())
                .then();
    }

    @Override
    public Mono<Boolean> unsubscribe(byte[] tokenHash, Instant at) {
        // only an actual change is written (and audited): a second click changes nothing
        return db.sql("""
                        WITH link AS (SELECT agency_id, user_id FROM digest_unsubscribe
                                       WHERE %s AND expires_at > :t),
                             changed AS (UPDATE app_user u SET digest_opt_out = true, updated_at = now() FROM link
                                          WHERE u.agency_id = link.agency_id AND u.id = link.user_id
                                            AND NOT u.digest_opt_out RETURNING u.id)
                        SELECT count(*) FROM link""".formatted(CredentialTokens.rowOf("", "DIGEST_UNSUBSCRIBE", "h")))
                .bind("h", tokenHash).bind("t", utc(at))
                .map(row -> row.get(0, Long.class)).one().map(n -> n > 0);
    }
}
