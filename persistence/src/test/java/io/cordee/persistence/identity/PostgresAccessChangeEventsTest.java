package io.cordee.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.identity.AccessChangeEvents;
import io.cordee.core.identity.AccessChangeEvents.Heard;
import io.cordee.core.identity.UserId;
import io.cordee.persistence.common.PgListener;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * {@link AccessChangeEvents} on the real PostgreSQL: two instances each hear their listening start, then a
 * change V13's trigger announces, in the port's words; a notice naming no readable user is heard as such.
 */
class PostgresAccessChangeEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final DatabaseClient db = TestDatabase.client();

    private AccessChangeEvents newInstance(String name) {
        return new PostgresAccessChangeEvents(PgListener.dedicatedFactory(TestDatabase.options(),
                "cordee-access-contract-" + name + "-" + UUID.randomUUID()));
    }

    @Test
    void twoInstancesHearARoleChangeMadeInTheDatabase() throws Exception {
        AccessChangeEvents first = newInstance("first");
        AccessChangeEvents second = newInstance("second");
        AgencyId agency = TestDatabase.newAgency();
        UUID user = new UuidV7IdGenerator().newId();
        db.sql("INSERT INTO app_user (agency_id, id, email, display_name, role, password_hash)"
                        + " VALUES (:a, :id, :e, 'Ana', 'OWNER', 'x')")
                .bind("a", agency.value()).bind("id", user).bind("e", user + "@example.org").then().block(WAIT);
        // each instance's first two notices: its start, then the first change of this agency
        CompletableFuture<List<Heard>> heardByFirst = startAndFirstChange(first, agency);
        CompletableFuture<List<Heard>> heardBySecond = startAndFirstChange(second, agency);
        await().atMost(WAIT).until(() -> first.isListening() && second.isListening());

        db.sql("UPDATE app_user SET role = 'FINANCE' WHERE agency_id = :a AND id = :id")
                .bind("a", agency.value()).bind("id", user).then().block(WAIT);

        for (CompletableFuture<List<Heard>> heard : List.of(heardByFirst, heardBySecond)) {
            assertThat(heard.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsExactly(new Heard.ListeningStarted(),
                    new Heard.UserChanged(agency, new UserId(user)));
        }
    }

    @Test
    void aNoticeNamingNoReadableUserIsHeardAsUnreadable() throws Exception {
        AccessChangeEvents events = newInstance("unreadable");
        CompletableFuture<Heard> heard = events.heard().filter(h -> !(h instanceof Heard.ListeningStarted)).next()
                .toFuture();
        await().atMost(WAIT).until(events::isListening);
        db.sql("SELECT pg_notify('" + PostgresAccessChangeEvents.CHANNEL + "', 'U:not-an-agency:nor-a-user')")
                .then().block(WAIT);
        assertThat(heard.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Heard.Unreadable());
    }

    private static CompletableFuture<List<Heard>> startAndFirstChange(AccessChangeEvents events, AgencyId agency) {
        return events.heard()
                .filter(h -> h instanceof Heard.ListeningStarted
                        || h instanceof Heard.UserChanged changed && changed.agencyId().equals(agency))
                .take(2).collectList().toFuture();
    }
}
