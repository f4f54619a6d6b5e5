package io.cordee.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Conditions;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * ADR 50: a request whose client goes away while its statement waits in PostgreSQL gives its connection back
 * and leaves one quiet line in the log, never a stack trace (issue 16 saw 39,578 of them and an exhausted pool).
 *
 * <p>The statement is made to wait without any test-only code path: a second connection, outside the pool,
 * holds an {@code ACCESS EXCLUSIVE} lock on {@code bank_account}, which the request's query must read.
 */
@ApiTest
class CancelledRequestTest {

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    Environment env;
    @Autowired
    Tenants tenants;

    @Test
    void aClientThatGoesAwayReleasesTheConnectionAndLeavesOneQuietLine() throws Exception {
        Tenants.Tenant tenant = tenants.create("Cancelled Request Agency");
        String session = tenants.signIn(tenant.email(Role.OWNER), Tenants.PASSWORD);
        String query = "{ bankAccounts { name } }";
        ConnectionPool pool = applicationPool();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();

        try (Connection locker = jdbc(); Connection watcher = jdbc()) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE bank_account IN ACCESS EXCLUSIVE MODE");
            }
            root.addAppender(log);
            Disposable request = WebClient.create("http://127.0.0.1:" + port).post().uri("/graphql")
                    .cookie("CORDEE_SESSION", session).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", query)).retrieve().bodyToMono(String.class).subscribe();
            // the request's statement waits for the lock, on a pool connection
            await("the request's statement waits for the lock").atMost(Duration.ofSeconds(30))
                    .until(() -> waitingForTheLock(watcher) == 1);
            assertThat(pool.getMetrics().orElseThrow().acquiredSize()).as("held while it waits").isEqualTo(1);

            request.dispose(); // the client goes away
            boolean stoppedWaiting = Conditions.holdsWithin(Duration.ofSeconds(3), () -> waitingForTheLock(watcher) == 0);
            System.out.printf("cancelled request: its statement %s waiting for the lock within 3 s%n",
                    stoppedWaiting ? "stopped" : "was still");
            locker.rollback();
        } finally {
            boolean released = Conditions.holdsWithin(Duration.ofSeconds(30),
                    () -> pool.getMetrics().orElseThrow().acquiredSize() == 0);
            root.detachAppender(log);
            assertThat(released).as("connections still acquired: %d", pool.getMetrics().orElseThrow().acquiredSize())
                    .isTrue();
        }

        List<ILoggingEvent> events = List.copyOf(log.list);
        assertThat(events).as("no stack trace in the log").allSatisfy(e -> assertThat(e.getThrowableProxy())
                .as(e.getFormattedMessage()).isNull());
        assertThat(events).filteredOn(e -> e.getLoggerName().equals(RequestLimits.class.getName()))
                .singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("cancelled"));
        // and the pool serves the next request
        tenants.withToken(session).document(query).execute().path("bankAccounts").entityList(Object.class)
                .hasSizeGreaterThan(-1);
    }

    private long waitingForTheLock(Connection watcher) {
        try (Statement s = watcher.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM"
                + " pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%bank_account%'"
                + " AND pid <> pg_backend_pid()")) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection jdbc() throws java.sql.SQLException {
        return DriverManager.getConnection(env.getProperty("spring.flyway.url"), env.getProperty("spring.flyway.user"),
                env.getProperty("spring.flyway.password"));
    }

    private ConnectionPool applicationPool() {
        Object current = connectionFactory;
        while (!(current instanceof ConnectionPool) && current instanceof Wrapped<?> wrapped) {
            current = wrapped.unwrap();
        }
        return (ConnectionPool) current;
    }
}
