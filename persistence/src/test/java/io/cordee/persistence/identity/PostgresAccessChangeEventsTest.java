package io.cordee.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.identity.AccessChangeEvents;
import io.cordee.core.identity.AccessChangeEvents.Heard;
import io.cordee.core.identity.AccessChangeEventsContract;
import io.cordee.core.people.PeopleRepository;
import io.cordee.persistence.common.PgListener;
import io.cordee.persistence.people.PeoplePersistenceAdapter;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link AccessChangeEvents} on the real PostgreSQL keeps its contract (V13's triggers announce the changes), plus
 * what is PostgreSQL's own: a notice naming no readable user is heard as such.
 */
class PostgresAccessChangeEventsTest extends AccessChangeEventsContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    PostgresAccessChangeEventsTest() {
        super(new DatabaseWorld());
    }

    @Override
    protected AccessChangeEvents newInstance() {
        return new PostgresAccessChangeEvents(PgListener.dedicatedFactory(TestDatabase.options(),
                "cordee-access-contract-" + UUID.randomUUID()));
    }

    @Override
    protected PeopleRepository people() {
        return new PeoplePersistenceAdapter(TestDatabase.client());
    }

    @Test
    void aNoticeNamingNoReadableUserIsHeardAsUnreadable() throws Exception {
        AccessChangeEvents events = newInstance();
        CompletableFuture<Heard> heard = events.heard().filter(h -> !(h instanceof Heard.ListeningStarted)).next()
                .toFuture();
        waitUntil(events::isListening);
        TestDatabase.client().sql("SELECT pg_notify('" + PostgresAccessChangeEvents.CHANNEL
                + "', 'U:not-an-agency:nor-a-user')").then().block(WAIT);
        assertThat(heard.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Heard.Unreadable());
    }
}
