package io.cordee.api.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for background work that yield the processor to requests (ADR 92): each lowers its own scheduling
 * priority when it starts — on Linux to nice 19 ({@code renice} on its own thread id, which any thread may do
 * to itself without privileges), so that the daily alert pass's computations run on what the requests leave
 * and a request's latency barely moves while it runs. Java's own thread priorities are ignored by the JVM on
 * Linux; where {@code /proc/thread-self} or {@code renice} is missing the thread simply keeps the normal
 * priority (said once in the log).
 */
final class BackgroundThreads implements ThreadFactory {

    /** The nice value of a background thread: the lowest priority there is. */
    static final int NICE = 19;

    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    BackgroundThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(() -> {
            lowerOwnPriority();
            task.run();
        }, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }

    /** Lowers the calling thread's priority to {@link #NICE}; whether it could. */
    static boolean lowerOwnPriority() {
        Path self = Path.of("/proc/thread-self");
        if (!Files.isSymbolicLink(self)) {
            log.info("Background threads keep the normal priority: no /proc/thread-self on this system");
            return false;
        }
        try {
            String threadId = Files.readSymbolicLink(self).getFileName().toString();
            if (renice(threadId)) {
                return true;
            }
            log.info("Background threads keep the normal priority: renice did not succeed");
        } catch (IOException e) {
            log.info("Background threads keep the normal priority: renice could not run ({})", e.getMessage());
        }
        return false;
    }

    /**
     * Lowers the priority of process or thread {@code id} to {@link #NICE} with {@code renice}; whether it
     * succeeded. Lowering needs no privilege for a process of the same user (raising would).
     */
    static boolean renice(String id) throws IOException {
        Process renice = new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", id)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        renice.destroy();
        return false;
    }

    /** The nice value of thread {@code threadId} of this process, from {@code /proc} (tests). */
    static int niceOf(String threadId) throws IOException {
        return niceIn(Files.readString(Path.of("/proc/self/task", threadId, "stat")));
    }

    /** The nice value in a {@code /proc/…/stat} line. */
    static int niceIn(String stat) {
        // after the command's name, in parentheses, field 3 is the state; nice is field 19
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
