package io.cordee.persistence.people;

import static io.cordee.persistence.common.Timestamps.instant;
import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.UserId;
import io.cordee.core.mail.Letterhead;
import io.cordee.core.people.Invitation;
import io.cordee.core.people.PeopleRepository;
import io.cordee.core.people.Person;
import io.cordee.persistence.agency.Letterheads;
import io.cordee.persistence.common.CredentialTokens;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** People and invitations (V21). Every statement filters by agency, except the link's lookup by hash. */
@Repository
public class PeoplePersistenceAdapter implements PeopleRepository {

    private static final String PERSON = "SELECT u.agency_id, u.id, u.email, u.display_name, u.role, u.client_id,"
            + " u.deactivated_at, u.created_at, u.version,"
            + " (SELECT max(s.created_at) FROM user_session s WHERE s.agency_id = u.agency_id AND s.user_id = u.id)"
            + " AS last_signed_in_at FROM app_user u";
    private static final String INVITATION = "agency_id, id, email, role, client_id, language, invited_by, created_at,"
            + " expires_at, accepted_at, revoked_at, version";

    private final DatabaseClient db;

    public PeoplePersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Letterhead> letterhead(AgencyId agencyId) {
        return Letterheads.read(db, agencyId);
    }

    @Override
    public Flux<Person> findPeople(AgencyId agencyId) {
        return db.sql(PERSON + " WHERE u.agency_id = :a ORDER BY lower(u.display_name), u.id")
                .bind("a", agencyId.value()).map(PeoplePersistenceAdapter::person).all();
    }

    @Override
    public Mono<Person> findPerson(AgencyId agencyId, UserId id) {
        return db.sql(PERSON + " WHERE u.agency_id = :a AND u.id = :id")
                .bind("a", agencyId.value()).bind("id", id.value()).map(PeoplePersistenceAdapter::person).one();
    }

    @Override
    public Flux<Invitation> findOpenInvitations(AgencyId agencyId) {
        return db.sql("SELECT " + INVITATION + " FROM invitation WHERE agency_id = :a AND accepted_at IS NULL"
                        + " AND revoked_at IS NULL ORDER BY created_at DESC, id DESC")
                .bind("a", agencyId.value()).map(PeoplePersistenceAdapter::invitation).all();
    }

    @Override
    public Mono<Invitation> findInvitation(AgencyId agencyId, UUID id) {
        return db.sql("SELECT " + INVITATION + " FROM invitation WHERE agency_id = :a AND id = :id")
                .bind("a", agencyId.value()).bind("id", id).map(PeoplePersistenceAdapter::invitation).one();
    }

    @Override
    public Mono<Invitation> findByTokenForUpdate(byte[] tokenHash) {
        return db.sql("SELECT " + INVITATION + " FROM invitation WHERE "
                        + CredentialTokens.rowOf("", "INVITATION", "h") + " FOR UPDATE")
                .bind("h", tokenHash).map(PeoplePersistenceAdapter::invitation).one();
    }

