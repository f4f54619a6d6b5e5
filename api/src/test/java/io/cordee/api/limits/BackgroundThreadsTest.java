package io.cordee.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A background thread runs at nice 19 (ADR 92), read back from {@code /proc}, while the thread that made it keeps
 * its own priority: only the background work yields.
 */
class BackgroundThreadsTest {

    @Test
    void aBackgroundThreadRunsAtTheLowestPriorityAndItsMakerKeepsItsOwn() throws Exception {
        Assumptions.assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux /proc");
        String maker = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        int makerNice = BackgroundThreads.niceOf(maker);

        CompletableFuture<String> seen = new CompletableFuture<>();
        Thread thread = new BackgroundThreads("test-background-").newThread(() -> {
            try {
                String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
                seen.complete(Thread.currentThread().getName() + " " + BackgroundThreads.niceOf(self));
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
        thread.start();

        assertThat(seen.get(30, TimeUnit.SECONDS)).isEqualTo("test-background-1 19");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(BackgroundThreads.niceOf(maker)).as("the maker's nice value").isEqualTo(makerNice);
    }
}
