package io.cordee.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.core.common.Computations;
import io.cordee.core.common.TransactionRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** ADR 93: what the daily pass reads and writes goes through connections of its own; a request's never does. */
@ApiTest
class BackgroundConnectionsTest {

    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionRunner tx;

    /** The session's name, and the thread that maps its row with that thread's nice value. */
    private Mono<String> whoAnswers() {
        return db.sql("SELECT current_setting('application_name') AS name")
                .map((row, meta) -> row.get("name", String.class) + " | " + thread()).one();
    }

    private static String thread() {
        String name = Thread.currentThread().getName().replaceAll("-\\d+$", "-N");
        try {
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            return name + " nice " + BackgroundThreads.niceOf(self);
        } catch (Exception e) {
            return name + " (no /proc)";
        }
    }

    @Test
    void aBackgroundReadHasItsOwnSessionOnItsOwnLowPriorityThread() {
        String request = whoAnswers().block(Duration.ofSeconds(30));
        String background = whoAnswers().contextWrite(Computations::inBackground).block(Duration.ofSeconds(30));

        // a request's statement: the application's pool, the shared event loops at the normal priority
        assertThat(request).doesNotStartWith(BackgroundConnections.APPLICATION_NAME)
                .doesNotContain("cordee-background-db").doesNotContain("nice 19");
        // the pass's: named cordee-background in pg_stat_activity, on the loop of its own, at nice 19 (ADR 92)
        assertThat(background).startsWith(BackgroundConnections.APPLICATION_NAME + " | cordee-background-db")
                .endsWith(" nice 19");
    }

    @Test
    void aTransactionOfTheBackgroundIsWhollyOnItsConnection() {
        // two statements in one transaction: both on the background session, and the same backend
        Mono<String> both = tx.inTransaction(db.sql("SELECT current_setting('application_name') || ' '"
                        + " || pg_backend_pid() AS who").map((row, meta) -> row.get("who", String.class)).one()
                .zipWith(db.sql("SELECT current_setting('application_name') || ' ' || pg_backend_pid() AS who")
                        .map((row, meta) -> row.get("who", String.class)).one(), (a, b) -> a + " = " + b));

        String inBackground = both.contextWrite(Computations::inBackground).block(Duration.ofSeconds(30));
        String[] sides = inBackground.split(" = ");
        assertThat(sides[0]).startsWith(BackgroundConnections.APPLICATION_NAME + " ").isEqualTo(sides[1]);

        String asRequest = both.block(Duration.ofSeconds(30));
        assertThat(asRequest).doesNotContain(BackgroundConnections.APPLICATION_NAME);
    }
}
