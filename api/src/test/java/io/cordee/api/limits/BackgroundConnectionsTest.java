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

    /** The nice value and the parent of process {@code pid}, from {@code /proc}. */
    private static int[] niceAndParent(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // after the command's name, in parentheses: state (field 3), parent (field 4)
        int parent = Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[4 - 3]);
        return new int[] {BackgroundThreads.niceIn(stat), parent};
    }

    @Test
    void theBackgroundSessionsBackendRunsAtTheLowestPriorityARequestsAtThePostmasters() throws Exception {
        Mono<Integer> backend = db.sql("SELECT pg_backend_pid() AS pid")
                .map((row, meta) -> row.get("pid", Integer.class)).one();
        int background = backend.contextWrite(Computations::inBackground).block(Duration.ofSeconds(30));
        int request = backend.block(Duration.ofSeconds(30));

        // the tests' database is embedded: a process of this machine, over 127.0.0.1, so ADR 94 applies
        int[] backgroundBackend = niceAndParent(background);
        int[] requestBackend = niceAndParent(request);
        int postmaster = niceAndParent(requestBackend[1])[0];
        assertThat(backgroundBackend[0]).isEqualTo(BackgroundThreads.NICE);
        // a request's backend keeps what it inherited from the postmaster (both children of the same one)
        assertThat(requestBackend[0]).isEqualTo(postmaster).isLessThan(BackgroundThreads.NICE);
        assertThat(backgroundBackend[1]).isEqualTo(requestBackend[1]);
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
