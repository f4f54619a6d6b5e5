package io.cordee.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A background thread runs at nice 19 (ADR 92) and of the idle scheduling policy (ADR 96), read back from
 * {@code /proc}, while the thread that made it keeps its own priority and policy: only the background work yields.
 */
class BackgroundThreadsTest {

    @Test
    void aBackgroundThreadRunsAtTheLowestPriorityAndItsMakerKeepsItsOwn() throws Exception {
        Assumptions.assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux /proc");
        String maker = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        int makerNice = BackgroundThreads.niceOf(maker);
        int makerPolicy = BackgroundThreads.policyOf(maker);

        assertThat(seenBy(new BackgroundThreads("test-background-", true)))
                .isEqualTo("test-background-1 nice 19 policy " + BackgroundThreads.IDLE_POLICY);
        // with cordee.background.idle-policy=false: nice 19, the normal policy (0)
        assertThat(seenBy(new BackgroundThreads("test-plain-", false))).isEqualTo("test-plain-1 nice 19 policy 0");
        assertThat(BackgroundThreads.niceOf(maker)).as("the maker's nice value").isEqualTo(makerNice);
        assertThat(BackgroundThreads.policyOf(maker)).as("the maker's policy").isEqualTo(makerPolicy).isZero();
    }

    /** What a thread of {@code threads} reads of itself: its name, nice value and scheduling policy. */
    private static String seenBy(BackgroundThreads threads) throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        Thread thread = threads.newThread(() -> {
            try {
                String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
                seen.complete(Thread.currentThread().getName() + " nice " + BackgroundThreads.niceOf(self)
                        + " policy " + BackgroundThreads.policyOf(self));
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
        thread.start();
        assertThat(thread.isDaemon()).isTrue();
        return seen.get(30, TimeUnit.SECONDS);
    }
}
