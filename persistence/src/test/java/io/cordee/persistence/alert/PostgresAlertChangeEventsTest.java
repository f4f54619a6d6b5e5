package io.cordee.persistence.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.alert.AlertChangeEvents;
import io.cordee.persistence.common.PgListener;
import io.cordee.persistence.support.DatabaseWorld;
import io.cordee.persistence.support.TestDatabase;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;

/** The contract of {@link AlertChangeEvents} on the real PostgreSQL, plus what is PostgreSQL's own: the listener's connection. */
class PostgresAlertChangeEventsTest extends AlertChangeEventsContract {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final DatabaseClient db = TestDatabase.client();
    private String lastName;

    PostgresAlertChangeEventsTest() {
        super(new DatabaseWorld());
    }

    @Override
    AlertChangeEvents newInstance() {
        lastName = "cordee-contract-" + INSTANCES.incrementAndGet() + "-" + ProcessHandle.current().pid();
        return new PostgresAlertChangeEvents(PgListener.dedicatedFactory(TestDatabase.options(), lastName), db);
    }

    @Test
    void everySubscriberOfAnInstanceSharesOneConnectionThatGoesWithTheLast() throws Exception {
        AlertChangeEvents events = newInstance();
        String name = lastName;
        Disposable first = events.heard().subscribe();
        Disposable second = events.heard().subscribe();
        waitFor(events::isListening);
        assertThat(listeners(name)).isEqualTo(1);

        first.dispose();
        assertThat(events.isListening()).isTrue();
        assertThat(listeners(name)).isEqualTo(1);
        second.dispose();
        waitFor(() -> listeners(name) == 0);
        assertThat(events.isListening()).isFalse();
    }

    private long listeners(String applicationName) {
        return db.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = :n")
                .bind("n", applicationName).map(row -> row.get(0, Long.class)).one().block(WAIT);
    }
}
