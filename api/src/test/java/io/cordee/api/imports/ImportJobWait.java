package io.cordee.api.imports;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import tools.jackson.databind.JsonNode;

/** What the import tests share about a job applied in the background (ADR 56); not {@link ImportJobs}, the application's. */
final class ImportJobWait {

    /** A safety net for a loaded machine, not a speed requirement (ADR 89). */
    static final Duration WAIT = Duration.ofSeconds(60);

    private ImportJobWait() {
    }

    /** Reads the job until it has left APPLYING (applied or failed) and returns it as it then is. */
    static JsonNode awaitEnd(Callable<JsonNode> job) {
        return await("the import job leaves APPLYING").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(job, read -> !read.path("status").asString().equals("APPLYING"));
    }
}
