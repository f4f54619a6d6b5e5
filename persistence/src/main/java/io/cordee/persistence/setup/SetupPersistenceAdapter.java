package io.cordee.persistence.setup;

import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.setup.SetupRepository;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The setup claim and tokens (V18). */
@Repository
public class SetupPersistenceAdapter implements SetupRepository {

    private final DatabaseClient db;

    public SetupPersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> needed() {
        return db.sql("SELECT NOT EXISTS (SELECT 1 FROM setup_claim) AND NOT EXISTS (SELECT 1 FROM agency) AS needed")
                .map(row -> row.get("needed", Boolean.class)).one();
    }

    @Override
    public Mono<Void> saveToken(byte[] tokenHash, Instant issuedAt) {
        return db.sql("INSERT INTO setup_token (token_hash, issued_at) VALUES (:hash, :at) ON CONFLICT DO NOTHING")
                .bind("hash", tokenHash).bind("at", utc(issuedAt)).then();
    }

    @Override
    public Mono<Boolean> tokenValid(byte[] tokenHash) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM setup_token WHERE token_hash = :hash)"
                        + " AND NOT EXISTS (SELECT 1 FROM setup_claim) AS valid")
                .bind("hash", tokenHash).map(row -> row.get("valid", Boolean.class)).one();
    }

    @Override
    public Mono<Boolean> claim(Instant at) {
        return db.sql("INSERT INTO setup_claim (singleton, claimed_at) VALUES (true, :at) ON CONFLICT DO NOTHING"
                        + " RETURNING singleton")
                .bind("at", utc(at)).map(row -> true).one().defaultIfEmpty(false)
                .flatMap(claimed -> !claimed ? Mono.just(false)
                        : db.sql("DELETE FROM setup_token").then()
                        .then(db.sql("SELECT NOT EXISTS (SELECT 1 FROM agency) AS empty")
                                .map(row -> row.get("empty", Boolean.class)).one()));
    }

    @Override
    public Mono<Boolean> emailTaken(String email) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM sign_in_email WHERE email = :email) AS taken")
                .bind("email", email).map(row -> row.get("taken", Boolean.class)).one();
    }

    @Override
    public Mono<Void> saveProfile(AgencyId agencyId, String country, String language) {
        return db.sql("UPDATE agency SET country = :country, language = :language WHERE agency_id = :id")
                .bind("country", country).bind("language", language).bind("id", agencyId.value()).then();
    }
}
