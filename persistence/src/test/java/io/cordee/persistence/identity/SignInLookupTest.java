package io.cordee.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.Session;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The global lookups of ADR 71 ({@code sign_in_email}, {@code credential_token}, V49): written by triggers in the
 * transaction that writes the user or the session, whatever writes it (plain SQL here, as the archive import and
 * the demo data do), and the path every sign-in and every request takes: lookup, then agency, then tenant row.
 */
class SignInLookupTest {

    private final DatabaseClient db = TestDatabase.client();
    private final UserPersistenceAdapter users = new UserPersistenceAdapter(db, new UserRowMapperImpl());
    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private UUID insertUser(AgencyId agency, String email) {
        UUID id = ids.newId();
        db.sql("INSERT INTO app_user (agency_id, id, email, display_name, role, password_hash)"
                        + " VALUES (:a, :id, :e, 'Ana', 'OWNER', 'x')")
                .bind("a", agency.value()).bind("id", id).bind("e", email).then().block();
        return id;
    }

    /** The lookup's row for an address: "agency/user", or nothing. */
    private List<String> lookup(String email) {
        return db.sql("SELECT agency_id::text || '/' || user_id::text FROM sign_in_email WHERE email = :e")
                .bind("e", email).map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private long tokens(AgencyId agency) {
        return db.sql("SELECT count(*) FROM credential_token WHERE agency_id = :a").bind("a", agency.value())
                .map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void aUserCreatedRenamedAndDeletedKeepsTheLookupRight() {
        AgencyId agency = TestDatabase.newAgency();
        String first = "ana-" + run + "@studio.example";
        String second = "ana.b-" + run + "@studio.example";

        UUID ana = insertUser(agency, first);
        assertThat(lookup(first)).containsExactly(agency.value() + "/" + ana);
        User signedIn = users.findByEmail(first).block();
        assertThat(signedIn.id()).isEqualTo(new UserId(ana));
        assertThat(signedIn.agencyId()).isEqualTo(agency);

        db.sql("UPDATE app_user SET email = :e WHERE agency_id = :a AND id = :id")
                .bind("e", second).bind("a", agency.value()).bind("id", ana).then().block();
        assertThat(lookup(first)).isEmpty();
        assertThat(lookup(second)).containsExactly(agency.value() + "/" + ana);
        assertThat(users.findByEmail(first).block()).isNull();
        assertThat(users.findByEmail(second).block().id()).isEqualTo(new UserId(ana));

        // an update that leaves the e-mail alone does not touch the lookup
        db.sql("UPDATE app_user SET display_name = 'Ana B.' WHERE agency_id = :a AND id = :id")
                .bind("a", agency.value()).bind("id", ana).then().block();
        assertThat(lookup(second)).containsExactly(agency.value() + "/" + ana);

        db.sql("DELETE FROM app_user WHERE agency_id = :a AND id = :id")
                .bind("a", agency.value()).bind("id", ana).then().block();
        assertThat(lookup(second)).isEmpty();
        assertThat(users.findByEmail(second).block()).isNull();
    }

    @Test
    void twoAgenciesCannotTakeTheSameSignInEmail() {
        AgencyId studio = TestDatabase.newAgency();
        AgencyId other = TestDatabase.newAgency();
        String address = "lea-" + run + "@studio.example";
        String freed = "old-" + run + "@other.example";
        UUID lea = insertUser(studio, address);

        assertThatThrownBy(() -> insertUser(other, address)).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("sign_in_email_pkey");
        // nor in the same agency, nor by changing an address to one that is taken
        assertThatThrownBy(() -> insertUser(studio, address)).isInstanceOf(DataIntegrityViolationException.class);
        UUID bob = insertUser(other, freed);
        assertThatThrownBy(() -> db.sql("UPDATE app_user SET email = :e WHERE agency_id = :a AND id = :id")
                .bind("e", address).bind("a", other.value()).bind("id", bob).then().block())
                .isInstanceOf(DataIntegrityViolationException.class);

        // nothing changed: the address signs in to the first agency only, the refused rows are not there
        assertThat(lookup(address)).containsExactly(studio.value() + "/" + lea);
        assertThat(lookup(freed)).containsExactly(other.value() + "/" + bob);
        assertThat(users.findByEmail(address).block().agencyId()).isEqualTo(studio);
        assertThat(db.sql("SELECT count(*) FROM app_user WHERE email = :e").bind("e", address)
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1L);

        // an address given up by one agency can be taken by another
        db.sql("UPDATE app_user SET email = :e WHERE agency_id = :a AND id = :id")
                .bind("e", "lea.new-" + run + "@studio.example").bind("a", studio.value()).bind("id", lea).then().block();
        UUID taken = insertUser(other, address);
        assertThat(lookup(address)).containsExactly(other.value() + "/" + taken);
        assertThat(users.findByEmail(address).block().agencyId()).isEqualTo(other);
    }

    @Test
    void aSessionIsFoundThroughItsHashAndForgottenWithItsUser() {
        AgencyId agency = TestDatabase.newAgency();
        UUID ana = insertUser(agency, "sess-" + run + "@studio.example");
        Instant now = Instant.parse("2026-12-03T09:00:00Z");
        byte[] hash = UUID.randomUUID().toString().getBytes();
        users.insert(new Session(ids.newId(), agency, new UserId(ana), hash, now, now.plus(Duration.ofDays(7))))
                .block();
        assertThat(tokens(agency)).isEqualTo(1);
        assertThat(users.findUserOfActiveSession(hash, now.plusSeconds(60)).block().id()).isEqualTo(new UserId(ana));
        // a hash nobody holds finds nothing (the lookup yields no agency)
        assertThat(users.findUserOfActiveSession("nobody".getBytes(), now).block()).isNull();

        users.revoke(hash, now.plusSeconds(120)).block();
        assertThat(users.findUserOfActiveSession(hash, now.plusSeconds(180)).block()).isNull();

        // deleting the user deletes the session (ON DELETE CASCADE), and its lookup row with it
        db.sql("DELETE FROM app_user WHERE agency_id = :a AND id = :id")
                .bind("a", agency.value()).bind("id", ana).then().block();
        assertThat(tokens(agency)).isZero();
    }
}