    @Override
    public Mono<Boolean> clientExists(AgencyId agencyId, ClientId clientId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM client WHERE agency_id = :a AND id = :c) AS found")
                .bind("a", agencyId.value()).bind("c", clientId.value())
                .map(row -> row.get("found", Boolean.class)).one();
    }

    @Override
    public Mono<Boolean> lockAndCheckAddressUsed(AgencyId agencyId, String email, Instant now, UUID except) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:a || '/' || :e, 21))")
                .bind("a", agencyId.value().toString()).bind("e", email).then()
                .then(db.sql("SELECT EXISTS (SELECT 1 FROM sign_in_email WHERE email = :e)"
                                + " OR EXISTS (SELECT 1 FROM invitation WHERE agency_id = :a AND email = :e"
                                + " AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now"
                                + " AND id IS DISTINCT FROM :except) AS used")
                        .bind("e", email).bind("a", agencyId.value()).bind("now", utc(now))
                        .bind("except", except == null ? UUID.fromString("00000000-0000-0000-0000-000000000000") : except)
                        .map(row -> row.get("used", Boolean.class)).one());
    }

    @Override
    public Mono<Boolean> userWithEmail(String email) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM sign_in_email WHERE email = :e) AS taken").bind("e", email)
                .map(row -> row.get("taken", Boolean.class)).one();
    }

    @Override
    public Mono<Invitation> insertInvitation(Invitation i, byte[] tokenHash) {
        var spec = db.sql("INSERT INTO invitation (agency_id, id, email, role, client_id, language, token_hash,"
                        + " invited_by, created_at, expires_at) VALUES (:a, :id, :e, :r, :c, :l, :h, :by, :at, :exp)"
                        + " RETURNING " + INVITATION)
                .bind("a", i.agencyId().value()).bind("id", i.id()).bind("e", i.email()).bind("r", i.role().name())
                .bind("l", i.language()).bind("h", tokenHash).bind("by", i.invitedBy().value())
                .bind("at", utc(i.createdAt())).bind("exp", utc(i.expiresAt()));
        spec = i.clientId() == null ? spec.bindNull("c", UUID.class) : spec.bind("c", i.clientId().value());
        return spec.map(PeoplePersistenceAdapter::invitation).one();
    }

    @Override
    public Mono<Invitation> replaceToken(AgencyId agencyId, UUID id, byte[] tokenHash, Instant createdAt,
                                         Instant expiresAt) {
        return db.sql("UPDATE invitation SET token_hash = :h, created_at = :at, expires_at = :exp,"
                        + " version = version + 1, updated_at = now() WHERE agency_id = :a AND id = :id"
                        + " AND accepted_at IS NULL AND revoked_at IS NULL RETURNING " + INVITATION)
                .bind("h", tokenHash).bind("at", utc(createdAt)).bind("exp", utc(expiresAt))
                .bind("a", agencyId.value()).bind("id", id).map(PeoplePersistenceAdapter::invitation).one();
    }

    @Override
    public Mono<Invitation> revokeInvitation(AgencyId agencyId, UUID id, Instant now) {
        return db.sql("UPDATE invitation SET revoked_at = :now, version = version + 1, updated_at = now()"
                        + " WHERE agency_id = :a AND id = :id AND accepted_at IS NULL AND revoked_at IS NULL"
                        + " RETURNING " + INVITATION)
                .bind("now", utc(now)).bind("a", agencyId.value()).bind("id", id)
                .map(PeoplePersistenceAdapter::invitation).one()
                .switchIfEmpty(Mono.defer(() -> findInvitation(agencyId, id)));
    }

    @Override
    public Mono<Void> markAccepted(AgencyId agencyId, UUID id, UserId acceptedBy, Instant now) {
        return db.sql("UPDATE invitation SET accepted_at = :now, accepted_by = :u, version = version + 1,"
                        + " updated_at = now() WHERE agency_id = :a AND id = :id")
                .bind("now", utc(now)).bind("u", acceptedBy.value()).bind("a", agencyId.value()).bind("id", id)
                .then();
    }

    @Override
    public Mono<List<UserId>> lockActiveOwners(AgencyId agencyId) {
        return db.sql("SELECT id FROM app_user WHERE agency_id = :a AND role = 'OWNER' AND deactivated_at IS NULL"
                        + " ORDER BY id FOR UPDATE")
                .bind("a", agencyId.value()).map(row -> new UserId(row.get("id", UUID.class))).all().collectList();
    }

    @Override
    public Mono<Person> updateRole(AgencyId agencyId, UserId id, Role role, ClientId clientId, Long expectedVersion) {
        var spec = db.sql("UPDATE app_user SET role = :r, client_id = :c, version = version + 1, updated_at = now()"
                        + " WHERE agency_id = :a AND id = :id AND (:v::bigint IS NULL OR version = :v::bigint)")
                .bind("r", role.name()).bind("a", agencyId.value()).bind("id", id.value());
        spec = clientId == null ? spec.bindNull("c", UUID.class) : spec.bind("c", clientId.value());
        spec = expectedVersion == null ? spec.bindNull("v", Long.class) : spec.bind("v", expectedVersion);
        return spec.fetch().rowsUpdated().flatMap(n -> n == 0 ? Mono.empty() : findPerson(agencyId, id));
    }

    @Override
    public Mono<Person> setDeactivated(AgencyId agencyId, UserId id, Instant deactivatedAt, Long expectedVersion) {
        var spec = db.sql("UPDATE app_user SET deactivated_at = :d, version = version + 1, updated_at = now()"
                        + " WHERE agency_id = :a AND id = :id AND (:v::bigint IS NULL OR version = :v::bigint)")
                .bind("a", agencyId.value()).bind("id", id.value());
        spec = deactivatedAt == null ? spec.bindNull("d", OffsetDateTime.class) : spec.bind("d", utc(deactivatedAt));
        spec = expectedVersion == null ? spec.bindNull("v", Long.class) : spec.bind("v", expectedVersion);
        return spec.fetch().rowsUpdated().flatMap(n -> n == 0 ? Mono.empty() : findPerson(agencyId, id));
    }

    @Override
    public Mono<Void> endAccess(AgencyId agencyId, UserId id, Instant now) {
        return db.sql("UPDATE user_session SET revoked_at = :now WHERE agency_id = :a AND user_id = :u"
                        + " AND revoked_at IS NULL")
                .bind("now", utc(now)).bind("a", agencyId.value()).bind("u", id.value()).then()
                .then(db.sql("UPDATE api_token SET revoked_at = :now WHERE agency_id = :a AND created_by = :u"
                                + " AND revoked_at IS NULL")
                        .bind("now", utc(now)).bind("a", agencyId.value()).bind("u", id.value()).then());
    }

    private static Person person(Readable row) {
        UUID client = row.get("client_id", UUID.class);
        return new Person(new UserId(row.get("id", UUID.class)), new AgencyId(row.get("agency_id", UUID.class)),
                row.get("email", String.class), row.get("display_name", String.class),
                Role.valueOf(row.get("role", String.class)), client == null ? null : new ClientId(client),
                instant(row, "deactivated_at"), instant(row, "last_signed_in_at"), instant(row, "created_at"),
                row.get("version", Long.class));
    }

    private static Invitation invitation(Readable row) {
        UUID client = row.get("client_id", UUID.class);
        return new Invitation(row.get("id", UUID.class), new AgencyId(row.get("agency_id", UUID.class)),
                row.get("email", String.class), Role.valueOf(row.get("role", String.class)),
                client == null ? null : new ClientId(client), row.get("language", String.class),
                new UserId(row.get("invited_by", UUID.class)), instant(row, "created_at"), instant(row, "expires_at"),
                instant(row, "accepted_at"), instant(row, "revoked_at"), row.get("version", Long.class));
    }
}
